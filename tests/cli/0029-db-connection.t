#!/bin/sh
# --db and PM_DB naming a PostgreSQL server (issue 15 item 5): this build
# has only the SQLite driver, so a connection is refused, plainly and
# before anything is made on disk; one carrying a password is refused
# for that first (it would show in ps and the environment).
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

cd "$T" || exit 1
for c in 'postgresql://desk@db1/estate' 'postgres://db1/estate' 'service=sunshine' \
	'host=db1 dbname=estate' 'dbname = estate'; do
	run pm-admin --db "$c" init
	is_rc 78 "init --db '$c': refused as a connection"
	is_err "pm-admin: --db: '$c' is a PostgreSQL connection, and this pm-tools has only the SQLite driver: give the path of an estate file" \
		"init --db '$c': says what it is"
done
holds "nothing was made on disk" [ -z "$(find "$T" -name 'postgres*' -o -name 'service*' -o -name 'host*' -o -name 'dbname*')" ]

PM_DB='service=sunshine' run pm-ticket list
is_rc 78 "PM_DB=service=...: refused"
is_err "pm-ticket: PM_DB: 'service=sunshine' is a PostgreSQL connection, and this pm-tools has only the SQLite driver: give the path of an estate file" \
	"naming PM_DB"

for c in 'postgresql://desk:s3cret@db1/estate' 'postgresql://db1/estate?password=s3cret' \
	'host=db1 password=s3cret' 'password = s3cret'; do
	run pm-owner --db "$c" list
	is_rc 64 "'$c': refused for its password"
	is_err "pm-owner: --db: a password in the connection shows in ps and the environment: put it in ~/.pgpass or a service file instead" \
		"'$c': says where a password goes"
	err_lacks s3cret "'$c': the password is not repeated"
done

# a file whose name merely has an = in it is a file
run pm-admin --db 'notes=1.db' init
is_rc 0 "a file called notes=1.db is a file"
holds "and it is made" [ -f "$T/notes=1.db" ]
done_testing
