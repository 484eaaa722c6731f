#!/bin/sh
# a database the user may not write: a read-only file, a read-only
# folder (WAL cannot make its -wal and -shm), a folder it cannot create
# in.  Writes fail with a clear message naming the path; nothing changes.
# Root ignores permissions, so as root the commands run as nobody.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" = 0 ]; then
	if ! command -v setpriv > /dev/null 2>&1; then
		echo "1..0 # SKIP running as root without setpriv"
		exit 0
	fi
	as_user() {
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	}
	# nobody must reach the files inside the temporary folder
	chmod 711 "$T"
	owner=65534
else
	as_user() {
		"$@"
	}
	owner=$(id -u)
fi

mkdir -m 755 "$T/ro"
DB=$T/ro/pm.db
pm-admin --db "$DB" init > /dev/null
pm-admin --db "$DB" staff add 张伟 --dept service --role butler
chown -R "$owner" "$T/ro"

# the file is read-only
chmod 400 "$DB"
cp "$DB" "$T/before.db"
READONLY="pm-admin: database '$DB' is read-only (check the file's and its folder's permissions)"
run as_user pm-admin --db "$DB" staff add 李娜 --dept service --role clerk
is_rc 74 "a write to a read-only file exits 74"
is_err "$READONLY" "naming the file and what to check"
run as_user pm-admin --db "$DB" settings set callback.leak_days 5
is_rc 74 "so does settings set"
is_err "$READONLY" "with the same message"
run as_user pm-admin --db "$DB" staff list --no-header
is_rc 0 "reading a read-only file works"
is_out "张伟,service,butler,,,2026-11-30," "and shows its rows"
run as_user pm-admin --db "$DB" check
is_rc 0 "check works on it"
holds "the file is unchanged" cmp -s "$DB" "$T/before.db"

# the folder is read-only: SQLite cannot make the -wal and -shm
rm -f "$DB-wal" "$DB-shm"
chmod 600 "$DB"
chmod 555 "$T/ro"
run as_user pm-admin --db "$DB" staff add 李娜 --dept service --role clerk
is_rc 74 "a write in a read-only folder exits 74"
is_err "$READONLY" "naming the file and its folder"
holds "the file is unchanged" cmp -s "$DB" "$T/before.db"
run as_user pm-admin --db "$T/ro/new.db" init
is_rc 66 "a new database in a read-only folder cannot be opened"
is_err "pm-admin: cannot open database '$T/ro/new.db': unable to open database file" "naming it"
holds "and is not there" [ ! -e "$T/ro/new.db" ]
run as_user pm-admin --db "$T/ro/sub/new.db" init
is_rc 73 "a folder that cannot be created"
is_err "pm-admin: cannot create folder '$T/ro/sub': Permission denied" "names the folder"
chmod 755 "$T/ro"

done_testing
