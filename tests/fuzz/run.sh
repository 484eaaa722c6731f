#!/bin/sh
# run.sh DIR SECONDS JOBS TARGET... - run libFuzzer harnesses (make fuzz)
#
# DIR holds the harness binaries fuzz-TARGET built by `make fuzz`.  Each
# harness runs for SECONDS, JOBS of them at a time, on a corpus in
# DIR/corpus/TARGET seeded from tests/fuzz/seeds/TARGET, the regression
# inputs of tests/fuzz/regressions/TARGET and, for the CSV and roll
# harnesses, the rolls of tests/data and the csv-spectrum corpus (cut to
# 8 KiB, behind the option byte 0: detect everything).  A crash or a
# failed property leaves its input in DIR/artifacts/TARGET/; the log is
# DIR/TARGET.log.  Prints one line per harness; exits 1 when any found
# something.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)

if [ "${1:-}" = --one ]; then
	dir=$2 secs=$3 t=$4
	corpus=$dir/corpus/$t art=$dir/artifacts/$t
	mkdir -p "$corpus" "$art"
	for f in "$top/tests/fuzz/seeds/$t"/* "$top/tests/fuzz/regressions/$t"/*; do
		[ -f "$f" ] && cp "$f" "$corpus/"
	done
	case $t in
	csvin | import)
		for f in "$top"/tests/data/*.csv "$top"/tests/data/corpora/csv-spectrum/csvs/*.csv \
			"$top"/tests/data/corpora/csv-spectrum/upstream-inconsistent/*.csv; do
			[ -f "$f" ] || continue
			{ printf '\000'; head -c 8192 "$f"; } > "$corpus/data-$(basename "$f")"
		done ;;
	esac
	"$dir/fuzz-$t" -max_total_time="$secs" -max_len=16384 -timeout=20 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$art/" "$corpus" > "$dir/$t.log" 2>&1
	status=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/$t.log")
	found=$(find "$art" -type f | wc -l)
	printf '%-10s %5ss %12s runs  %s findings  exit %s\n' "$t" "$secs" "${execs:-?}" "$found" "$status"
	exit 0
fi

dir=$1 secs=$2 jobs=$3
shift 3
for t in "$@"; do echo "$t"; done | xargs -P "$jobs" -I{} sh "$0" --one "$dir" "$secs" {}
[ -z "$(find "$dir/artifacts" -type f 2>/dev/null)" ]
