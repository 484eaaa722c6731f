#!/bin/sh
# A week at the desk, 2026-W48 (Mon 2026-11-23 .. Sun 2026-11-29), with
# PM_NOW stepping through it: two dozen tickets of every kind and repair
# category, callbacks on time and late, an unsatisfied callback and its
# rework, a reopened ticket.  The due lists along the way and the week's
# statistics are worked out by hand below; a cron-style run gives the
# same answer as the desk's.  The ten flats were moved into last year, so
# the week has ten households.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
for b in 1 2; do
	for r in 101 102 103 104 105; do
		sql "INSERT INTO unit(code, building, entrance, floor, room, type)
		     VALUES ('$b-1-$r', '$b', '1', 1, '$r', 'residential')"
	done
done
sql "INSERT INTO unit(code, building, room, type) VALUES ('P-001', 'P', '001', 'parking')"
# every flat sold and moved into before the week: ten households
printf 'unit,name,move_in\n' > "$T/roll.csv"
n=1
for u in 1-1-101 1-1-102 1-1-103 1-1-104 1-1-105 2-1-101 2-1-102 2-1-103 2-1-104 2-1-105; do
	echo "$u,业主$n,2025-0$((n % 9 + 1))-15" >> "$T/roll.csv"
	n=$((n + 1))
done
PM_NOW=2026-11-01T10:00:00 pm-owner import -q "$T/roll.csv" > /dev/null || exit 1
pm-admin staff add 张三 --dept service --role clerk
pm-admin staff add 李四 --dept service --role butler
pm-admin staff add 王师傅 --dept engineering --role repair
pm-admin staff add 赵师傅 --dept engineering --role repair
export PM_USER=张三

# new NUMBER ARG...: take a ticket, which must get NUMBER
new() {
	_want=$1
	shift
	run pm-ticket new "$@"
	if [ "$rc" = 0 ] && [ "$(cat "$T/out")" = "T2026-0000$_want" ]; then
		ok "T$_want taken at $PM_NOW"
	else
		not_ok "T$_want taken at $PM_NOW" "$(cat "$T/out")" "$(diag_last)"
	fi
}
# step ARG...: a step that must succeed
step() {
	run pm-ticket "$@"
	is_rc 0 "$1 $2 at $PM_NOW"
}
t() { echo "T2026-0000$1"; }

PM_NOW=2026-11-22T23:30:00
new 01 --category doors --unit 1-1-103 单元门禁坏
PM_NOW=2026-11-23T08:00:00
step finish "$(t 01)" --done 换门禁控制器

# Monday 11-23
PM_NOW=2026-11-23T08:30:00
new 02 --category safety --unit 1-1-101 烟感报警器坏
PM_NOW=2026-11-23T09:00:00
new 03 --category leak --unit 1-1-102 卫生间渗水
step dispatch "$(t 02)" --to 王师傅
PM_NOW=2026-11-23T09:30:00
step dispatch "$(t 03)" --to 赵师傅
PM_NOW=2026-11-23T10:00:00
new 04 --category electrical --unit 2-1-101 插座没电
PM_NOW=2026-11-23T11:00:00
new 05 --kind 投诉 --category noise --unit 1-1-103 楼上装修噪音
step finish "$(t 04)" --done 更换插座
PM_NOW=2026-11-23T14:00:00
new 06 --kind inquiry --unit 2-1-102 停车卡办理
PM_NOW=2026-11-23T14:10:00
step finish "$(t 06)" --done 已告知流程
PM_NOW=2026-11-23T14:15:00
step close "$(t 06)"
PM_NOW=2026-11-23T15:00:00
step finish "$(t 02)" --done 更换烟感

# Tuesday 11-24
PM_NOW=2026-11-24T09:00:00
new 07 --category plumbing --unit 2-1-103 下水道堵
step reply "$(t 05)" --text 已联系装修户限时施工
PM_NOW=2026-11-24T09:10:00
step dispatch "$(t 07)" --to 王师傅
PM_NOW=2026-11-24T09:30:00
step finish "$(t 05)" --done 装修户已整改
PM_NOW=2026-11-24T09:40:00
step close "$(t 05)"
PM_NOW=2026-11-24T10:00:00
new 08 --kind complaint --category public --building 1 --channel hotline --by 李四 大堂卫生差
step callback "$(t 02)" --result satisfied
PM_NOW=2026-11-24T10:05:00
step close "$(t 02)"
PM_NOW=2026-11-24T11:00:00
new 09 --kind suggestion --category greenery --building 2 --channel box 增加绿植
PM_NOW=2026-11-24T12:00:00
step finish "$(t 07)" --done 疏通
n=10
for u in 1-1-101 1-1-102 1-1-104 2-1-104 2-1-105; do
	PM_NOW=2026-11-24T13:$((n - 10))0:00
	new $n --kind 咨询 --channel phone --unit $u 咨询
	n=$((n + 1))
