#!/bin/sh
# fee.sh [BUILD] [UNITS] - billing a month for many units, against the
# sqlite3 shell running one hand-written INSERT ... SELECT that does the
# same arithmetic (area x rate, rounded half up to the fen) on the same
# database.  Prints both times and their ratio; the target is 1.5 or less.
#
# Both run on copies of one database (WAL, foreign keys on, synchronous
# FULL, the same schema and indexes); each is run REPS times (default 5),
# interleaved, on a fresh copy, and the best wall-clock and CPU (user +
# sys) times kept: the machine is shared, the minimum is the honest
# figure.  The totals of the two are compared.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
case $build in /*) ;; *) build=$top/$build ;; esac
units=${2:-100000}
reps=${REPS:-5}
out=
work=$(mktemp -d "${TMPDIR:-/tmp}/pm-bench-fee.XXXXXX")
trap 'rm -rf "$work"' EXIT
PATH=$build/bin:$PATH
PM_NOW=2026-11-30T09:00:00
LC_ALL=C.UTF-8
export PATH PM_NOW LC_ALL
unset PM_DB

# run CMD...: append "wall cpu" (seconds) of it to the file $out
run_timed() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %U %S' -o "$work/t" "$@" > /dev/null
		awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$work/t" >> "$out"
	else
		t0=$(date +%s%N)
		"$@" > /dev/null
		t1=$(date +%s%N)
		awk -v d=$((t1 - t0)) 'BEGIN { printf "%.3f -\n", d / 1e9 }' >> "$out"
	fi
}

PM_DB=$work/base.db pm-admin init > /dev/null
PM_DB=$work/base.db pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01
sqlite3 "$work/base.db" "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $units)
INSERT INTO unit(code, building, entrance, floor, room, building_area)
SELECT (i / 1000 + 1) || '-' || (i / 100 % 10 + 1) || '-' || (i % 100 + 101), i / 1000 + 1,
       i / 100 % 10 + 1, 1, i % 100 + 101, 5000 + (i * 7919) % 15000 FROM n;
INSERT INTO movein(unit_id, date) SELECT id, '2026-01-01' FROM unit;
ANALYZE;"

reference="PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;
INSERT INTO bill(unit_id, item_id, kind, period, starts, ends, qty, rate, base, amount, raised)
SELECT u.id, 1, 'bill', '2026-11', '2026-11-01', '2026-11-30', u.building_area, 23500,
       (u.building_area * 23500 + 5000) / 10000, (u.building_area * 23500 + 5000) / 10000,
       '2026-11-30T09:00:00'
FROM unit u WHERE u.type = 'residential' AND u.building_area > 0
  AND EXISTS (SELECT 1 FROM movein m WHERE m.unit_id = u.id AND m.date <= '2026-11-30');"

fresh() { rm -f "$work/run.db" "$work/run.db-wal" "$work/run.db-shm"; sqlite3 "$work/base.db" ".backup '$work/run.db'"; }

i=0
: > "$work/tool"
: > "$work/shell"
while [ $i -lt "$reps" ]; do
	fresh
	out=$work/tool run_timed env PM_DB="$work/run.db" pm-fee bill --period 2026-11
	tool_sum=$(sqlite3 "$work/run.db" "SELECT count(*) || ' ' || sum(amount) FROM bill")
	fresh
	out=$work/shell run_timed sqlite3 "$work/run.db" "$reference"
	shell_sum=$(sqlite3 "$work/run.db" "SELECT count(*) || ' ' || sum(amount) FROM bill")
	i=$((i + 1))
done
[ "$tool_sum" = "$shell_sum" ] || { echo "fee.sh: totals differ: pm-fee $tool_sum, shell $shell_sum" >&2; exit 1; }
tw=$(cut -d' ' -f1 "$work/tool" | sort -n | head -n 1)
tc=$(cut -d' ' -f2 "$work/tool" | sort -n | head -n 1)
sw=$(cut -d' ' -f1 "$work/shell" | sort -n | head -n 1)
sc=$(cut -d' ' -f2 "$work/shell" | sort -n | head -n 1)
awk -v tw="$tw" -v tc="$tc" -v sw="$sw" -v sc="$sc" -v n="$units" -v sum="$tool_sum" -v reps="$reps" 'BEGIN {
	printf "pm-fee bill, %d units (lines and fen: %s), best of %d\n", n, sum, reps
	printf "                                    wall      cpu\n"
	printf "  pm-fee bill --period 2026-11   %7.3f s %7s s\n", tw, tc
	printf "  sqlite3 INSERT ... SELECT      %7.3f s %7s s\n", sw, sc
	if (tc != "-" && sc + 0 > 0)
		printf "  ratio                          %7.2f   %7.2f\n", tw / sw, tc / sc
	else
		printf "  ratio                          %7.2f\n", tw / sw
}'
