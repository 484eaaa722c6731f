# locker.sh - hold the estate database's write lock from another process
#
# Sourced after lib.sh.  lock_db SECONDS takes the write lock (BEGIN
# IMMEDIATE, as the front desk mid-transaction would) in a background
# python3 process, waits until it holds it, and returns; $locker is its
# pid.  unlock_db ends it (its transaction rolls back).
lock_db() {
	rm -f "$T/locked"
	python3 - "$PM_DB" "$T/locked" "$1" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE setting SET value = value WHERE 0")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
db.execute("ROLLBACK")
PY
	locker=$!
	_i=0
	while [ ! -f "$T/locked" ] && [ $_i -lt 200 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
}

unlock_db() {
	kill "$locker" 2> /dev/null
	wait "$locker" 2> /dev/null
}
