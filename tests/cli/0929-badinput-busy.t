#!/bin/sh
# BAD-INPUTS 29: another writer holds the lock (the front desk
# mid-transaction) while cron writes: each writer waits PM_BUSY_TIMEOUT
# ms, then exits 75 "database busy" with nothing written.  Readers go on.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"
. "$(dirname "$0")/locker.sh"

base_estate
printf 'unit,name\n1-2-101,陈静\n' > "$T/roll.csv"
lock_db 30
is "$(test -f "$T/locked" && echo held)" held "another process holds the write lock"

export PM_BUSY_TIMEOUT=300
start=$(date +%s%N)
run pm-owner import "$T/roll.csv"
end=$(date +%s%N)
is_rc 75 "an import exits 75"
is_err "pm-owner: database '$PM_DB' is busy (another writer holds it): try again" "saying so"
ms=$(( (end - start) / 1000000 ))
if [ "$ms" -ge 250 ]; then ok "after waiting the busy timeout (${ms} ms)"; else not_ok "after waiting the busy timeout" "$ms ms"; fi
run pm-ticket new --by 张三 --unit 1-1-101 --category leak 漏水
is_rc 75 "a new ticket exits 75"
run pm-admin staff add 李四 --dept service --role clerk
is_rc 75 "a staff change exits 75"
run pm-owner list -o csv
is_rc 0 "a reader is not blocked (WAL)"
unlock_db
unchanged "nothing was written by the refused writers"
run pm-owner import "$T/roll.csv"
is_rc 0 "once the lock is gone the import goes through"

done_testing
