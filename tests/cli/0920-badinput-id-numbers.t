#!/bin/sh
# BAD-INPUTS 20: ID numbers: bad check digit, lower-case x, the 15-digit
# pre-1999 form, an impossible birth date, Excel's 1.10105E+17 and a
# number ending in 000 (Excel kept 15 digits); each refused row is
# reported by line, column and reason, never with the number itself
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name,id_no\n1-2-101,甲,110105194912310021\n1-2-102,乙,1.10105E+17\n1-2-103,丙,110105202402300021\n1-2-104,丁,110105199001010000\n1-2-105,戊,1101051949123100\n' > "$T/bad.csv"
run pm-owner import "$T/bad.csv"
is_rc 65 "bad ID numbers are refused"
is_err "pm-owner: $T/bad.csv:2: id_no: ID number check digit wrong
pm-owner: $T/bad.csv:3: id_no: ID number in Excel's scientific notation: format the column as text and export again
pm-owner: $T/bad.csv:4: id_no: ID number has no valid birth date
pm-owner: $T/bad.csv:5: id_no: ID number check digit wrong; it ends in 000, as when Excel rounds a long number: format the column as text
pm-owner: $T/bad.csv:6: id_no: ID number has 16 characters, not 18" "each with its line and reason, the Excel ones with a hint"
PII="110105194912310021 110105202402300021 110105199001010000 1101051949123100"
no_pii "no ID number appears in the messages"
unchanged "nothing was imported"

printf 'unit,name,id_no\n1-2-101,甲,11010519491231002x\n1-2-102,乙,440305900307123\n' > "$T/good.csv"
sql "DELETE FROM ownership; DELETE FROM movein; DELETE FROM person"
run pm-owner import "$T/good.csv"
is_rc 0 "a lower-case x and a 15-digit number are accepted"
is "$(sql "SELECT group_concat(id_no, ' ') FROM (SELECT id_no FROM person ORDER BY name)")" \
	"440305199003071236 $ID1" "x becomes X; the 15-digit number gets its century and check digit"

done_testing
