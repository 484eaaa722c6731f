#!/bin/sh
# pm-ticket patrol and patrols: daily patrols, findings that open a
# linked ticket, the coverage report, counts per butler per month
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
pm-admin staff add 张三 --dept service --role clerk
pm-admin staff add 李四 --dept service --role butler --area 1号楼 --joined 2026-11-01
pm-admin staff add 孙五 --dept service --role butler --area 2号楼 --joined 2026-11-01

PM_NOW=2026-11-28T17:00:00 run pm-ticket patrol --area 2号楼 --by 孙五
is_rc 0 "a patrol with nothing found"
is_out_file /dev/null "prints nothing"
PM_NOW=2026-11-29T17:00:00 run pm-ticket patrol --area 1号楼 --by 李四 --found 绿化带积水
is_rc 0 "a patrol with a finding"
PM_NOW=2026-11-30T08:00:00 run pm-ticket patrol --area 1号楼 --by 李四 --found 3单元门禁损坏 --category doors --priority high
is_rc 0 "a finding that opens a ticket"
is_out "T2026-000001" "prints the ticket's number"
is "$(sql "SELECT t.kind, t.category, t.channel, t.priority, t.location, t.summary, s.name, p.date, p.findings
	FROM ticket t JOIN patrol p ON p.id = t.patrol_id JOIN staff s ON s.id = t.callback_by")" \
	"repair|doors|patrol|high|1号楼|3单元门禁损坏|李四|2026-11-30|3单元门禁损坏" \
	"the ticket keeps the link to its patrol; the butler owns its callback"

run pm-ticket patrols --date 2026-11-30
is_rc 0 "patrols --date"
is_out "date,area,staff,recorded,findings,ticket
2026-11-30,1号楼,李四,2026-11-30T08:00:00,3单元门禁损坏,T2026-000001" "lists the day's patrols with the ticket opened"
run pm-ticket patrols --date 2026-11-29 --no-header
is_out "2026-11-29,1号楼,李四,2026-11-29T17:00:00,绿化带积水," "another day"

run pm-ticket patrols --missing
is_rc 0 "patrols --missing"
is_out "area,butler,last_patrol
2号楼,孙五,2026-11-28" "today 2号楼 was not patrolled: its butler and when it last was"
run pm-ticket patrols --check --no-header
is_rc 1 "--check exits 1 when an area was not patrolled"
run pm-ticket patrols --check --date 2026-11-28
is_rc 1 "on the 28th 1号楼 was missed"
is_out "area,butler,last_patrol
1号楼,李四," "never patrolled before"
PM_NOW=2026-11-30T18:00:00 pm-ticket patrol --area 2号楼 --by 孙五
PM_NOW=2026-11-30T18:00:00 run pm-ticket patrols --check
is_rc 0 "all areas patrolled: exit 0"
is_out "area,butler,last_patrol" "and an empty list"

pm-admin settings set patrol.areas '1号楼, 2号楼, 地下车库' > /dev/null
run pm-ticket patrols --missing --no-header
is_out "地下车库,," "the patrol.areas setting names the routes to cover"

run pm-ticket patrols --month 2026-11
is_rc 0 "patrols --month"
is_out "staff,area,patrols,days,days_missed
孙五,2号楼,2,2,28
李四,1号楼,2,2,28" "counts per butler: patrols, days patrolled, days missed of the month so far"
PM_NOW=2026-11-10T12:00:00 run pm-ticket patrols --month 2026-11 --no-header
is_out "孙五,2号楼,0,0,10
李四,1号楼,0,0,10" "only the days up to today count"

before=$(dump)
run pm-ticket patrol --by 李四
is_rc 64 "a patrol needs an area"
run pm-ticket patrol --area 1号楼 --by 李四 --date 2026-12-01
is_rc 65 "a patrol in the future is refused"
is_err "pm-ticket: date '2026-12-01' is in the future" "saying so"
run pm-ticket patrol --area 1号楼 --by 周六
is_rc 65 "an unknown person"
run pm-ticket patrol --area 1号楼 --by 李四 --category doors
is_rc 64 "a ticket needs the finding"
run pm-ticket patrol --area 1号楼 --by 李四 --found 坏了 --kind 报修
is_rc 64 "a repair from a patrol needs its category too"
is "$(dump)" "$before" "nothing was written"

done_testing
