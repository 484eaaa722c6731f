#!/bin/sh
# pm-admin log: the audit trail, and each of its filters
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

me=$(id -un)
pm-admin init > /dev/null

# a few days of writes, by two clerks on the desk's shared login
PM_NOW=2026-11-28T17:30:00 pm-admin staff add 张伟 --dept service --role butler
PM_NOW=2026-11-29T00:00:00 PM_USER=王芳 pm-admin staff add 李娜 --dept service --role clerk
PM_NOW=2026-11-29T23:59:59 PM_USER=刘洋 pm-admin settings set callback.leak_days 4
PM_NOW=2026-11-30T08:00:00 PM_USER=王芳 pm-admin staff leave 李娜
PM_NOW=2026-11-30T09:00:00 pm-admin staff set 张伟 --area 3栋
is "$(sql "SELECT count(*) FROM audit")" 5 "five writes, five entries"

run pm-admin log
is_rc 0 "the whole log"
is_out "id,at,login,clerk,prog,verb,record,change
1,2026-11-28T17:30:00,$me,,pm-admin,staff add,staff 张伟,\"staff added: service, butler, from 2026-11-28\"
2,2026-11-29T00:00:00,$me,王芳,pm-admin,staff add,staff 李娜,\"staff added: service, clerk, from 2026-11-29\"
3,2026-11-29T23:59:59,$me,刘洋,pm-admin,settings set,setting callback.leak_days,3 -> 4
4,2026-11-30T08:00:00,$me,王芳,pm-admin,staff leave,staff 李娜,left on 2026-11-30
5,2026-11-30T09:00:00,$me,,pm-admin,staff set,staff 张伟,area=3栋" "oldest first, every field"

# show IDS: stdout is exactly these entry ids (first column), one a line
ids_are() {
	is "$(cut -d, -f1 "$T/out" | tr '\n' ' ')" "$1" "$2"
}

run pm-admin log --no-header --since 2026-11-29
ids_are "2 3 4 5 " "--since: from that day's first second"
run pm-admin log --no-header --until 2026-11-29
ids_are "1 2 3 " "--until: to that day's last second"
run pm-admin log --no-header --since 2026-11-29 --until 2026-11-29
ids_are "2 3 " "--since and --until: one whole day"
run pm-admin log --no-header --since 2026/11/30
ids_are "4 5 " "dates as desks write them"
run pm-admin log --no-header --since 2026-12-01
is_out_file /dev/null "nothing after the last entry"
run pm-admin log --no-header --who 王芳
ids_are "2 4 " "--who: the declared clerk"
run pm-admin log --no-header --who "$me"
ids_are "1 2 3 4 5 " "--who: or the login"
run pm-admin log --no-header --who 张伟
is_out_file /dev/null "--who matches people who wrote, not records"
run pm-admin log --no-header --prog pm-admin
ids_are "1 2 3 4 5 " "--prog: the binary"
run pm-admin log --no-header --prog pm-fee
is_out_file /dev/null "--prog: nothing from a binary that wrote nothing"
run pm-admin log --no-header --record 李娜
ids_are "2 4 " "--record: a part of the record"
run pm-admin log --no-header --record setting
ids_are "3 " "--record: the kind of record"
run pm-admin log --no-header --limit 2
ids_are "1 2 " "--limit: the first N"
run pm-admin log --no-header --who 王芳 --record 李娜 --since 2026-11-30 --limit 5
ids_are "4 " "filters combine"
run pm-admin log -o json --record 刘洋
is_out "[]" "json of nothing is an empty array"
run pm-admin log -o json --since 2026-11-30 --who 王芳
is_out "[
  {\"id\": 4, \"at\": \"2026-11-30T08:00:00\", \"login\": \"$me\", \"clerk\": \"王芳\", \"prog\": \"pm-admin\", \"verb\": \"staff leave\", \"record\": \"staff 李娜\", \"change\": \"left on 2026-11-30\"}
]" "json with numbers bare and nulls"

# bad filters are usage errors
run pm-admin log --since yesterday
is_rc 64 "--since that is no date"
is "$(head -n 1 "$T/err")" "pm-admin log: --since: 'yesterday': not a date (write 2026-11-30)" "says why"
run pm-admin log --until 2026-02-30
is_rc 64 "--until that does not exist"
is "$(head -n 1 "$T/err")" "pm-admin log: --until: '2026-02-30': no such date" "says why"
run pm-admin log --limit 0
is_rc 64 "--limit 0"
is "$(head -n 1 "$T/err")" "pm-admin log: --limit: 0 is out of range (1 to 1000000000)" "says the range"
run pm-admin log --limit=12abc
is_rc 64 "--limit=12abc"
run pm-admin log --limit=-1
is_rc 64 "--limit=-1"
run pm-admin log --limit 99999999999999999999
is_rc 64 "--limit past a long"
run pm-admin log extra
is_rc 64 "an argument"
is "$(head -n 1 "$T/err")" "pm-admin log: unexpected argument 'extra'" "named"

# reading the log writes nothing
dump > "$T/before.sql"
run pm-admin log -o table
dump > "$T/after.sql"
holds "reading the log changes nothing" cmp -s "$T/before.sql" "$T/after.sql"

done_testing
