#!/bin/sh
# BAD-INPUTS 9: a header and no rows: nothing imported, and the summary
# says 0 rows (exit 0: an empty roll is not an error)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name,phone\r\n' > "$T/hdr.csv"
run pm-owner import "$T/hdr.csv"
is_rc 0 "a header-only roll is not an error"
is_out "$T/hdr.csv: 0 rows
units: 0 added, 0 updated, 0 unchanged
people: 0 added, 0 updated, 0 unchanged
rejected: 0" "the summary says 0 rows"
grep -v '^INSERT INTO audit' "$T/before" > "$T/before.data"
dump | grep -v '^INSERT INTO audit' > "$T/after.data"
if cmp -s "$T/before.data" "$T/after.data"; then ok "no record changed (the import is in the audit log)"; else not_ok "no record changed"; fi
is "$(sql "SELECT change FROM audit ORDER BY id DESC LIMIT 1")" \
	"roll import: 0 rows, 0 rejected; units 0 added 0 updated; people 0 added 0 updated" "the audit log records the empty import"

done_testing
