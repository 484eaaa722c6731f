#!/bin/sh
# BAD-INPUTS 44: an option that writes a file (import --errors, survey
# --svg, backup --force) renames a finished temporary file over the name it was given.
# It must refuse, with 73 and before writing anything, the database
# (by name, by a hard link, by a symlink), its -wal/-shm/-journal even
# while they are absent, the roll being read, and whatever exists and
# is not a regular file (a fifo, a folder, a link to a device).
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh disable=SC1091
. "$(dirname "$0")/badinput.sh"

base_estate
printf '%s\n' "unit,name,phone" "1-1-105,孙丽,13700000000" "bad,周强,x" > "$T/bad.csv"
cp "$T/bad.csv" "$T/bad.before"
ln "$PM_DB" "$T/hard.db"
ln -s "$PM_DB" "$T/link.db"
ln -s /dev/null "$T/null"
mkfifo "$T/fifo"
mkdir "$T/folder"
cp "$PM_DB" "$T/db.copy"

refused() { # PATH MESSAGE-TAIL DESC
	run pm-owner import --errors="$1" "$T/bad.csv"
	is_rc 73 "--errors $3: refused"
	is_err "pm-owner: --errors: '$1' $2" "--errors $3: saying what it is"
}
refused "$PM_DB" "is the database itself: name another file" "the database"
refused "$T/hard.db" "is the database itself: name another file" "a hard link to it"
refused "$T/link.db" "is the database itself: name another file" "a symlink to it"
refused "$T/./pm.db" "is the database itself: name another file" "another spelling of it"
refused "$PM_DB-wal" "is the database's -wal file: name another file" "its -wal, absent"
refused "$PM_DB-shm" "is the database's -shm file: name another file" "its -shm"
refused "$PM_DB-journal" "is the database's -journal file: name another file" "its -journal"
refused "$T/bad.csv" "is the file being read: name another file" "the roll itself"
refused "$T/fifo" "exists and is not a regular file: name a new or a regular file" "a fifo"
refused "$T/folder" "exists and is not a regular file: name a new or a regular file" "a folder"
refused "$T/null" "exists and is not a regular file: name a new or a regular file" "a link to /dev/null"
unchanged "the database after every refusal"
holds "the file is the same file, byte for byte" cmp -s "$PM_DB" "$T/db.copy"
holds "the roll is untouched" cmp -s "$T/bad.csv" "$T/bad.before"
holds "no -wal file was made" test ! -e "$PM_DB-wal"
holds "the fifo is still a fifo" test -p "$T/fifo"
holds "the link still points at /dev/null" test -L "$T/null" -a -c /dev/null
holds "no temporary file is left" sh -c "! ls '$T' | grep -q tmp-"

run pm-owner import --errors="$T/errors.csv" "$T/bad.csv"
is_rc 65 "a plain new name still gets the refused rows"
is "$(tail -n 1 "$T/errors.csv" | tr -d '\r')" "3,unit: no building in the unit code (write 3-2-1501 or 3-1501); phone: not a phone number,bad,周强,x" \
	"with line and reason"
is "$(stat -c %a "$T/errors.csv")" 600 "0600: it holds what the roll held"
run pm-owner import --errors="$T/errors.csv" "$T/bad.csv"
is_rc 65 "and an existing regular file is replaced"

# survey --svg: the same rule
pm-survey new --quarter 2026Q4 > /dev/null
run pm-survey pareto --quarter 2026Q4 --svg "$PM_DB"
is_rc 73 "--svg onto the database: refused"
is_err "pm-survey: --svg: '$PM_DB' is the database itself: name another file" "saying so"
run pm-survey pareto --quarter 2026Q4 --svg "$T/link.db"
is_rc 73 "--svg onto a symlink to it: refused"
run pm-survey pareto --quarter 2026Q4 --svg "$PM_DB-wal"
is_rc 73 "--svg onto its -wal: refused"
run pm-survey pareto --quarter 2026Q4 --svg "$T/fifo"
is_rc 73 "--svg onto a fifo: refused"
holds "the database is still an estate" sh -c "sqlite3 '$PM_DB' 'PRAGMA integrity_check' | grep -qx ok"
run pm-survey pareto --quarter 2026Q4 --svg "$T/p.svg"
is_rc 0 "--svg to a new file works"
holds "and writes the chart" grep -q '<svg' "$T/p.svg"

# pm-admin backup --force: the same rule past its own check
run pm-admin backup --force "$T/fifo"
is_rc 73 "backup --force onto a fifo: refused"
is_err "pm-admin: backup: '$T/fifo' exists and is not a regular file: name a new or a regular file" "saying so"
holds "the fifo is still a fifo" test -p "$T/fifo"
run pm-admin backup --force "$PM_DB-journal"
is_rc 73 "backup onto the -journal name: refused"
holds "no file of that name was made" test ! -e "$PM_DB-journal"

done_testing
