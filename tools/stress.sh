#!/bin/sh
# stress.sh BUILD [N] - the stress and crash tests, N times in a row
# (default 20): concurrent writers, two payers at once, a busy database,
# races, kill -9 during an import, bill run and close, a full disk.  They
# depend on timing, so one pass proves little; this runs them until N
# clean passes or the first failure, whose TAP it prints.  Never part of
# make check (a kill -9 round takes minutes); make stress runs it.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
n=${2:-20}
tests="0800-stress-concurrent-writers 0407-pm-fee-concurrent 0929-badinput-busy
0930-badinput-race 0931-badinput-kill9 0932-badinput-disk-full"
log=$(mktemp "${TMPDIR:-/tmp}/pm-stress.XXXXXX")
trap 'rm -f "$log"' EXIT

i=1
start=$(date +%s)
while [ "$i" -le "$n" ]; do
	for t in $tests; do
		if ! PM_BUILD=$build sh "$top/tests/cli/$t.t" > "$log" 2>&1 ||
		    grep -q '^not ok' "$log"; then
			echo "stress: round $i: $t failed:" >&2
			grep -v '^ok' "$log" >&2
			exit 1
		fi
	done
	echo "stress: round $i of $n passed ($(($(date +%s) - start)) s so far)"
	i=$((i + 1))
done
echo "stress: $n rounds of $(echo "$tests" | wc -w) tests passed"
