#!/bin/sh
# pm-fee bill: raising a period's bills, idempotently; the rate in force;
# area, unit, space, meter and season items; move-in by days; the vacant
# discount; the one rounding rule; how each line was computed
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, type, building_area) VALUES
      ('1-1-101', '1', '1', 1, '101', 'residential', 8937),
      ('1-1-102', '1', '1', 1, '102', 'residential', 12050),
      ('2-1-201', '2', '1', 2, '201', 'residential', 9003),
      ('2-1-202', '2', '1', 2, '202', 'shop', 5000),
      ('3-1-301', '3', '1', 3, '301', 'residential', 10000),
      ('3-1-302', '3', '1', 3, '302', 'residential', NULL),
      ('3-1-303', '3', '1', 3, '303', 'residential', 10000);
     INSERT INTO person(name, phone) VALUES ('张三', '13800138000'), ('李四', '13900139000'),
      ('王五', NULL), ('赵六', NULL);
     INSERT INTO ownership(unit_id, person_id) VALUES (1, 1), (2, 2), (3, 3), (4, 4);
     INSERT INTO movein(unit_id, date, water) VALUES (1, '2026-01-10', 10000), (2, '2026-11-16', 0),
      (3, '2025-05-01', 0), (4, '2026-01-01', NULL), (6, '2026-01-01', NULL);
     INSERT INTO moveout(unit_id, date, permit) VALUES (3, '2026-09-01', 'F2026-000001');
     INSERT INTO vehicle(unit_id, plate, space) VALUES (1, '浙A12345', 'A1'), (1, '浙A54321', 'A2')"
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01
pm-fee item rate mgmt 2.5 --since 2026-12
pm-fee item add water --name 水费 --basis meter --meter water --rate 3.5 --since 2026-01
pm-fee item add tv --name 有线电视 --basis unit --cycle quarterly --rate 75 --types residential,shop --since 2026-01
pm-fee item add heat --name 采暖费 --basis area --cycle season --season 11-03 --rate 22 --since 2026-01
pm-fee item add park --name 车位管理费 --basis space --rate 150 --since 2026-01
pm-fee reading add 1-1-101 water 123.45 --date 2026-11-25

# a dry run first: the totals, nothing written
before=$(dump)
run pm-fee bill --period 2026-11 --dry-run
is_rc 0 "--dry-run"
is_out "item,period,bills,amount,skipped
mgmt,2026-11,3,704.77,1
water,2026-11,1,82.08,3
heat,2026-11~2027-03,3,6597.80,1
park,2026-11,1,300.00,3" "totals per item period; the quarter began in October"
is_err "pm-fee: dry run: nothing written" "says nothing was written"
is "$(dump)" "$before" "and wrote nothing"

run pm-fee bill --period 2026-11
is_rc 0 "bill the month"
is_out "item,period,bills,amount,skipped
mgmt,2026-11,3,704.77,1
water,2026-11,1,82.08,3
heat,2026-11~2027-03,3,6597.80,1
park,2026-11,1,300.00,3" "the same totals, written"
before=$(dump)
run pm-fee bill --period 2026-11
is_rc 0 "bill the month again"
is_out "item,period,bills,amount,skipped
mgmt,2026-11,0,0.00,1
water,2026-11,0,0.00,3
heat,2026-11~2027-03,0,0.00,1
park,2026-11,0,0.00,3" "adds nothing"
is "$(dump)" "$before" "the database is exactly as it was"

run pm-fee bills --period 2026-11 -o csv
is_out "unit,item,period,amount,adjusted,paid,owed,how
1-1-101,mgmt,2026-11,210.02,0.00,0.00,210.02,89.37 m² × 2.35 = 210.02
1-1-101,water,2026-11,82.08,0.00,0.00,82.08,water 100.00 → 123.45 = 23.45 × 3.50 = 82.08
1-1-101,heat,2026-11~2027-03,1966.14,0.00,0.00,1966.14,89.37 m² × 22.00 = 1966.14
1-1-101,park,2026-11,300.00,0.00,0.00,300.00,2 spaces × 150.00 = 300.00
1-1-102,mgmt,2026-11,283.18,0.00,0.00,283.18,120.50 m² × 2.35 = 283.18
1-1-102,heat,2026-11~2027-03,2651.00,0.00,0.00,2651.00,120.50 m² × 22.00 = 2651.00
2-1-201,mgmt,2026-11,211.57,0.00,0.00,211.57,90.03 m² × 2.35 = 211.57
2-1-201,heat,2026-11~2027-03,1980.66,0.00,0.00,1980.66,90.03 m² × 22.00 = 1980.66" \
	"each line says how it was computed; 283.175 rounds half up to 283.18"
is "$(sql "SELECT count(*) FROM bill WHERE unit_id IN (5, 6)")" 0 \
	"a unit not handed over, and one without an area, are not billed"

