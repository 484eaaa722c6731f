#!/bin/sh
# pm-survey sample: the ratio overall and per building, nobody twice in a
# year across four quarters, the same seed the same sample, units on a pipe
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

# seed_units BUILDING COUNT: moved-in residential units BUILDING-1-101 ..
# (pm-owner is not here yet: rows straight into the owner tables)
seed_units() {
	sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
	INSERT INTO unit (code, building, entrance, floor, room, type, building_area)
	  SELECT '$1-1-' || (100 + i), '$1', '1', 1, 100 + i, 'residential', 8937 FROM n;
	INSERT INTO person (name) SELECT 'owner ' || code FROM unit WHERE building = '$1';
	INSERT INTO ownership (unit_id, person_id, how, since)
	  SELECT u.id, p.id, 'roll', '2020-01-01' FROM unit u JOIN person p ON p.name = 'owner ' || u.code
	  WHERE u.building = '$1';
	INSERT INTO movein (unit_id, date, source) SELECT id, '2020-06-01', 'roll' FROM unit
	  WHERE building = '$1';"
}

pm-admin init > /dev/null
seed_units 1 10
seed_units 2 15
seed_units 3 20
# units that are not moved in never get a form: unsold, vacant, moved
# out, a garage; a rented one does
sql "INSERT INTO unit (code, building, room) VALUES ('1-1-901', '1', '901');
INSERT INTO unit (code, building, room) VALUES ('1-1-902', '1', '902');
INSERT INTO ownership (unit_id, person_id) SELECT id, 1 FROM unit WHERE code = '1-1-902';
INSERT INTO unit (code, building, room) VALUES ('2-1-903', '2', '903');
INSERT INTO ownership (unit_id, person_id) SELECT id, 1 FROM unit WHERE code = '2-1-903';
INSERT INTO movein (unit_id, date) SELECT id, '2021-01-01' FROM unit WHERE code = '2-1-903';
INSERT INTO moveout (unit_id, date, permit) SELECT id, '2022-01-01', 'F2022-000001' FROM unit WHERE code = '2-1-903';
INSERT INTO unit (code, building, room, type) VALUES ('3-1-904', '3', '904', 'garage');
INSERT INTO ownership (unit_id, person_id) SELECT id, 1 FROM unit WHERE code = '3-1-904';
INSERT INTO movein (unit_id, date) SELECT id, '2021-01-01' FROM unit WHERE code = '3-1-904';
INSERT INTO unit (code, building, room) VALUES ('3-1-905', '3', '905');
INSERT INTO ownership (unit_id, person_id) SELECT id, 1 FROM unit WHERE code = '3-1-905';
INSERT INTO person (name) VALUES ('tenant');
INSERT INTO lease (unit_id, person_id, start) SELECT id, (SELECT id FROM person WHERE name = 'tenant'), '2025-01-01' FROM unit WHERE code = '3-1-905';"

run pm-survey sample --quarter 2026Q1
is_rc 65 "sampling a round that does not exist is refused"
is_err "pm-survey: no survey round 2026Q1 (see pm-survey new)" "naming the round"

export PM_NOW=2026-01-10T09:00:00
for q in 1 2 3 4; do
	pm-survey new --quarter 2026Q$q > /dev/null || echo "new 2026Q$q failed"
done

# the first quarter, seed 42: the draw is the same on every machine
run pm-survey sample --quarter 2026Q1 --seed 42
is_rc 0 "sample draws the first quarter"
is_out "form,unit,building,surveyed
2026Q1-001,1-1-103,1,
2026Q1-002,1-1-104,1,
2026Q1-003,2-1-101,2,
2026Q1-004,2-1-104,2,
2026Q1-005,2-1-110,2,
2026Q1-006,3-1-101,3,
2026Q1-007,3-1-105,3,
2026Q1-008,3-1-107,3,
2026Q1-009,3-1-110,3,
2026Q1-010,3-1-119,3," "seed 42 gives exactly this sample (splitmix64, code order, per building)"
is_err "pm-survey: 10 of 46 moved-in units drawn, seed 42" "and says how many of how many, and the seed"
cp "$T/out" "$T/q1-first"

# the ratio: every building reaches 20% of its moved-in units, and so
# does the estate: 10 -> 2, 15 -> 3, 21 -> ceil(4.2) = 5
is "$(sql "SELECT u.building, count(*) FROM survey_form f JOIN unit u ON u.id = f.unit_id
	JOIN survey_round r ON r.id = f.round_id WHERE r.quarter = '2026Q1' GROUP BY u.building")" \
	"1|2
