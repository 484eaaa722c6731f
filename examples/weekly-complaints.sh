#!/bin/sh
# weekly-complaints.sh [WEEK] - the week's complaint summary, in words and numbers
#
#   0 9 * * 1  PM_DB=/srv/pm/estate.db sh weekly-complaints.sh | mail -s 投诉周报 manager@estate
#
# The seeds ask for complaints to be counted and summarized every week:
# pm-ticket's summary in words, then the week's numbers and the
# complaints themselves.  WEEK defaults to last week (2026-W47 form).
# Under a zh_CN locale (LANG=zh_CN.UTF-8, as the binaries decide it) the
# headings and the numbers' names are Chinese; English otherwise.
set -eu

if [ $# -gt 0 ]; then
	week=$1
else
	week=$(date -d '7 days ago' +%G-W%V)
fi
unset COLUMNS

# The reader's language, "zh" or "en", by the rule the binaries follow
# (lib/core/i18n.c: setlocale(LC_ALL, "") and gettext): the locale is
# LC_ALL, else LC_MESSAGES, else LANG; one that is not installed leaves
# them in C, which is English; outside C, LANGUAGE (a list, as zh_CN:en)
# comes first.  Chinese when zh_CN comes before any C; the same block is
# in every example script.
reader_lang() {
	_loc=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}
	case $_loc in '' | C | POSIX) echo en && return ;; esac
	if command -v locale > /dev/null 2>&1 && [ -n "$(locale 2>&1 > /dev/null)" ]; then
		echo en && return
	fi
	_rest=${LANGUAGE:-$_loc}:
	while [ -n "$_rest" ]; do
		_l=${_rest%%:*}
		_rest=${_rest#*:}
		case $_l in zh_CN*) echo zh && return ;; C | POSIX) break ;; esac
	done
	echo en
}

lang=$(reader_lang)
if [ "$lang" = zh ]; then
	echo "# 投诉周报 $week"
else
	echo "# Complaints, week $week"
fi
echo
pm-ticket stats --week "$week" --summary
echo
if [ "$lang" = zh ]; then
	echo "## 统计"
	echo
	# the rows of the csv, by their English keys, named as the table
	# names them: the two come in the same order
	tmp=$(mktemp "${TMPDIR:-/tmp}/weekly-complaints.XXXXXX")
	trap 'rm -f "$tmp"' EXIT
	pm-ticket stats --week "$week" -o csv --no-header > "$tmp"
	pm-ticket stats --week "$week" -o table --no-header |
		awk -F '  +' -v csv="$tmp" '
			{
				if ((getline row < csv) <= 0)
					exit 1
				split(row, k, ",")
				sub(/ +$/, "")
				if (k[1] == "complaints" || k[1] == "kind")
					printf "- %s %s：%s\n", $1, $2, $3
			}'
else
	echo "## Numbers"
	echo
	pm-ticket stats --week "$week" -o csv | awk -F, '$1 == "complaints" || $1 == "kind" { printf "- %s %s: %s\n", $1, $2, $3 }'
fi
