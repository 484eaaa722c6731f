#!/bin/sh
# pm-admin backup: a consistent copy, never over an existing file by
# accident, never over the database itself, and safe while others write
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init --estate 阳光花园 > /dev/null
pm-admin staff add 张伟 --dept service --role butler --phone 13800138000

run pm-admin backup "$T/b1.db"
is_rc 0 "back up to a new file"
is_out_file /dev/null "quietly"
holds "the backup is there" [ -f "$T/b1.db" ]
holds "as one self-contained file: no -wal beside it" [ ! -e "$T/b1.db-wal" ]
is "$(sqlite3 "$T/b1.db" 'PRAGMA journal_mode')" delete "in rollback-journal mode"
run pm-admin --db "$T/b1.db" check
is_rc 0 "the backup passes check"
is "$(sqlite3 "$T/b1.db" .dump)" "$(dump)" "and holds what the database holds"
is "$(sql 'PRAGMA journal_mode')" wal "the database itself is still in WAL mode"
is "$(find "$T" -name 'b1.db.tmp-*' | wc -l)" 0 "no temporary file is left"

# an existing file is kept unless --force
printf 'precious\n' > "$T/old.db"
run pm-admin backup "$T/old.db"
is_rc 73 "an existing file is refused"
is_err "pm-admin: '$T/old.db' exists: choose another name or give --force" "saying how to go on"
is "$(cat "$T/old.db")" precious "and left as it was"
run pm-admin backup --force "$T/old.db"
is_rc 0 "--force replaces it"
run pm-admin --db "$T/old.db" check
is_rc 0 "with a good backup"

# a path that cannot be created
run pm-admin backup "$T/no/such/folder/b.db"
is_rc 73 "a folder that does not exist"
is_err "pm-admin: cannot create '$T/no/such/folder/b.db': No such file or directory" "says so"
mkdir "$T/dir.db"
run pm-admin backup --force "$T/dir.db"
is_rc 73 "a folder in the way"
err_has "'$T/dir.db' exists and is not a regular file" "says so"
is "$(find "$T" -name '*.tmp-*' | wc -l)" 0 "and no temporary file is left"

# never onto the database itself, even with --force, even through a link
cp "$PM_DB" "$T/before.db" 2>/dev/null
dump > "$T/before.sql"
run pm-admin backup --force "$PM_DB"
is_rc 73 "the database itself is refused"
is_err "pm-admin: '$PM_DB' is the database itself: back it up to another file" "saying why"
ln -s "$PM_DB" "$T/link.db"
run pm-admin backup --force "$T/link.db"
is_rc 73 "so is a link to it"
is "$(sql 'PRAGMA journal_mode')" wal "the database is still in WAL mode"
dump > "$T/after.sql"
holds "and holds what it held" cmp -s "$T/before.sql" "$T/after.sql"

# usage
run pm-admin backup
is_rc 64 "no FILE is a usage error"
is "$(head -n 1 "$T/err")" "pm-admin backup: where to? give the backup FILE" "saying what is missing"
run pm-admin backup "$T/x.db" "$T/y.db"
is_rc 64 "two files are a usage error"

# a backup taken while another process writes in a loop is consistent:
# each staff add writes its row and its audit entry in one transaction
(
	i=0
	while [ ! -f "$T/stop" ]; do
		i=$((i + 1))
		pm-admin staff add "员工$i" --dept service --role clerk 2>> "$T/writer.err" ||
			echo "write $i failed" >> "$T/writer.err"
	done
	echo "$i" > "$T/writes"
) &
writer=$!
# wait for the writer to have written something
n=0
while [ "$(sql "SELECT count(*) FROM staff")" -lt 3 ] && [ $n -lt 300 ]; do
	sleep 0.1
	n=$((n + 1))
done
k=1
while [ $k -le 5 ]; do
	run pm-admin backup "$T/live$k.db"
	is_rc 0 "backup $k while another process writes"
	run pm-admin --db "$T/live$k.db" check
	is_rc 0 "backup $k passes check"
	is "$(sqlite3 "$T/live$k.db" "SELECT (SELECT count(*) FROM staff) = (SELECT count(*) FROM audit WHERE verb = 'staff add')")" 1 \
		"backup $k holds whole transactions only"
	k=$((k + 1))
done
touch "$T/stop"
wait "$writer"
holds "the writer was never refused (writes: $(cat "$T/writes" 2>/dev/null))" [ ! -s "$T/writer.err" ]
is "$(sqlite3 "$T/live5.db" "SELECT count(*) >= 3 FROM staff")" 1 "the last backup has the writer's rows"
run pm-admin check
is_rc 0 "and the database itself passes check"

done_testing
