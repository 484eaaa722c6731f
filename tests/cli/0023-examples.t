#!/bin/sh
# examples/: every script and crontab line runs against a demo estate
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

# a small demo estate: the same month of desk work as make demo
run env PM_DEMO_DIR="$T/demo" PM_DEMO_UNITS=1700 sh "$PM_TOP/tools/demo.sh" "$PM_BUILD"
is_rc 0 "the demo estate builds"
PM_DB=$T/demo/demo.db
PM_NOW=2026-11-30T17:00:00
export PM_DB PM_NOW

run sh "$PM_TOP/examples/monthly-report.sh" 2026-11
is_rc 0 "monthly-report.sh"
for h in "# Monthly report 2026-11" "## Units" "## Tickets" "### Complaints" "## Fees" \
	"## Renovations" "## Owner survey rounds"; do
	out_has "$h" "the monthly report has '$h'"
done
out_has "| occupied |" "the units are counted by status"

run sh "$PM_TOP/examples/weekly-complaints.sh" 2026-W47
is_rc 0 "weekly-complaints.sh"
out_has "# Complaints, week 2026-W47" "the weekly summary names its week"
out_has "- complaints received:" "and counts the complaints"

run sh "$PM_TOP/examples/morning.sh"
case $rc in 0|1) ok "morning.sh runs (exit $rc: 1 when something is late)" ;;
*) not_ok "morning.sh runs" "$(diag_last)" ;; esac
for h in "== Callbacks" "== Renovations" "== Survey forms" "== Vacant units" "== Passes"; do
	out_has "$h" "the morning digest has '$h'"
done
out_has "T2026-" "and lists the callbacks that are late"

# every job of the crontab, with its paths pointed here
grep -v '^#' "$PM_TOP/examples/crontab" | grep -v '^[A-Z_]*=' | grep -v '^$' |
	cut -f2- | sed -e "s|/usr/share/doc/pm-tools/examples/|$PM_TOP/examples/|g" \
	-e "s|/srv/pm/backup|$T|g" -e 's|\\%|%|g' \
	-e 's/formail -s sendmail -t/cat > \/dev\/null/' > "$T/jobs"
is "$(wc -l < "$T/jobs" | tr -d ' ')" 6 "the crontab has six jobs"
while IFS= read -r job; do
	run sh -c "$job"
	case $rc in 0|1) ok "cron job runs: $job" ;;
	*) not_ok "cron job runs: $job" "$(diag_last)" ;; esac
done < "$T/jobs"
for backup in "$T"/estate-*.db; do
	run pm-admin --db "$backup" check
	is_rc 0 "the nightly backup is a good database"
done

done_testing
