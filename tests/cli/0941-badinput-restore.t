#!/bin/sh
# BAD-INPUTS 41: putting a backup back.  Copying a backup over a database
# with a stale -wal beside it damages it; pm-admin restore FILE checks the
# backup first (66, 73, 78, all with the database byte-identical), takes
# the write lock, keeps the old database aside, writes the backup into the
# database through its own -wal, migrates an older schema and leaves an
# audit row.  A killed backup's DEST.tmp-XXXXXX is swept by the next one.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/locker.sh
. "$(dirname "$0")/locker.sh"

# the database as SQL text without the audit rows of restores: what a
# restore brings back must be the backup's, row for row
data() {
	cp "$1" "$T/data.db"
	sqlite3 -batch "$T/data.db" "DELETE FROM audit WHERE verb = 'restore'" &&
		sqlite3 -batch "$T/data.db" .dump
	rm -f "$T/data.db"
}

pm-admin init --estate 阳光花园 > /dev/null || exit 1
pm-admin staff add 张伟 --dept service --role butler > /dev/null || exit 1
pm-owner unit add 1-1-101 > /dev/null || exit 1
pm-admin backup "$T/good.db" || exit 1
data "$T/good.db" > "$T/good.sql"
pm-admin staff add 王芳 --dept service --role clerk > /dev/null || exit 1
pm-owner unit add 1-1-102 > /dev/null || exit 1
dump > "$T/old.sql"
aside=$PM_DB.before-restore-20261130T090000

# a good backup comes back, row for row; the old database is kept aside
run pm-admin restore "$T/good.db"
is_rc 0 "a good backup is restored"
is_out "$PM_DB: restored from '$T/good.db' (schema version $(sql 'PRAGMA user_version'))
the old database is kept as '$aside'" "saying from what, and where the old database is"
holds "nothing on stderr" [ ! -s "$T/err" ]
data "$PM_DB" > "$T/now.sql"
holds "the database holds exactly the backup's rows" cmp -s "$T/now.sql" "$T/good.sql"
is "$(sql "SELECT count(*) FROM staff WHERE name = '王芳'")" 0 "the clerk added after the backup is gone"
is "$(sql 'PRAGMA journal_mode')" wal "the database is still in WAL mode"
is "$(sqlite3 "$aside" .dump)" "$(cat "$T/old.sql")" "the copy aside holds the old database exactly"
is "$(stat -c %a "$aside")" 600 "and is private (0600)"
is "$(sqlite3 "$aside" 'PRAGMA journal_mode')" delete "as one self-contained file"
is "$(sql "SELECT prog || ' ' || verb || ' | ' || record || ' | ' || change FROM audit WHERE verb = 'restore'")" \
	"pm-admin restore | database | restored from '$T/good.db' (schema version 9); the old database kept as '$aside'" \
	"the restore is on the audit log, naming both files"
run pm-admin check
is_rc 0 "the restored database passes check"

# undo: the copy aside is a backup like any other
run pm-admin restore "$aside"
is_rc 0 "restoring the copy aside undoes the restore"
out_has "the old database is kept as '$aside-2'" "a second copy aside in the same second gets -2"
holds "the first copy is still there" [ -f "$aside" ]
data "$PM_DB" > "$T/now.sql"
holds "the database holds the old rows again" cmp -s "$T/now.sql" "$T/old.sql"
is "$(sql "SELECT count(*) FROM audit WHERE verb = 'restore'")" 1 \
	"the undone restore's row went with it; the undo has its own"
rm -f "$aside" "$aside-2"

# a stale -wal beside the database: the committed writes of a process
# killed with -9.  cp would lay the backup under those frames; restore
# writes through them
python3 - "$PM_DB" "$T/open" <<'PY' &
import sqlite3, sys, time, os
db = sqlite3.connect(sys.argv[1])
db.execute("SELECT count(*) FROM unit").fetchall()
open(sys.argv[2], "w").close()
while True:
    time.sleep(1)
