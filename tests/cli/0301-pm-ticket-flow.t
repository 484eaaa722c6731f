#!/bin/sh
# pm-ticket's lifecycle: each step an event with who and when, steps out
# of order refused with nothing written, callbacks owned by whoever took
# the ticket, rework after an unsatisfied callback, reopening, and '-'
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, type) VALUES
     ('1-1-101', '1', '1', 1, '101', 'residential'), ('1-1-102', '1', '1', 1, '102', 'residential')"
pm-admin staff add 张三 --dept service --role clerk
pm-admin staff add 李四 --dept service --role butler
pm-admin staff add 王师傅 --dept engineering --role repair
pm-admin staff add 赵师傅 --dept engineering --role repair
export PM_USER=张三

t=$(pm-ticket new --category safety --unit 1-1-101 消防栓漏水)
is "$t" T2026-000001 "a safety repair is taken"

# out of order, before anything happened
before=$(dump)
run pm-ticket callback "$t" --result satisfied
is_rc 65 "a callback before the work is finished is refused"
is_err "pm-ticket: cannot callback T2026-000001: the work is not finished yet (callback comes after finish)" \
	"with a clear message"
run pm-ticket close "$t"
is_rc 65 "closing an open ticket is refused"
is_err "pm-ticket: cannot close T2026-000001: the work is not finished yet" "saying why"
run pm-ticket accept "$t"
is_rc 65 "accepting a ticket nobody was sent is refused"
is_err "pm-ticket: cannot accept T2026-000001: it has not been dispatched to anyone" "saying why"
run pm-ticket reply "$t" --text 好的
is_rc 65 "only complaints get a reply"
run pm-ticket reopen "$t" --reason x
is_rc 65 "reopening an open ticket is refused"
run pm-ticket finish "$t"
is_rc 64 "finish needs to say what was done"
run pm-ticket dispatch "$t"
is_rc 64 "dispatch needs --to"
run pm-ticket dispatch T2026-000099 --to 王师傅
is_rc 65 "no such ticket"
is_err "pm-ticket: no ticket 'T2026-000099'" "is named"
run pm-ticket dispatch X-1 --to 王师傅
is_rc 65 "not a ticket number"
is_err "pm-ticket: 'X-1' is not a ticket number (like T2026-000123)" "is explained"
is "$(dump)" "$before" "nothing was written by any refusal"

PM_NOW=2026-11-30T09:10:00 run pm-ticket dispatch "$t" --to 王师傅
is_rc 0 "dispatch to a repairman"
is "$(sql "SELECT status, dept FROM ticket")" "dispatched|engineering" "takes his department"
PM_NOW=2026-11-30T09:20:00 run pm-ticket accept "$t" --by 赵师傅
is_rc 65 "someone else cannot accept it"
is_err "pm-ticket: cannot accept T2026-000001: it is dispatched to '王师傅' (dispatch it again to change that)" \
	"the message names who it went to"
PM_NOW=2026-11-30T09:20:00 run pm-ticket accept "$t"
is_rc 0 "the repairman accepts it (by default the person it was sent to)"
PM_NOW=2026-11-30T09:40:00 run pm-ticket start "$t"
is_rc 0 "work starts"
PM_NOW=2026-11-30T11:00:00 run pm-ticket finish "$t" --done 更换阀门 --materials 阀门1个
is_rc 0 "work finishes"
is "$(sql "SELECT status, finished, callback_due FROM ticket")" \
	"finished|2026-11-30T11:00:00|2026-12-02T11:00:00" "a safety callback is due two days after the finish"

before=$(dump)
run pm-ticket close "$t"
is_rc 65 "closing with the callback missing is refused"
is_err "pm-ticket: cannot close T2026-000001: its callback is missing" "saying so"
PM_USER=李四 run pm-ticket callback "$t" --result satisfied
is_rc 65 "someone else cannot do the callback"
is_err "pm-ticket: the callback of T2026-000001 belongs to '张三', who took it: hand it over first (pm-ticket handover T2026-000001 --to STAFF)" \
	"谁接单谁回访"
run pm-ticket callback "$t" --result 很好
is_rc 65 "an unknown callback result"
run pm-ticket callback "$t"
is_rc 64 "a callback needs a result"
is "$(dump)" "$before" "nothing was written"

PM_NOW=2026-11-30T14:00:00 run pm-ticket handover "$t" --to 李四 --notes 张三休假
is_rc 0 "the callback is handed over explicitly"
PM_NOW=2026-12-01T10:00:00 PM_USER=李四 run pm-ticket callback "$t" --result 不满意 --notes 阀门仍滴水
is_rc 0 "an unsatisfied callback"
is "$(sql "SELECT status, callback_due IS NULL FROM ticket")" "rework|1" "sends the ticket back"
is "$(sql "SELECT r.issued, r.due, s.name, r.problem, r.done IS NULL FROM rework r JOIN staff s ON s.id = r.staff_id")" \
	"2026-12-01T10:00:00|2026-12-02T10:00:00|王师傅|阀门仍滴水|1" \
	"with a rework notice to the repairman, due 24 hours later"
