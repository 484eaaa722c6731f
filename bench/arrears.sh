#!/bin/sh
# arrears.sh [BUILD] [UNITS] [MONTHS] - the arrears report over many
# months of bills, against the same SQL typed into the sqlite3 shell
#
# An estate of UNITS units (default 100,000) billed for MONTHS months
# (default 24, December 2024 to November 2026) by pm-fee bill itself,
# one payment in three; then `pm-fee arrears --by building` (aging
# buckets per building) and the one SELECT that computes it, each best
# of REPS (default 3), output to /dev/null.  The two outputs' totals are
# compared, so the shell does the same work.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
case $build in /*) ;; *) build=$top/$build ;; esac
units=${2:-100000}
months=${3:-24}
reps=${REPS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/pm-bench-arrears.XXXXXX")
trap 'rm -rf "$work"' EXIT
PATH=$build/bin:$PATH
PM_DB=$work/a.db
PM_NOW=2026-11-30T09:00:00
LC_ALL=C.UTF-8
export PATH PM_DB PM_NOW LC_ALL

pm-admin init > /dev/null
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2024-01 > /dev/null
sqlite3 "$PM_DB" "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $units)
INSERT INTO unit(code, building, entrance, floor, room, building_area)
SELECT (i / 1000 + 1) || '-' || (i / 100 % 10 + 1) || '-' || (i % 100 + 101), i / 1000 + 1,
       i / 100 % 10 + 1, 1, i % 100 + 101, 5000 + (i * 7919) % 15000 FROM n;
INSERT INTO movein(unit_id, date) SELECT id, '2024-01-01' FROM unit;"

# the months, oldest first, ending with the current one
m=0
while [ $m -lt "$months" ]; do
	p=$(awk -v k=$((months - 1 - m)) 'BEGIN { i = 2026 * 12 + 10 - k; printf "%04d-%02d", int(i / 12), i % 12 + 1 }')
	pm-fee bill --period "$p" > /dev/null
	m=$((m + 1))
done
# one unit in three paid everything it was billed (allocations as pm-fee
# keeps them, so the paid part is subtracted the same way)
sqlite3 "$PM_DB" "
INSERT INTO payment(receipt, unit_id, amount, method, date, at, clerk)
SELECT 'B' || unit_id, unit_id, sum(amount), 'cash', '2026-11-20', '2026-11-20T10:00:00', 'bench'
FROM bill WHERE unit_id % 3 = 0 GROUP BY unit_id;
INSERT INTO alloc(payment_id, bill_id, amount, date)
SELECT p.id, b.id, b.amount, '2026-11-20' FROM bill b JOIN payment p ON p.unit_id = b.unit_id;
ANALYZE;" 2> "$work/pay.err" || { echo "arrears.sh: could not record payments:" >&2; cat "$work/pay.err" >&2; exit 1; }

# the very SELECT lib/fee/report.c runs (OWED_CTE and bldg_sql), with
# its parameters written in: :set NULL, :today '2026-11-30', :min 0,
# :older -1 (none given on the command line below)
reference="WITH o AS (SELECT b.unit_id, b.item_id, b.period, b.starts,
  (b.amount + coalesce((SELECT sum(j.amount) FROM adjustment j WHERE j.bill_id = b.id), 0)
   - coalesce((SELECT sum(l.amount) FROM alloc l JOIN payment p ON p.id = l.payment_id
               WHERE l.bill_id = b.id AND p.voided IS NULL), 0)) AS owed,
  ((CAST(substr('2026-11-30', 1, 4) AS INTEGER) * 12 + CAST(substr('2026-11-30', 6, 2) AS INTEGER))
   - (CAST(substr(b.starts, 1, 4) AS INTEGER) * 12 + CAST(substr(b.starts, 6, 2) AS INTEGER))) AS age
  FROM bill b WHERE (NULL IS NULL OR instr(NULL, ',' || b.unit_id || ',') > 0)),
 a AS (SELECT unit_id,
  sum(CASE WHEN age <= 0 THEN owed ELSE 0 END) AS c0,
  sum(CASE WHEN age BETWEEN 1 AND 3 THEN owed ELSE 0 END) AS c1,
  sum(CASE WHEN age BETWEEN 4 AND 6 THEN owed ELSE 0 END) AS c2,
  sum(CASE WHEN age BETWEEN 7 AND 12 THEN owed ELSE 0 END) AS c3,
  sum(CASE WHEN age >= 13 THEN owed ELSE 0 END) AS c4,
  sum(owed) AS total, min(starts) AS oldest, max(age) AS age
  FROM o WHERE owed > 0 GROUP BY unit_id
  HAVING total >= 0 AND (-1 < 0 OR max(age) > -1))
SELECT u.building, count(*), sum(c0), sum(c1), sum(c2), sum(c3), sum(c4), sum(total), min(oldest)
FROM a JOIN unit u ON u.id = a.unit_id GROUP BY u.building ORDER BY u.building;"

best() {
	b=
	i=0
	while [ $i -lt "$reps" ]; do
		/usr/bin/time -f '%e' -o "$work/t" "$@" > "$work/out.$1" 2>/dev/null
		t=$(cat "$work/t")
		if [ -z "$b" ] || awk -v a="$t" -v b="$b" 'BEGIN { exit !(a < b) }'; then b=$t; fi
		i=$((i + 1))
	done
	echo "$b"
}
tw=$(best pm-fee arrears --by building -o csv)
sw=$(best sqlite3 -csv "$PM_DB" "$reference")
# totals: pm-fee prints yuan, the shell fen
tt=$(awk -F, 'NR > 1 { s += $8 * 100 } END { printf "%.0f", s }' "$work/out.pm-fee")
st=$(awk -F, '{ s += $8 } END { printf "%.0f", s }' "$work/out.sqlite3")
[ "$tt" = "$st" ] || { echo "arrears.sh: totals differ: pm-fee $tt, shell $st" >&2; exit 1; }
bills=$(sqlite3 "$PM_DB" "SELECT count(*) FROM bill")
awk -v tw="$tw" -v sw="$sw" -v n="$units" -v m="$months" -v b="$bills" 'BEGIN {
	printf "arrears by building, %d units x %d months (%d bills), best of runs\n", n, m, b
	printf "  pm-fee arrears --by building   %7.3f s\n", tw
	printf "  sqlite3 the same SELECT        %7.3f s\n", sw
	printf "  ratio                          %7.2f\n", tw / sw
}'
