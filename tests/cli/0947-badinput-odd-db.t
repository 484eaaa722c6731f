#!/bin/sh
# BAD-INPUTS 59: odd databases and paths.  An estate file whose
# user_version says 0 or -1 (a damaged header) is refused (78) by every
# verb and by pm-admin check, instead of migrating over its own tables;
# --db "" and SQLite's names for no file (:memory:, file: URIs) are
# usage errors; a database on a read-only mount is read, and a write
# says the file system is read-only.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null || exit 1
pm-owner unit add 1-1-101 > /dev/null || exit 1
cp "$PM_DB" "$T/good.db"

for v in 0 -1; do
	cp "$T/good.db" "$T/v$v.db"
	sqlite3 "$T/v$v.db" "PRAGMA user_version = $v"
	cp "$T/v$v.db" "$T/v$v.before"
	msg="database '$T/v$v.db' has tables but schema version $v: its header is damaged; restore it from a backup (pm-admin restore)"
	run pm-owner --db "$T/v$v.db" list
	is_rc 78 "user_version $v: a verb refuses the file"
	is_err "pm-owner: $msg" "user_version $v: saying why"
	run pm-admin --db "$T/v$v.db" check
	is_rc 78 "user_version $v: check reports it too"
	is_err "pm-admin: $msg" "user_version $v: in the same words"
	holds "user_version $v: the file is untouched" cmp -s "$T/v$v.db" "$T/v$v.before"
done

run pm-owner --db "" list
is_rc 64 "--db with an empty path is a usage error"
is_err "pm-owner: --db: the path is empty" "saying so"
run pm-admin --db :memory: init
is_rc 64 "--db :memory: is a usage error"
is_err "pm-admin: --db: ':memory:' is not a file: the estate needs a database file" "saying why"
run pm-owner --db "file:$T/x.db?mode=memory" list
is_rc 64 "so is a file: URI"
run env PM_DB=:memory: pm-owner list
is_rc 64 "PM_DB=:memory: too"
is_err "pm-owner: PM_DB: ':memory:' is not a file: the estate needs a database file" "naming PM_DB"
holds "none of them made a file" test ! -e "$T/x.db" -a ! -e ":memory:"

# a read-only mount needs a mount namespace; skip where there is none
mkdir "$T/mnt"
cp "$T/good.db" "$T/mnt/pm.db"
if unshare -m sh -c "mount --bind -o ro '$T/mnt' '$T/mnt'" 2> /dev/null; then
	inro() { unshare -m sh -c "mount --bind -o ro '$T/mnt' '$T/mnt' && exec \"\$@\"" sh "$@"; }
	run inro pm-owner --db "$T/mnt/pm.db" list --no-header
	is_rc 0 "a database on a read-only mount can be listed"
	is_out "1-1-101,1,residential,,,unsold,,," "with its rows"
	run inro pm-owner --db "$T/mnt/pm.db" unit add 1-1-102
	is_rc 74 "a write there is refused"
	is_err "pm-owner: database '$T/mnt/pm.db' is on a read-only file system: it can be read, not changed" "saying why"
	run inro pm-admin --db "$T/mnt/pm.db" check
	is_rc 0 "check works there"
	holds "the file is untouched" cmp -s "$T/mnt/pm.db" "$T/good.db"
else
	i=0; while [ $i -lt 6 ]; do ok "# SKIP no mount namespace here (unshare -m)"; i=$((i + 1)); done
fi

# a mistyped --db is an error, not a new empty estate (issue 19 item 3)
run pm-ticket due --overdue --check --db "$T/estaet/estate.db"
is_rc 66 "a mistyped --db under cron"
is_err "pm-ticket: no estate database at '$T/estaet/estate.db' (create one with pm-admin init)" \
	"says there is none and how to make one"
holds "and creates neither the folder nor the file" test ! -e "$T/estaet"
run env PM_DB="$T/typo.db" pm-owner import /dev/null
is_rc 66 "an import into a missing database"
holds "creates nothing" test ! -e "$T/typo.db"
run pm-admin --db "$T/estaet/estate.db" init
is_rc 0 "pm-admin init creates it"
run pm-ticket due --overdue --check --db "$T/estaet/estate.db"
is_rc 0 "after which the check runs"

done_testing
