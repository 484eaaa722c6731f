#!/bin/sh
# BAD-INPUTS 6: a first line "sep=;" (Excel's hint) sets the delimiter and
# is never a data row; an unsupported one is an error naming the line
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'sep=;\r\nunit;name;remark\r\n1-2-101;陈静;一楼, 东户\r\n' > "$T/sep.csv"
run pm-owner import "$T/sep.csv"
is_rc 0 "a roll with sep=; imports"
is "$(sql "SELECT remark FROM unit WHERE code = '1-2-101'")" "一楼, 东户" "split on ';' (the comma is data)"
is "$(sql "SELECT count(*) FROM unit WHERE code LIKE 'SEP%'")" 0 "the sep= line is not a unit"
is "$(sql "SELECT count(*) FROM unit")" 5 "one unit more than the four before"

dump > "$T/before"
printf 'sep=x\nunit;name\n1-2-102;周杰\n' > "$T/sepx.csv"
run pm-owner import "$T/sepx.csv"
is_rc 65 "an unsupported separator"
is_err "pm-owner: $T/sepx.csv:1: unsupported separator in 'sep=' line" "is an error naming the line"
unchanged "nothing was imported"

done_testing
