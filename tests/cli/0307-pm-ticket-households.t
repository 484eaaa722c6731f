#!/bin/sh
# 0307-pm-ticket-households.t - issue 13 item 1: a period's complaints
# per 100 households divide by the households of that period, not of the
# day the report is run.  A household is a residential unit occupied or
# let (its status, as pm-owner derives it) on the period's last day, or
# today while the period is still running; so last spring's week gives
# the same rate in December as it gave then.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

PM_NOW=2026-01-05T09:00:00
export PM_NOW
pm-admin init > /dev/null || exit 1
pm-admin staff add 张三 --dept service --role clerk > /dev/null || exit 1
PM_USER=张三
export PM_USER
# six flats: two moved in last year, three sold but empty, one unsold;
# a parking space is no household
printf '%s\n' "unit,name,move_in" "1-1-101,王伟,2025-12-01" "1-1-102,李娜," \
	"1-1-103,赵敏," "1-1-104,钱进," "2-1-101,孙丽,2025-12-01" > "$T/roll.csv"
pm-owner import -q "$T/roll.csv" > /dev/null || exit 1
pm-owner unit add 1-1-105 > /dev/null || exit 1
pm-owner unit add P-001 --type parking > /dev/null || exit 1

# complaints: stats --week W, the complaints rows of it
complaints() {
	run pm-ticket stats --week "$1" --no-header
	grep '^complaints,\(received\|households\|per_100\)' "$T/out" > "$T/c"
	mv "$T/c" "$T/out"
}

# 2026-W10 (03-02 .. 03-08): 1-1-102 moves in on Wednesday, one complaint
PM_NOW=2026-03-03T10:00:00 pm-ticket new --kind complaint --unit 1-1-101 电梯噪音 > /dev/null
PM_NOW=2026-03-04T10:00:00 run pm-owner movein 1-1-102 --date 2026-03-04
is_rc 0 "1-1-102 moves in on 03-04"
PM_NOW=2026-03-09T09:00:00 run pm-owner movein 1-1-103 --date 2026-03-09
is_rc 0 "1-1-103 on 03-09, the Monday after"

PM_NOW=2026-03-09T10:00:00 complaints 2026-W10
is_out "complaints,received,1
complaints,households,3
complaints,per_100_households,33.33" \
	"the Monday after: 3 households on Sunday 03-08 (not 1-1-103, not the unsold or the empty flat)"

# spring and summer: 2-1-101 moves out, 1-1-104 is let from June
PM_NOW=2026-04-30T10:00:00 run pm-owner moveout 2-1-101 --date 2026-04-30
is_rc 0 "2-1-101 moves out on 04-30"
PM_NOW=2026-05-20T10:00:00 run pm-owner lease add 1-1-104 --tenant 周租 --start 2026-06-01
is_rc 0 "1-1-104 let from 06-01"
PM_NOW=2026-05-20T10:00:00 run pm-owner lease add 2-1-101 --tenant 吴租 --start 2026-12-05
is_rc 0 "2-1-101 let from 12-05, a Saturday"

# 2026-W49 (11-30 .. 12-06), run on Thursday 12-03: two complaints
PM_NOW=2026-11-30T10:00:00 pm-ticket new --kind complaint --unit 1-1-103 楼道灯坏 > /dev/null
PM_NOW=2026-12-01T10:00:00 pm-ticket new --kind complaint --unit 1-1-104 垃圾未清 > /dev/null
PM_NOW=2026-12-03T10:00:00 complaints 2026-W49
is_out "complaints,received,2
complaints,households,4
complaints,per_100_households,50.00" \
	"a week still running counts today's 4 households: the lease of Saturday is not in force yet"
PM_NOW=2026-12-07T10:00:00 complaints 2026-W49
is_out "complaints,received,2
complaints,households,5
complaints,per_100_households,40.00" \
	"once the week is over, its Sunday's 5 (2-1-101 let since Saturday)"

PM_NOW=2026-12-07T10:00:00 complaints 2026-W10
is_out "complaints,received,1
complaints,households,3
complaints,per_100_households,33.33" \
	"re-run in December, the spring week gives what it gave then"
PM_NOW=2026-12-07T10:00:00 run pm-ticket stats --week 2026-W10 --summary
is_out "Complaints 2026-W10 (2026-03-02 to 2026-03-08): 1 received, 0 answered within 72 hours, 0 answered late, 1 not answered yet (1 overdue).  33.33 per 100 households (3 households).  By category: other 1.
  T2026-000001  1-1-101  -  电梯噪音: not answered, overdue since 2026-03-06T10:00:00; open" \
	"and so does its summary"
PM_NOW=2026-12-07T10:00:00 run pm-ticket stats --month 2026-03 --no-header
out_has "complaints,households,4" "the month of March: 4 households on 03-31"
PM_NOW=2026-12-07T10:00:00 complaints 2026-W01
is_out "complaints,received,0
complaints,households,2
complaints,per_100_households,0.00" "the first week of the year: the two moved in last year"

done_testing