PY
holder=$!
while [ ! -f "$T/open" ]; do sleep 0.05; done
pm-owner unit add 1-1-103 > /dev/null || exit 1
kill -9 "$holder"
wait "$holder" 2> /dev/null
holds "the -wal is left behind, holding a write" [ -s "$PM_DB-wal" ]
run pm-admin restore "$T/good.db"
is_rc 0 "restore over a stale -wal"
run pm-admin check
is_rc 0 "gives a database that passes check"
data "$PM_DB" > "$T/now.sql"
holds "holding exactly the backup's rows" cmp -s "$T/now.sql" "$T/good.sql"
holds "and the stale write is in the copy aside" \
	[ "$(sqlite3 "$aside" "SELECT count(*) FROM unit WHERE code = '1-1-103'")" = 1 ]
rm -f "$aside"

# a backup that is a copy of a database in use, its -wal beside it: the
# rows in that -wal come back too
mkdir "$T/src"
pm-admin --db "$T/src/pm.db" init > /dev/null || exit 1
python3 - "$T/src/pm.db" "$T/open2" <<'PY' &
import sqlite3, sys, time, os
db = sqlite3.connect(sys.argv[1])
db.execute("SELECT count(*) FROM unit").fetchall()
open(sys.argv[2], "w").close()
while os.path.exists(sys.argv[2]):
    time.sleep(0.05)
PY
holder=$!
while [ ! -f "$T/open2" ]; do sleep 0.05; done
pm-owner --db "$T/src/pm.db" unit add 9-9-909 > /dev/null || exit 1
cp "$T/src/pm.db" "$T/walcopy.db"
cp "$T/src/pm.db-wal" "$T/walcopy.db-wal"
rm -f "$T/open2"
wait "$holder"
run pm-admin restore "$T/walcopy.db"
is_rc 0 "a copy with its -wal is restored"
is "$(sql "SELECT code FROM unit")" 9-9-909 "with the row its -wal held"
rm -f "$aside"
run pm-admin restore "$T/good.db"
is_rc 0 "(the good backup back)"
rm -f "$aside"

# refusals: checked before anything is touched
sql 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
cp "$PM_DB" "$T/live.before"
untouched() {
	holds "$1: the database is byte-identical" cmp -s "$PM_DB" "$T/live.before"
	holds "$1: nothing kept aside" [ ! -e "$aside" ]
}
run pm-admin restore "$T/nope.db"
is_rc 66 "a missing file"
is_err "pm-admin: cannot open '$T/nope.db': No such file or directory" "missing: says so"
untouched "missing"
mkdir "$T/dir.db"
run pm-admin restore "$T/dir.db"
is_rc 66 "a folder"
is_err "pm-admin: cannot restore from '$T/dir.db': it is not a regular file" "folder: says so"
untouched "folder"
printf 'owner roll\n1-1-101,王伟\n' > "$T/text.db"
run pm-admin restore "$T/text.db"
is_rc 78 "a text file"
is_err "pm-admin: cannot restore from '$T/text.db': it is not a database" "text: says so"
untouched "text"
: > "$T/empty.db"
run pm-admin restore "$T/empty.db"
is_rc 78 "an empty file"
is_err "pm-admin: cannot restore from '$T/empty.db': it is an empty database" "empty: says so"
untouched "empty"
sqlite3 "$T/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
run pm-admin restore "$T/other.db"
is_rc 78 "another program's database"
is_err "pm-admin: cannot restore from '$T/other.db': it is an SQLite database, but not a pm-tools one" \
	"other: says so"
untouched "other"
cp "$T/good.db" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 999"
run pm-admin restore "$T/newer.db"
is_rc 78 "a newer schema"
is_err "pm-admin: cannot restore from '$T/newer.db': it has schema version 999, newer than this program knows (9): upgrade pm-tools" \
	"newer: says so"
untouched "newer"
cp "$T/good.db" "$T/v0.db"
sqlite3 "$T/v0.db" "PRAGMA user_version = 0"
run pm-admin restore "$T/v0.db"
is_rc 78 "a damaged header (user_version 0)"
is_err "pm-admin: cannot restore from '$T/v0.db': it has schema version 0: its header is damaged; try an older backup" \
	"header: says so"
