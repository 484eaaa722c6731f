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
set -u

late=0

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
		echo "(nothing)"
	else
		cat "${TMPDIR:-/tmp}/morning.$$"
	fi
	rm -f "${TMPDIR:-/tmp}/morning.$$"
	echo
}

section "Callbacks, complaint replies and rework due today or late" pm-ticket due --within 1d --check
section "Renovations: reviews, notices, works and inspections late" pm-reno due --check
section "Survey forms not back" pm-survey due --check
section "Vacant units not inspected in time" pm-owner vacant --overdue --check
section "Passes and dog licences expiring within 30 days" pm-owner expiring --within 30d
exit $late
