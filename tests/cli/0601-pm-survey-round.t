#!/bin/sh
# pm-survey new, list, show: the round of a quarter and its dates
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null

run pm-survey list
is_rc 0 "list with no rounds"
is_out "round,kind,butler,form,issue_on,due_on,report_by,ratio,moved_in,forms,issued,collected,answered,seed" \
	"is just the header"

# the seeds: forms out mid last month, back within half a month, the
# summary at head office by the 5th of the next quarter
run pm-survey new --quarter 2026Q4
is_rc 0 "new --quarter"
is_out "2026Q4: forms out 2026-12-15, due back 2026-12-30" "the 15th of December, due 15 days later"
run pm-survey new --quarter 2027-Q1
is_out "2027Q1: forms out 2027-03-15, due back 2027-03-30" "2027-Q1 is 2027Q1"
pm-admin settings set survey.collect_days 10 > /dev/null
pm-admin settings set survey.ratio_percent 25 > /dev/null
run pm-survey new --quarter 2027Q2
is_out "2027Q2: forms out 2027-06-15, due back 2027-06-25" "survey.collect_days sets the due date"
run pm-survey new --quarter 2027Q3 --issue 2027-09-10 --due 2027/9/30 --ratio 30
is_out "2027Q3: forms out 2027-09-10, due back 2027-09-30" "dates can be given"
run pm-survey list
is_out "round,kind,butler,form,issue_on,due_on,report_by,ratio,moved_in,forms,issued,collected,answered,seed
2027Q3,quarterly,,default:1,2027-09-10,2027-09-30,2027-10-05,30,,0,0,0,0,
2027Q2,quarterly,,default:1,2027-06-15,2027-06-25,2027-07-05,25,,0,0,0,0,
2027Q1,quarterly,,default:1,2027-03-15,2027-03-30,2027-04-05,20,,0,0,0,0,
2026Q4,quarterly,,default:1,2026-12-15,2026-12-30,2027-01-05,20,,0,0,0,0," \
	"list: newest first, report due the 5th of the next quarter, the ratio of each"
run pm-survey list --year 2026
is_out "round,kind,butler,form,issue_on,due_on,report_by,ratio,moved_in,forms,issued,collected,answered,seed
2026Q4,quarterly,,default:1,2026-12-15,2026-12-30,2027-01-05,20,,0,0,0,0," "list --year"
is "$(sql "SELECT record, change FROM audit WHERE record = '2026Q4'")" \
	"2026Q4|survey round created: issue 2026-12-15, due 2026-12-30, form default:1, ratio 20%" \
	"the round is audited"

dump > "$T/before"
run pm-survey new --quarter 2026Q4
is_rc 65 "a round twice is refused"
is_err "pm-survey: survey round 2026Q4 exists already" "naming it"
run pm-survey new --quarter 2026Q5
is_rc 64 "a malformed quarter is a usage error"
err_has "'2026Q5' is not a period like 2026Q4" "naming the option's value"
run pm-survey new --quarter 2026-11
is_rc 64 "a month is not a quarter"
run pm-survey new
is_rc 64 "new needs --quarter"
is_err "pm-survey: which quarter? give --quarter QUARTER, like 2026Q4" "and says so"
run pm-survey new --quarter 2028Q1 --issue 2028-03-15 --due 2028-03-01
is_rc 65 "due before issue is refused"
is_err "pm-survey: due date 2028-03-01 is before the issue date 2028-03-15" "with both dates"
run pm-survey new --quarter 2028Q1 --issue 2028-02-30
is_rc 64 "an impossible date is a usage error"
run pm-survey new --quarter 2028Q1 --ratio 0
is_rc 64 "a ratio of 0 is out of range"
run pm-survey new --quarter 2028Q1 --ratio 20x
is_rc 64 "a ratio that is not a number"
run pm-survey new --quarter 2028Q1 --form nosuch
is_rc 65 "an unknown form is refused"
is_err "pm-survey: no survey template 'nosuch' (see pm-survey template list)" "naming it"
dump > "$T/after"
if cmp -s "$T/before" "$T/after"; then ok "refused rounds wrote nothing"; else not_ok "refused rounds wrote nothing"; fi

# show: the forms of a round, with their state
sql "INSERT INTO unit (code, building, room) VALUES ('1-1-101', '1', '101'), ('1-1-102', '1', '102'), ('2-1-101', '2', '101')"
pm-admin staff add 王芳 --dept service --role butler > /dev/null
pm-admin staff add 李强 --dept service --role butler > /dev/null
pm-survey sample --quarter 2026Q4 1-1-101 1-1-102 2-1-101 > /dev/null
pm-survey issue --quarter 2026Q4 --by 王芳 --collector 李强 --date 2026-12-15 1-1-101 1-1-102 > /dev/null
PM_NOW=2026-12-20 pm-survey collect --quarter 2026Q4 1-1-101 > /dev/null
run env PM_NOW=2026-12-31 pm-survey show --quarter 2026Q4
is_rc 0 "show"
is_out "form,unit,building,how,issued_on,issued_by,collector,due_on,collected_on,collected_by,answered_on,status
2026Q4-001,1-1-101,1,list,2026-12-15,王芳,李强,2026-12-30,2026-12-20,李强,,collected
2026Q4-002,1-1-102,1,list,2026-12-15,王芳,李强,2026-12-30,,,,overdue
2026Q4-003,2-1-101,2,list,,,,2026-12-30,,,,overdue" "every form: who handed it out, who collects it, its state"
run env PM_NOW=2026-12-16 pm-survey show --quarter 2026Q4 -o json
is_out '[
  {"form": "2026Q4-001", "unit": "1-1-101", "building": "1", "how": "list", "issued_on": "2026-12-15", "issued_by": "王芳", "collector": "李强", "due_on": "2026-12-30", "collected_on": "2026-12-20", "collected_by": "李强", "answered_on": null, "status": "collected"},
  {"form": "2026Q4-002", "unit": "1-1-102", "building": "1", "how": "list", "issued_on": "2026-12-15", "issued_by": "王芳", "collector": "李强", "due_on": "2026-12-30", "collected_on": null, "collected_by": null, "answered_on": null, "status": "issued"},
  {"form": "2026Q4-003", "unit": "2-1-101", "building": "2", "how": "list", "issued_on": null, "issued_by": null, "collector": null, "due_on": "2026-12-30", "collected_on": null, "collected_by": null, "answered_on": null, "status": "sampled"}
]' "as json, before the due date"
run pm-survey show
is_rc 0 "show without --quarter: the latest round"
out_lacks "2026Q4-" "which is 2027Q3, with no forms"
run pm-survey show --quarter 2025Q1
is_rc 65 "show of a round that does not exist"

done_testing