untouched "header"
# bytes flipped in a page of the audit table
cp "$T/good.db" "$T/damaged.db"
sqlite3 "$T/damaged.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
	INSERT INTO audit(at, login, prog, verb, record, change)
	SELECT '2026-01-01T00:00:00', 'x', 'p', 'v', 'r' || i, printf('%.300c', 'y') FROM n"
page=$(sqlite3 "$T/damaged.db" "SELECT pageno FROM dbstat WHERE name = 'audit' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 5")
size=$(sqlite3 "$T/damaged.db" 'PRAGMA page_size')
printf '\377\377\377\377\377\377\377\377' |
	dd of="$T/damaged.db" bs=1 seek=$(((page - 1) * size)) conv=notrunc 2> /dev/null
run pm-admin restore "$T/damaged.db"
is_rc 78 "a damaged backup"
is_err "pm-admin: cannot restore from '$T/damaged.db': it is damaged (database disk image is malformed); try an older backup" \
	"damaged: says so"
untouched "damaged"
# a row that refers to a unit that is not there
cp "$T/good.db" "$T/orphan.db"
sqlite3 "$T/orphan.db" "INSERT INTO ownership(unit_id, person_id) VALUES (4242, 4242)"
run pm-admin restore "$T/orphan.db"
is_rc 78 "a backup failing foreign_key_check"
is_err "pm-admin: cannot restore from '$T/orphan.db': rows that refer to missing records: 2 (see pm-admin --db '$T/orphan.db' check); give --force to restore it all the same" \
	"orphan: says so, and how to go on"
untouched "orphan"
# the database itself, by name, through a link, its -wal
run pm-admin restore "$PM_DB"
is_rc 73 "the database itself"
is_err "pm-admin: restore: '$PM_DB' is the database itself: name another file" "itself: says so"
untouched "itself"
ln -s "$PM_DB" "$T/link.db"
run pm-admin restore "$T/link.db"
is_rc 73 "a symbolic link to it"
untouched "link"
ln "$PM_DB" "$T/hard.db"
run pm-admin restore "$T/hard.db"
is_rc 73 "a hard link to it"
untouched "hard link"
rm -f "$T/hard.db"
cp "$T/good.db" "$PM_DB-journal"
run pm-admin restore "$PM_DB-journal"
is_rc 73 "its -journal"
is_err "pm-admin: restore: '$PM_DB-journal' is the database's -journal file: name another file" "-journal: says so"
rm -f "$PM_DB-journal"
untouched "journal"
# usage
run pm-admin restore
is_rc 64 "no FILE"
is "$(head -n 1 "$T/err")" "pm-admin restore: from what? give the backup FILE" "no FILE: says what is missing"
run pm-admin restore "$T/good.db" "$T/good.db"
is_rc 64 "two FILEs"
untouched "usage"
# busy: another writer holds the lock past the timeout
lock_db 10
PM_BUSY_TIMEOUT=200 run pm-admin restore "$T/good.db"
is_rc 75 "the write lock held by another writer"
is_err "pm-admin: database '$PM_DB' is busy (another writer holds it): try again" "busy: says so"
unlock_db
untouched "busy"

# --force lets the foreign key findings through
run pm-admin restore --force "$T/orphan.db"
is_rc 0 "--force restores a backup failing foreign_key_check"
is "$(sql "SELECT count(*) FROM ownership WHERE unit_id = 4242")" 1 "with its rows"
run pm-admin check
is_rc 1 "which check then reports"
rm -f "$aside"

# an older schema comes forward
for f in "$PM_TOP"/lib/schema/00[1-8]-*.sql; do cat "$f"; done | sqlite3 "$T/old8.db"
sqlite3 "$T/old8.db" "PRAGMA application_id = 1347245105; PRAGMA user_version = 8;
	INSERT INTO staff(name, dept, role, joined) VALUES ('李娜', 'service', 'clerk', '2020-01-01')"
run pm-admin restore "$T/old8.db"
is_rc 0 "a backup of schema version 8"
out_has "(schema version 9)" "is migrated to 9"
is "$(sql 'PRAGMA user_version')" 9 "the database says 9"
is "$(sql "SELECT name FROM staff")" 李娜 "with the backup's rows"
is "$(sql "SELECT change FROM audit WHERE verb = 'restore'")" \
	"restored from '$T/old8.db' (schema version 8, migrated to 9); the old database kept as '$aside'" \
	"the audit row says so"
