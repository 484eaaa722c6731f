#!/bin/sh
# BAD-INPUTS 22: numbers as desks type them.  Until pm-fee lands, the
# exact-decimal parser is reached through areas (roll) and meter
# readings (pm-owner movein): 12.345, 1e3, NaN, 0x10, a 25-digit number,
# -0 and an empty cell.  Money's own forms (1,234.50, ¥, 元) are
# pm_money_parse's, proven by tests/fuzz/fuzz_money.c; their end-to-end
# row waits for pm-fee (tests/BAD-INPUTS-COVERAGE.md).
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,building_area,name\n1-2-101,12.345,甲\n1-2-102,1e3,乙\n1-2-103,NaN,丙\n1-2-104,0x10,丁\n1-2-105,1234567890123456789012345,戊\n1-2-106,"1,234.50",己\n1-2-107,-5,庚\n' > "$T/bad.csv"
run pm-owner import "$T/bad.csv"
is_rc 65 "malformed areas are refused"
is_err "pm-owner: $T/bad.csv:2: building_area: area has more than 2 decimals
pm-owner: $T/bad.csv:3: building_area: area not a number
pm-owner: $T/bad.csv:4: building_area: area not a number
pm-owner: $T/bad.csv:5: building_area: area not a number
pm-owner: $T/bad.csv:6: building_area: area too large: above the limit of 100000.00 m²
pm-owner: $T/bad.csv:7: building_area: area not a number
pm-owner: $T/bad.csv:8: building_area: area negative" "each with line, column and reason"
unchanged "nothing was imported"

printf 'unit,building_area,name\n1-2-101,-0,甲\n1-2-102,,乙\n1-2-103,12.500,丙\n1-2-104, ８９．３７ ,丁\n' > "$T/good.csv"
run pm-owner import "$T/good.csv"
is_rc 0 "-0, an empty cell, 12.500 and full-width digits"
is "$(sql "SELECT group_concat(coalesce(building_area, 'null'), ' ') FROM (SELECT building_area FROM unit WHERE code LIKE '1-2-%' ORDER BY code)")" \
	"0 null 1250 8937" "are 0, nothing, 12.50 and 89.37 exactly (hundredths)"

dump > "$T/before"
for v in 1e3 NaN 0x10 99999999999999999999 12.345; do
	run pm-owner movein 1-1-104 --water "$v"
	is_rc 65 "--water $v is refused"
done
is_err "pm-owner: --water '12.345': too many decimals" "naming the option, the value and the reason"
unchanged "no move-in was recorded"

done_testing
