#!/bin/sh
# monthly-report.sh [MONTH] - the manager's monthly report, in Markdown
#
#   sh examples/monthly-report.sh 2026-11 > report-2026-11.md
#
# Composes the binaries through their output: the estate's units by
# status, the month's tickets and complaint summary, fees collected and
# arrears, renovations and the survey round, each section from the binary
# that owns it.  A binary that is not installed leaves its section out
# with a note.  MONTH defaults to the current one (PM_NOW aware).
#
# In the reader's language: under a zh_CN locale (LANG=zh_CN.UTF-8, as
# the binaries decide it) the headings and labels are Chinese, and the
# ticket figures come from pm-ticket's translated table; English
# otherwise.  The tables are never cut to a terminal's width.
set -eu

month=${1:-$(date +%Y-%m)}
unset COLUMNS

have() { command -v "$1" >/dev/null 2>&1; }

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
	h_title="月度报告"
	h_estate="小区："
	h_units="房屋"
	h_units_cols="| 状态 | 房屋（套） |"
	h_tickets="工单"
	h_complaints="投诉"
	h_fees="收费"
	h_rate="收缴率："
	h_arrears="按楼栋的欠费（一年以上为陈欠）："
	h_reno="装修"
	h_survey="业主评议轮次"
else
	h_title="Monthly report"
	h_estate="Estate: "
	h_units="Units"
	h_units_cols="| status | units |"
	h_tickets="Tickets"
	h_complaints="Complaints"
	h_fees="Fees"
	h_rate="Collection rate (收缴率):"
	h_arrears="Arrears by building (陈欠 is over a year):"
	h_reno="Renovations"
	h_survey="Owner survey rounds"
fi

# a section whose binary is not installed
missing() {
	if [ "$lang" = zh ]; then
		echo "（未安装 $1，本节从略）"
	else
		echo "($1 is not installed: this section is left out)"
	fi
	echo
}

# count the rows of a CSV on stdin by the value of column $1 (1-based);
# a unit status in Chinese under zh, by pm-owner's own names for them
# (lib/owner/unit.c)
count_by() {
	awk -F, -v c="$1" -v lang="$lang" '
		BEGIN { zh["unsold"] = "未售"; zh["vacant"] = "空置"; zh["occupied"] = "已入住"; zh["rented"] = "出租" }
		NR > 1 { n[$c]++ }
		END {
			for (k in n)
				printf "| %s | %d |\n", (lang == "zh" && k in zh) ? zh[k] : k, n[k]
		}' | sort
}

# a table of the binaries (-o table) as a Markdown table, the last column
# right-aligned: columns are two or more blanks apart
md_table() {
	awk -F '  +' '
		{ sub(/ +$/, "") }
		NR == 2 { next }
		{
			line = "|"
			for (i = 1; i <= NF; i++)
				line = line " " $i " |"
			print line
		}
		NR == 1 {
			line = "|"
			for (i = 1; i < NF; i++)
				line = line "---|"
			print line "---:|"
		}'
}

echo "# $h_title $month"
echo
name=$(pm-admin settings get estate.name 2>/dev/null || true)
[ -n "$name" ] && echo "$h_estate$name" && echo

echo "## $h_units"
echo
echo "$h_units_cols"
echo "|---|---:|"
pm-owner list -o csv | count_by 6
echo

echo "## $h_tickets"
echo
if have pm-ticket; then
	if [ "$lang" = zh ]; then
		pm-ticket stats --month "$month" -o table | md_table
	else
		echo "| metric | key | value |"
		echo "|---|---|---:|"
		pm-ticket stats --month "$month" -o csv | awk -F, 'NR > 1 { printf "| %s | %s | %s |\n", $1, $2, $3 }'
	fi
	echo
	echo "### $h_complaints"
	echo
	pm-ticket stats --month "$month" --summary
	echo
else
	missing pm-ticket
fi

echo "## $h_fees"
echo
if have pm-fee; then
	echo "$h_rate"
	echo
	echo '```'
	pm-fee rate --period "$month" -o table
	echo '```'
	echo
	echo "$h_arrears"
	echo
	echo '```'
	pm-fee arrears --by building -o table
	echo '```'
	echo
else
	missing pm-fee
fi

echo "## $h_reno"
echo
if have pm-reno; then
	echo '```'
	pm-reno summary --month "$month" -o table
	echo '```'
	echo
else
	missing pm-reno
fi

echo "## $h_survey"
echo
if have pm-survey; then
	echo '```'
	pm-survey list -o table
	echo '```'
	echo
else
	missing pm-survey
fi
