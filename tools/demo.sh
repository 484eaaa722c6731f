#!/bin/sh
# demo.sh BUILD - build a demo estate from generated data and print the
# manager's monthly report for it (make demo)
#
# Everything lives in BUILD/demo (or $PM_DEMO_DIR): a 2,000-unit owner
# roll ($PM_DEMO_UNITS) as Excel would export it (BOM, CRLF, Chinese
# headers, messy unit codes), the staff, a month of desk work driven by
# PM_NOW, and the report.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
dir=${PM_DEMO_DIR:-$build/demo}
units=${PM_DEMO_UNITS:-2000}
rm -rf "$dir"
mkdir -p "$dir"

PATH=$build/bin:$PATH
PM_DB=$dir/demo.db
PM_LOCALEDIR=$build/locale
export PATH PM_DB PM_LOCALEDIR
unset PM_USER

step() { printf '== %s\n' "$*" >&2; }

step "generating a $units-unit owner roll as Excel exports it"
python3 "$top/tests/data/gen_roll.py" -n "$units" --zh --bom --crlf --messy --seed 7 > "$dir/roll.csv"

export PM_NOW=2026-11-01T08:30:00
step "creating the estate and its staff"
pm-admin init --estate "阳光花园 (demo)" >&2
pm-admin staff add 王芳 --dept service --role clerk --phone 13800000001 >&2
pm-admin staff add 李强 --dept service --role butler --area "1-3栋" >&2
pm-admin staff add 张伟 --dept engineering --role repair >&2
pm-admin staff add 陈静 --dept service --role supervisor >&2
pm-admin staff add 刘洋 --dept management --role manager >&2
pm-admin staff add 李工 --dept engineering --role engineer >&2
pm-admin staff add 李会计 --dept finance --role finance >&2

step "importing the roll"
pm-owner import "$dir/roll.csv" >&2

step "fees: the property fee, billed on the first of October and November"
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01 >&2
pm-fee item add reno --name 装修管理费 --basis fixed --rate 300 --since 2026-01 >&2
PM_NOW=2026-10-01T08:00:00 pm-fee bill --period 2026-10 >&2
pm-fee bill --period 2026-11 >&2

step "households pay what they owe during November"
pm-fee arrears -o csv --no-header > "$dir/owing.csv"
n=0
while IFS=, read -r unit _ _ _ _ _ _ total _; do
	n=$((n + 1))
	# two in three pay, at the desk or by WeChat, spread over the month
	[ $((n % 3)) = 0 ] && continue
	[ "$n" -gt 450 ] && break
	method=cash
	[ $((n % 2)) = 0 ] && method=wechat
	PM_NOW=$(printf '2026-11-%02dT10:00:00' $((n % 27 + 2))) \
		pm-fee pay "$unit" "$total" --method "$method" >/dev/null
done < "$dir/owing.csv"

step "a month at the desk"
export PM_USER=王芳
PM_NOW=2026-11-02T10:00:00 pm-owner transfer 1-1-3301 --to 赵六 --phone 13912345678 \
	--id-no 110105199001011232 --how purchase >&2
PM_NOW=2026-11-03T09:30:00 pm-owner lease add 1-2-1502 --tenant 钱七 --phone 13700001111 \
	--start 2026-11-03 --end 2027-11-02 --decoration 精装 >&2

day=2
while [ $day -le 27 ]; do
	d=$(printf '2026-11-%02d' "$day")
	export PM_NOW="${d}T09:00:00"
	t=$(pm-ticket new --unit "1-1-${day}01" --category leak --reporter 住户 "卫生间渗水")
	pm-ticket dispatch "$t" --dept engineering --to 张伟 >/dev/null
	PM_NOW="${d}T15:00:00" pm-ticket finish "$t" --done "更换密封圈" >/dev/null
	if [ $((day % 3)) != 0 ]; then
		PM_NOW="${d}T18:00:00" pm-ticket callback "$t" --result satisfied >/dev/null
	fi
	if [ $((day % 5)) = 0 ]; then
		c=$(pm-ticket new --kind complaint --unit "2-1-${day}02" "楼道噪音")
		PM_NOW="${d}T16:00:00" pm-ticket reply "$c" --text "已联系邻居" >/dev/null
	fi
	day=$((day + 1))
done

step "a renovation, reviewed, paid for, started and inspected"
owner=$(pm-owner list --building 4 --status occupied -o csv --no-header | head -n 1)
unit=${owner%%,*}
name=$(printf '%s\n' "$owner" | cut -d, -f7)
PM_NOW=2026-11-09T10:00:00 pm-reno apply "$unit" --applicant "$name" --contractor 好家装修 \
	--scope 厨卫翻新 --start 2026-11-16 --end 2026-12-15 > "$dir/reno.id"
z=$(cat "$dir/reno.id")
PM_NOW=2026-11-10T10:00:00 pm-reno review "$z" --first --approve --by 李工 >/dev/null
PM_NOW=2026-11-11T10:00:00 pm-reno review "$z" --second --approve --by 刘洋 >/dev/null
PM_NOW=2026-11-12T10:00:00 pm-reno pay "$z" --deposit 2000 --fee 300 --method cash >/dev/null
PM_NOW=2026-11-16T09:00:00 pm-reno start "$z" >/dev/null
PM_NOW=2026-11-20T12:30:00 pm-reno inspect "$z" --by 李强 --violation 违时施工 --found 午休时间施工 >/dev/null

export PM_NOW=2026-11-30T17:00:00
step "the monthly report"
sh "$top/examples/monthly-report.sh" 2026-11 | tee "$dir/report-2026-11.md"
step "the demo estate is $PM_DB; the report is in $dir/report-2026-11.md"
