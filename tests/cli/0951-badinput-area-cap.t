#!/bin/sh
# BAD-INPUTS 48: an area above the cap (100,000.00 m²) is refused
# wherever an area is typed or imported, naming the value; a unit that
# has one anyway (written by other means) makes the bill run fail
# naming that unit, not a mystery about the whole estate.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

CAP='above the limit of 100000.00 m²'
base_estate

# pm-owner unit add / set, each area option
for opt in --area --usable-area --land-area; do
	run pm-owner unit add 1-9-901 "$opt" 92233720368547758.07
	is_rc 65 "unit add $opt 92233720368547758.07 is refused"
	is_err "pm-owner: $opt '92233720368547758.07': $CAP" "naming the option, the value and the cap"
done
run pm-owner unit add 1-9-901 --area 100000.01
is_rc 65 "one hundredth above the cap is refused"
is_err "pm-owner: --area '100000.01': $CAP" "naming the value"
run pm-owner unit set 1-1-101 --area 99999999999999999999999
is_rc 65 "unit set --area past 64 bits is refused"
is_err "pm-owner: --area '99999999999999999999999': $CAP" "as above the cap"
unchanged "refused areas write nothing"
run pm-owner unit add 1-9-901 --area 100000.00
is_rc 0 "an area of exactly the cap is taken"
is "$(sql "SELECT building_area FROM unit WHERE code = '1-9-901'")" 10000000 "to the hundredth"

# the roll: a cell above the cap is a bad row with file:line
dump > "$T/before"
printf 'unit,building_area,usable_area,name\n1-3-101,89.37,70,甲\n1-3-102,92233720368547758.07,,乙\n1-3-103,80,100000.01,丙\n1-3-104,1234567890123456789012345,,丁\n' > "$T/big.csv"
run pm-owner import "$T/big.csv"
is_rc 65 "a roll with areas above the cap is refused"
is_err "pm-owner: $T/big.csv:3: building_area: area 92233720368547758.07 m² is above the limit of 100000.00 m²
pm-owner: $T/big.csv:4: usable_area: area 100000.01 m² is above the limit of 100000.00 m²
pm-owner: $T/big.csv:5: building_area: area too large: above the limit of 100000.00 m²" \
	"each with file:line, column, the value and the cap"
unchanged "nothing was imported"
run pm-owner import --skip-bad "$T/big.csv"
is_rc 65 "--skip-bad still exits 65, and imports the good row"
is "$(sql "SELECT group_concat(code) FROM unit WHERE code LIKE '1-3-%'")" "1-3-101" "and only it"

# a unit given a huge area by other means: the bill run names it
sql "UPDATE unit SET building_area = 9223372036854775807 WHERE code = '1-1-102'"
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01 > /dev/null
dump > "$T/before"
run pm-fee bill --period 2026-11
is_rc 65 "the bill run is refused"
is_err "pm-fee: 'mgmt' for 2026-11: unit '1-1-102': 92233720368547758.07 × 2.35 is above the limit of 100000000.00 for one line" \
	"naming the item, the period, the unit, its area and the rate"
unchanged "and bills nothing"
sql "UPDATE unit SET building_area = 7620 WHERE code = '1-1-102'"
run pm-fee bill --period 2026-11
is_rc 0 "once the area is corrected the run bills"

done_testing
