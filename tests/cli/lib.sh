# lib.sh - the end-to-end test harness, sourced by every tests/cli/*.t
#
# Each test file runs the real binaries of $PM_BUILD/bin on a database in
# a fresh temporary folder, with a fixed clock, zone and locale, and
# prints TAP.  Commands under test run through `run`, never inside a
# pipe, so their exit status is what is asserted:
#
#   run CMD ARG...        stdout -> $T/out, stderr -> $T/err, status -> $rc
#   run_in FILE CMD ...   the same, with stdin from FILE
#   is_rc N DESC          the status was N
#   is_out TEXT DESC      stdout was exactly TEXT (plus a final newline)
#   is_out_file F DESC    stdout was exactly the bytes of F
#   is_err TEXT DESC      stderr was exactly TEXT (plus a final newline)
#   out_has S DESC / err_has S DESC / out_lacks S DESC / err_lacks S DESC
#   is GOT WANT DESC      two strings are equal
#   holds DESC CMD ...    CMD (a check like test or cmp, never the command
#                         under test) succeeded
#   sql "SELECT ..."      query the test database with the sqlite3 shell
#   dump                  the database as SQL text, for before/after checks
#   done_testing          print the plan; the exit status says all passed
#
# The environment is cron's worst case made fixed: LC_ALL=C.UTF-8, TZ
# set to something other than the estate's zone, PM_NOW fixed, no
# ARGP_HELP_FMT, no COLUMNS (tables keep whole rows), HOME inside the
# temporary folder.

set -u
PM_TOP=$(cd "$(dirname "$0")/../.." && pwd)
PM_BUILD=${PM_BUILD:-$PM_TOP/build}
# shellcheck disable=SC2034 # for the test files that source this
DATA=$PM_TOP/tests/data
T=$(mktemp -d "${TMPDIR:-/tmp}/pm-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/home"

PATH=$PM_BUILD/bin:$PATH
HOME=$T/home
PM_DB=$T/pm.db
PM_NOW=2026-11-30T09:00:00
PM_LOCALEDIR=$PM_BUILD/locale
LC_ALL=C.UTF-8
TZ=America/New_York
export PATH HOME PM_DB PM_NOW PM_LOCALEDIR LC_ALL TZ
unset ARGP_HELP_FMT PM_USER LANG LANGUAGE XDG_DATA_HOME PM_BUSY_TIMEOUT COLUMNS 2>/dev/null || true

t_n=0
t_failed=0
rc=0

ok() {
	t_n=$((t_n + 1))
	echo "ok $t_n - $1"
}

not_ok() {
	t_n=$((t_n + 1))
	t_failed=$((t_failed + 1))
	echo "not ok $t_n - $1"
	shift
	for line in "$@"; do
		printf '#   %s\n' "$line"
	done
}

run() {
	"$@" > "$T/out" 2> "$T/err"
	rc=$?
	t_cmd="$*"
}

run_in() {
	_in=$1
	shift
	"$@" < "$_in" > "$T/out" 2> "$T/err"
	rc=$?
	t_cmd="$*"
}

# what went wrong with the last command, for a failing assertion
diag_last() {
	echo "command: ${t_cmd:-}"
	echo "exit: $rc"
	echo "stderr:"
	head -n 10 "$T/err" | sed 's/^/  /'
}

is_rc() {
	if [ "$rc" = "$1" ]; then
		ok "$2"
	else
		not_ok "$2" "expected exit $1" "$(diag_last)"
	fi
}

is_out() {
	printf '%s\n' "$1" > "$T/want"
	is_out_file "$T/want" "$2"
}

is_out_file() {
	if cmp -s "$1" "$T/out"; then
		ok "$2"
	else
		not_ok "$2" "stdout differs:" "$(diff "$1" "$T/out" | head -n 30)" "$(diag_last)"
	fi
}

is_err() {
	printf '%s\n' "$1" > "$T/want"
	if cmp -s "$T/want" "$T/err"; then
		ok "$2"
	else
		not_ok "$2" "stderr differs:" "$(diff "$T/want" "$T/err" | head -n 30)" "exit: $rc"
	fi
}

_has() {
	# _has FILE PATTERN WANT(1 present, 0 absent) DESC
	if grep -qF -- "$2" "$1"; then _found=1; else _found=0; fi
	if [ "$_found" = "$3" ]; then
		ok "$4"
	else
		not_ok "$4" "$( [ "$3" = 1 ] && echo "missing" || echo "unexpected"): $2" \
			"in $(basename "$1"):" "$(head -n 15 "$1")" "exit: $rc"
	fi
}

out_has() { _has "$T/out" "$1" 1 "$2"; }
out_lacks() { _has "$T/out" "$1" 0 "$2"; }
err_has() { _has "$T/err" "$1" 1 "$2"; }
err_lacks() { _has "$T/err" "$1" 0 "$2"; }

is() {
	if [ "$1" = "$2" ]; then
		ok "$3"
	else
		not_ok "$3" "got:  $1" "want: $2"
	fi
}

holds() {
	_desc=$1
	shift
	if "$@"; then
		ok "$_desc"
	else
		not_ok "$_desc" "failed: $*"
	fi
}

sql() {
	sqlite3 -batch -bail "$PM_DB" "$1"
}

dump() {
	sqlite3 -batch "$PM_DB" .dump
}

done_testing() {
	echo "1..$t_n"
	[ "$t_failed" = 0 ]
}
