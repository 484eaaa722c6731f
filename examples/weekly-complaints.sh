#!/bin/sh
# weekly-complaints.sh [WEEK] - the week's complaint summary, in words and numbers
#
#   0 9 * * 1  PM_DB=/srv/pm/estate.db sh weekly-complaints.sh | mail -s 投诉周报 manager@estate
#
# The seeds ask for complaints to be counted and summarized every week:
# pm-ticket's summary in words, then the week's numbers and the
# complaints themselves.  WEEK defaults to last week (2026-W47 form).
set -eu

if [ $# -gt 0 ]; then
	week=$1
else
	week=$(date -d '7 days ago' +%G-W%V)
fi

echo "# Complaints, week $week"
echo
pm-ticket stats --week "$week" --summary
echo
echo "## Numbers"
echo
pm-ticket stats --week "$week" -o csv | awk -F, '$1 == "complaints" || $1 == "kind" { printf "- %s %s: %s\n", $1, $2, $3 }'