# December: the new rate, move-in by days, the vacant discount, a meter change
pm-admin settings set fee.movein_billing days
pm-admin settings set fee.vacant_discount_percent 20
sql "INSERT INTO movein(unit_id, date, water) VALUES (7, '2026-12-21', 0)"
export PM_NOW=2026-12-31T10:00
pm-fee reading add 1-1-101 water 130 --date 2026-12-10
pm-fee reading add 1-1-101 water 0 --meter-change --date 2026-12-10
pm-fee reading add 1-1-101 water 5.5 --date 2026-12-28
run pm-fee bill --period 2026-12 --item mgmt
is_rc 0 "bill one item"
is_out "item,period,bills,amount,skipped
mgmt,2026-12,4,793.45,1" "only that item"
run pm-fee bill --period 2026-12
is_out "item,period,bills,amount,skipped
mgmt,2026-12,0,0.00,1
water,2026-12,1,42.18,4
park,2026-12,1,300.00,4" "then the rest"
run pm-fee bills --period 2026-12 -o csv
is_out "unit,item,period,amount,adjusted,paid,owed,how
1-1-101,mgmt,2026-12,223.43,0.00,0.00,223.43,89.37 m² × 2.50 = 223.43
1-1-101,water,2026-12,42.18,0.00,0.00,42.18,water 123.45 → 5.50 (new meter) = 12.05 × 3.50 = 42.18
1-1-101,park,2026-12,300.00,0.00,0.00,300.00,2 spaces × 150.00 = 300.00
1-1-102,mgmt,2026-12,301.25,0.00,0.00,301.25,120.50 m² × 2.50 = 301.25
2-1-201,mgmt,2026-12,180.06,0.00,0.00,180.06,90.03 m² × 2.50 = 225.08; vacant −20% = 180.06
3-1-303,mgmt,2026-12,88.71,0.00,0.00,88.71,100.00 m² × 2.50 = 250.00; 11/31 days = 88.71" \
	"December's lines: the new rate, consumption across the new meter, the vacant discount, 11 of 31 days"
is "$(sql "SELECT qty, rate, base, days, of_days, discount, amount FROM bill WHERE unit_id = 7")" \
	"10000|25000|25000|11|31||8871" "the line keeps every number it was computed from"

# the quarter, and billing only some units, named or on a pipe
run pm-fee bill --period 2026-10 --item tv --dry-run
is_out "item,period,bills,amount,skipped
tv,2026Q4,6,346.47,0" "a quarterly item is billed in its quarter's first month: 4 x 75.00, 46/92 and 11/92 days"
printf 'unit,owner\n1-1-102,李四\n' > "$T/units.csv"
PM_NOW=2027-01-31T10:00 run_in "$T/units.csv" pm-fee bill --period 2027-01 --item mgmt 1-1-101 -
is_rc 0 "units named and read from a pipe"
is_out "item,period,bills,amount,skipped
mgmt,2027-01,2,524.68,0" "only those two"
is "$(sql "SELECT group_concat(unit_id) FROM bill WHERE period = '2027-01'")" "1,2" "are billed"
PM_NOW=2027-01-31T10:00 run pm-fee bill --period 2027-01 --item mgmt 9-9-999
is_rc 65 "an unknown unit is refused"
PM_NOW=2027-01-31T10:00 run pm-fee bill --period 2027-01 --item mgmt --unit 2-1-201 --dry-run
is_out "item,period,bills,amount,skipped
mgmt,2027-01,1,180.06,0" "--unit names one unit as an argument does (vacant: 225.08 less 20%)"
PM_NOW=2027-01-31T10:00 run pm-fee bill --period 2027-01 --item mgmt --unit 9-9-999
is_rc 65 "an unknown --unit is refused"

# refusals
sql "INSERT INTO unit(code, room, type, building_area) VALUES ('X-1', '1', 'other', 9000000000000000);
     INSERT INTO movein(unit_id, date) VALUES (8, '2026-01-01')"
pm-fee item add big --name 大 --basis area --types other --rate 100000 --since 2026-01
before=$(dump)
PM_NOW=2027-01-31T10:00 run pm-fee bill --period 2027-01 --item big
is_rc 65 "a line above the money limit (and past 64 bits) is refused"
is_err "pm-fee: 'big' for 2027-01: unit 'X-1': 90000000000000 × 100000 is above the limit of 100000000.00 for one line" \
	"saying which item, period and unit"
run pm-fee bill
is_rc 64 "--period is required"
run pm-fee bill --period 2026-13
is_rc 64 "a bad period is a usage error"
run pm-fee bill --period 2026-11 --item nosuch
is_rc 65 "an unknown item is refused"
is "$(dump)" "$before" "refusals wrote nothing"

done_testing
