#!/bin/sh
# pm-owner visit and visits: a month of household visits by two butlers
# and a supervisor, the clock stepping day by day, counted by hand
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null || exit 1

# unchanged DESC: the database is as it was when dumped to $T/before
unchanged() {
	dump > "$T/after"
	if cmp -s "$T/before" "$T/after"; then
		ok "$1"
	else
		not_ok "$1" "$(diff "$T/before" "$T/after" | head -n 20)"
	fi
}

cat > "$T/roll.csv" <<'CSV'
unit,building_area,usable_area,type,name,phone,id_no,move_in,remark
1-1-101,63.14,52.42,储藏室,房强雨,16763170669,370102199801232729,2018-10-04,
1-1-102,48.01,38.62,住宅,闵涵诺,13837783533,110105199808104261,2023-11-04,
1-1-103,178.99,148.88,住宅,柯凯,17683449786,33010619870116761X,2021-11-06,
1-1-104,164.17,134.76,车库,冯子俊,19286570704,320106199510196621,2023-04-01,
1-1-201,117.85,98.03,住宅,钱梓海,16489068288,370102196307028905,2023-04-17,
1-1-202,154.80,119.80,住宅,顾强栋,16903289218,310115196601270859,,
CSV
run pm-owner import "$T/roll.csv"
is_rc 0 "seed: the roll imports"
staff() {
	run pm-admin staff add "$1" --dept service --role "$2" --joined "$3"
	is_rc 0 "seed: $1, $2 from $3"
}
staff 李管家 butler 2026-10-01
staff 王管家 管家 2026-10-01
staff 周管家 butler 2026-09-01
staff 孙管家 butler 2026-12-01
staff 赵主管 supervisor 2026-01-01
staff 钱师傅 repair 2026-01-01
run pm-admin staff leave 周管家 --date 2026-10-31
is_rc 0 "seed: 周管家 left at the end of October"

# November, day by day
visit() {
	run pm-owner visit "$@"
	is_rc 0 "$PM_NOW: visit $*"
}
export PM_NOW=2026-11-02T10:00:00
visit 1-1-101 --by 李管家 --met 房强雨 --notes '对绿化有意见, 希望增加座椅'
visit 1-1-102 --by 李管家
is "$(wc -c < "$T/out")" 0 "visit prints nothing"
is "$(sql "SELECT date, (SELECT name FROM staff WHERE id = staff_id), visitee, notes FROM visit ORDER BY id LIMIT 1")" \
	"2026-11-02|李管家|房强雨|对绿化有意见, 希望增加座椅" "date, butler, whom they met and notes are kept"
is "$(sql "SELECT record, change FROM audit WHERE verb = 'visit' ORDER BY id LIMIT 1")" \
	"1-1-101|visit on 2026-11-02 by 李管家, met 房强雨" "audited"
export PM_NOW=2026-11-03T15:30:00
visit 1栋1单元101 --by 王管家
export PM_NOW=2026-11-09T09:00:00
visit 1-1-101 --by 李管家 --notes 回访绿化意见
export PM_NOW=2026-11-10T14:00:00
visit 1-1-103 --by 王管家
visit 1-1-104 --by 王管家
export PM_NOW=2026-11-16T08:30:00
visit 1-1-201 --by 李管家 --date 2026-11-15
visit 1-1-202 --by 王管家 --date 2026-10-31
export PM_NOW=2026-11-20T11:00:00
visit 1-1-202 --by 赵主管
export PM_NOW=2026-11-30T17:00:00
visit 1-1-202 --by 李管家

# refused visits write nothing
dump > "$T/before"
run pm-owner visit 1-1-103 --by 钱师傅
is_rc 65 "a repairman's visit is refused"
is_err "pm-owner: a household visit needs a butler|clerk|supervisor|manager, and '钱师傅' is a repair" \
	"naming the roles"
