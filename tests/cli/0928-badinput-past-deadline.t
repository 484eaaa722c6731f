#!/bin/sh
# BAD-INPUTS 28: a ticket whose callback deadline has already passed when
# it is recorded (back-dated entry) is flagged overdue at once.  Survey
# answers out of range, for an unknown item, or twice for one unit, typed
# in or imported: refused with the line, column and reason, nothing
# written.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
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

# survey answers
pm-survey new --quarter 2026Q4 > /dev/null
pm-survey sample --quarter 2026Q4 1-1-101 1-1-102 > /dev/null 2>&1
pm-survey issue --quarter 2026Q4 --by 张三 > /dev/null 2>&1
dump > "$T/before"
run pm-survey answer --quarter 2026Q4 1-1-101 客服=极好
is_rc 65 "a score the form has no word for is refused"
run pm-survey answer --quarter 2026Q4 1-1-101 客服=6
is_rc 65 "a score out of range is refused"
run pm-survey answer --quarter 2026Q4 1-1-101 停车=满意
is_rc 65 "an item the form does not have is refused"
run pm-survey answer --quarter 2026Q4 1-1-103 客服=满意
is_rc 65 "a unit without a form in the round is refused"
unchanged "refused answers write nothing"
run pm-survey answer --quarter 2026Q4 1-1-101 客服=满意
is_rc 0 "a good answer"
dump > "$T/before"
run pm-survey answer --quarter 2026Q4 1-1-101 客服=不满意
is_rc 65 "answering the same form again is refused"
err_has "--replace" "and says how to enter it again"
unchanged "and writes nothing"
roll "$T/answers.csv" '房号,客服,安保' '1-1-102,满意,满意' '1-1-102,基本满意,满意' '1-1-101,满意,九'
run pm-survey import --quarter 2026Q4 "$T/answers.csv"
is_rc 65 "an import with a unit twice and a bad score is refused"
err_has "answers.csv:3:" "the repeated unit is named by its line"
err_has "answers.csv:4: 安保:" "the bad score by its line and column"
no_pii "no phone or ID number in the messages"
unchanged "and nothing of the file is written"

done_testing