2|3
3|5" "per building: ceil(20% of its moved-in units)"
is "$(sql "SELECT count(*) FROM (SELECT u.building, count(*) AS n,
	(SELECT count(*) FROM survey_form f JOIN unit v ON v.id = f.unit_id
	  WHERE f.round_id = 1 AND v.building = u.building) AS k
	FROM unit u WHERE u.code NOT IN ('1-1-901', '1-1-902', '2-1-903', '3-1-904')
	GROUP BY u.building) WHERE k * 100 < n * 20")" 0 "no building falls short of the ratio"
is "$(sql "SELECT count(*) * 100 >= 46 * 20 FROM survey_form WHERE round_id = 1")" 1 \
	"the estate as a whole reaches the ratio"
is "$(sql "SELECT count(*) FROM survey_form f JOIN unit u ON u.id = f.unit_id
	WHERE u.code IN ('1-1-901', '1-1-902', '2-1-903', '3-1-904')")" 0 \
	"unsold, vacant, moved-out units and garages are never drawn"
is "$(sql "SELECT movedin, seed FROM survey_round WHERE quarter = '2026Q1'")" "46|42" \
	"the round keeps the seed and how many units it was drawn from"

# drawing again needs --redo, and the same seed gives the same sample
run pm-survey sample --quarter 2026Q1 --seed 42
is_rc 65 "a second draw without --redo is refused"
is_err "pm-survey: 2026Q1 has 10 forms already (--redo draws again while none is issued)" \
	"and says how to draw again"
run pm-survey sample --quarter 2026Q1 --seed 7 --redo
is_rc 0 "--redo draws again"
if cmp -s "$T/out" "$T/q1-first"; then not_ok "another seed, another sample"; else ok "another seed, another sample"; fi
run pm-survey sample --quarter 2026Q1 --seed 42 --redo
is_out_file "$T/q1-first" "seed 42 again: the very same sample"

# and in another database with the same records
PM_DB=$T/other.db pm-admin init > /dev/null
PM_DB=$T/other.db
export PM_DB
seed_units 1 10
seed_units 2 15
seed_units 3 20
sql "INSERT INTO unit (code, building, room) VALUES ('3-1-905', '3', '905');
INSERT INTO ownership (unit_id, person_id) SELECT id, 1 FROM unit WHERE code = '3-1-905';
INSERT INTO person (name) VALUES ('tenant');
INSERT INTO lease (unit_id, person_id, start) SELECT id, (SELECT id FROM person WHERE name = 'tenant'), '2025-01-01' FROM unit WHERE code = '3-1-905';"
pm-survey new --quarter 2026Q1 > /dev/null
run pm-survey sample --seed 42
is_out_file "$T/q1-first" "another database with the same units: the same sample"
PM_DB=$T/pm.db
export PM_DB

# four quarters: nobody twice in the year
for q in 2 3 4; do
	run pm-survey sample --quarter 2026Q$q --seed $((q * 1000))
	is_rc 0 "sample 2026Q$q"
	err_lacks "earlier this year" "2026Q$q needs no repeats"
done
is "$(sql "SELECT count(*) FROM survey_form")" 40 "four quarters of 10 forms"
is "$(sql "SELECT count(*) FROM (SELECT unit_id FROM survey_form GROUP BY unit_id, year HAVING count(*) > 1)")" \
	0 "no unit is surveyed twice in 2026"
is "$(sql "SELECT count(*) FROM survey_form f JOIN survey_round r ON r.id = f.round_id
	JOIN unit u ON u.id = f.unit_id GROUP BY r.quarter, u.building ORDER BY r.quarter, u.building" | tr '\n' ' ')" \
	"2 3 5 2 3 5 2 3 5 2 3 5 " "every quarter, every building at its quota"
run pm-survey list --year 2026
is_out "round,kind,butler,form,issue_on,due_on,report_by,ratio,moved_in,forms,issued,collected,answered,seed
2026Q4,quarterly,,default:1,2026-12-15,2026-12-30,2027-01-05,20,46,10,0,0,0,4000
2026Q3,quarterly,,default:1,2026-09-15,2026-09-30,2026-10-05,20,46,10,0,0,0,3000
2026Q2,quarterly,,default:1,2026-06-15,2026-06-30,2026-07-05,20,46,10,0,0,0,2000
2026Q1,quarterly,,default:1,2026-03-15,2026-03-30,2026-04-05,20,46,10,0,0,0,42" "list shows each round's sample"

