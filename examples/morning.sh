#!/bin/sh
# morning.sh - the desk's morning digest: everything that falls due or is late
#
#   MAILTO=desk@estate.example
#   0 8 * * *  PM_DB=/srv/pm/estate.db sh /usr/share/doc/pm-tools/examples/morning.sh
#
# Prints one plain-text digest for cron to mail: callbacks, complaint
# replies and rework notices (pm-ticket), renovation reviews, notices and
# site inspections (pm-reno), survey forms not back (pm-survey), vacant
# units not inspected, and vehicle passes and dog licences expiring within
# a month (pm-owner).  A section with nothing in it says so.  Exits 1 when
# something is overdue, so a wrapper can page someone; 0 otherwise.
# Under a zh_CN locale (LANG=zh_CN.UTF-8, as the binaries decide it) the
# headings are Chinese; English otherwise.
set -u

late=0

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

# section TITLE CMD...: a heading and the command's table; a checking
# verb's exit 1 means "late", anything above 1 is an error
section() {
	title=$1
	shift
	printf '== %s\n' "$title"
	"$@" -o table > "${TMPDIR:-/tmp}/morning.$$" 2>&1
	rc=$?
	if [ $rc -gt 1 ]; then
		cat "${TMPDIR:-/tmp}/morning.$$"
		rm -f "${TMPDIR:-/tmp}/morning.$$"
		exit $rc
	fi
	[ $rc = 1 ] && late=1
	if [ "$(wc -l < "${TMPDIR:-/tmp}/morning.$$")" -le 2 ]; then
		if [ "$lang" = zh ]; then echo "（无）"; else echo "(nothing)"; fi
	else
		cat "${TMPDIR:-/tmp}/morning.$$"
	fi
	rm -f "${TMPDIR:-/tmp}/morning.$$"
	echo
}

if [ "$lang" = zh ]; then
	section "今天到期或已逾期的回访、投诉答复和返修" pm-ticket due --within 1d --check
	section "装修：逾期的审批、整改通知书、施工和巡查" pm-reno due --check
	section "到期未收回的评议表" pm-survey due --check
	section "未按时巡查的空置房" pm-owner vacant --overdue --check
	section "30 天内到期的出入证和养犬证" pm-owner expiring --within 30d
else
	section "Callbacks, complaint replies and rework due today or late" pm-ticket due --within 1d --check
	section "Renovations: reviews, notices, works and inspections late" pm-reno due --check
	section "Survey forms not back" pm-survey due --check
	section "Vacant units not inspected in time" pm-owner vacant --overdue --check
	section "Passes and dog licences expiring within 30 days" pm-owner expiring --within 30d
fi
exit $late
