#!/bin/sh
# BAD-INPUTS 7: blank trailing rows, ",,,," rows and rows of white space
# (ASCII, U+3000) are skipped and counted, never inserted as owners
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name,phone,remark\r\n1-2-101,陈静,,\r\n,,,\r\n  , \t ,,\r\n\r\n1-2-102,周杰,,\r\n\343\200\200,,,\r\n,,,\r\n\r\n\r\n' > "$T/blank.csv"
run pm-owner import "$T/blank.csv"
is_rc 0 "a roll with blank rows imports"
is "$(head -n 1 "$T/out")" "$T/blank.csv: 2 rows, 7 blank rows skipped" "the blank rows are counted, not imported"
is "$(sql 'SELECT count(*) FROM unit')" 6 "two units more"
is "$(sql "SELECT count(*) FROM person WHERE trim(name) = '' OR name IS NULL")" 0 "no empty owner"
is "$(sql "SELECT count(*) FROM unit WHERE trim(code) = ''")" 0 "no empty unit"

done_testing