done
PM_NOW=2026-11-24T15:00:00
new 15 --kind errand --unit 1-1-104 代收快递
PM_NOW=2026-11-24T16:00:00
step finish "$(t 03)" --done 重做防水
run pm-ticket finish "$(t 10)" "$(t 11)" "$(t 12)" "$(t 13)" "$(t 14)" --done 已答复
is_rc 0 "five inquiries finished at once"
PM_NOW=2026-11-24T17:00:00
step finish "$(t 15)" --done 已转交
PM_NOW=2026-11-24T17:05:00
step close "$(t 15)"

# Wednesday 11-25
PM_NOW=2026-11-25T08:00:00
new 16 --kind emergency --category leak --unit 1-1-105 --channel hotline --priority urgent --by 李四 水管爆裂
PM_NOW=2026-11-25T08:05:00
step dispatch "$(t 16)" --to 赵师傅
PM_NOW=2026-11-25T08:45:00
step finish "$(t 16)" --done 关阀换管

PM_NOW=2026-11-25T09:00:00
run pm-ticket due --within 3d
is_rc 0 "Wednesday morning: what falls due in three days"
is_out "ticket,item,due,state,person,unit,kind,summary
T2026-000008,reply,2026-11-27T10:00:00,due,李四,,complaint,大堂卫生差
T2026-000003,callback,2026-11-27T16:00:00,due,张三,1-1-102,repair,卫生间渗水
T2026-000016,callback,2026-11-28T08:45:00,due,李四,1-1-105,emergency,水管爆裂" \
	"a leak called back 3 days after its finish, a complaint answered 72 hours after receipt"
run pm-ticket due --check
is_rc 0 "nothing is overdue yet"
is_out "ticket,item,due,state,person,unit,kind,summary" "and nothing falls due today"

PM_NOW=2026-11-25T10:00:00
step callback "$(t 07)" --result unsatisfied --notes 排水仍慢
run pm-ticket patrol --area 1号楼 --by 李四 --found 路灯不亮 --category public
is_rc 0 "a patrol's finding opens a ticket"
is_out "T2026-000017" "whose number is printed"
PM_NOW=2026-11-25T10:30:00
step dispatch "$(t 17)" --to 赵师傅
PM_NOW=2026-11-25T13:00:00
new 18 --kind complaint --category fees --unit 2-1-104 --channel hotline --by 李四 物业费多收

# Thursday 11-26
PM_NOW=2026-11-26T09:00:00
new 19 --category inhome --unit 2-1-105 门锁坏
PM_NOW=2026-11-26T09:10:00
step dispatch "$(t 19)" --to 王师傅
PM_NOW=2026-11-26T10:00:00
step finish "$(t 19)" --done 换锁芯
new 20 --category 安全设施 --unit 2-1-101 灭火器过期

PM_NOW=2026-11-26T11:00:00
run pm-ticket due --overdue --check
is_rc 1 "Thursday: the rework notice is overdue, so --check exits 1"
is_out "ticket,item,due,state,person,unit,kind,summary
T2026-000007,rework,2026-11-26T10:00:00,overdue,王师傅,2-1-103,repair,下水道堵" \
	"the rework is due 24 hours after the unsatisfied callback, and is the repairman's"
run pm-ticket due --by 王师傅 --within 1d
is_out "ticket,item,due,state,person,unit,kind,summary
T2026-000007,rework,2026-11-26T10:00:00,overdue,王师傅,2-1-103,repair,下水道堵" "--by picks his"

# Friday 11-27
PM_NOW=2026-11-27T09:00:00
new 21 --kind complaint --category noise --unit 1-1-101 --channel hotline --by 李四 夜间施工
step finish "$(t 07)" --done 更换排水管
step callback "$(t 19)" --result 满意
PM_NOW=2026-11-27T09:05:00
step close "$(t 19)"
PM_NOW=2026-11-27T10:00:00
step finish "$(t 20)" --done 更换灭火器
PM_NOW=2026-11-27T16:00:00
new 22 --category leak --unit 1-1-102 窗户渗水

# Saturday 11-28
PM_NOW=2026-11-28T09:00:00
step callback "$(t 03)" --result 基本满意
PM_NOW=2026-11-28T09:05:00
step close "$(t 03)"
PM_NOW=2026-11-28T10:00:00
step finish "$(t 22)" --done 打胶
PM_NOW=2026-11-28T14:00:00
step reply "$(t 18)" --text 核对后退还多收部分 --by 李四

