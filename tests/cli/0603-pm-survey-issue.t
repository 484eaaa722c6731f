#!/bin/sh
# pm-survey issue, collect, due: who handed out and collected which form,
# when; the forms not back by the due date
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
sql "INSERT INTO unit (code, building, room) VALUES
	('1-1-101', '1', '101'), ('1-1-102', '1', '102'), ('1-1-103', '1', '103'), ('2-1-101', '2', '101')"
pm-admin staff add 王芳 --dept service --role butler > /dev/null
pm-admin staff add 李强 --dept service --role butler > /dev/null
pm-survey new --quarter 2026Q4 > /dev/null

run pm-survey issue --by 王芳
is_rc 65 "issuing a round with no forms is refused"
is_err "pm-survey: 2026Q4 has no forms: draw the sample (pm-survey sample) or list the units" \
	"and says what to do"
pm-survey sample 1-1-101 1-1-102 > /dev/null

run pm-survey issue
is_rc 64 "issue needs --by"
is_err "pm-survey: who hands the forms out? give --by STAFF" "and says so"
run pm-survey issue --by 赵六
is_rc 65 "an unknown staff member is refused"
is_err "pm-survey: no current staff member '赵六' (see pm-admin staff list)" "naming them"

PM_NOW=2026-12-15T10:00:00
export PM_NOW
run pm-survey issue --by 王芳 --collector 李强
is_rc 0 "issue: every form of the round"
is_out "2 form(s) issued" "says how many"
is "$(sql "SELECT f.no, f.issued_on, a.name, b.name FROM survey_form f JOIN staff a ON a.id = f.issued_by
	JOIN staff b ON b.id = f.collector ORDER BY f.no")" "1|2026-12-15|王芳|李强
2|2026-12-15|王芳|李强" "the date, who handed each out and who collects it"
is "$(sql "SELECT change FROM audit WHERE verb = 'issue'")" \
	"survey forms issued: 2 on 2026-12-15 by 王芳, to be collected by 李强" "audited"
run pm-survey issue --by 王芳
is_rc 65 "issuing again is refused"
is_err "pm-survey: every form of 2026Q4 is issued already" "and says so"

# a unit listed without a form gets one (the sample chosen elsewhere)
printf 'unit\n1-1-103\n' > "$T/more.csv"
run_in "$T/more.csv" pm-survey issue --by 李强 --date 2026-12-16 -
is_rc 0 "issue - takes units from stdin"
is "$(sql "SELECT f.no, f.how, f.issued_on, s.name FROM survey_form f JOIN unit u ON u.id = f.unit_id
	JOIN staff s ON s.id = f.collector WHERE u.code = '1-1-103'")" "3|list|2026-12-16|李强" \
	"a form is made for it, to be collected by the one who issued it"
run pm-survey issue --by 李强 1-1-101
is_rc 65 "a form issued already is refused"
is_err "pm-survey: form 2026Q4-001 (unit '1-1-101') is issued already" "naming the form"

# collecting
run pm-survey collect
is_rc 64 "collect needs units"
PM_NOW=2026-12-20T16:00:00
run pm-survey collect 1-1-101
is_rc 0 "collect"
is_out "1 form(s) collected" "says how many"
is "$(sql "SELECT f.collected_on, s.name FROM survey_form f JOIN staff s ON s.id = f.collected_by WHERE f.no = 1")" \
	"2026-12-20|李强" "recorded back today, by the collector named at issue"
run pm-survey collect --by 王芳 --date 2026-12-19 1-1-102
is "$(sql "SELECT f.collected_on, s.name FROM survey_form f JOIN staff s ON s.id = f.collected_by WHERE f.no = 2")" \
	"2026-12-19|王芳" "or on the day and by whom given"
dump > "$T/before"
run pm-survey collect 1-1-101
is_rc 65 "collecting twice is refused"
is_err "pm-survey: form 2026Q4-001 (unit '1-1-101') was collected on 2026-12-20" "with the date"
run pm-survey collect 2-1-101
is_rc 65 "a unit without a form"
is_err "pm-survey: unit '2-1-101' has no form in 2026Q4" "is refused"
run pm-survey collect --date 2026-12-01 1-1-103
is_rc 65 "back before it went out"
is_err "pm-survey: form 2026Q4-003 (unit '1-1-103') cannot be back on 2026-12-01: it was issued on 2026-12-16" \
	"is refused"
run pm-survey collect 1-1-103 1-1-103
is_rc 65 "a unit listed twice"
is_err "pm-survey: unit '1-1-103' is listed twice" "is refused"
dump > "$T/after"
if cmp -s "$T/before" "$T/after"; then ok "refused collections wrote nothing"; else not_ok "refused collections wrote nothing"; fi

# due: nothing late before the due date
pm-survey sample 2-1-101 > /dev/null
run pm-survey due --check
is_rc 0 "due --check before the due date: nothing late"
is_out "form,unit,building,issued_on,issued_by,collector,due_on,days_late" "an empty list"
run pm-survey due --all
is_out "form,unit,building,issued_on,issued_by,collector,due_on,days_late
2026Q4-003,1-1-103,1,2026-12-16,李强,李强,2026-12-30," "--all shows the forms out and not yet due"
PM_NOW=2027-01-04T08:00:00
run pm-survey due --check
is_rc 1 "due --check after the due date exits 1"
is_out "form,unit,building,issued_on,issued_by,collector,due_on,days_late
2026Q4-003,1-1-103,1,2026-12-16,李强,李强,2026-12-30,5
2026Q4-004,2-1-101,2,,,,2026-12-30,5" "listing the late forms, with who is to collect them and how late"
run pm-survey due
is_rc 0 "due without --check exits 0"
run pm-survey due --quarter 2027Q1
is_rc 65 "due of a round that does not exist"
PM_NOW=2027-01-04T09:00:00 pm-survey collect 1-1-103 > /dev/null
run pm-survey due --quarter 2026Q4 --check -o table
is_rc 1 "one left"
is_out "Form        Unit     Building  Issued  Issued by  Collector  Due         Days late
----------  -------  --------  ------  ---------  ---------  ----------  ---------
2026Q4-004  2-1-101  2                                       2026-12-30          5" "as a table"

done_testing