# a new year starts afresh
pm-survey new --quarter 2027Q1 > /dev/null
run pm-survey sample --quarter 2027Q1 --seed 1
is_rc 0 "2027Q1 draws"
err_lacks "earlier this year" "units surveyed in 2026 are fair game in 2027"

# a building too small for four quarters: the shortfall comes from those
# surveyed longest ago, and the clerk is told
seed_units 4 3
pm-survey new --quarter 2028Q1 --ratio 50 > /dev/null
pm-survey new --quarter 2028Q2 --ratio 50 > /dev/null
pm-survey sample --quarter 2028Q1 --seed 5 > /dev/null 2>&1
run pm-survey sample --quarter 2028Q2 --seed 5
is_rc 0 "a building with too few fresh units is still sampled"
err_has "of them were surveyed earlier this year" "with a warning about the repeats"
is "$(sql "SELECT count(*) FROM survey_form f JOIN unit u ON u.id = f.unit_id
	JOIN survey_round r ON r.id = f.round_id WHERE r.quarter = '2028Q2' AND u.building = '4'")" 2 \
	"building 4 still gets ceil(50% of 3) = 2 forms"
out_has ",4,2028Q1" "the repeat is shown with the quarter it was surveyed in"

# units from a pipe, as any filter produces them
pm-survey new --quarter 2029Q1 > /dev/null
printf 'unit,name\n1-1-101,x\n2栋1单元102,y\n' > "$T/units.csv"
run_in "$T/units.csv" pm-survey sample --quarter 2029Q1 -
is_rc 0 "sample - takes the unit column of a CSV on stdin"
is_out "form,unit,building,surveyed
2029Q1-001,1-1-101,1,
2029Q1-002,2-1-102,2," "the units listed get forms, in order, codes normalized"
dump > "$T/before"
printf 'unit\n1-1-103\n1-1-101\n' > "$T/units.csv"
run_in "$T/units.csv" pm-survey sample --quarter 2029Q1 -
is_rc 65 "a unit listed that is in the round already is refused"
is_err "pm-survey: unit '1-1-101' is in 2029Q1 already (form 2029Q1-001)" "naming it and its form"
dump > "$T/after"
if cmp -s "$T/before" "$T/after"; then ok "and nothing was written (not even 1-1-103)"; else not_ok "and nothing was written (not even 1-1-103)"; fi
pm-survey new --quarter 2029Q2 > /dev/null
run pm-survey sample --quarter 2029Q2 1-1-101
is_rc 65 "a unit surveyed earlier in the year is refused"
is_err "pm-survey: unit '1-1-101' was surveyed in 2029Q1 already (--allow-repeat surveys it again)" \
	"with the quarter and the way round it"
run pm-survey sample --quarter 2029Q2 --allow-repeat 1-1-101 1-1-101
is_rc 65 "a unit listed twice is refused"
is_err "pm-survey: unit '1-1-101' is listed twice" "as a duplicate"
run pm-survey sample --quarter 2029Q2 --allow-repeat 1-1-101
is_rc 0 "--allow-repeat lets it through"
out_has "2029Q2-001,1-1-101,1,2029Q1" "showing when it was surveyed before"
run pm-survey sample --quarter 2029Q2 9-9-999
is_rc 65 "an unknown unit is refused"
is_err "pm-survey: no unit '9-9-999'" "naming it"
run pm-survey sample --quarter 2029Q2 --seed 3 1-1-102
is_rc 64 "--seed with units is a usage error"

# no moved-in units at all
PM_DB=$T/empty.db pm-admin init > /dev/null
PM_DB=$T/empty.db pm-survey new --quarter 2026Q4 > /dev/null
run env PM_DB="$T/empty.db" pm-survey sample
is_rc 65 "an estate with nobody moved in has nothing to sample"
is_err "pm-survey: no moved-in units to survey" "and says so"
run pm-survey sample --quarter 2026Q5
is_rc 64 "a malformed quarter is a usage error"
run pm-survey sample --seed -1
is_rc 64 "a negative seed is a usage error"

done_testing
