#!/bin/sh
# BAD-INPUTS 14: a NUL byte inside a field is refused, never cut short
# by a C-string API
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name,remark\n1-2-101,陈\000静,\n' > "$T/nul.csv"
run pm-owner import "$T/nul.csv"
is_rc 65 "a NUL inside a name"
is_err "pm-owner: $T/nul.csv:2: a field holds a NUL byte" "is refused with its line"
unchanged "nothing was imported"
printf 'unit,name,remark\n1-2-101,陈静,"a\000b"\n' > "$T/nulq.csv"
run pm-owner import "$T/nulq.csv"
is_rc 65 "a NUL inside a quoted remark"
err_has "nulq.csv:2: a field holds a NUL byte" "is refused too"
unchanged "nothing was imported"

done_testing
