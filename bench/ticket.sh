#!/bin/sh
# ticket.sh [BUILD] [N] - pm-ticket's listings against the sqlite3 shell
#
# Generates an estate with N tickets (default 1,000,000) over five years,
# about one in a hundred with a callback pending and one complaint in
# four hundred unanswered, then times, on the same database with the
# schema's indexes in place:
#
#   list            every ticket, as csv
#   list --overdue  tickets with a deadline passed
#   due             callbacks, replies and rework overdue or due today
#
# each against the same SQL typed into the sqlite3 shell (.mode csv, the
# same columns), best of three, output to /dev/null.  Prints one line
# per query: seconds for pm-ticket, seconds for sqlite3, and the ratio.
set -eu

build=${1:-build}
n=${2:-1000000}
bin=$(cd "$build/bin" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/pm-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
db=$dir/bench.db
now=2026-01-05T09:00:00
export PM_DB="$db" PM_NOW="$now" LC_ALL=C.UTF-8

"$bin/pm-admin" init > /dev/null
echo "generating $n tickets in $db" >&2
sqlite3 "$db" > /dev/null <<SQL
PRAGMA journal_mode = DELETE;
BEGIN;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 20)
INSERT INTO staff(name, dept, role, joined)
SELECT 'staff' || i, CASE WHEN i <= 10 THEN 'service' ELSE 'engineering' END,
       CASE WHEN i <= 10 THEN 'clerk' ELSE 'repair' END, '2020-01-01' FROM s;
WITH RECURSIVE u(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM u WHERE i < 9999)
INSERT INTO unit(code, building, entrance, floor, room, type)
SELECT (i / 500 + 1) || '-' || (i / 100 % 5 + 1) || '-' || (i % 100 + 101),
       i / 500 + 1, i / 100 % 5 + 1, 1, i % 100 + 101, 'residential' FROM u;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n),
t AS (SELECT i,
	strftime('%Y-%m-%dT%H:%M:%S', '2021-01-01', '+' || (i * 157 / ($n / 1000000.0)) || ' seconds') AS received,
	CASE WHEN i % 10 < 6 THEN 'repair' WHEN i % 10 < 7 THEN 'complaint' WHEN i % 10 < 9 THEN 'inquiry'
	     ELSE 'errand' END AS kind,
	(i % 10000) + 1 AS unit_id, (i % 10) + 1 AS clerk, (i % 10) + 11 AS repairer FROM s)
INSERT INTO ticket(no, kind, category, unit_id, building, channel, priority, summary, detail,
	status, received, taken_by, callback_by, dept, assignee, finished, callback_due, reply_due,
	replied, closed)
SELECT 'T' || (2021 + (i - 1) / 200000) || '-' || printf('%06d', (i - 1) % 200000 + 1), kind,
	CASE WHEN kind = 'repair' THEN CASE i % 3 WHEN 0 THEN 'safety' WHEN 1 THEN 'leak' ELSE 'plumbing' END END,
	unit_id, (unit_id - 1) / 500 + 1, 'desk', 'normal', '报修事项 ' || i, NULL,
	CASE WHEN i % 100 = 0 THEN 'finished' WHEN kind = 'complaint' AND i % 400 = 6 THEN 'open' ELSE 'closed' END,
	received, clerk, clerk, 'engineering', repairer,
	strftime('%Y-%m-%dT%H:%M:%S', received, '+2 hours'),
	CASE WHEN i % 100 = 0 THEN strftime('%Y-%m-%dT%H:%M:%S', received, '+3 days') END,
	CASE WHEN kind = 'complaint' THEN strftime('%Y-%m-%dT%H:%M:%S', received, '+72 hours') END,
	CASE WHEN kind = 'complaint' AND i % 400 <> 6 THEN strftime('%Y-%m-%dT%H:%M:%S', received, '+1 day') END,
	CASE WHEN i % 100 <> 0 AND NOT (kind = 'complaint' AND i % 400 = 6)
	     THEN strftime('%Y-%m-%dT%H:%M:%S', received, '+1 day') END
