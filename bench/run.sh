#!/bin/sh
# run.sh [BUILD] - the benchmark table of pm-tools (make bench)
#
# Every row is measured in this one run, side by side with the sqlite3
# shell (or one hand-written SQL statement) doing the same job on the
# same data, and printed as one table:
#
#   import      pm-owner import of a fresh roll of BENCH_ROWS rows
#               (default 1,000,000, made by tests/data/gen_roll.py) into
#               an empty estate, against the shell's .import into one
#               typed table with a unique index on unit; median of
#               BENCH_REPEAT runs (default 3) of wall and CPU time
#               (user + sys), peak memory (max RSS)
#   growth      the same at 10^4 and 10^5 rows: rows/s at each size
#               (linear when it stays flat)
#   queries     pm-ticket list, list --overdue and due over
#               BENCH_TICKETS tickets (default 1,000,000): bench/ticket.sh
#   start-up    each binary's start-up plus database open, and a
#               five-binary pipeline, 100 times each, against the shell
#   billing     bench/fee.sh: pm-fee bill for 100,000 units against one
#               hand-written INSERT ... SELECT (BENCH_UNITS)
#   arrears     bench/arrears.sh: pm-fee arrears --by building over
#               100,000 units x 24 months of bills against the same SELECT
#
# Times are seconds; ratio is pm-tools / sqlite3 (1.00 is parity; for
# rows/s, higher is better and the ratio is sqlite3 time / pm time).
# The machine is shared: CPU time is the steadier figure.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
rows=${BENCH_ROWS:-1000000}
reps=${BENCH_REPEAT:-3}
tickets=${BENCH_TICKETS:-1000000}
bin=$(cd "$build/bin" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/pm-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export PM_NOW=2026-11-30T09:00:00 LC_ALL=C.UTF-8
unset PM_BUSY_TIMEOUT PM_USER

say() { echo "$*" >&2; }

# timed OUT CMD...: run CMD, append "wall cpu maxrss_kib" to OUT
timed() {
	out=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$dir/t" "$@" > /dev/null 2> "$dir/t.err" || {
		say "failed: $*"
		cat "$dir/t.err" >&2
		exit 1
	}
	tail -n 1 "$dir/t" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' >> "$out"
}

# median COLUMN FILE
median() {
	sort -n -k "$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END {
		if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

row() { # NAME PM SQLITE UNIT NOTE
	awk -v n="$1" -v p="$2" -v s="$3" -v u="$4" -v note="$5" 'BEGIN {
		printf "| %-34s | %10s | %10s | %6.2f | %s |\n", n, p " " u, s " " u, (s > 0 ? p / s : 0), note }'
}

# the shell's job: one typed table, a unique index on unit, .import
shell_sql() { # ROLL
	cat <<SQL
CREATE TABLE roll(unit TEXT NOT NULL, building_area REAL, usable_area REAL, type TEXT,
	name TEXT, phone TEXT, id_no TEXT, move_in TEXT, remark TEXT);
CREATE UNIQUE INDEX roll_unit ON roll(unit);
.mode csv
.import --skip 1 $1 roll
SQL
}

# import_pair N: medians for pm-owner import and sqlite3 .import of N rows
import_pair() {
	n=$1
	roll=$dir/roll-$n.csv
	[ -f "$roll" ] || python3 "$top/tests/data/gen_roll.py" -n "$n" --seed 1 > "$roll"
	rm -f "$dir/pm-$n" "$dir/sh-$n"
	k=0
	while [ $k -lt "$reps" ]; do
		rm -f "$dir"/imp.db*
		PM_DB=$dir/imp.db "$bin/pm-admin" init > /dev/null
		PM_DB=$dir/imp.db timed "$dir/pm-$n" "$bin/pm-owner" import "$roll"
		rm -f "$dir"/shell.db*
		shell_sql "$roll" > "$dir/import.sql"
		# shellcheck disable=SC2016 # $0 and $1 are the inner shell's
		timed "$dir/sh-$n" sh -c 'exec sqlite3 "$0" < "$1"' "$dir/shell.db" "$dir/import.sql"
		k=$((k + 1))
	done
}

say "generating a roll of $rows rows (gen_roll.py)"
python3 "$top/tests/data/gen_roll.py" -n "$rows" --seed 1 > "$dir/roll-$rows.csv"
for n in 10000 100000 "$rows"; do
	say "import of $n rows, $reps times each"
	import_pair "$n"
done

