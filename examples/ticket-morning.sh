#!/bin/sh
# ticket-morning.sh - the desk's morning cron job: mail each person the
# callbacks, complaint replies and rework notices that are theirs today
#
#   0 8 * * *  PM_DB=/srv/pm/estate.db /usr/local/share/pm-tools/ticket-morning.sh
#
# pm-ticket remind writes one message per person as an mbox stream; this
# splits it and hands each message to sendmail -t (SENDMAIL overrides the
# command).  Then, when anything is overdue, the overdue list goes to the
# supervisor (SUPERVISOR, an address; nothing is sent when it is empty).
# Exits non-zero when pm-ticket fails, so cron mails the error.  Under a
# zh_CN locale (LANG=zh_CN.UTF-8, as the binaries decide it) the
# supervisor's mail has a Chinese subject; English otherwise.
set -eu

sendmail=${SENDMAIL:-/usr/sbin/sendmail -t}
tmp=$(mktemp "${TMPDIR:-/tmp}/ticket-morning.XXXXXX")
trap 'rm -f "$tmp"' EXIT

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

# the subject, as RFC 2047 wants it in a header: "=?UTF-8?B?" and the
# base64 of 逾期工单
if [ "$(reader_lang)" = zh ]; then
	subject='=?UTF-8?B?6YC+5pyf5bel5Y2V?='
else
	subject='overdue tickets'
fi

pm-ticket remind > "$tmp"
# a "From " line after a blank line (or first) starts the next message
awk -v cmd="$sendmail" '
	/^From / && (NR == 1 || blank) { if (open) close(cmd); open = 1; blank = 0; next }
	{ print | cmd; blank = ($0 == "") }
	END { if (open) close(cmd) }
' "$tmp"

if [ -n "${SUPERVISOR:-}" ]; then
	status=0
	pm-ticket due --overdue --check -o table > "$tmp" || status=$?
	if [ "$status" = 1 ]; then
		{
			printf 'To: %s\nSubject: %s\n' "$SUPERVISOR" "$subject"
			printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n'
			printf 'Content-Transfer-Encoding: 8bit\n\n'
			cat "$tmp"
		} | $sendmail
	elif [ "$status" != 0 ]; then
		exit "$status"
	fi
fi
