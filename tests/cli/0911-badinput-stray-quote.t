#!/bin/sh
# BAD-INPUTS 11: a stray quote inside an unquoted field, or text after a
# closing quote: a strict error with the line and the byte in it
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name\n1-2-101,ab"c\n' > "$T/stray.csv"
run pm-owner import "$T/stray.csv"
is_rc 65 "ab\"c is refused"
is_err "pm-owner: $T/stray.csv:2: malformed quoting at byte 11: a quote inside an unquoted field, or text after a closing quote" \
	"with line 2, byte 11 (the quote)"
unchanged "nothing was imported"
printf 'unit,name\n1-2-101,陈静\n1-2-102,"ab"c\n' > "$T/after.csv"
run pm-owner import "$T/after.csv"
is_rc 65 "\"ab\"c is refused"
is_err "pm-owner: $T/after.csv:3: malformed quoting at byte 13: a quote inside an unquoted field, or text after a closing quote" \
	"with line 3, byte 13 (the c after the closing quote)"
unchanged "nothing was imported, not even line 2"

done_testing
