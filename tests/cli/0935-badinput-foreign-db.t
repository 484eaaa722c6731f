#!/bin/sh
# BAD-INPUTS 35: a schema newer than the binary, another application's
# SQLite file, a file that is not SQLite, a damaged file: each refused
# before anything is written (78); pm-admin check reports the damage
# (exit 1) and never repairs it.  Damage is found where it is read: a
# command that reads the damaged pages stops with 78 and writes nothing.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
cp "$PM_DB" "$T/newer.db"
sqlite3 "$T/newer.db" 'PRAGMA user_version = 99'
cp "$T/newer.db" "$T/newer.orig"
PM_DB=$T/newer.db run pm-owner import "$T/base.csv"
is_rc 78 "a newer schema"
is_err "pm-owner: database '$T/newer.db' has schema version 99, newer than this program knows ($(sql 'PRAGMA user_version')): upgrade pm-tools" \
	"names both versions"
same_file "$T/newer.db" "$T/newer.orig" "the file is untouched"

sqlite3 "$T/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1)'
cp "$T/other.db" "$T/other.orig"
PM_DB=$T/other.db run pm-admin init
is_rc 78 "another application's database"
is_err "pm-admin: '$T/other.db' is an SQLite database, but not a pm-tools one" "is not taken over"
same_file "$T/other.db" "$T/other.orig" "and is untouched"

printf 'unit,name\n1-1-101,王伟\n' > "$T/notdb.db"
PM_DB=$T/notdb.db run pm-owner list
is_rc 78 "a text file"
is_err "pm-owner: '$T/notdb.db' is not a database" "is not a database"
is "$(cat "$T/notdb.db")" "unit,name
1-1-101,王伟" "and is untouched"

# flip bytes in one leaf page of the unit table
pm-owner import "$DATA/roll-clean.csv" > /dev/null
sqlite3 "$PM_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
page=$(sqlite3 "$PM_DB" "SELECT pageno FROM dbstat WHERE name = 'unit' AND pagetype = 'leaf' LIMIT 1 OFFSET 3")
python3 -c '
import sys
path, page = sys.argv[1], int(sys.argv[2])
with open(path, "r+b") as f:
    f.seek((page - 1) * 4096)
    b = bytearray(f.read(4096))
    for i in range(0, 4096, 7):
        b[i] ^= 0x5A
    f.seek((page - 1) * 4096)
    f.write(b)
' "$PM_DB" "$page"
cp "$PM_DB" "$T/damaged.orig"
run pm-owner list -o csv
is_rc 78 "listing the damaged units"
is_err "pm-owner: database '$PM_DB' is damaged (database disk image is malformed): restore it from a backup; see pm-admin check" \
	"says the file is damaged and what to do"
run pm-owner import "$DATA/roll-clean.csv"
is_rc 78 "an import over the damaged units is refused"
run pm-admin check -o csv
is_rc 1 "pm-admin check finds the damage (exit 1)"
out_has "integrity," "and lists what integrity_check says"
out_has "foreign_keys,not checked: the file is damaged" "without dying on it"
sqlite3 "$PM_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null 2>&1
same_file "$PM_DB" "$T/damaged.orig" "nothing wrote to or repaired the file"

done_testing
