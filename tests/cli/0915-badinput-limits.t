#!/bin/sh
# BAD-INPUTS 15: a huge field with no newline, a huge quoted record,
# 10,000 columns: refused by the limits (PM_CSV_MAX_RECORD bytes,
# PM_CSV_MAX_FIELDS fields) with memory bounded; a large valid roll streams
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

pm-admin init > /dev/null || exit 1

base_estate
# 16 MiB on one line, no newline at all
{ printf 'unit,name\n1-2-101,'; head -c 16777216 /dev/zero | tr '\0' x; } > "$T/long.csv"
run pm-owner import "$T/long.csv"
is_rc 65 "a 16 MiB line"
is_err "pm-owner: $T/long.csv:2: line longer than 1048576 bytes" "is refused at the limit"
# a quote opened and never closed over many short lines
{ printf 'unit,name,remark\n1-2-101,陈静,"'; i=0; while [ $i -lt 40000 ]; do echo 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'; i=$((i + 1)); done; } > "$T/quoted.csv"
run pm-owner import "$T/quoted.csv"
is_rc 65 "a quoted field of 1.3 MB over 40,000 lines"
is_err "pm-owner: $T/quoted.csv:2: record longer than 1048576 bytes (a quote never closed?)" "is refused at the limit"
awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "%sc%d", (i > 1 ? "," : ""), i; print "" }' > "$T/wide.csv"
run pm-owner import "$T/wide.csv"
is_rc 65 "10,000 columns"
is_err "pm-owner: $T/wide.csv:1: more than 1000 fields" "are refused"
unchanged "none of them wrote anything"

case $PM_BUILD in
*/san) ok "# SKIP peak memory is not measured under ASan" ;;
*)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$T/rss" pm-owner import "$T/long.csv" > /dev/null 2>&1
		kb=$(tail -n 1 "$T/rss")
		if [ "$kb" -lt 65536 ]; then ok "a 16 MiB line costs under 64 MiB ($kb KiB)"; else not_ok "a 16 MiB line costs under 64 MiB" "$kb KiB"; fi
	else
		ok "# SKIP /usr/bin/time is not installed"
	fi ;;
esac

# large but valid: 20,000 rows stream in
python3 "$DATA/gen_roll.py" -n 20000 --seed 15 > "$T/big.csv"
rm -f "$PM_DB"*
pm-admin init > /dev/null
run pm-owner import "$T/big.csv"
is_rc 0 "a 20,000-row roll imports"
is "$(sql 'SELECT count(*) FROM unit')" 20000 "all of it"

done_testing
