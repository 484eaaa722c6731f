#!/bin/sh
# BAD-INPUTS 36: a database copied without its -wal loses what the -wal
# held; documented answer: back up with pm-admin backup (the backup API),
# which makes one self-contained file while others keep working
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
# someone keeps the database open, so the -wal is not folded back
python3 - "$PM_DB" "$T/open" <<'PY' &
import sqlite3, sys, time, os
db = sqlite3.connect(sys.argv[1])
db.execute("SELECT count(*) FROM unit").fetchall()
open(sys.argv[2], "w").close()
while os.path.exists(sys.argv[2]):
    time.sleep(0.05)
PY
holder=$!
while [ ! -f "$T/open" ]; do sleep 0.05; done
pm-ticket new --by 张三 --unit 1-1-101 --category leak 漏水 > /dev/null
exists "$PM_DB-wal" "the new ticket is still in the -wal"
cp "$PM_DB" "$T/copied.db"
is "$(sqlite3 "$T/copied.db" 'SELECT count(*) FROM ticket')" 0 "a plain copy of the file alone has lost the ticket"
run pm-admin backup "$T/backup.db"
is_rc 0 "pm-admin backup while the database is in use"
absent "$T/backup.db-wal" "the backup has no -wal beside it"
is "$(sqlite3 "$T/backup.db" 'PRAGMA journal_mode')" delete "it is a self-contained file (rollback journal)"
is "$(sqlite3 "$T/backup.db" 'SELECT count(*) FROM ticket')" 1 "and holds the ticket"
PM_DB=$T/backup.db run pm-admin check -o csv
is_rc 0 "the backup passes pm-admin check"
rm -f "$T/open"
wait "$holder"

done_testing
