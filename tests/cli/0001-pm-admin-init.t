#!/bin/sh
# pm-admin init, migrate, check; finding the database; refusing foreign files
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

run pm-admin init --estate 阳光花园
is_rc 0 "init creates a database"
is_out "$PM_DB: created (schema version $(sql 'PRAGMA user_version'))" "init says where and which version"
is "$(sql 'PRAGMA application_id')" 1347245105 "application_id marks the file as ours"
is "$(sql 'PRAGMA journal_mode')" wal "the database is in WAL mode"
is "$(sql "SELECT value FROM setting WHERE key = 'estate.name'")" 阳光花园 "--estate is stored"

run pm-admin init
is_rc 0 "init again is harmless"
out_has "up to date" "and says the database is up to date"

run pm-admin check
is_rc 0 "check passes on a new database"
is_out "check,result
integrity,ok
foreign_keys,ok
file_mode,ok
settings,ok
books_balance,ok
sequence_gaps,ok
ownership_overlap,ok
ownership_shares,ok
occupancy,ok
lease_overlap,ok
cash_negative,ok
ticket_order,ok
reno_order,ok
future_records,ok" "check reports each check, then each invariant, as csv when piped"

run pm-admin migrate --status
is_rc 0 "migrate --status"
out_has "schema version" "migrate --status shows the version"

# where the database is: --db, $PM_DB, $XDG_DATA_HOME, ~/.local/share
run pm-admin --db "$T/other/x.db" init
is_rc 0 "--db before the verb, in a folder that does not exist yet"
holds "the folder and file were created" [ -f "$T/other/x.db" ]
run env -u PM_DB pm-admin init
is_rc 0 "without PM_DB the default path is used"
holds "default is ~/.local/share/pm/pm.db" [ -f "$HOME/.local/share/pm/pm.db" ]
run env -u PM_DB XDG_DATA_HOME="$T/xdg" pm-admin init
holds "XDG_DATA_HOME is honoured" [ -f "$T/xdg/pm/pm.db" ]
run env -u PM_DB -u HOME pm-admin check
is_rc 64 "no PM_DB and no HOME (cron) is a usage error"
is_err "pm-admin: no database: give --db FILE or set PM_DB (HOME is not set)" "and says what to do"

# files that are not ours are refused before anything is written
printf 'this is not a database, just text that is long enough to be read as a header......\n' > "$T/text.db"
cp "$T/text.db" "$T/text.before"
run pm-admin --db "$T/text.db" check
is_rc 78 "a text file is refused"
is_err "pm-admin: '$T/text.db' is not a database" "with a message naming it"
holds "and it is untouched" cmp -s "$T/text.db" "$T/text.before"

sqlite3 "$T/foreign.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
run pm-admin --db "$T/foreign.db" init
is_rc 78 "another application's SQLite file is refused"
err_has "not a pm-tools one" "the message says so"
is "$(sqlite3 "$T/foreign.db" 'SELECT count(*) FROM sqlite_schema')" 1 "nothing was added to it"

cp "$PM_DB" "$T/newer.db"
sqlite3 "$T/newer.db" 'PRAGMA user_version = 999'
run pm-admin --db "$T/newer.db" check
is_rc 78 "a newer schema is refused"
err_has "schema version 999, newer than this program knows" "with the versions in the message"

# usage errors
run pm-admin
is_rc 64 "no verb is a usage error"
err_has "Usage: pm-admin VERB" "and prints usage on stderr"
run pm-admin frobnicate
is_rc 64 "an unknown verb is a usage error"
is_err "pm-admin: no verb 'frobnicate' (see 'pm-admin --help')" "naming the verb"
run pm-admin check --bogus
is_rc 64 "an unknown option is a usage error"
run pm-admin check extra
is_rc 64 "an unexpected argument is a usage error"
run pm-admin --version
is_rc 0 "--version"
out_has "pm-admin (pm-tools)" "--version names the program"
run pm-admin help check
is_rc 0 "help VERB"
out_has "Usage: pm-admin check" "help VERB shows the verb's usage"
run pm-admin check --help
is_rc 0 "VERB --help"
out_has "--db=FILE" "the common options are in every verb's help"

# output that cannot be written is an error, not a short file
pm-admin check > /dev/full 2> "$T/err"
# shellcheck disable=SC2034 # is_rc reads it
rc=$?
is_rc 74 "output to a full disk exits 74"
err_has "write error" "and says so"

done_testing