run pm-admin check
is_rc 0 "and passes check"
rm -f "$aside"

# a database that is not there yet is created
run pm-admin --db "$T/new/estate.db" restore "$T/good.db"
is_rc 0 "restore into a new database"
is_out "$T/new/estate.db: restored from '$T/good.db' (schema version 9)" "with nothing to keep aside"
is "$(stat -c %a "$T/new/estate.db")" 600 "created private"
is "$(stat -c %a "$T/new")" 700 "in a private folder"
data "$T/new/estate.db" > "$T/now.sql"
holds "holding the backup's rows" cmp -s "$T/now.sql" "$T/good.sql"
is "$(find "$T/new" -name '*.before-restore-*' | wc -l)" 0 "and no copy aside"

# the damaged databases that messages send to pm-admin restore
cp "$T/damaged.db" "$T/bad.db"
run pm-admin --db "$T/bad.db" log
is_rc 78 "a damaged page: the log refuses the file"
run pm-admin --db "$T/bad.db" restore "$T/good.db"
is_rc 0 "restore replaces it"
run pm-admin --db "$T/bad.db" check
is_rc 0 "the database passes check"
# past the header, where the change counter and the WAL mark differ
holds "the damaged one is kept aside, page for page" \
	cmp -s -i 100 "$T/bad.db.before-restore-20261130T090000" "$T/damaged.db"
size=$(sqlite3 "$T/good.db" 'PRAGMA page_size')
head -c $((size * 3)) "$T/damaged.db" > "$T/half.db"
chmod 600 "$T/half.db"
run pm-admin --db "$T/half.db" check
is_rc 78 "a file cut short: not even check can read it"
run pm-admin --db "$T/half.db" restore "$T/good.db"
is_rc 0 "restore replaces it"
run pm-admin --db "$T/half.db" check
is_rc 0 "the database passes check"
holds "the cut file is kept aside" [ -f "$T/half.db.before-restore-20261130T090000" ]
cp "$T/good.db" "$T/v0live.db"
sqlite3 "$T/v0live.db" "PRAGMA user_version = 0"
run pm-admin --db "$T/v0live.db" restore "$T/good.db"
is_rc 0 "a damaged header (user_version 0): restore replaces it"
is "$(sqlite3 "$T/v0live.db" 'PRAGMA user_version')" 9 "with the backup's schema version"
is "$(sqlite3 "$T/v0live.db" 'PRAGMA journal_mode')" wal "in WAL mode, as pm-tools makes them"
run pm-admin --db "$T/text.db" restore "$T/good.db"
is_rc 78 "a database that is not SQLite at all is not replaced"
is_err "pm-admin: nothing restored: '$T/text.db' is not a database" "saying so"

# a killed backup's temporary file is swept by the next backup; names
# that only look like one are not
touch -d '2026-01-01' "$T/b.db.tmp-AbCdEf" "$T/b.db.tmp-AbCdEfg" "$T/c.db.tmp-AbCdEf" \
	"$PM_DB.before-restore-20261129T120000.tmp-Xy12Z3"
run pm-admin backup "$T/b.db"
is_rc 0 "a backup"
holds "sweeps the stale b.db.tmp-AbCdEf" [ ! -e "$T/b.db.tmp-AbCdEf" ]
holds "keeps b.db.tmp-AbCdEfg (not six characters)" [ -e "$T/b.db.tmp-AbCdEfg" ]
holds "keeps c.db.tmp-AbCdEf (another file's)" [ -e "$T/c.db.tmp-AbCdEf" ]
run pm-admin restore "$T/good.db"
is_rc 0 "a restore"
holds "sweeps what a killed restore left of its copy aside" \
	[ ! -e "$PM_DB.before-restore-20261129T120000.tmp-Xy12Z3" ]
is "$(find "$T" -name '*.before-restore-*.tmp-*' | wc -l)" 0 "no temporary file of its own is left"

done_testing
