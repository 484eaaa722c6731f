#!/bin/sh
# The engine stays behind its driver (issue 15): no SQLite or libpq name
# in lib/ or cmd/ outside the driver files, no engine header included
# elsewhere, and no lib area reaching into a connection's fields.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

cd "$PM_TOP" || exit 1
# the driver files: lib/core/db_ENGINE.c, db_ENGINE_*.c and db_ENGINE.h
outside() {
	grep -rln -E "$1" lib cmd --include='*.[ch]' |
		grep -v -E '^lib/core/db_(sqlite|pg)(_[a-z]+)?\.[ch]$' | sort
}
is "$(outside '\bsqlite3_|\bSQLITE_[A-Z]')" "" "no sqlite3_ or SQLITE_ name outside the SQLite driver"
is "$(outside '\bPQ[a-z]+\(|\bPGresult\b|\bPGconn\b')" "" "no libpq name outside the PostgreSQL driver"
is "$(outside '#include <(sqlite3|libpq-fe)\.h>')" "" "no engine header included outside the drivers"
is "$(outside '#include "(core/)?db_(sqlite|pg)\.h"')" "" "no driver header included outside the drivers"
# struct pm_db and struct pm_stmt are opaque to lib: only lib/core/db.c
# and the drivers include driver.h, where they are defined
is "$(grep -rln '#include "\(core/\)\{0,1\}driver\.h"' lib cmd --include='*.[ch]' |
	grep -v -E '^lib/core/(db|db_(sqlite|pg)(_[a-z]+)?)\.[ch]$' | sort)" "" \
	"driver.h is included by lib/core/db.c and the drivers only"
# the check itself sees a name where there is one
holds "the SQLite driver does use sqlite3_" grep -q 'sqlite3_step' lib/core/db_sqlite.c
done_testing
