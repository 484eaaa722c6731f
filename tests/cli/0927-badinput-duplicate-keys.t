#!/bin/sh
# BAD-INPUTS 27: the same unit twice in one roll with different data; a
# unit that does not exist (foreign keys are on)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,building_area,name\n1-2-101,80.00,甲\n1-2-101,90.00,乙\n' > "$T/dup.csv"
run pm-owner import "$T/dup.csv"
is_rc 65 "a unit repeated with a different area"
is_err "pm-owner: $T/dup.csv:3: unit: unit repeated with a different building area" "is a row error"
unchanged "nothing was imported"
printf 'unit,building_area,name\n1-1-101,80.00,王伟\n1-1-101,90.00,王伟\n' > "$T/dupdb.csv"
run pm-owner import "$T/dupdb.csv"
is_rc 65 "a unit in the database, repeated in the roll with different data"
is_err "pm-owner: $T/dupdb.csv:3: unit: unit repeated with a different building area" "is a row error too"
unchanged "nothing was imported"

run pm-ticket new --by 张三 --unit 9-9-999 --category leak 漏水
is_rc 65 "a ticket for a unit that does not exist"
is_err "pm-ticket: no unit '9-9-999'" "is refused"
run pm-owner movein 9-9-999
is_rc 65 "a move-in for a unit that does not exist"
is_err "pm-owner: no unit '9-9-999'" "is refused"
unchanged "nothing was written"
is "$(sql 'PRAGMA foreign_keys')" 0 "(the sqlite3 shell has foreign keys off ...)"
run sqlite3 "$PM_DB" "PRAGMA foreign_keys = ON; INSERT INTO ownership(unit_id, person_id, how) VALUES (999, 1, 'roll')"
err_has "FOREIGN KEY constraint failed" "... the schema refuses a dangling reference whenever they are on, as every pm binary turns them"
unchanged "nothing was written"

done_testing
