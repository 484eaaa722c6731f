#!/bin/sh
# BAD-INPUTS 28: a ticket whose callback deadline has already passed when
# it is recorded (back-dated entry) is flagged overdue at once.  Survey
# answers out of range or twice per unit: PENDING until pm-survey lands.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/badinput.sh"

base_estate
export PM_USER=张三
# the repair was taken and finished ten days ago, entered today
PM_NOW=2026-11-20T09:00:00 run pm-ticket new --unit 1-1-101 --category plumbing 水管漏水
is_rc 0 "a back-dated ticket"
t=$(cat "$T/out")
PM_NOW=2026-11-20T15:00:00 run pm-ticket finish "$t" --done 换管
is_rc 0 "finished back then"
is "$(sql "SELECT callback_due FROM ticket")" 2026-11-27T15:00:00 "its callback was due 7 days after"
run pm-ticket due --check -o csv
is_rc 1 "due --check finds it overdue today"
out_has "$t,callback,2026-11-27T15:00:00,overdue" "listed as overdue"

if command -v pm-survey > /dev/null; then
	not_ok "row 28 (survey answers) needs its tests now that pm-survey exists"
else
	ok "# SKIP survey answers are pending: pm-survey is not built yet"
fi

done_testing
