#!/bin/sh
# pm-owner register ownership|rental: the monthly registers (产权清册,
# 租赁清册) as of the month's last day, and the month's changes, compared
# byte for byte
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null || exit 1

export PM_NOW=2026-09-01T09:00:00
cat > "$T/roll.csv" <<'CSV'
unit,building_area,usable_area,land_area,type,facilities,parking,name,phone,id_no,move_in,since,remark
1-1-101,63.14,52.42,10.50,储藏室,,,房强雨,16763170669,370102199801232729,2018-10-04,2018-09-01,
1-1-102,48.01,38.62,8.02,住宅,"阳台,露台",车位B2-233,闵涵诺,13837783533,110105199808104261,2023-11-04,2023-10-01,
1-1-202,154.80,119.80,25.75,住宅,入户花园,,顾强栋,16903289218,310115196601270859,,,
1-1-403,53.67,40.86,,商铺,,,曲轩玉,19875428343,510107196506030918,,,
1-1-801,141.31,116.72,,住宅,,车库自用,施雪萍,17627495349,110105199504288727,,,
2-1-104,52.32,43.74,,车库,,,祁红超,13270601210,37010220000111851X,,,
9-1-101,88.00,70.00,,住宅,,,,,,,,
CSV
run pm-owner import "$T/roll.csv"
is_rc 0 "seed: the roll imports"

# 1-1-102 changes hands on 2026-11-15: a corrected roll with the buyer
export PM_NOW=2026-11-15T10:00:00
cat > "$T/sold.csv" <<'CSV'
unit,name,phone,id_no,since
1-1-102,丁杰,15412248244,370102197912114857,2026-11-15
CSV
run pm-owner import "$T/sold.csv"
is_rc 0 "seed: 1-1-102 sold on 2026-11-15"

# The leases, written by hand here as pm-owner lease would write them:
#   1-1-202  租客甲  2026-10-01 .. 2027-09-30
#   1-1-403  租客乙  2026-11-10 .. 2027-11-09  (begins in November)
#   1-1-801  租客丙  2025-12-01 .. 2026-11-30  (runs out on November's last day)
#   2-1-104  租客丁  2026-06-01 .. 2027-05-31, ended 2026-11-20
#   1-1-801  租客丙  2026-12-01 ..             (December's)
sql "INSERT INTO person(name, phone) VALUES ('租客甲', '13900000001'), ('租客乙', '13900000002'),
	('租客丙', '13900000003'), ('租客丁', '13900000004');
INSERT INTO lease(unit_id, person_id, start, end_on, ended, decoration)
	SELECT u.id, p.id, l.start, l.end_on, l.ended, l.decoration FROM (
	 SELECT '1-1-202' AS code, '租客甲' AS name, '2026-10-01' AS start, '2027-09-30' AS end_on,
	  NULL AS ended, '简装' AS decoration
	 UNION ALL SELECT '1-1-403', '租客乙', '2026-11-10', '2027-11-09', NULL, '精装修,带家电'
	 UNION ALL SELECT '1-1-801', '租客丙', '2025-12-01', '2026-11-30', NULL, NULL
	 UNION ALL SELECT '2-1-104', '租客丁', '2026-06-01', '2027-05-31', '2026-11-20', '毛坯'
	 UNION ALL SELECT '1-1-801', '租客丙', '2026-12-01', NULL, NULL, NULL) l
	JOIN unit u ON u.code = l.code JOIN person p ON p.name = l.name;"
is "$(sql 'SELECT count(*) FROM lease')" 5 "seed: five leases"

# 1-1-102: the seller moved in, the buyer has not: vacant after the sale
export PM_NOW=2026-12-03T09:00:00

run pm-owner register ownership --month 2026-11 -o csv
is_rc 0 "register ownership --month 2026-11"
is_out "unit,type,usable_area,building_area,land_area,status,facilities,parking,owners,since
1-1-101,storage,52.42,63.14,10.50,occupied,,,房强雨,2018-09-01
1-1-102,residential,38.62,48.01,8.02,vacant,\"阳台,露台\",车位B2-233,丁杰,2026-11-15
1-1-202,residential,119.80,154.80,25.75,rented,入户花园,,顾强栋,
1-1-403,shop,40.86,53.67,,rented,,,曲轩玉,
1-1-801,residential,116.72,141.31,,rented,,车库自用,施雪萍,
2-1-104,garage,43.74,52.32,,vacant,,,祁红超,
9-1-101,residential,70.00,88.00,,unsold,,,," \
	"every unit as of 2026-11-30: the buyer, the leases then in force"

run pm-owner register ownership --month 2026-10 -o csv --no-header
is_out "1-1-101,storage,52.42,63.14,10.50,occupied,,,房强雨,2018-09-01
1-1-102,residential,38.62,48.01,8.02,occupied,\"阳台,露台\",车位B2-233,闵涵诺,2023-10-01
1-1-202,residential,119.80,154.80,25.75,rented,入户花园,,顾强栋,
1-1-403,shop,40.86,53.67,,vacant,,,曲轩玉,
1-1-801,residential,116.72,141.31,,rented,,车库自用,施雪萍,
2-1-104,garage,43.74,52.32,,rented,,,祁红超,
9-1-101,residential,70.00,88.00,,unsold,,,," \
	"as of 2026-10-31: the seller still owns 1-1-102, 1-1-403 is not let yet, 2-1-104 still is"