run pm-owner visit 1-1-103 --by 周管家
is_rc 65 "someone who left"
is_err "pm-owner: no current staff member '周管家' (see pm-admin staff list)" "is no longer on the staff"
run pm-owner visit 1-1-103 --by 李管家 --date 2026-12-01
is_rc 65 "a visit dated tomorrow"
is_err "pm-owner: date 2026-12-01 is in the future" "is refused"
run pm-owner visit 9-9-909 --by 李管家
is_rc 65 "a unit that does not exist"
run pm-owner visit 1-1-103 --by 李管家 --notes "$(printf 'bell\007')"
is_rc 65 "notes with a control character"
is_err "pm-owner: notes: text holds a control character" "say so"
run pm-owner visit 1-1-103
is_rc 64 "no --by"
is_err "pm-owner: who visited? give --by STAFF (or set PM_USER to your name in the staff register)" "asks who"
run env PM_USER=钱师傅 pm-owner visit 1-1-103
is_rc 65 "without --by, \$PM_USER is the visitor"
err_has "'钱师傅' is a repair" "and must be one who visits"
run pm-owner visit --by 李管家
is_rc 64 "no unit"
run pm-owner visit 1-1-103 --by 李管家 --date 明天
is_rc 64 "a date that is no date"
unchanged "refused visits wrote nothing"

# November by hand:
#   李管家  11-02 101, 11-02 102, 11-09 101, 11-15 201, 11-30 202
#           5 visits, 4 households (101 twice), 30 - 4 = 26 short
#   王管家  11-03 101, 11-10 103, 11-10 104 (10-31 202 is October's)
#           3 visits, 3 households, 27 short
#   赵主管  11-20 202: counted, no target (a supervisor)
#   周管家  left 10-31, 孙管家 joins 12-01: not November's butlers
run pm-owner visits --month 2026-11
is_rc 0 "visits --month 2026-11"
is_out "staff,role,visits,households,target,shortfall
李管家,butler,5,4,30,26
王管家,butler,3,3,30,27
赵主管,supervisor,1,1,," "per person: visits, households, target, shortfall"
run pm-owner visits
is_out "staff,role,visits,households,target,shortfall
李管家,butler,5,4,30,26
王管家,butler,3,3,30,27
赵主管,supervisor,1,1,," "this month by default"

# October: 王管家's back-dated visit; 周管家 was a butler all month;
# 李管家 joined on the 1st and visited no one
run pm-owner visits --month 2026-10
is_out "staff,role,visits,households,target,shortfall
周管家,butler,0,0,30,30
李管家,butler,0,0,30,30
王管家,butler,1,1,30,29" "butlers with no visits are listed too"
run pm-owner visits --month 2026-12 --no-header
is_out "孙管家,butler,0,0,30,30
李管家,butler,0,0,30,30
王管家,butler,0,0,30,30" "a month with no visits yet"

run pm-owner visits --month 2026-11 --check
is_rc 1 "--check exits 1 when a butler is short"
run pm-admin settings set visit.monthly_target 3
is_rc 0 "the target lowered to 3"
run pm-owner visits --month 2026-11 --check
is_rc 0 "--check exits 0 when every butler met it"
is_out "staff,role,visits,households,target,shortfall
李管家,butler,5,4,3,0
王管家,butler,3,3,3,0
赵主管,supervisor,1,1,," "households over the target are short of nothing"

run pm-owner visits -o table --month 2026-11
is_rc 0 "visits as a table"
is "$(sed 's/ *$//' "$T/out")" "Staff   Role        Visits  Households  Target  Short
------  ----------  ------  ----------  ------  -----
李管家  butler           5           4       3      0
王管家  butler           3           3       3      0
赵主管  supervisor       1           1" "numbers right-aligned, no target for a supervisor"

run pm-owner visits --month 2026-13
is_rc 64 "a month that is no month"
err_has "--month: '2026-13' is not a period like 2026-11" "says so"
run pm-owner visits --month 2026Q4
is_rc 64 "a quarter is not a month"

run pm-owner show 1-1-101 -o csv
is "$(sed -n '/^\[visits\]/,/^$/p' "$T/out")" "[visits]
date,staff,visitee,notes
2026-11-09,李管家,,回访绿化意见
2026-11-03,王管家,,
2026-11-02,李管家,房强雨,\"对绿化有意见, 希望增加座椅\"" "the household archive lists the unit's visits"

run env PM_USER=赵主管 pm-owner visit 1-1-104 --notes 巡查车库
is_rc 0 "a visit by \$PM_USER"
is "$(sql "SELECT s.name, v.date, v.notes FROM visit v JOIN staff s ON s.id = v.staff_id ORDER BY v.id DESC LIMIT 1")" \
	"赵主管|2026-11-30|巡查车库" "recorded as theirs"

done_testing
