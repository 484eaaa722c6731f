#!/bin/sh
# BAD-INPUTS 31: kill -9 at a random point of an import, a billing run
# and a monthly close, many times.
# After each kill the database passes pm-admin check and holds all of the
# batch or none of it: its dump is byte for byte the dump before the
# import or the dump after a complete one.  Two scenarios: the bulk path
# (a first roll into an empty estate) and the update path (a roll into
# an estate that has units).  The kill points are random; each is
# printed, so a failure can be replayed with PM_KILL_AT=SECONDS.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

# smaller under ASan, where every run is ten times slower
case $PM_BUILD in
*/san) n=${PM_KILL_ROWS:-1500} rounds=${PM_KILL_ROUNDS:-6} ;;
*) n=${PM_KILL_ROWS:-4000} rounds=${PM_KILL_ROUNDS:-8} ;;
esac
python3 "$DATA/gen_roll.py" -n "$n" --seed 31 > "$T/roll.csv"

# random milliseconds in [0, $1)
rand_ms() {
	r=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
	echo $((r % $1))
}

# one scenario: $1 name, $2 the setup function, $3.. the command
scenario() {
	name=$1 setup=$2
	shift 2
	rm -f "$PM_DB"*
	$setup
	dump > "$T/none"
	start=$(date +%s%N)
	"$@" > /dev/null 2>&1
	end=$(date +%s%N)
	dump > "$T/all"
	ms=$(( (end - start) / 1000000 + 1 ))
	if [ -n "${expect_units:-}" ]; then
		is "$(grep -c '^INSERT INTO unit' "$T/all")" "$(( $(grep -c '^INSERT INTO unit' "$T/none") + n ))" \
			"$name: a complete run adds the $n units ($ms ms)"
	else
		holds "$name: a complete run changes the database ($ms ms)" test "$(cmp -s "$T/none" "$T/all"; echo $?)" != 0
	fi
	k=0 partial=0
	while [ $k -lt "$rounds" ]; do
		rm -f "$PM_DB"*
		$setup
		at=${PM_KILL_AT:-$(rand_ms $((ms + ms / 5)))}
		"$@" > /dev/null 2>&1 &
		pid=$!
		sleep "$(awk -v m="$at" 'BEGIN { printf "%.3f", m / 1000 }')"
		kill -9 "$pid" 2> /dev/null
		wait "$pid" 2> /dev/null
		run pm-admin check -o csv
		if [ "$rc" = 0 ]; then ok "$name: killed at ${at} ms: pm-admin check passes"; else not_ok "$name: killed at ${at} ms: pm-admin check passes" "$(cat "$T/out" "$T/err")"; fi
		dump > "$T/now"
		if cmp -s "$T/now" "$T/none"; then
			ok "$name: killed at ${at} ms: none of the batch"
		elif cmp -s "$T/now" "$T/all"; then
			ok "$name: killed at ${at} ms: all of the batch"
		else
			partial=$((partial + 1))
			not_ok "$name: killed at ${at} ms: all or none of the batch" \
				"units now: $(grep -c '^INSERT INTO unit' "$T/now")" "$(diff "$T/none" "$T/now" | head -n 5)"
		fi
		k=$((k + 1))
	done
}

setup_empty() { pm-admin init > /dev/null; }
setup_estate() {
	pm-admin init > /dev/null
	python3 "$DATA/gen_roll.py" -n 2000 --seed 7 | sed '2,$s/^\([0-9]*\)-/\1001-/' > "$T/first.csv"
	pm-owner import "$T/first.csv" > /dev/null
}

expect_units=1
scenario "bulk import into an empty estate" setup_empty pm-owner import "$T/roll.csv"
scenario "import into an estate with units" setup_estate pm-owner import "$T/roll.csv"
expect_units=

# money: a month's billing run, and the close that locks the month
setup_fees() {
	setup_estate
	pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01 > /dev/null
	pm-fee item add lift --name 电梯费 --basis unit --rate 30 --since 2026-01 > /dev/null
}
setup_billed() {
	setup_fees
	PM_NOW=2026-11-01T08:00:00 pm-fee bill --period 2026-11 > /dev/null
	for u in 1001-1-101 1001-1-102 1001-1-103; do
		PM_NOW=2026-11-10T10:00:00 pm-fee pay "$u" 100 --method cash > /dev/null 2>&1
	done
}
PM_NOW=2026-11-01T08:00:00 scenario "a billing run" setup_fees pm-fee bill --period 2026-11
PM_NOW=2026-12-01T09:00:00 scenario "the monthly close" setup_billed pm-fee close --month 2026-11

done_testing
