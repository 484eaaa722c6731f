#!/bin/sh
# BAD-INPUTS 37: an allocation that fails at the k-th call
# (tests/tools/failmalloc.c, LD_PRELOAD, test-only): for every k in the
# start-up and a sample of the rest of an import, the command ends
# cleanly -- no crash, no sanitizer report, no leak under LSan -- with
# an error message, and the database holds all of the import or none.
# Exit 71 (out of memory), also when the failure hits a cell's check
# (a unit code, phone or name being normalized): it is the machine's
# failure, not the row's; 70 where SQLite's own recovery reports an
# inconsistency.  Never 65: no row is blamed for it.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
shim=$PM_BUILD/tests/failmalloc.so
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
export ASAN_OPTIONS
printf 'unit,building_area,name,phone,id_no,move_in\n1-2-101,88.50,陈静,13700001111,31011519850520456X,2024-01-05\n1-2-102,,周杰,,,\n' > "$T/roll.csv"
cp "$PM_DB" "$T/orig.db"
LD_PRELOAD=$shim PM_FAILMALLOC_COUNT=$T/count pm-owner import "$T/roll.csv" > /dev/null 2>&1
dump > "$T/all"
total=$(cat "$T/count")
if [ "${total:-0}" -gt 100 ]; then ok "an import makes $total allocations"; else not_ok "an import makes allocations" "$total"; fi

# every k of the first 400 (options, locale, opening), then 150 more across the rest
# (under ASan, where each run costs ten times more: every 8th, and 50)
case $PM_BUILD in */san) step1=8 spread=50 ;; *) step1=1 spread=150 ;; esac
ks=$(awk -v t="$total" -v s="$step1" -v n="$spread" 'BEGIN { for (k = 1; k <= 400 && k <= t; k += s) print k;
	for (i = 0; i < n; i++) print 400 + int((t - 400) * i / n) }')
bad=0 runs=0 codes=
for k in $ks; do
	cp "$T/orig.db" "$PM_DB"
	rm -f "$PM_DB-wal" "$PM_DB-shm"
	LD_PRELOAD=$shim PM_FAILMALLOC=$k pm-owner import "$T/roll.csv" > "$T/out" 2> "$T/err"
	rc=$?
	runs=$((runs + 1))
	case " $codes " in *" $rc "*) ;; *) codes="$codes $rc" ;; esac
	why=
	case $rc in
	0) dump > "$T/now"; cmp -s "$T/now" "$T/all" || why="exit 0 but not all of the import" ;;
	70 | 71)
		dump > "$T/now"
		cmp -s "$T/now" "$T/before" || why="exit $rc but the database changed"
		[ -s "$T/err" ] || why="exit $rc without a message" ;;
	*) why="exit $rc: $(grep -m 3 -E 'ERROR|Sanitizer|pm-owner' "$T/err" | tr '\n' ' ')" ;;
	esac
	if grep -q 'LeakSanitizer\|AddressSanitizer\|runtime error' "$T/err"; then
		why="sanitizer: $(grep -m 2 'Sanitizer\|runtime error' "$T/err" | tr '\n' ' ')"
	fi
	if [ -n "$why" ]; then
		bad=$((bad + 1))
		not_ok "allocation $k fails: $why"
	fi
done
is "$bad" 0 "$runs failed allocations, each ended cleanly with all or none (exits seen:$codes)"

done_testing
