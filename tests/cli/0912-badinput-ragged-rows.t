#!/bin/sh
# BAD-INPUTS 12: rows with fewer or more fields than the header: an
# error per row, nothing imported; --skip-bad lands the others, exit 65
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name,remark\n1-2-101,陈静,\n1-2-102,周杰\n1-2-103,吴磊,,多了\n1-2-104,郑爽,\n' > "$T/ragged.csv"
run pm-owner import "$T/ragged.csv"
is_rc 65 "ragged rows are refused"
is_err "pm-owner: $T/ragged.csv:3: row has 2 fields, the header 3
pm-owner: $T/ragged.csv:4: row has 4 fields, the header 3" "each reported with its line"
unchanged "nothing was imported"

run pm-owner import --skip-bad --errors "$T/errors.csv" "$T/ragged.csv"
is_rc 65 "--skip-bad still exits 65"
is "$(sql "SELECT group_concat(code) FROM (SELECT code FROM unit WHERE code LIKE '1-2-%' ORDER BY code)")" \
	"1-2-101,1-2-104" "the good rows land"
is "$(tail -n +2 "$T/errors.csv" | cut -d, -f1 | tr '\r\n' '  ' | tr -s ' ')" "3 4 " \
	"the refused rows go to --errors with their original line numbers"

done_testing
