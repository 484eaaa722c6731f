#!/bin/sh
# pm-fee arrears (aging, --min, --older-than, --by building, letters),
# statement, rate (收缴率 and old arrears recovered)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES
      ('1-1-101', '1', '1', 1, '101', 8937), ('2-1-201', '2', '1', 2, '201', 5000),
      ('2-1-202', '2', '1', 2, '202', 10000);
     INSERT INTO person(name, phone) VALUES ('张三', '13800138000'), ('李四', '13900139000');
     INSERT INTO ownership(unit_id, person_id) VALUES (1, 1), (2, 2);
     INSERT INTO movein(unit_id, date) VALUES (1, '2025-01-01'), (2, '2025-01-01'), (3, '2025-01-01')"
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2025-01
pm-fee item add repair --name 维修费 --basis fixed --rate 50 --since 2025-01
for m in 2025-06-30 2026-02-28 2026-05-31 2026-08-31 2026-11-30; do
	PM_NOW=${m}T18:00 pm-fee bill --period "${m%-*}" > /dev/null
done
pm-fee charge 1-1-101 repair --note 换水龙头
pm-fee pay 2-1-201 235 --method cash > /dev/null 2>&1
pm-fee pay 2-1-202 940 --method transfer > /dev/null 2>&1

run pm-fee arrears
is_rc 0 "arrears"
is_out "unit,owner,current,months_1_3,months_4_6,months_7_12,over_year,total,oldest
1-1-101,张三,260.02,210.02,210.02,210.02,210.02,1100.10,2025-06-01
2-1-201,李四,117.50,117.50,117.50,0.00,0.00,352.50,2026-05-01
2-1-202,,235.00,0.00,0.00,0.00,0.00,235.00,2026-11-01" "per unit, by age; over a year is 陈欠"
run pm-fee arrears --min 300
is_out "unit,owner,current,months_1_3,months_4_6,months_7_12,over_year,total,oldest
1-1-101,张三,260.02,210.02,210.02,210.02,210.02,1100.10,2025-06-01
2-1-201,李四,117.50,117.50,117.50,0.00,0.00,352.50,2026-05-01" "--min"
run pm-fee arrears --older-than 6
is_out "unit,owner,current,months_1_3,months_4_6,months_7_12,over_year,total,oldest
1-1-101,张三,260.02,210.02,210.02,210.02,210.02,1100.10,2025-06-01" \
	"--older-than 6: owing something more than 6 months old (May is 6)"
run pm-fee arrears --by building
is_out "building,units,current,months_1_3,months_4_6,months_7_12,over_year,total,oldest
1,1,260.02,210.02,210.02,210.02,210.02,1100.10,2025-06-01
2,2,352.50,117.50,117.50,0.00,0.00,587.50,2026-05-01" "--by building"
printf 'unit\n2-1-202\n' > "$T/u.csv"
run_in "$T/u.csv" pm-fee arrears 1-1-101 -
is_out "unit,owner,current,months_1_3,months_4_6,months_7_12,over_year,total,oldest
1-1-101,张三,260.02,210.02,210.02,210.02,210.02,1100.10,2025-06-01
2-1-202,,235.00,0.00,0.00,0.00,0.00,235.00,2026-11-01" "units named and from a pipe"
PM_NOW=2026-12-01 run pm-fee arrears 2-1-202
is_out "unit,owner,current,months_1_3,months_4_6,months_7_12,over_year,total,oldest
2-1-202,,0.00,235.00,0.00,0.00,0.00,235.00,2026-11-01" "a month later the line is 1 month old"

run pm-fee arrears --letters
is_rc 0 "reminder letters"
is_out "unit,owner,phone,items,periods,amounts,total,oldest,date
1-1-101,张三,138****8000,物业费; 维修费,2025-06~2026-11; 2026-11-30,1050.10; 50.00,1100.10,2025-06-01,2026-11-30
2-1-201,李四,139****9000,物业费,2026-05~2026-11,352.50,352.50,2026-05-01,2026-11-30
2-1-202,,,物业费,2026-11,235.00,235.00,2026-11-01,2026-11-30" "one row per unit for mail merge, phones masked"
run pm-fee arrears --letters --min 1000 --reveal
is_out "unit,owner,phone,items,periods,amounts,total,oldest,date
1-1-101,张三,13800138000,物业费; 维修费,2025-06~2026-11; 2026-11-30,1050.10; 50.00,1100.10,2025-06-01,2026-11-30" \
	"--reveal shows the phone, --min filters"
run pm-fee arrears --by building --letters
is_rc 64 "letters are per unit"
run pm-fee arrears --min abc
is_rc 64 "a bad --min is a usage error"
run pm-fee arrears --older-than -1
is_rc 64 "a negative --older-than is a usage error"

run pm-fee statement 2-1-201 --since 2026-05-01
is_rc 0 "statement"
is_out "date,entry,ref,item,debit,credit,balance,detail
2026-05-01,opening,,,,,235.00,
2026-05-31,bill,2026-05,mgmt,117.50,,352.50,50.00 m² × 2.35 = 117.50
2026-08-31,bill,2026-08,mgmt,117.50,,470.00,50.00 m² × 2.35 = 117.50
2026-11-30,bill,2026-11,mgmt,117.50,,587.50,50.00 m² × 2.35 = 117.50
2026-11-30,payment,R2026-000001,,,235.00,352.50,cash
,closing,,,,,352.50," "brought forward, each entry, the balance equals the arrears"
run pm-fee statement 2-1-202 --until 2025-12-31
is_out "date,entry,ref,item,debit,credit,balance,detail
,opening,,,,,0.00,
2025-06-30,bill,2025-06,mgmt,235.00,,235.00,100.00 m² × 2.35 = 235.00
2025-12-31,closing,,,,,235.00," "--until"

run pm-fee rate --period 2026-11
is_rc 0 "rate"
is_out "group,billed,collected,outstanding,rate,recovered
all,612.52,0.00,612.52,0.00,1175.00" "nothing of November collected yet; 1175.00 of old arrears recovered in it"
pm-fee pay 2-1-202 235 --method wechat > /dev/null 2>&1
run pm-fee rate --period 2026-11 --by building
is_out "group,billed,collected,outstanding,rate,recovered
1,260.02,0.00,260.02,0.00,0.00
2,352.50,235.00,117.50,66.67,1175.00" "--by building; 235/352.50 = 66.666...% rounds to 66.67"
run pm-fee rate --period 2026-11 --by item
is_out "group,billed,collected,outstanding,rate,recovered
mgmt,562.52,235.00,327.52,41.78,1175.00
repair,50.00,0.00,50.00,0.00,0.00" "--by item"
run pm-fee rate --period 2025
is_out "group,billed,collected,outstanding,rate,recovered
all,562.52,352.50,210.02,62.66,0.00" "a year"
run pm-fee rate --period 2024-01
is_out "group,billed,collected,outstanding,rate,recovered" "a period with nothing billed"
run pm-fee rate
is_rc 64 "--period is required"
run pm-fee rate --period 2026-11 --by floor
is_rc 64 "--by building or item only"

done_testing
