#!/bin/sh
# run.sh BUILD... - run every test against each build directory
#
# Unit tests ($BUILD/tests/test_*, cmocka, TAP output) and end-to-end
# tests (tests/cli/*.t, TAP, run against $BUILD/bin).  Files run two at a
# time; each file's TAP goes to $BUILD/test-logs/.  A file that exits
# non-zero or stops short of its plan counts as a failure.  The last line
# is the total: "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
jobs=${PM_TEST_JOBS:-2}

# run_one BUILD FILE: run one test file, leave its TAP in the log
run_one() {
	build=$1 file=$2
	name=$(basename "$file")
	log="$build/test-logs/$name.log"
	case $file in
	*.t) PM_BUILD=$build sh "$file" > "$log" 2>&1 ;;
	*) CMOCKA_MESSAGE_OUTPUT=TAP "$file" > "$log" 2>&1 ;;
	esac
	echo "# exit $?" >> "$log"
}

if [ "${1:-}" = --one ]; then
	run_one "$2" "$3"
	exit 0
fi

total_pass=0 total_fail=0
for b in "$@"; do
	build=$(cd "$b" && pwd)
	mkdir -p "$build/test-logs"
	rm -f "$build"/test-logs/*.log
	{
		for f in "$build"/tests/test_*; do [ -x "$f" ] && echo "$f"; done
		for f in "$top"/tests/cli/*.t; do [ -f "$f" ] && echo "$f"; done
	} | xargs -P "$jobs" -I{} sh "$0" --one "$build" {}

	for log in "$build"/test-logs/*.log; do
		[ -f "$log" ] || continue
		name=$(basename "$log" .log)
		pass=$(grep -c '^ok ' "$log")
		fail=$(grep -c '^not ok ' "$log")
		plan=$(sed -n 's/^1\.\.\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)
		status=$(sed -n 's/^# exit \([0-9]*\)$/\1/p' "$log")
		short=0
		if [ -n "$plan" ] && [ $((pass + fail)) -lt "$plan" ]; then
			short=$((plan - pass - fail))
		elif [ -z "$plan" ] || [ "$status" != 0 ]; then
			[ "$fail" = 0 ] && short=1
		fi
		fail=$((fail + short))
		total_pass=$((total_pass + pass))
		total_fail=$((total_fail + fail))
		if [ "$fail" = 0 ]; then
			printf '%-8s %-44s %4d\n' PASS "${b##*/}/$name" "$pass"
		else
			printf '%-8s %-44s %4d passed, %d failed (exit %s)\n' FAIL "${b##*/}/$name" \
				"$pass" "$fail" "$status"
			grep -A 12 '^not ok ' "$log" | head -n 60 | sed 's/^/    /'
			[ "$short" != 0 ] && tail -n 8 "$log" | sed 's/^/    /'
		fi
	done
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