# Sunday 11-29
PM_NOW=2026-11-29T09:00:00
step callback "$(t 20)" --result satisfied
PM_NOW=2026-11-29T10:00:00
step reopen "$(t 19)" --reason 又坏了
PM_NOW=2026-11-29T20:00:00
new 23 --kind inquiry 燃气开通

# Monday 11-30, the morning after
PM_NOW=2026-11-30T08:30:00
new 24 --kind complaint --category cleaning --unit 2-1-102 垃圾未清
PM_NOW=2026-11-30T09:00:00

cat > "$T/due" <<'X'
ticket,item,due,state,person,unit,kind,summary
T2026-000008,reply,2026-11-27T10:00:00,overdue,李四,,complaint,大堂卫生差
T2026-000016,callback,2026-11-28T08:45:00,overdue,李四,1-1-105,emergency,水管爆裂
T2026-000001,callback,2026-11-30T08:00:00,overdue,张三,1-1-103,repair,单元门禁坏
T2026-000021,reply,2026-11-30T09:00:00,due,李四,1-1-101,complaint,夜间施工
T2026-000004,callback,2026-11-30T11:00:00,due,张三,2-1-101,repair,插座没电
X
run pm-ticket due --check
is_rc 1 "Monday: overdue items make --check exit 1"
is_out_file "$T/due" "the morning list: overdue and due today, earliest first (a deadline at this very minute is not overdue yet)"
run env -i PATH="$PATH" PM_DB="$PM_DB" PM_NOW="$PM_NOW" pm-ticket due --check
is_rc 1 "cron's environment (no TZ, no LANG, no HOME) gives the same exit"
is_out_file "$T/due" "and the same list"
run env TZ=Pacific/Kiritimati LC_ALL=zh_CN.UTF-8 pm-ticket due --check -o csv
is_out_file "$T/due" "and so does a desk in another zone and locale"
run pm-ticket due --overdue -o csv --no-header
is_out "T2026-000008,reply,2026-11-27T10:00:00,overdue,李四,,complaint,大堂卫生差
T2026-000016,callback,2026-11-28T08:45:00,overdue,李四,1-1-105,emergency,水管爆裂
T2026-000001,callback,2026-11-30T08:00:00,overdue,张三,1-1-103,repair,单元门禁坏" "--overdue"
run pm-ticket due --within 2d --by 张三 --no-header
is_out "T2026-000001,callback,2026-11-30T08:00:00,overdue,张三,1-1-103,repair,单元门禁坏
T2026-000004,callback,2026-11-30T11:00:00,due,张三,2-1-101,repair,插座没电
T2026-000022,callback,2026-12-01T10:00:00,due,张三,1-1-102,repair,窗户渗水" \
	"--within 2d --by: a leak finished Saturday is called back by Tuesday"

run pm-ticket list --overdue --no-header
is_out "T2026-000001,2026-11-22T23:30:00,repair,doors,1-1-103,desk,normal,finished,张三,,单元门禁坏
T2026-000008,2026-11-24T10:00:00,complaint,public,,hotline,normal,open,李四,,大堂卫生差
T2026-000016,2026-11-25T08:00:00,emergency,leak,1-1-105,hotline,urgent,finished,李四,赵师傅,水管爆裂" \
	"list --overdue"
run pm-ticket list --kind 投诉 --status open --no-header
is_out "T2026-000008,2026-11-24T10:00:00,complaint,public,,hotline,normal,open,李四,,大堂卫生差
T2026-000018,2026-11-25T13:00:00,complaint,fees,2-1-104,hotline,normal,open,李四,,物业费多收
T2026-000021,2026-11-27T09:00:00,complaint,noise,1-1-101,hotline,normal,open,李四,,夜间施工
T2026-000024,2026-11-30T08:30:00,complaint,cleaning,2-1-102,desk,normal,open,张三,,垃圾未清" \
	"list --kind 投诉 --status open"
run pm-ticket list --unit 1栋1单元102 --no-header
is_out "T2026-000003,2026-11-23T09:00:00,repair,leak,1-1-102,desk,normal,closed,张三,赵师傅,卫生间渗水
T2026-000011,2026-11-24T13:10:00,inquiry,,1-1-102,phone,normal,finished,张三,,咨询
T2026-000022,2026-11-27T16:00:00,repair,leak,1-1-102,desk,normal,finished,张三,,窗户渗水" "list --unit"
printf 'unit,name\n2-1-105,x\n1栋1单元102,y\n' > "$T/units.csv"
run_in "$T/units.csv" pm-ticket list --unit - --kind repair --no-header
is_out "T2026-000003,2026-11-23T09:00:00,repair,leak,1-1-102,desk,normal,closed,张三,赵师傅,卫生间渗水
T2026-000019,2026-11-26T09:00:00,repair,inhome,2-1-105,desk,normal,dispatched,张三,王师傅,门锁坏
T2026-000022,2026-11-27T16:00:00,repair,leak,1-1-102,desk,normal,finished,张三,,窗户渗水" \
	"list --unit - takes the unit column of a CSV on stdin"
