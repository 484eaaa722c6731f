#!/bin/sh
# a second writer holds the lock (the front desk mid-transaction): every
# pm-admin write waits PM_BUSY_TIMEOUT, then exits 75 with nothing
# written; reads go on; once the lock is free the same command works
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
pm-admin staff add 张伟 --dept service --role butler

# hold the write lock from the sqlite3 shell until $T/release appears
hold_lock() {
	rm -f "$T/locked" "$T/release"
	sqlite3 "$PM_DB" 'BEGIN IMMEDIATE;' \
		".shell touch '$T/locked'; while [ ! -f '$T/release' ]; do sleep 0.05; done" \
		'COMMIT;' > /dev/null &
	holder=$!
	n=0
	while [ ! -f "$T/locked" ] && [ $n -lt 200 ]; do
		sleep 0.05
		n=$((n + 1))
	done
	holds "the sqlite3 shell holds the write lock" [ -f "$T/locked" ]
}

release_lock() {
	touch "$T/release"
	wait "$holder"
}

BUSY="pm-admin: database '$PM_DB' is busy (another writer holds it): try again"

# busy DESC CMD...: with the lock held, CMD exits 75, says busy,
# and writes nothing
busy() {
	_desc=$1
	shift
	dump > "$T/before.sql"
	run env PM_BUSY_TIMEOUT=200 "$@"
	is_rc 75 "$_desc: exit 75"
	is_err "$BUSY" "$_desc: says busy, try again"
	dump > "$T/after.sql"
	holds "$_desc: nothing written" cmp -s "$T/before.sql" "$T/after.sql"
}

hold_lock
busy "staff add" pm-admin staff add 李娜 --dept service --role clerk
busy "staff set" pm-admin staff set 张伟 --role manager
busy "staff leave" pm-admin staff leave 张伟
busy "settings set" pm-admin settings set callback.leak_days 5
busy "init --estate" pm-admin init --estate 阳光花园

# reads are not held up by a writer (WAL)
run env PM_BUSY_TIMEOUT=200 pm-admin staff list --no-header
is_rc 0 "staff list reads while the lock is held"
is_out "张伟,service,butler,,,2026-11-30," "and sees the committed rows"
run env PM_BUSY_TIMEOUT=200 pm-admin check
is_rc 0 "check reads while the lock is held"
run env PM_BUSY_TIMEOUT=200 pm-admin settings get callback.leak_days
is_out 3 "settings get reads"
run env PM_BUSY_TIMEOUT=200 pm-admin backup "$T/during.db"
is_rc 0 "a backup is taken while the lock is held"
release_lock

# try again: now it works
run env PM_BUSY_TIMEOUT=200 pm-admin staff add 李娜 --dept service --role clerk
is_rc 0 "once the lock is free the same write works"
is "$(sql "SELECT count(*) FROM staff")" 2 "and is written"

# a writer that waits long enough gets the lock when it is released
hold_lock
dump > "$T/before.sql"
(
	PM_BUSY_TIMEOUT=20000 pm-admin settings set callback.leak_days 5 2> "$T/waiter.err"
	echo $? > "$T/waiter.rc"
) &
waiter=$!
sleep 0.3
is "$(cat "$T/waiter.rc" 2>/dev/null)" "" "a writer with a long timeout is still waiting"
dump > "$T/after.sql"
holds "and has written nothing yet" cmp -s "$T/before.sql" "$T/after.sql"
release_lock
wait "$waiter"
is "$(cat "$T/waiter.rc")" 0 "it goes on when the lock is released"
is "$(sql "SELECT value FROM setting WHERE key = 'callback.leak_days'")" 5 "and writes"

# the timeout itself is checked
run env PM_BUSY_TIMEOUT=soon pm-admin staff list
is_rc 64 "a PM_BUSY_TIMEOUT that is no number is a usage error"
is_err "pm-admin: PM_BUSY_TIMEOUT: 'soon' is not a number of milliseconds" "naming it"
run env PM_BUSY_TIMEOUT=-1 pm-admin staff list
is_rc 64 "so is a negative one"

done_testing
