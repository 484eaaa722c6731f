#!/bin/sh
# BAD-INPUTS 3: bytes invalid in UTF-8 and in GB18030, and a multibyte
# character cut off by the end of the file: "invalid encoding" with the
# line and byte, nothing imported, nothing skipped
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name\n1-2-101,陈静\n1-2-102,\200\377\n' > "$T/bad.csv"
run pm-owner import "$T/bad.csv"
is_rc 65 "bytes that are neither UTF-8 nor GB18030 are refused"
is_err "pm-owner: $T/bad.csv:3: invalid encoding at byte 34: not GB18030 (try --encoding)" \
	"naming the file, line and byte"
unchanged "nothing was imported, not even the good row before it"

run pm-owner import --encoding utf-8 "$T/bad.csv"
is_rc 65 "with --encoding utf-8"
is_err "pm-owner: $T/bad.csv:3: invalid encoding at byte 9 of the line: not UTF-8 (try --encoding gb18030)" \
	"the byte is counted in its line"
unchanged "nothing was imported"

printf 'unit,name\n1-2-101,张三\n1-2-102,李\345\274' > "$T/cut.csv"
run pm-owner import --encoding utf-8 "$T/cut.csv"
is_rc 65 "a UTF-8 character cut off at the end of the file"
is_err "pm-owner: $T/cut.csv:3: invalid encoding at byte 12 of the line: the file ends inside a UTF-8 character" \
	"is reported as such"
run pm-owner import "$T/cut.csv"
is_rc 65 "detected, the cut-off file is not UTF-8 and not GB18030 either"
err_has "cut.csv:3: invalid encoding at byte" "and is refused with its line"
unchanged "nothing was imported"

printf 'unit,name\n1-2-103,\201' > "$T/cutgb.csv"
run pm-owner import --encoding gb18030 "$T/cutgb.csv"
is_rc 65 "a GB18030 character cut off at the end"
is_err "pm-owner: $T/cutgb.csv:2: invalid encoding at byte 19: the file ends inside a gb18030 character" \
	"is reported"
unchanged "nothing was imported"

done_testing