FROM t;
COMMIT;
PRAGMA journal_mode = WAL;
ANALYZE;
SQL

list_sql="SELECT t.no, t.received, t.kind, t.category, u.code, t.channel, t.priority, t.status,
 b.name, c.name, t.summary FROM ticket t LEFT JOIN unit u ON u.id = t.unit_id
 JOIN staff b ON b.id = t.callback_by LEFT JOIN staff c ON c.id = t.assignee"
overdue_ids="SELECT id FROM ticket WHERE callback_due IS NOT NULL AND callback_due < '$now'
 UNION SELECT id FROM ticket WHERE replied IS NULL AND reply_due IS NOT NULL AND reply_due < '$now'
 UNION SELECT ticket_id FROM rework WHERE done IS NULL AND due < '$now'"
due_arm() { # due_arm ITEM DUE_COLUMN CONDITION
	echo "SELECT t.no, '$1', $2, CASE WHEN $2 < '$now' THEN 'overdue' ELSE 'due' END, s.name, u.code,
 t.kind, t.summary, s.id, s.dept FROM ticket t JOIN staff s ON s.id = t.callback_by
 LEFT JOIN unit u ON u.id = t.unit_id WHERE $3 AND $2 < '2026-01-06T00:00:00' AND (NULL IS NULL OR t.callback_by = NULL)"
}
due_sql="SELECT * FROM ($(due_arm callback t.callback_due 't.callback_due IS NOT NULL')
 UNION ALL $(due_arm reply t.reply_due 't.replied IS NULL AND t.reply_due IS NOT NULL')
 UNION ALL SELECT t.no, 'rework', r.due, CASE WHEN r.due < '$now' THEN 'overdue' ELSE 'due' END,
 s.name, u.code, t.kind, t.summary, s.id, s.dept FROM rework r JOIN ticket t ON t.id = r.ticket_id
 JOIN staff s ON s.id = coalesce(r.staff_id, t.callback_by) LEFT JOIN unit u ON u.id = t.unit_id
 WHERE r.done IS NULL AND r.due < '2026-01-06T00:00:00') ORDER BY 3, 1, 2"

# best of three wall-clock runs of a command, in seconds
best() {
	b=
	for _ in 1 2 3; do
		s=$(date +%s%N)
		"$@" > /dev/null
		e=$(date +%s%N)
		d=$((e - s))
		if [ -z "$b" ] || [ "$d" -lt "$b" ]; then b=$d; fi
	done
	echo "$b"
}
shell() {
	printf '.mode csv\n.headers on\n%s;\n' "$1" | sqlite3 "$db"
}
report() { # report NAME PM_NS SQLITE_NS ROWS
	awk -v name="$1" -v p="$2" -v s="$3" -v r="$4" 'BEGIN {
		printf "%-16s %9d rows  pm-ticket %7.3f s  sqlite3 %7.3f s  ratio %.2f\n",
			name, r, p / 1e9, s / 1e9, p / s }'
}

for q in list overdue due; do
	case $q in
	list)
		p=$(best "$bin/pm-ticket" list -o csv)
		s=$(best shell "$list_sql ORDER BY t.id")
		rows=$("$bin/pm-ticket" list -o csv --no-header | wc -l) ;;
	overdue)
		p=$(best "$bin/pm-ticket" list --overdue -o csv)
		s=$(best shell "$list_sql WHERE 1 AND t.id IN ($overdue_ids) ORDER BY t.id")
		rows=$("$bin/pm-ticket" list --overdue -o csv --no-header | wc -l) ;;
	due)
		p=$(best "$bin/pm-ticket" due -o csv)
		s=$(best shell "$due_sql")
		rows=$("$bin/pm-ticket" due -o csv --no-header | wc -l) ;;
	esac
	report "$q" "$p" "$s" "$rows"
done
