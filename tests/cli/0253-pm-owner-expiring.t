#!/bin/sh
# pm-owner expiring: vehicle passes and pet licences for the reminder
# letters, on the exact boundaries of the span
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null || exit 1

cat > "$T/roll.csv" <<'CSV'
unit,building_area,usable_area,type,name,phone,id_no,move_in,remark
1-1-101,63.14,52.42,储藏室,房强雨,16763170669,370102199801232729,2018-10-04,
1-1-102,48.01,38.62,住宅,闵涵诺,13837783533,110105199808104261,2023-11-04,
2-1-104,52.32,43.74,车库,祁红超,13270601210,37010220000111851X,,
CSV
run pm-owner import "$T/roll.csv"
is_rc 0 "seed: the roll imports"

# today is 2026-11-30: 30 days on is 2026-12-30
vehicle() {
	run pm-owner vehicle add "$1" --plate "$2" --pass "$3" --expires "$4"
	is_rc 0 "seed: vehicle $2 expiring $4"
}
vehicle 2-1-104 京A00030 P30 2026-12-30
vehicle 1-1-102 京A00031 P31 2026-12-31
vehicle 1-1-101 京A00000 P00 2026-11-30
vehicle 1-1-101 京A00099 P99 2026-11-29
vehicle 1-1-102 京A00077 P77 2026-12-01
run pm-owner vehicle add 1-1-102 --plate 京A00088
is_rc 0 "seed: a vehicle without a pass expiry"
run pm-owner vehicle remove --plate 京A00077
is_rc 0 "seed: a vehicle removed, its pass no longer counts"
run pm-owner pet add 2-1-104 --name 豆豆 --licence D-30 --expires 2026-12-30
is_rc 0 "seed: a dog licence expiring on the 30th day"
run pm-owner pet add 1-1-101 --kind cat --name 咪咪 --licence C-1 --expires 2026-10-01
is_rc 0 "seed: a cat's licence long expired"
run pm-owner pet add 1-1-102 --name 小黑 --licence D-9 --expires 2026-11-01
run pm-owner pet remove 1-1-102 --name 小黑
is_rc 0 "seed: a removed dog"

run pm-owner expiring
is_rc 0 "expiring (30 days by default)"
is_out "unit,owner,phone,what,item,number,expires,days
1-1-101,房强雨,167****0669,cat,咪咪,C-1,2026-10-01,-60
1-1-101,房强雨,167****0669,vehicle,京A00099,P99,2026-11-29,-1
1-1-101,房强雨,167****0669,vehicle,京A00000,P00,2026-11-30,0
2-1-104,祁红超,132****1210,vehicle,京A00030,P30,2026-12-30,30
2-1-104,祁红超,132****1210,dog,豆豆,D-30,2026-12-30,30" \
	"expired and due by today + 30 days, by date; a vehicle before a pet; phones masked"

run pm-owner expiring --within 31d --no-header
is_out "1-1-101,房强雨,167****0669,cat,咪咪,C-1,2026-10-01,-60
1-1-101,房强雨,167****0669,vehicle,京A00099,P99,2026-11-29,-1
1-1-101,房强雨,167****0669,vehicle,京A00000,P00,2026-11-30,0
2-1-104,祁红超,132****1210,vehicle,京A00030,P30,2026-12-30,30
2-1-104,祁红超,132****1210,dog,豆豆,D-30,2026-12-30,30
1-1-102,闵涵诺,138****3533,vehicle,京A00031,P31,2026-12-31,31" "--within 31d takes the 31st day"

run pm-owner expiring --within 0d --no-header
is_out "1-1-101,房强雨,167****0669,cat,咪咪,C-1,2026-10-01,-60
1-1-101,房强雨,167****0669,vehicle,京A00099,P99,2026-11-29,-1
1-1-101,房强雨,167****0669,vehicle,京A00000,P00,2026-11-30,0" "--within 0d: expired or expiring today"

run pm-owner expiring --within 4w --no-header
is "$(wc -l < "$T/out")" 3 "--within 4w (28 days) stops before the 30th day"

# a day later the window moves with the clock
export PM_NOW=2026-12-01T00:00:00
run pm-owner expiring --no-header
is "$(cut -d, -f5,8 "$T/out" | tr '\n' ' ')" "咪咪,-61 京A00099,-2 京A00000,-1 京A00030,29 豆豆,29 京A00031,30 " \
	"on 2026-12-01 the 31st of December is in, and days count from the new today"
export PM_NOW=2026-11-30T09:00:00

run pm-owner expiring --reveal --within 0d --no-header
is "$(head -n 1 "$T/out")" "1-1-101,房强雨,16763170669,cat,咪咪,C-1,2026-10-01,-60" "--reveal shows the phone"
is "$(sql "SELECT verb, record, change FROM audit ORDER BY id DESC LIMIT 1")" \
	"expiring|owner expiring|phone and ID numbers revealed" "and is recorded in the audit log"

run pm-owner expiring --check
is_rc 1 "--check exits 1 when something is listed"
pm-admin --db "$T/empty.db" init > /dev/null
run pm-owner --db "$T/empty.db" expiring --check
is_rc 0 "--check exits 0 when nothing is"
is_out "unit,owner,phone,what,item,number,expires,days" "with the header only"

run pm-owner expiring --within 1y
is_rc 64 "a span that is no span"
err_has "--within: '1y' is not a span like 30d, 24h or 2w" "says so"
run pm-owner expiring 1-1-101
is_rc 64 "an argument"

run pm-owner expiring -o table --within 0d
is_out "Unit     Owner   Phone        What     Item      Number  Expires     Days left
-------  ------  -----------  -------  --------  ------  ----------  ---------
1-1-101  房强雨  167****0669  cat      咪咪      C-1     2026-10-01        -60
1-1-101  房强雨  167****0669  vehicle  京A00099  P99     2026-11-29         -1
1-1-101  房强雨  167****0669  vehicle  京A00000  P00     2026-11-30          0" "as a table"

done_testing
