#!/bin/sh
# 0330-pm-ticket-time-order.t - issue 13 item 1: a ticket's steps are
# recorded in time order.  A step timed (by PM_NOW, as the desk enters
# yesterday's paper forms) before the ticket's latest event is refused
# with 65, naming both times, and writes nothing; a back-dated step that
# still follows what it follows takes its place.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh disable=SC1091
. "$(dirname "$0")/badinput.sh"

base_estate
pm-admin staff add 李经理 --dept service --role manager > /dev/null || exit 1
PM_USER=张三
export PM_USER
T1=T2026-000001

PM_NOW=2026-11-28T10:00:00 run pm-ticket new --kind repair --category leak --unit 1-1-101 水管漏水
is_rc 0 "a repair taken on 11-28 at 10:00"
PM_NOW=2026-11-28T11:00:00 run pm-ticket dispatch $T1 --to 王师傅
is_rc 0 "dispatched at 11:00"
dump > "$T/before"

# the issue's case: finish the day before, callback two days before
PM_NOW=2026-11-27T09:00:00 run pm-ticket finish $T1 --done 换阀门
is_rc 65 "a finish the day before its dispatch"
is_err "pm-ticket: cannot finish $T1 at 2026-11-27T09:00:00: it was dispatched at 2026-11-28T11:00:00" \
	"is refused naming both times"
unchanged "and writes nothing"

PM_NOW=2026-11-28T10:30:00 run pm-ticket accept $T1
is_rc 65 "an accept half an hour before the dispatch"
is_err "pm-ticket: cannot accept $T1 at 2026-11-28T10:30:00: it was dispatched at 2026-11-28T11:00:00" \
	"is refused"
unchanged "and writes nothing"

PM_NOW=2026-11-28T10:30:00 run pm-ticket dispatch $T1 --to 王师傅 --dept engineering
is_rc 65 "sending it out again, timed before the first dispatch"
is_err "pm-ticket: cannot dispatch $T1 at 2026-11-28T10:30:00: it was dispatched at 2026-11-28T11:00:00" \
	"is refused too"
unchanged "and writes nothing"

# back-dated, but in order: accepted, and the deadlines count from it
PM_NOW=2026-11-28T11:00:00 run pm-ticket accept $T1
is_rc 0 "an accept at the same minute as the dispatch is in order"
PM_NOW=2026-11-29T16:00:00 run pm-ticket finish $T1 --done 换阀门
is_rc 0 "a finish entered the next morning for yesterday afternoon"
is "$(sql "SELECT finished, callback_due FROM ticket WHERE no = '$T1'")" \
	"2026-11-29T16:00:00|2026-12-02T16:00:00" "takes its true time, and the leak's callback is due 3 days on"
dump > "$T/before"

PM_NOW=2026-11-26T09:00:00 run pm-ticket callback $T1 --result satisfied
is_rc 65 "a callback before the work was finished"
is_err "pm-ticket: cannot callback $T1 at 2026-11-26T09:00:00: it was finished at 2026-11-29T16:00:00" \
	"is refused naming the finish"
unchanged "and writes nothing: no callback row, no event"

PM_NOW=2026-11-30T08:00:00 run pm-ticket callback $T1 --result satisfied
is_rc 0 "a callback after the finish"
dump > "$T/before"

PM_NOW=2026-11-29T12:00:00 run pm-ticket close $T1
is_rc 65 "a close before the callback"
is_err "pm-ticket: cannot close $T1 at 2026-11-29T12:00:00: it was called back at 2026-11-30T08:00:00" \
	"is refused"
unchanged "and writes nothing"

printf 'photo' > "$T/photo.jpg"
PM_NOW=2026-11-29T12:00:00 run pm-ticket attach $T1 "$T/photo.jpg"
is_rc 65 "an attachment timed before the last step"
is_err "pm-ticket: cannot attach $T1 at 2026-11-29T12:00:00: it was called back at 2026-11-30T08:00:00" \
	"is refused"
unchanged "and writes nothing: no attachment row"

PM_NOW=2026-11-29T12:00:00 run pm-ticket recheck $T1 --result confirmed --by 李经理
is_rc 65 "a re-check before the callback it checks"
is_err "pm-ticket: cannot recheck $T1 at 2026-11-29T12:00:00: it was called back at 2026-11-30T08:00:00" \
	"is refused"
unchanged "and writes nothing"

PM_NOW=2026-11-30T08:30:00 run pm-ticket close $T1
is_rc 0 "a close after the callback"
run pm-ticket show $T1 -o csv
out_has "2026-11-28T10:00:00,new,张三" "show: the receipt"
out_has "2026-11-30T08:30:00,close,张三" "show: the close, last"
is "$(sql "SELECT group_concat(what, ',') FROM (SELECT what FROM ticket_event ORDER BY id)")" \
	"new,dispatch,accept,finish,callback,close" "the timeline holds only what was accepted, in order"

# a rework notice is a step of its own: a finish before it is refused
PM_NOW=2026-11-29T09:00:00 run pm-ticket new --kind repair --category plumbing --unit 1-1-102 下水道堵
is_rc 0 "a second repair (T2026-000002)"
PM_NOW=2026-11-29T09:30:00 run pm-ticket dispatch T2026-000002 --to 王师傅
PM_NOW=2026-11-29T11:00:00 run pm-ticket finish T2026-000002 --done 疏通
PM_NOW=2026-11-29T15:00:00 run pm-ticket callback T2026-000002 --result unsatisfied --notes 还是慢
is_rc 0 "an unsatisfied callback sends it back for rework"
dump > "$T/before"
PM_NOW=2026-11-29T14:00:00 run pm-ticket finish T2026-000002 --done 再次疏通
is_rc 65 "the rework finished before it was sent back"
is_err "pm-ticket: cannot finish T2026-000002 at 2026-11-29T14:00:00: it was sent back for rework at 2026-11-29T15:00:00" \
	"names the rework notice"
unchanged "and writes nothing: the rework stays open"

# several tickets in one command: one out of order, none written
PM_NOW=2026-11-30T09:00:00 run pm-ticket new --kind complaint --unit 1-1-102 楼上噪音
is_rc 0 "a complaint taken today at 09:00 (T2026-000003)"
dump > "$T/before"
PM_NOW=2026-11-30T08:00:00 run pm-ticket reply T2026-000003 --text 已协调
is_rc 65 "a reply before the complaint was taken"
is_err "pm-ticket: cannot reply T2026-000003 at 2026-11-30T08:00:00: it was received at 2026-11-30T09:00:00" \
	"is refused"
unchanged "and writes nothing"
PM_NOW=2026-11-29T18:00:00 run pm-ticket handover T2026-000002 T2026-000003 --to 李经理
is_rc 65 "a handover of two tickets, the second received after the time given"
is_err "pm-ticket: cannot handover T2026-000003 at 2026-11-29T18:00:00: it was received at 2026-11-30T09:00:00" \
	"names the one out of order"
unchanged "and neither is handed over"

LC_ALL=zh_CN.UTF-8 PM_NOW=2026-11-30T08:00:00 run pm-ticket reply T2026-000003 --text 已协调
is_rc 65 "in Chinese too"
is_err "pm-ticket: reply T2026-000003 无法登记于 2026-11-30T08:00:00：该工单已于 2026-11-30T09:00:00 受理" \
	"the message is translated"
unchanged "and writes nothing"

PM_NOW=2026-11-30T09:00:00 run pm-ticket reply T2026-000003 --text 已协调
is_rc 0 "a reply at the minute of receipt is in order"

done_testing
