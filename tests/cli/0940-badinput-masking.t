#!/bin/sh
# BAD-INPUTS 40: listings and exports mask ID and phone numbers by
# default; --reveal shows them and is recorded in the audit log
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
for cmd in "pm-owner list -o csv" "pm-owner export -o csv" "pm-owner show 1-1-101 -o csv"; do
	# shellcheck disable=SC2086
	run $cmd
	is_rc 0 "$cmd"
	for v in $ID1 $ID2 $PH1 $PH2; do
		out_lacks "$v" "$cmd: no full $(echo "$v" | cut -c1-3)..."
	done
done
run pm-owner export -o csv
out_has "138****8000" "a phone is masked as 138****8000"
out_has "110105********002X" "an ID as 110105********002X"
n=$(sql 'SELECT count(*) FROM audit')
run pm-owner export --reveal -o csv
is_rc 0 "export --reveal"
out_has "$ID1" "shows the full ID number"
out_has "$PH1" "and the full phone"
is "$(sql 'SELECT count(*) FROM audit')" "$((n + 1))" "--reveal is audited"
is "$(sql 'SELECT change FROM audit ORDER BY id DESC LIMIT 1')" "phone and ID numbers revealed" "as such"
run sql 'SELECT record || change FROM audit'
for v in $ID1 $ID2 $PH1 $PH2; do
	out_lacks "$v" "the audit log never holds a full number ($(echo "$v" | cut -c1-3)...)"
done

done_testing
