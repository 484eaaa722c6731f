#!/bin/sh
# monthly-report.sh [MONTH] - the manager's monthly report, in Markdown
#
#   sh examples/monthly-report.sh 2026-11 > report-2026-11.md
#
# Composes the binaries through their CSV output: the estate's units by
# status, the month's tickets and complaint summary, fees collected and
# arrears, renovations and the survey round, each section from the binary
# that owns it.  A binary that is not installed leaves its section out
# with a note.  MONTH defaults to the current one (PM_NOW aware).
set -eu

month=${1:-$(date +%Y-%m)}

have() { command -v "$1" >/dev/null 2>&1; }

# count the rows of a CSV on stdin by the value of column $1 (1-based)
count_by() {
	awk -F, -v c="$1" 'NR > 1 { n[$c]++ } END { for (k in n) printf "| %s | %d |\n", k, n[k] }' | sort
}

echo "# Monthly report $month"
echo
name=$(pm-admin settings get estate.name 2>/dev/null || true)
[ -n "$name" ] && echo "Estate: $name" && echo

echo "## Units"
echo
echo "| status | units |"
echo "|---|---:|"
pm-owner list -o csv | count_by 6
echo

if have pm-ticket; then
	echo "## Tickets"
	echo
	echo "| metric | key | value |"
	echo "|---|---|---:|"
	pm-ticket stats --month "$month" -o csv | awk -F, 'NR > 1 { printf "| %s | %s | %s |\n", $1, $2, $3 }'
	echo
	echo "### Complaints"
	echo
	pm-ticket stats --month "$month" --summary
	echo
fi

if have pm-fee; then
	echo "## Fees"
	echo
	echo "Collection rate (收缴率):"
	echo
	echo '```'
	pm-fee rate --period "$month" -o table
	echo '```'
	echo
	echo "Arrears by building (陈欠 is over a year):"
	echo
	echo '```'
	pm-fee arrears --by building -o table
	echo '```'
	echo
fi

if have pm-reno; then
	echo "## Renovations"
	echo
	echo '```'
	pm-reno summary --month "$month" -o table
	echo '```'
	echo
fi

if have pm-survey; then
	echo "## Owner survey rounds"
	echo
	echo '```'
	pm-survey list -o table
	echo '```'
	echo
fi
