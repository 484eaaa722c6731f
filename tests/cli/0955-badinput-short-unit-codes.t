#!/bin/sh
# BAD-INPUTS 49: unit codes with no building, or of a building of one
# staircase.  A unit is in a building: building-entrance-room or
# building-room.  "101", "A101" (one segment) and "-2-1501" (the
# building left out) are bad cells with FILE:LINE; "1-101" and "S-01"
# are building-room.  pm-owner unit add applies the same rule.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

NB="no building in the unit code (write 3-2-1501 or 3-1501)"
base_estate

roll "$T/short.csv" "unit,building_area,name" \
	"2-1-101,80.00,甲" \
	"101,80.00,乙" \
	"1-101,80.00,丙" \
	"A101,80.00,丁" \
	"S-01,30.00,戊" \
	"-2-1501,80.00,己" \
	"2-1-102,80.00,庚"
run pm-owner import "$T/short.csv"
is_rc 65 "a roll with codes that name no building is refused"
is_err "pm-owner: $T/short.csv:3: unit: $NB
pm-owner: $T/short.csv:5: unit: $NB
pm-owner: $T/short.csv:7: unit: $NB" "each such row is reported with file:line, and only those"
unchanged "nothing was written"

run pm-owner import --skip-bad "$T/short.csv"
is_rc 65 "--skip-bad still says rows were refused"
is_err "pm-owner: $T/short.csv:3: unit: $NB
pm-owner: $T/short.csv:5: unit: $NB
pm-owner: $T/short.csv:7: unit: $NB" "the refused rows are reported"
out_has "rejected: 3" "and counted"
is "$(sql "SELECT code || '|' || building || '|' || entrance || '|' || room FROM unit
	WHERE code NOT LIKE '1-1-%' ORDER BY code")" "1-101|1||101
2-1-101|2|1|101
2-1-102|2|1|102
S-1|S||1" "the good rows are imported, building-room ones with no entrance"
is "$(sql "SELECT count(*) FROM unit WHERE code IN ('101', 'A101', '2-1501')")" 0 \
	"no unit without a building, and '-2-1501' did not become building 2"
is "$(sql "SELECT u.code || ' ' || p.name FROM ownership o JOIN person p ON p.id = o.person_id
	JOIN unit u ON u.id = o.unit_id WHERE u.code NOT LIKE '1-1-%' ORDER BY u.code")" "1-101 丙
2-1-101 甲
2-1-102 庚
S-1 戊" \
	"with their owners"

dump > "$T/before"
for c in 101 A101 -2-1501 栋2单元1501; do
	run pm-owner unit add -- "$c"
	is_rc 65 "unit add $c is refused"
	is_err "pm-owner: unit '$c': $NB" "with the roll's reason"
done
unchanged "unit add wrote nothing"
run pm-owner unit add 3-101
is_rc 0 "unit add of a building-room code"
is "$(sql "SELECT building || '|' || entrance || '|' || room FROM unit WHERE code = '3-101'")" "3||101" \
	"is placed in its building"

done_testing
