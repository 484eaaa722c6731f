#!/bin/sh
# pm-fee reading: recording and importing meter readings; the move-in
# baseline; lower readings refused unless the meter was changed
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area)
     VALUES ('1-1-101', '1', '1', 1, '101', 8937), ('1-1-102', '1', '1', 1, '102', 12050);
     INSERT INTO movein(unit_id, date, water, electricity, gas) VALUES (1, '2026-01-10', 10000, 50000, 300)"

run pm-fee reading add 1-1-101 water 123.45 --date 2026-10-31
is_rc 0 "a reading"
run pm-fee reading add 1栋1单元101 水 130 --date 2026-11-30
is_rc 0 "the unit as a clerk writes it, the meter in Chinese"
is "$(sql "SELECT meter, date, value, change FROM reading ORDER BY id")" \
"water|2026-10-31|12345|0
water|2026-11-30|13000|0" "readings are stored x100"

before=$(dump)
run pm-fee reading add 1-1-101 water 129.99 --date 2026-11-30
is_rc 65 "a reading lower than the last is refused"
is_err "pm-fee: reading 129.99 is lower than the last water reading (130.00 on 2026-11-30): if the meter was replaced, mark it as a meter change" "saying what to do"
run pm-fee reading add 1-1-101 electricity 400 --date 2026-11-30
is_rc 65 "a reading lower than the move-in baseline is refused"
err_has "(500.00 on 2026-01-10)" "the baseline is the move-in reading"
run pm-fee reading add 1-1-101 water 140 --date 2026-11-01
is_rc 65 "a reading dated before the last is refused"
is_err "pm-fee: readings go in date order: the last water reading is of 2026-11-30" "saying why"
run pm-fee reading add 1-1-101 water 140 --date 2026-12-01
is_rc 65 "a reading in the future is refused"
run pm-fee reading add 1-1-101 steam 140
is_rc 65 "an unknown meter is refused"
run pm-fee reading add 1-1-101 water 12.345
is_rc 65 "three decimals are refused"
run pm-fee reading add 1-1-101 water -- -5
is_rc 65 "a negative reading is refused"
run pm-fee reading add 9-9-999 water 5
is_rc 65 "an unknown unit is refused"
is_err "pm-fee: no unit '9-9-999'" "naming it"
is "$(dump)" "$before" "nothing was written by the refusals"

run pm-fee reading add 1-1-101 water 2 --meter-change --date 2026-11-30
is_rc 0 "a lower reading marked as a meter change"
is "$(sql "SELECT value, change FROM reading ORDER BY id DESC LIMIT 1")" "200|1" "is a new meter"

# import: Chinese headers, GBK is detected, all or nothing
printf '房号,表,读数,日期\n1-1-102,电,10.5,2026-11-20\n1-1-102,燃气,3,2026-11-20\n' > "$T/r.csv"
run pm-fee reading import "$T/r.csv"
is_rc 0 "import with Chinese headers"
is_out "2 readings recorded" "says how many"
printf 'unit,meter,value,date\n1-1-102,water,5,2026-11-21\n1-1-102,water,4,2026-11-22\n' > "$T/bad.csv"
before=$(dump)
run pm-fee reading import "$T/bad.csv"
is_rc 65 "a bad row refuses the import"
is_err "pm-fee: $T/bad.csv:3: reading 4.00 is lower than the last water reading (5.00 on 2026-11-21): if the meter was replaced, mark it as a meter change
pm-fee: rows refused: 1; no reading was recorded" "naming file and line, then the count"
is "$(dump)" "$before" "and nothing of the file is written"
printf 'unit,meter,value,date,change\n1-1-102,water,5,2026-11-21,\n1-1-102,water,4,2026-11-22,是\n' > "$T/chg.csv"
run pm-fee reading import --dry-run "$T/chg.csv"
is_rc 0 "--dry-run checks"
is_out "2 readings checked, nothing written" "and says so"
is "$(dump)" "$before" "writing nothing"
printf 'unit,value\n1-1-102,5\n' > "$T/nometer.csv"
run pm-fee reading import "$T/nometer.csv"
is_rc 65 "a file without a meter column is refused"
err_has "no 'meter' column" "naming the column"
run pm-fee reading import "$T/nosuch.csv"
is_rc 66 "a missing file is 66"

run pm-fee reading list 1-1-101 -o csv
is_rc 0 "list"
is_out "unit,meter,date,value,change,clerk
1-1-101,water,2026-11-30,2.00,1,root
1-1-101,water,2026-11-30,130.00,0,root
1-1-101,water,2026-10-31,123.45,0,root" "newest first" 

# hot water: the move-in reading at the desk is its baseline too
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area)
     VALUES ('1-1-103', '1', '1', 1, '103', 9000);
     INSERT INTO person(name) VALUES ('王五');
     INSERT INTO ownership(unit_id, person_id) VALUES (3, 1)"
run pm-owner movein 1-1-103 --date 2026-10-01 --hot-water 5.5 --water 20
is_rc 0 "a move-in with the hot-water meter read"
is "$(sql "SELECT water, hot_water FROM movein WHERE unit_id = 3")" "2000|550" "both readings stored x100"
run pm-owner movein 1-1-103 --sheet -o csv
out_has ",water,electricity,gas,hot_water," "the sign-off sheet has the hot-water meter"
out_has ",20.00,,,5.50," "with its reading"
run pm-fee reading add 1-1-103 热水 4 --date 2026-11-30
is_rc 65 "a hot-water reading below the move-in reading is refused"
is_err "pm-fee: reading 4.00 is lower than the last hotwater reading (5.50 on 2026-10-01): if the meter was replaced, mark it as a meter change" "the baseline is the move-in reading"
pm-fee item add hw --name 热水费 --basis meter --meter hotwater --rate 25 --since 2026-01 > /dev/null
run pm-fee reading add 1-1-103 hotwater 9.5 --date 2026-11-30
is_rc 0 "a later reading"
pm-fee bill --period 2026-11 --unit 1-1-103 > /dev/null
is "$(sql "SELECT amount FROM bill b JOIN fee_item i ON i.id = b.item_id WHERE i.code = 'hw'")" 10000 \
	"the first hot-water bill runs from the move-in reading: (9.50 - 5.50) x 25.00 = 100.00"
run pm-owner moveout 1-1-103 --date 2026-11-30 --hot-water 9.5
is_rc 0 "a move-out reads the hot-water meter too"
is "$(sql "SELECT hot_water FROM moveout WHERE unit_id = 3")" 950 "stored"

done_testing
