#!/bin/sh
# BAD-INPUTS 56 and 57: messages that told more than they should or
# less than the clerk needs.  A typed ID number held by someone else
# does not name that person; a phone number typed for a unit is not
# echoed in full; a ticket saved while its number cannot be printed
# says it was saved; reading import reports every bad row, not the
# first; a header given two --map fields is a usage error, not "the
# first wins".
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh disable=SC1091
. "$(dirname "$0")/badinput.sh"

base_estate
run pm-owner resident add 1-1-104 --name 周强 --relation relative --id-no "$ID1"
is_rc 65 "an ID number on record under another name"
is_err "pm-owner: that ID number is on record under another name, not '周强': check the number and the name" \
	"is refused without naming its holder"
err_lacks 王伟 "王伟 is not told"

run pm-owner show 15908301661
is_rc 65 "a phone number where the unit goes"
is_err "pm-owner: no unit '159****1661': that is a phone number; find its unit with pm-owner list --phone" \
	"is masked, and says where to look"
PII=15908301661 no_pii "no full phone number on stderr"
run pm-owner show 9-9-909
is_err "pm-owner: no unit '9-9-909'" "a unit code is still named in full"
unchanged "none of that wrote anything"

if [ -w /dev/full ]; then
	run_full() { PM_USER=张三 pm-ticket new --kind repair --category leak --unit 1-1-101 水管漏水 > /dev/full 2> "$T/err"; echo $? > "$T/rc"; }
	run_full
	is "$(cat "$T/rc")" 74 "ticket new onto a full stdout: 74"
	is "$(cat "$T/err")" "pm-ticket: ticket T2026-000001 was saved, but its number could not be written: No space left on device" \
		"saying the ticket was saved, with its number"
	is "$(sql 'SELECT no FROM ticket')" T2026-000001 "and it is in the database"
	printf '%s\n' "unit,name" "1-1-105,孙丽" > "$T/one.csv"
	pm-owner import "$T/one.csv" > /dev/full 2> "$T/err"
	is "$(cat "$T/err")" "pm-owner: write error: No space left on device; but the change was saved: do not repeat it" \
		"an import whose report cannot be printed says it was saved"
else
	i=0; while [ $i -lt 4 ]; do ok "# SKIP no /dev/full"; i=$((i + 1)); done
fi

dump > "$T/before"
printf '%s\n' "unit,meter,value,date" "1-1-101,water,10,2026-11-01" "9-9-909,water,5,2026-11-01" \
	"1-1-101,water,3,2026-11-02" "1-1-101,gas,x,2026-11-02" "1-1-102" > "$T/readings.csv"
run pm-fee reading import "$T/readings.csv"
is_rc 65 "reading import with four bad rows"
is_err "pm-fee: $T/readings.csv:3: unit: no unit '9-9-909'
pm-fee: $T/readings.csv:4: reading 3.00 is lower than the last water reading (10.00 on 2026-11-01): if the meter was replaced, mark it as a meter change
pm-fee: $T/readings.csv:5: reading 'x': not a number
pm-fee: $T/readings.csv:6: 1 fields, fewer than the header's
pm-fee: rows refused: 4; no reading was recorded" "reports every one of them, then the count"
unchanged "and records nothing"

printf '%s\n' "房号,业主" "1-1-104,孙丽" > "$T/map.csv"
run pm-owner import --map 业主=name --map 业主=ignore "$T/map.csv"
is_rc 64 "one header mapped twice"
is_err "pm-owner: --map '业主=name' and --map '业主=ignore' map one header twice: give one" "is a usage error"
unchanged "nothing imported"
run pm-owner import --dry-run --map 业主=name --map ' 业主 =NAME' "$T/map.csv"
is_rc 0 "the same map twice is no conflict"

done_testing