# re-import: the same units, every one changed hands (another seed),
# against the shell's upsert of the new roll into the first one's table
reimport=${BENCH_REIMPORT_ROWS:-60000}
say "re-import of $reimport changed rows, $reps times"
python3 "$top/tests/data/gen_roll.py" -n "$reimport" --seed 1 > "$dir/re1.csv"
python3 "$top/tests/data/gen_roll.py" -n "$reimport" --seed 2 > "$dir/re2.csv"
rm -f "$dir/re-first" "$dir/re-again" "$dir/re-shell"
k=0
while [ $k -lt "$reps" ]; do
	rm -f "$dir"/re.db*
	PM_DB=$dir/re.db "$bin/pm-admin" init > /dev/null
	PM_DB=$dir/re.db timed "$dir/re-first" "$bin/pm-owner" import "$dir/re1.csv"
	PM_DB=$dir/re.db timed "$dir/re-again" "$bin/pm-owner" import "$dir/re2.csv"
	rm -f "$dir"/reshell.db*
	shell_sql "$dir/re1.csv" | sqlite3 "$dir/reshell.db"
	cat > "$dir/reimport.sql" <<SQL
CREATE TEMP TABLE again AS SELECT * FROM roll WHERE 0;
.mode csv
.import --skip 1 $dir/re2.csv again
INSERT INTO roll SELECT * FROM again WHERE true ON CONFLICT(unit) DO UPDATE SET
	building_area = excluded.building_area, usable_area = excluded.usable_area,
	type = excluded.type, name = excluded.name, phone = excluded.phone,
	id_no = excluded.id_no, move_in = excluded.move_in, remark = excluded.remark;
SQL
	# shellcheck disable=SC2016 # $0 and $1 are the inner shell's
	timed "$dir/re-shell" sh -c 'exec sqlite3 "$0" < "$1"' "$dir/reshell.db" "$dir/reimport.sql"
	k=$((k + 1))
done

say "pm-ticket queries over $tickets tickets (bench/ticket.sh)"
sh "$top/bench/ticket.sh" "$build" "$tickets" > "$dir/ticket.out"

# start-up and open: a small estate
export PM_DB="$dir/small.db"
"$bin/pm-admin" init > /dev/null
python3 "$top/tests/data/gen_roll.py" -n 200 --seed 3 > "$dir/small.csv"
"$bin/pm-owner" import "$dir/small.csv" > /dev/null
# wall milliseconds per run of CMD, over 100 runs
loop100() {
	s=$(date +%s%N)
	i=0
	while [ $i -lt 100 ]; do "$@" > /dev/null; i=$((i + 1)); done
	e=$(date +%s%N)
	awk -v d=$((e - s)) 'BEGIN { printf "%.2f\n", d / 100 / 1e6 }'
}
pipeline() {
	"$bin/pm-admin" settings get timezone | "$bin/pm-owner" list -o csv --building 1 |
		"$bin/pm-ticket" list --unit - -o csv | "$bin/pm-ticket" due -o csv |
		"$bin/pm-admin" log --limit 1 -o csv > /dev/null
}
shell_pipeline() {
	sqlite3 "$PM_DB" 'PRAGMA user_version' | sqlite3 "$PM_DB" 'SELECT 1' |
		sqlite3 "$PM_DB" 'SELECT 1' | sqlite3 "$PM_DB" 'SELECT 1' |
		sqlite3 "$PM_DB" 'SELECT 1' > /dev/null
}
say "start-up and open, 100 times each"
for b in pm-admin pm-owner pm-ticket; do
	case $b in
	pm-admin) set -- "$bin/pm-admin" settings get timezone ;;
	pm-owner) set -- "$bin/pm-owner" list -o csv --building 999 ;;
	pm-ticket) set -- "$bin/pm-ticket" list -o csv --limit 1 ;;
	esac
	loop100 "$@" > "$dir/su-$b"
done
loop100 sqlite3 "$PM_DB" 'PRAGMA user_version' > "$dir/su-sqlite3"
loop100 pipeline > "$dir/pipe"
loop100 shell_pipeline > "$dir/shpipe"

# instructions of one start-up + open: steady where wall time is not
ir() {
	if command -v valgrind > /dev/null; then
		valgrind --tool=callgrind --callgrind-out-file="$dir/cg.out" "$@" 2>&1 > /dev/null |
			sed -n 's/.*refs: *//p' | tr -d ,
	else
		echo 0
	fi
}
ir "$bin/pm-admin" settings get timezone > "$dir/ir-pm"
ir sqlite3 "$PM_DB" 'PRAGMA user_version' > "$dir/ir-sqlite3"