printf 'unit\n' > "$T/none.csv"
run_in "$T/none.csv" pm-ticket list --unit - --no-header
is_rc 0 "no units on stdin"
is_out_file /dev/null "no tickets"
printf 'unit\n9-9-999\n' > "$T/bad.csv"
run_in "$T/bad.csv" pm-ticket list --unit -
is_rc 65 "an unknown unit on stdin"
run pm-ticket list --person 王师傅 --since 2026-11-24 --until 2026-11-26 --no-header
is_out "T2026-000007,2026-11-24T09:00:00,repair,plumbing,2-1-103,desk,normal,finished,张三,王师傅,下水道堵
T2026-000019,2026-11-26T09:00:00,repair,inhome,2-1-105,desk,normal,dispatched,张三,王师傅,门锁坏" \
	"list --person --since --until"
run pm-ticket list --building 2 --category 安全设施 --no-header
is_out "T2026-000020,2026-11-26T10:00:00,repair,safety,2-1-101,desk,normal,called,张三,,灭火器过期" \
	"list --building --category"
run pm-ticket list --channel patrol --limit 1 --no-header
is_out "T2026-000017,2026-11-25T10:00:00,repair,public,,patrol,normal,dispatched,李四,赵师傅,路灯不亮" \
	"list --channel patrol"
run pm-ticket list --status 蓝色
is_rc 64 "an unknown status is a usage error"

run pm-ticket today --no-header
is_out "T2026-000024,2026-11-30T08:30:00,complaint,cleaning,2-1-102,desk,normal,open,张三,,垃圾未清" \
	"today: what came in today and is not finished (日清日结)"
run pm-ticket today --date 2026-11-24 --no-header
is_out "T2026-000008,2026-11-24T10:00:00,complaint,public,,hotline,normal,open,李四,,大堂卫生差
T2026-000009,2026-11-24T11:00:00,suggestion,greenery,,box,normal,open,张三,,增加绿植" \
	"today --date: Tuesday's tickets still not cleared"

cat > "$T/stats" <<'X'
metric,key,value
period,week,2026-W48
period,first,2026-11-23
period,last,2026-11-29
tickets,received,22
tickets,reopened,1
kind,repair,8
kind,complaint,4
kind,suggestion,1
kind,inquiry,7
kind,errand,1
kind,emergency,1
category,leak,3
category,noise,2
category,public,2
category,safety,2
category,electrical,1
category,fees,1
category,greenery,1
category,inhome,1
category,plumbing,1
building,,2
building,1,11
building,2,9
handling,finished,15
handling,same_day,12
handling,same_day_percent,54.5
callbacks,made,5
callbacks,on_time,4
callbacks,on_time_percent,80.0
callbacks,overdue,1
satisfaction,satisfied,3
satisfaction,basic,1
satisfaction,unsatisfied,1
satisfaction,percent,80.0
complaints,received,4
complaints,answered_on_time,1
complaints,answered_late,1
complaints,unanswered,2
complaints,overdue,1
complaints,households,10
complaints,per_100_households,40.00
rework,issued,1
rework,done_on_time,0
X
run pm-ticket stats --week 2026-W48
is_rc 0 "stats --week"
is_out_file "$T/stats" "the week's statistics, as worked out by hand"
run pm-ticket stats --week 2026-W48 --summary
is_rc 0 "stats --summary"
is_out "Complaints 2026-W48 (2026-11-23 to 2026-11-29): 4 received, 1 answered within 72 hours, 1 answered late, 2 not answered yet (1 overdue).  40.00 per 100 households (10 households).  By category: noise 2, fees 1, public 1.
  T2026-000005  1-1-103  noise  楼上装修噪音: answered 2026-11-24T09:00:00, on time; closed
  T2026-000008  -  public  大堂卫生差: not answered, overdue since 2026-11-27T10:00:00; open
  T2026-000018  2-1-104  fees  物业费多收: answered 2026-11-28T14:00:00, late; open
  T2026-000021  1-1-101  noise  夜间施工: not answered, due 2026-11-30T09:00:00; open" \
	"the weekly complaint summary in words and numbers"
run pm-ticket stats --month 2026-11 --no-header
out_has "period,month,2026-11" "stats --month"
out_has "tickets,received,24" "counts the whole month (the ticket of 11-22 and of 11-30 too)"
run pm-ticket stats --week 2026-11
is_rc 64 "--week takes a week"
run pm-ticket stats --no-header
out_has "period,week,2026-W49" "without a period: this week"

done_testing
