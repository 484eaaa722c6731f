#!/bin/sh
# BAD-INPUTS 33: a read-only database file, and a database in a read-only
# folder (WAL cannot create its -wal and -shm there): a write is refused
# naming the path (74), before anything is written; reading still works.
# Run as another user, since root may write anything.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name\n1-2-101,陈静\n' > "$T/roll.csv"
if [ "$(id -u)" = 0 ]; then
	if ! command -v setpriv > /dev/null; then
		i=0; while [ $i -lt 8 ]; do ok "# SKIP root, and no setpriv to become someone else"; i=$((i + 1)); done
		done_testing
		exit $?
	fi
	as() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	chmod 755 "$T"
	chmod 644 "$T/roll.csv"
else
	as() { "$@"; }
fi

chmod 444 "$PM_DB"
[ "$(id -u)" = 0 ] && chmod 777 "$T"
run as pm-owner import "$T/roll.csv"
is_rc 74 "an import into a read-only file"
is_err "pm-owner: database '$PM_DB' is read-only (check the file's and its folder's permissions)" "names the path"
run as pm-admin staff add 李四 --dept service --role clerk
is_rc 74 "a staff change too"
run as pm-owner list -o csv
is_rc 0 "reading a read-only file works"
unchanged "nothing was written"

chmod 666 "$PM_DB"
chmod 555 "$T"
run as pm-owner import "$T/roll.csv"
is_rc 74 "an import into a file whose folder is read-only"
is_err "pm-owner: database '$PM_DB' is read-only (check the file's and its folder's permissions)" "names the path"
run as pm-owner list -o csv
is_rc 74 "in that folder even reading is refused (WAL needs its -shm file beside the database)"
is_err "pm-owner: database '$PM_DB' is read-only (check the file's and its folder's permissions)" "with the same message"
chmod 755 "$T"
unchanged "nothing was written"

done_testing
