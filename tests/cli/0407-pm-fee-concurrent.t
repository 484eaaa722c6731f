#!/bin/sh
# pm-fee pay from several processes at once: BEGIN IMMEDIATE serialises
# them, so the same amount is never allocated twice; a writer that cannot
# get the lock in time is told to retry and writes nothing
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES
      ('1-1-101', '1', '1', 1, '101', 8937), ('1-1-102', '1', '1', 1, '102', 8937);
     INSERT INTO movein(unit_id, date) VALUES (1, '2026-01-10'), (2, '2026-01-10')"
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01
pm-fee bill --period 2026-11 > /dev/null

# two payers of the whole bill, refusing credit: one wins, one is told
# nothing is owed; over several rounds
wins=0 refused=0 other=0
round=1
while [ $round -le 5 ]; do
	pm-fee pay 1-1-101 210.02 --method cash --no-credit --payer "甲$round" > "$T/a.out" 2> "$T/a.err" &
	pa=$!
	pm-fee pay 1-1-101 210.02 --method cash --no-credit --payer "乙$round" > "$T/b.out" 2> "$T/b.err" &
	pb=$!
	wait $pa; ra=$?
	wait $pb; rb=$?
	for r in $ra $rb; do
		case $r in 0) wins=$((wins + 1)) ;; 65) refused=$((refused + 1)) ;; *) other=$((other + 1)) ;; esac
	done
	# void the winner so the next round has a bill to fight over again
	rcpt=$(sql "SELECT receipt FROM payment WHERE voided IS NULL")
	[ -n "$rcpt" ] && pm-fee void "$rcpt" --reason "round $round" > /dev/null
	round=$((round + 1))
done
is "$wins/$refused/$other" "5/5/0" "each round exactly one payer won and the other was refused"
is "$(sql "SELECT count(*) FROM payment")" 5 "five payments were taken, no more"
is "$(sql "SELECT max(s) FROM (SELECT sum(l.amount) AS s FROM alloc l GROUP BY l.payment_id)")" 21002 \
	"none allocated more than the bill"

# eight payers of 50.00 at once against 210.02: the bill is paid exactly
# once, the rest is credit, every receipt number distinct
i=1
pids=
while [ $i -le 8 ]; do
	pm-fee pay 1-1-102 50 --method wechat > "$T/p$i.out" 2>&1 &
	pids="$pids $!"
	i=$((i + 1))
done
bad=0
for p in $pids; do
	wait "$p" || bad=$((bad + 1))
done
is "$bad" 0 "all eight payments were taken"
is "$(sql "SELECT sum(l.amount) FROM alloc l JOIN bill b ON b.id = l.bill_id WHERE b.unit_id = 2")" 21002 \
	"the bill got exactly 210.02"
is "$(sql "SELECT sum(amount) FROM payment WHERE unit_id = 2") - $(sql "SELECT sum(l.amount) FROM alloc l JOIN payment p ON p.id = l.payment_id WHERE p.unit_id = 2")" \
	"40000 - 21002" "400.00 paid, 210.02 allocated: 189.98 is credit"
is "$(sql "SELECT count(DISTINCT receipt) FROM payment WHERE unit_id = 2")" 8 "eight receipt numbers, all different"
run pm-fee check
is_rc 0 "the books balance"

# a writer holding the lock: the payer waits, then gives up with 75
before=$(dump)
(echo "BEGIN IMMEDIATE; INSERT INTO setting(key, value) VALUES ('estate.name', 'x');"; sleep 3; echo "ROLLBACK;") |
	sqlite3 "$PM_DB" &
holder=$!
sleep 1
PM_BUSY_TIMEOUT=200 run pm-fee pay 1-1-101 10 --method cash
is_rc 75 "busy: try again"
err_has "is busy (another writer holds it): try again" "says so"
wait $holder
is "$(dump)" "$before" "and nothing was written"

done_testing
