#!/bin/sh
# pm-ticket sample and recheck: the manager's monthly random re-check of
# callbacks, reproducible by its seed, and its result recorded
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, type) VALUES ('1-1-101', '1', '1', 1, '101', 'residential')"
pm-admin staff add 张三 --dept service --role clerk
pm-admin staff add 钱经理 --dept management --role manager
export PM_USER=张三

# ten repairs called back in November, one in October, one in December
for d in 10-31 11-02 11-05 11-08 11-11 11-14 11-17 11-20 11-23 11-26 11-29 12-01; do
	PM_NOW=2026-${d}T08:00:00 pm-ticket new --category other --unit 1-1-101 --phone 13900001111 "维修$d" > /dev/null
	PM_NOW=2026-${d}T09:00:00 pm-ticket finish - --done 修好 <<X
ticket
$(sql "SELECT no FROM ticket ORDER BY id DESC LIMIT 1")
X
	PM_NOW=2026-${d}T10:00:00 pm-ticket callback "$(sql "SELECT no FROM ticket ORDER BY id DESC LIMIT 1")" --result satisfied
done
is "$(sql "SELECT count(*) FROM callback WHERE at LIKE '2026-11-%'")" 10 "ten callbacks in November"

run pm-ticket sample --month 2026-11 -n 3 --no-header
is_rc 0 "sample"
cp "$T/out" "$T/first"
is "$(wc -l < "$T/first")" 3 "three callbacks"
is "$(cut -d, -f2 "$T/first" | cut -c1-7 | sort -u)" 2026-11 "all from November"
is "$(cut -d, -f1 "$T/first" | sort -u | wc -l)" 3 "all different"
is "$(cut -d, -f1 "$T/first")" "$(cut -d, -f1 "$T/first" | sort)" "in ticket order"
is "$(cut -d, -f7 "$T/first" | sort -u)" "139****1111" "with the phone to call, masked"
is_out "T2026-000003,2026-11-05T10:00:00,张三,satisfied,1-1-101,,139****1111,维修11-05,
T2026-000008,2026-11-20T10:00:00,张三,satisfied,1-1-101,,139****1111,维修11-20,
T2026-000011,2026-11-29T10:00:00,张三,satisfied,1-1-101,,139****1111,维修11-29," \
	"the month's default seed gives this sample, on any machine"
run pm-ticket sample --month 2026-11 -n 3 --no-header
is_out_file "$T/first" "the same month gives the same sample again"
run pm-ticket sample --month 2026-11 -n 3 --seed 202611 --no-header
is_out_file "$T/first" "the default seed is the month as a number"
run pm-ticket sample --month 2026-11 -n 3 --seed 7 --no-header
if cmp -s "$T/out" "$T/first"; then not_ok "another seed gives another sample"; else ok "another seed gives another sample"; fi
run pm-ticket sample --month 2026-11 -n 50 --no-header
is "$(cut -d, -f1 "$T/out" | tr '\n' ' ')" \
	"T2026-000002 T2026-000003 T2026-000004 T2026-000005 T2026-000006 T2026-000007 T2026-000008 T2026-000009 T2026-000010 T2026-000011 " \
	"asking for more than there are gives them all"
PM_NOW=2026-11-15T12:00:00 run pm-ticket sample -n 2 --no-header
is "$(wc -l < "$T/out")" 2 "without --month: this month"
run pm-ticket sample --month 2026-11 -n 0
is_rc 64 "-n 0 is a usage error"
run pm-ticket sample --month 2026-11 --seed -3
is_rc 64 "a negative seed is a usage error"
run pm-ticket sample --month 2026-W48
is_rc 64 "--month takes a month"

before=$(dump)
run pm-ticket recheck T2026-000003 --result confirmed
is_rc 65 "a clerk cannot re-check"
err_has "needs a supervisor|manager, and '张三' is a clerk" "saying so"
run pm-ticket recheck T2026-000003 --result maybe --by 钱经理
is_rc 65 "an unknown result"
run pm-ticket recheck T2026-000003 --by 钱经理
is_rc 64 "no result"
is "$(dump)" "$before" "nothing written"

PM_NOW=2026-12-02T10:00:00 run pm-ticket recheck T2026-000003 T2026-000008 --result 属实 --by 钱经理 --notes 电话核实
is_rc 0 "the manager records the re-check of two tickets"
is "$(sql "SELECT t.no, c.recheck, s.name, c.recheck_at, c.recheck_notes FROM callback c
	JOIN ticket t ON t.id = c.ticket_id JOIN staff s ON s.id = c.recheck_by ORDER BY c.id")" \
	"T2026-000003|confirmed|钱经理|2026-12-02T10:00:00|电话核实
T2026-000008|confirmed|钱经理|2026-12-02T10:00:00|电话核实" "on their callbacks"
is "$(sql "SELECT count(*) FROM ticket_event WHERE what = 'recheck'")" 2 "as events in the timeline"
run pm-ticket sample --month 2026-11 -n 3 --no-header
is "$(cut -d, -f9 "$T/out" | tr '\n' ' ')" "confirmed confirmed  " "the sample shows what was re-checked"
run pm-ticket recheck T2026-000003 --result disputed --by 钱经理
is_rc 65 "a callback is re-checked once"
sql "INSERT INTO ticket(no, kind, channel, summary, received, taken_by, callback_by) VALUES ('T2026-000099', 'inquiry', 'desk', 'x', '2026-11-01T00:00:00', 1, 1)"
run pm-ticket recheck T2026-000099 --result confirmed --by 钱经理
is_rc 65 "a ticket without a callback"
is_err "pm-ticket: cannot re-check T2026-000099: it has no callback" "saying so"

done_testing
