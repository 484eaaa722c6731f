#!/bin/sh
# BAD-INPUTS 58: the database holds ID and phone numbers (PIPL art. 28),
# so whatever the umask it is created 0600 in a folder made 0700; its
# -wal and -shm take its mode; in a setgid folder (a desk group set up
# by the admin) 0660.  pm-admin check reports a file others can read.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

mode() { stat -c %a "$1"; }

umask 022
run env -u PM_DB HOME="$T/home" pm-admin init --estate 阳光花园
is_rc 0 "init with the default path under umask 022"
DB=$T/home/.local/share/pm/pm.db
is "$(mode "$DB")" 600 "the database is created 0600"
is "$(mode "$T/home/.local/share/pm")" 700 "the folder made for it 0700"

# SQLite makes -wal and -shm while a connection holds the file
sqlite3 "$DB" "SELECT count(*) FROM unit" ".shell stat -c %a $DB-wal $DB-shm > $T/walmodes" > /dev/null
walmodes=$(tr '\n' ' ' < "$T/walmodes")
is "$walmodes" "600 600 " "its -wal and -shm are 0600 too"

umask 000
run pm-admin --db "$T/wide.db" init
is_rc 0 "init under umask 000"
is "$(mode "$T/wide.db")" 600 "still 0600"

run pm-owner --db "$T/first-use.db" unit add 1-1-101
is_rc 66 "another verb on a missing database creates nothing (issue 19 item 3)"
is_err "pm-owner: no estate database at '$T/first-use.db' (create one with pm-admin init)" "and says how to make one"
umask 022

mkdir "$T/desk"
chmod 2770 "$T/desk"
run pm-admin --db "$T/desk/pm.db" init
is_rc 0 "init in a setgid folder"
is "$(mode "$T/desk/pm.db")" 660 "is 0660 there, for the desk group"

run pm-admin --db "$DB" check
is_rc 0 "check passes on a 0600 file"
out_has "file_mode,ok" "and says so"

chmod 644 "$DB"
run pm-admin --db "$DB" check
is_rc 1 "check finds a file others can read"
out_has "file_mode,0644: other users can read it; chmod 600 '$DB' (660 for a desk group)" "saying what to do"
run pm-owner --db "$DB" list
is_rc 0 "an old 0644 file still works"
is "$(mode "$DB")" 644 "and its mode is the admin's to change"

done_testing