run pm-ticket close "$t"
is_rc 65 "a ticket in rework cannot be closed"
is_err "pm-ticket: cannot close T2026-000001: its rework is not finished" "saying so"
PM_NOW=2026-12-01T16:00:00 run pm-ticket finish "$t" --done 重新密封
is_rc 0 "the rework is finished"
is "$(sql "SELECT status, callback_due FROM ticket")" "finished|2026-12-03T16:00:00" \
	"a new callback falls due"
is "$(sql "SELECT done FROM rework")" "2026-12-01T16:00:00" "the rework notice is done"
PM_NOW=2026-12-02T09:00:00 PM_USER=李四 run pm-ticket callback "$t" --result satisfied
is_rc 0 "the second callback"
run pm-ticket callback "$t" --result satisfied
is_rc 65 "a second callback for the same finish is refused"
PM_NOW=2026-12-02T09:05:00 run pm-ticket close "$t"
is_rc 0 "then it closes"
run pm-ticket dispatch "$t" --to 王师傅
is_rc 65 "a closed ticket takes no more steps"
is_err "pm-ticket: cannot dispatch T2026-000001: it is closed (reopen it first)" "until reopened"

PM_NOW=2026-12-05T08:00:00 run pm-ticket reopen "$t" --reason 又漏了
is_rc 0 "reopen"
is "$(sql "SELECT status, reopened, closed IS NULL FROM ticket")" "dispatched|1|1" \
	"goes back to the repairman"

run pm-ticket show "$t" -o csv
is_rc 0 "show"
cat > "$T/want" <<'X'
[ticket]
ticket,kind,category,unit,building,location,reporter,phone,channel,priority,status,summary,detail,received,taken_by,callback_by,dept,assignee,finished,callback_due,reply_due,replied,closed,reopened,patrol
T2026-000001,repair,safety,1-1-101,1,,,,desk,normal,dispatched,消防栓漏水,,2026-11-30T09:00:00,张三,李四,engineering,王师傅,2026-12-01T16:00:00,,,,,1,

[events]
at,what,staff,recorder,detail
2026-11-30T09:00:00,new,张三,张三,消防栓漏水
2026-11-30T09:10:00,dispatch,张三,张三,王师傅 (engineering)
2026-11-30T09:20:00,accept,王师傅,张三,
2026-11-30T09:40:00,start,王师傅,张三,
2026-11-30T11:00:00,finish,王师傅,张三,更换阀门; materials: 阀门1个; callback due 2026-12-02T11:00:00
2026-11-30T14:00:00,handover,张三,张三,callback from 张三 to 李四: 张三休假
2026-12-01T10:00:00,callback,李四,李四,unsatisfied: 阀门仍滴水
2026-12-01T10:00:00,rework,李四,李四,"to 王师傅, due 2026-12-02T10:00:00"
2026-12-01T16:00:00,finish,王师傅,张三,重新密封; callback due 2026-12-03T16:00:00
2026-12-02T09:00:00,callback,李四,李四,satisfied
2026-12-02T09:05:00,close,张三,张三,
2026-12-05T08:00:00,reopen,张三,张三,又漏了

[callbacks]
at,due,on_time,staff,result,notes,recheck,recheck_by,recheck_notes
2026-12-01T10:00:00,2026-12-02T11:00:00,yes,李四,unsatisfied,阀门仍滴水,,,
2026-12-02T09:00:00,2026-12-03T16:00:00,yes,李四,satisfied,,,,

[rework]
issued,due,staff,problem,done
2026-12-01T10:00:00,2026-12-02T10:00:00,王师傅,阀门仍滴水,2026-12-01T16:00:00

[attachments]
id,name,bytes,added
X
is_out_file "$T/want" "the whole timeline, in order, with who did and who recorded each step"

# many tickets at once from a pipe; all or nothing
a=$(pm-ticket new --category public --building 1 路灯坏)
b=$(pm-ticket new --category public --building 1 垃圾桶坏)
printf 'ticket,summary\n%s,x\n%s,y\n' "$a" "$b" > "$T/two.csv"
run_in "$T/two.csv" pm-ticket dispatch - --to 赵师傅
is_rc 0 "dispatch - reads the ticket column of a CSV on stdin"
is "$(sql "SELECT group_concat(status) FROM ticket WHERE no IN ('$a', '$b')")" "dispatched,dispatched" \
	"both were dispatched"
printf 'ticket\n%s\nT2026-000099\n' "$a" > "$T/mixed.csv"
before=$(dump)
run_in "$T/mixed.csv" pm-ticket finish - --done 修好
is_rc 65 "one bad ticket refuses the lot"
is "$(dump)" "$before" "and nothing of it is written"
run pm-ticket finish "$a" "$b" --done 修好
is_rc 0 "several tickets as arguments"
is "$(sql "SELECT count(*) FROM ticket WHERE status = 'finished' AND callback_due = '2026-12-07T09:00:00'")" 2 \
	"other repairs are called back within 7 days"

done_testing
