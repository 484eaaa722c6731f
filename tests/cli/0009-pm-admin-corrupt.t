#!/bin/sh
# a damaged database: bytes flipped in a page in the middle of the file.
# pm-admin check reports it (exit 1, one row per finding) and changes
# nothing; a command that reads the damaged page exits 78 and says to
# restore a backup.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
# enough audit rows to fill some pages, all in the main file
sqlite3 "$PM_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
	INSERT INTO audit(at, login, prog, verb, record, change)
	SELECT '2026-01-01T00:00:00', 'x', 'p', 'v', 'r' || i, printf('%.300c', 'y') FROM n;
	PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
run pm-admin check
is_rc 0 "the database is sound to begin with"
cp "$PM_DB" "$T/good.db"

# flip the page-type byte and the header of a leaf page of the audit
# table: SQLite refuses the page whenever it loads it.  (Flipping only the
# cell pointers was caught or not depending on what lay past the page
# buffer: under load a read of the table once went through.)
page=$(sql "SELECT pageno FROM dbstat WHERE name = 'audit' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 5")
size=$(sql 'PRAGMA page_size')
pages=$(sql 'PRAGMA page_count')
holds "page $page is past the schema" [ "$page" -gt 2 ]
holds "and before the last of $pages pages" [ "$page" -lt "$pages" ]
printf '\377\377\377\377\377\377\377\377' |
	dd of="$PM_DB" bs=1 seek=$(((page - 1) * size)) conv=notrunc 2> /dev/null
cp "$PM_DB" "$T/damaged.db"

run pm-admin check
is_rc 1 "check finds the damage: exit 1"
is "$(head -n 1 "$T/out")" "check,result" "a report with the usual header"
out_has "Page $page: btreeInitPage() returns error code 11" "naming the damaged page"
out_lacks "integrity,ok" "integrity is not ok"
out_has "foreign_keys,ok" "and the foreign keys are still checked"
holds "a finding is not an error message" [ ! -s "$T/err" ]
holds "check changed nothing" cmp -s "$PM_DB" "$T/damaged.db"
run pm-admin check -o json
is_rc 1 "json too"
out_has '{"check": "integrity", "result": "*** in database main ***\nPage '"$page"': btreeInitPage()' "one object per finding"

run pm-admin log
is_rc 78 "reading the damaged table exits 78"
is_err "pm-admin: database '$PM_DB' is damaged (database disk image is malformed): restore it from a backup; see pm-admin check" \
	"saying what to do"
holds "and changes nothing" cmp -s "$PM_DB" "$T/damaged.db"

# the good copy is still good
run pm-admin --db "$T/good.db" check
is_rc 0 "the copy taken before passes check"

# damage in the settings table, which every open reads for the zone:
# check still opens the file and reports
cp "$T/good.db" "$T/settings.db"
root=$(sqlite3 "$T/settings.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'setting'")
printf '\377\377\377\377\377\377\377\377' |
	dd of="$T/settings.db" bs=1 seek=$(((root - 1) * size + 1)) conv=notrunc 2> /dev/null
cp "$T/settings.db" "$T/settings.before"
run pm-admin --db "$T/settings.db" check
is_rc 1 "damaged settings: check still reports, exit 1"
out_has "Page $root: btreeInitPage() returns error code 11" "naming the page"
holds "and changes nothing" cmp -s "$T/settings.db" "$T/settings.before"
run pm-admin --db "$T/settings.db" staff list
is_rc 78 "other verbs refuse the file"
err_has "is damaged (database disk image is malformed): restore it from a backup" "saying what to do"

# a file cut in half cannot even be opened: 78, before anything is read
head -c $((size * (pages / 2))) "$T/good.db" > "$T/half.db"
cp "$T/half.db" "$T/half.before"
run pm-admin --db "$T/half.db" check
is_rc 78 "a file cut in half: check exits 78"
is_err "pm-admin: database '$T/half.db' is damaged (database disk image is malformed): restore it from a backup; see pm-admin check" \
	"saying it is damaged"
holds "and changes nothing" cmp -s "$T/half.db" "$T/half.before"

done_testing