# --- the table
med() { median "$1" "$2"; }
echo "| job | pm-tools | sqlite3 | ratio | note |"
echo "|---|---:|---:|---:|---|"
for n in "$rows" 100000 10000; do
	pw=$(med 1 "$dir/pm-$n") sw=$(med 1 "$dir/sh-$n")
	pc=$(med 2 "$dir/pm-$n") sc=$(med 2 "$dir/sh-$n")
	pm_rate=$(awk -v n="$n" -v t="$pw" 'BEGIN { printf "%d", n / t }')
	sh_rate=$(awk -v n="$n" -v t="$sw" 'BEGIN { printf "%d", n / t }')
	row "import $n rows, wall (median of $reps)" "$pw" "$sw" s "$pm_rate vs $sh_rate rows/s"
	row "import $n rows, CPU (user+sys)" "$pc" "$sc" s ""
	row "import $n rows, peak memory" "$(sort -n -k3 "$dir/pm-$n" | tail -n 1 | cut -d' ' -f3)" \
		"$(sort -n -k3 "$dir/sh-$n" | tail -n 1 | cut -d' ' -f3)" KiB ""
done
awk -v a="$(med 2 "$dir/pm-10000")" -v b="$(med 2 "$dir/pm-$rows")" -v n="$rows" \
	-v sa="$(med 2 "$dir/sh-10000")" -v sb="$(med 2 "$dir/sh-$rows")" 'BEGIN {
	printf "| %-34s | %10.2f x | %10.2f x | %6.2f | CPU per row at %d rows / at 10000 (1.00 = linear) |\n",
		"import growth 10^4 to " n " rows", (b / n) / (a / 10000), (sb / n) / (sa / 10000),
		((b / n) / (a / 10000)) / ((sb / n) / (sa / 10000)), n }'
row "re-import $reimport changed rows, wall" "$(med 1 "$dir/re-again")" "$(med 1 "$dir/re-shell")" s \
	"$(awk -v a="$(med 1 "$dir/re-again")" -v f="$(med 1 "$dir/re-first")" 'BEGIN {
		printf "%.2f x the first import (%.2f s); goal: within 3 x; shell: .import + upsert", a / f, f }')"
row "re-import $reimport changed rows, CPU" "$(med 2 "$dir/re-again")" "$(med 2 "$dir/re-shell")" s \
	"$(awk -v a="$(med 2 "$dir/re-again")" -v f="$(med 2 "$dir/re-first")" 'BEGIN {
		printf "%.2f x the first import'"'"'s CPU", a / f }')"
while read -r name nrows _ _ p _ _ s _; do
	row "pm-ticket $name over $tickets" "$p" "$s" s "$nrows rows out; best of 3 (bench/ticket.sh)"
done < "$dir/ticket.out"
for b in pm-admin pm-owner pm-ticket; do
	row "$b start-up + open (mean of 100)" "$(cat "$dir/su-$b")" "$(cat "$dir/su-sqlite3")" ms \
		"wall; goal: under 5 ms"
done
row "start-up + open, instructions" "$(awk '{ printf "%.2f", $1 / 1e6 }' "$dir/ir-pm")" \
	"$(awk '{ printf "%.2f", $1 / 1e6 }' "$dir/ir-sqlite3")" M "pm-admin settings get vs sqlite3 PRAGMA (callgrind)"
row "five-binary pipeline (mean of 100)" "$(cat "$dir/pipe")" "$(cat "$dir/shpipe")" ms \
	"wall; vs five sqlite3 processes piped"
# money: bench/fee.sh and bench/arrears.sh, each against the shell
if [ -x "$bin/pm-fee" ]; then
	REPS=$reps sh "$top/bench/fee.sh" "$build" "${BENCH_UNITS:-100000}" > "$dir/fee.out"
	row "billing ${BENCH_UNITS:-100000} units x a month" \
		"$(awk '/pm-fee bill --period/ { print $5 }' "$dir/fee.out")" \
		"$(awk '/sqlite3 INSERT/ { print $5 }' "$dir/fee.out")" s "best of $reps; vs one INSERT ... SELECT (bench/fee.sh)"
	REPS=$reps sh "$top/bench/arrears.sh" "$build" "${BENCH_UNITS:-100000}" 24 > "$dir/arrears.out"
	row "arrears over ${BENCH_UNITS:-100000} units x 24 months" \
		"$(awk '/pm-fee arrears/ { print $5 }' "$dir/arrears.out")" \
		"$(awk '/sqlite3 the same/ { print $5 }' "$dir/arrears.out")" s "best of $reps; vs the same SELECT (bench/arrears.sh)"
fi
