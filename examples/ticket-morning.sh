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
# Exits non-zero when pm-ticket fails, so cron mails the error.
set -eu

sendmail=${SENDMAIL:-/usr/sbin/sendmail -t}
tmp=$(mktemp "${TMPDIR:-/tmp}/ticket-morning.XXXXXX")
trap 'rm -f "$tmp"' EXIT

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
			printf 'To: %s\nSubject: overdue tickets\n\n' "$SUPERVISOR"
			cat "$tmp"
		} | $sendmail
	elif [ "$status" != 0 ]; then
		exit "$status"
	fi
fi
