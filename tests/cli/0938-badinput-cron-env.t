#!/bin/sh
# BAD-INPUTS 38: cron's environment -- no TZ, LANG=C, no HOME, cwd / --
# computes the same deadlines and prints the same as an interactive run;
# the database comes from --db or PM_DB, never from the working folder,
# and without either and without HOME the command says so (64)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
export PM_USER=张三
PM_NOW=2026-11-29T23:30:00 pm-ticket new --unit 1-1-101 --category leak 漏水 > /dev/null
PM_NOW=2026-11-29T23:50:00 pm-ticket finish T2026-000001 --done 修好 > /dev/null
is "$(sql 'SELECT callback_due FROM ticket')" 2026-12-02T23:50:00 "a leak's callback is due in 3 days, estate time"
pm-ticket due --within 5d -o csv > "$T/desk"
pm-owner list -o csv > "$T/desk-list"

cd / || exit 1
# shellcheck disable=SC2016 # $1 is the inner shell's
env -i PATH="$PATH" PM_NOW="$PM_NOW" LANG=C sh -c 'pm-ticket --db "$1" due --within 5d -o csv' sh "$PM_DB" > "$T/cron" 2> "$T/err"
rc=$?
is_rc 0 "due runs under cron's bare environment with --db"
same_file "$T/desk" "$T/cron" "and lists exactly what the desk sees"
env -i PATH="$PATH" PM_NOW="$PM_NOW" PM_DB="$PM_DB" LANG=C TZ=Pacific/Kiritimati pm-owner list -o csv > "$T/cron-list" 2> "$T/err"
rc=$?
is_rc 0 "PM_DB is enough, whatever TZ says"
same_file "$T/desk-list" "$T/cron-list" "the same listing"
env -i PATH="$PATH" PM_NOW="$PM_NOW" PM_DB="$PM_DB" LANG=C sh -c 'pm-ticket new --by 张三 --unit 1-1-102 --category leak 又漏了' > "$T/out" 2> "$T/err"
is "$(sql "SELECT received FROM ticket WHERE no = 'T2026-000002'")" 2026-11-30T09:00:00 "a write from cron is stamped in estate time"

env -i PATH="$PATH" PM_NOW="$PM_NOW" LANG=C pm-owner list > "$T/out" 2> "$T/err"
rc=$?
is_rc 64 "no --db, no PM_DB and no HOME"
is_err "pm-owner: no database: give --db FILE or set PM_DB (HOME is not set)" "says how to name the database"
absent /pm.db "and nothing was created in the working folder"
cd "$T" || exit 1

done_testing