run pm-owner register ownership --month 2026-11 --changes -o csv
is_rc 0 "register ownership --changes"
is_out "date,unit,event,owner,how,share
2026-11-15,1-1-102,end,闵涵诺,roll,
2026-11-15,1-1-102,start,丁杰,roll," "the seller's end before the buyer's start"
run pm-owner register ownership --month 2026-10 --changes -o csv
is_out "date,unit,event,owner,how,share" "no ownership changes in October"

run pm-owner register rental --month 2026-11 -o csv
is_rc 0 "register rental --month 2026-11"
is_out "tenant,phone,start,end,unit,decoration
租客甲,139****0001,2026-10-01,2027-09-30,1-1-202,简装
租客乙,139****0002,2026-11-10,2027-11-09,1-1-403,\"精装修,带家电\"
租客丙,139****0003,2025-12-01,2026-11-30,1-1-801," \
	"the leases in force on 2026-11-30, phones masked"

run pm-owner register rental --month 2026-11 --changes -o csv
is_out "date,unit,event,tenant,start,end
2026-11-10,1-1-403,start,租客乙,2026-11-10,2027-11-09
2026-11-20,2-1-104,ended,租客丁,2026-06-01,2027-05-31
2026-11-30,1-1-801,end,租客丙,2025-12-01,2026-11-30" \
	"begun, ended early, run out: by date"
run pm-owner register rental --month 2026-12 --changes -o csv --no-header
is_out "2026-12-01,1-1-801,start,租客丙,2026-12-01," "December's new lease"
run pm-owner register rental --month 2026-12 -o csv --no-header
is_out "租客甲,139****0001,2026-10-01,2027-09-30,1-1-202,简装
租客乙,139****0002,2026-11-10,2027-11-09,1-1-403,\"精装修,带家电\"
租客丙,139****0003,2026-12-01,,1-1-801," "December: the renewed lease of 1-1-801, open-ended"

run pm-owner register rental --month 2026-11 -o csv --reveal --no-header
is "$(head -n 1 "$T/out")" "租客甲,13900000001,2026-10-01,2027-09-30,1-1-202,简装" "--reveal shows phones"
is "$(sql "SELECT verb, record, change FROM audit ORDER BY id DESC LIMIT 1")" \
	"register rental|register rental|phone and ID numbers revealed" "and is audited"

run pm-owner register rental --month 2026-11 -o json
is_out '[
  {"tenant": "租客甲", "phone": "139****0001", "start": "2026-10-01", "end": "2027-09-30", "unit": "1-1-202", "decoration": "简装"},
  {"tenant": "租客乙", "phone": "139****0002", "start": "2026-11-10", "end": "2027-11-09", "unit": "1-1-403", "decoration": "精装修,带家电"},
  {"tenant": "租客丙", "phone": "139****0003", "start": "2025-12-01", "end": "2026-11-30", "unit": "1-1-801", "decoration": null}
]' "as json"

# for the clerk who hands it up in Excel
run pm-owner register rental --month 2026-11 --excel
is "$(head -c 3 "$T/out" | od -An -tx1 | tr -d ' ')" efbbbf "--excel writes a BOM"

# on paper: the month it is handed up for, and who made and checked it
run pm-owner register ownership --month 2026-11 -o html
out_has '<p class="note">As of 2026-11-30</p>' "the register says as of which day"
out_has '<div>Prepared by</div><div>Checked by</div><div>Date</div>' "with signature lines"
run pm-owner register rental --month 2026-11 --changes -o html
out_has '<p class="note">Changes from 2026-11-01 to 2026-11-30</p>' "the changes say over which days"
run env LC_ALL=zh_CN.UTF-8 pm-owner register ownership --month 2026-11 -o html
out_has '<p class="note">截至 2026年11月30日</p>' "in Chinese, dated as the table is"
run pm-owner register ownership --month 2026-11 -o csv
out_lacks 'As of' "csv carries no note"

# usage
run pm-owner register ownership
is_rc 64 "no --month"
err_has "which month? give --month MONTH, e.g. 2026-11" "asks for it"
run pm-owner register rental --month 2026-11-05
is_rc 64 "a day is not a month"
err_has "--month: '2026-11-05' is not a period like 2026-11" "says so"
run pm-owner register --month 2026-11
is_rc 64 "no register named"
run pm-owner register lease --month 2026-11
is_rc 64 "an unknown register"
is_err "pm-owner: no verb 'lease' (see 'pm-owner register --help')" "names it"
run pm-owner register rental --month 2026-11 extra
is_rc 64 "an extra argument"

done_testing
