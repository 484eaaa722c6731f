/*
 * db.h - the estate's database: finding it, opening it, migrating it,
 * and the one way to write to it
 *
 * One estate is one SQLite file.  Opening it:
 *   - path: --db, else $PM_DB, else $XDG_DATA_HOME/pm/pm.db, else
 *     ~/.local/share/pm/pm.db; the folder is created when missing (0700);
 *     an empty --db, ":memory:" and "file:" URIs are usage errors;
 *   - created 0600 (0660 in a setgid folder: a desk group), whatever the
 *     umask; -wal and -shm take the database's mode;
 *   - on a read-only mount, opened read-only: reads work, writes say so;
 *   - refused (78) when the file is not SQLite, carries another
 *     application_id, has a schema newer than this binary or tables
 *     under a user_version of 0 or less (a damaged header), or sits on a
 *     network file system (WAL needs one host);
 *   - created and migrated on first use: the SQL files of lib/schema/ are
 *     built into the binary and applied in order, each in its own
 *     transaction, PRAGMA user_version counting how many have been;
 *   - WAL, synchronous=FULL (a committed payment survives a power cut),
 *     foreign keys on, busy timeout ($PM_BUSY_TIMEOUT ms, default 5000);
 *   - the estate's time zone (setting "timezone") becomes the process's.
 *
 * Every command that writes does so in one transaction begun with
 * pm_db_begin() (BEGIN IMMEDIATE: the write lock is taken up front, so
 * two writers serialise instead of one losing its update) and ended with
 * pm_db_commit() or pm_db_rollback().  A lock not obtained within the
 * busy timeout is PM_EXIT_BUSY (75) with nothing written.
 */
#ifndef PM_DB_H
#define PM_DB_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define PM_APPLICATION_ID 0x504D5431 /* "PMT1" */

struct pm_db {
	sqlite3 *h;
	char *path;
	int in_tx;
	int readonly_fs; /* on a read-only mount: opened for reading only */
	sqlite3_stmt *audit; /* pm_audit()'s INSERT, prepared on first use */
};

enum pm_db_flags {
	PM_DB_NOMIGRATE = 1, /* open an older schema without upgrading it (pm-admin migrate --status) */
	/* open a file of ours that is damaged, its schema unreadable or
	 * its tables under a user_version of 0 or less, without migrating
	 * it: for pm-admin restore, which replaces it.  Another program's
	 * file, a newer schema and a file SQLite cannot read are still
	 * refused. */
	PM_DB_DAMAGED_OK = 2,
};

/* The database path for opt (the --db value, or NULL).  *out is
 * malloc'ed.  -1 when no path can be found (no HOME, as under cron). */
int pm_db_path(const char *opt, char **out, struct pm_err *err);

/* Open (creating and migrating) the database at path.  *out is freed
 * with pm_db_close(). */
int pm_db_open(const char *path, unsigned flags, struct pm_db **out, struct pm_err *err);
void pm_db_close(struct pm_db *db);

/* Schema versions: the number of migrations this binary has, and the
 * database's. */
int pm_db_schema_latest(void);
int pm_db_schema_version(struct pm_db *db, int *version, struct pm_err *err);
/* Apply pending migrations; *applied says how many. */
int pm_db_migrate(struct pm_db *db, int *applied, struct pm_err *err);

int pm_db_begin(struct pm_db *db, struct pm_err *err);
int pm_db_commit(struct pm_db *db, struct pm_err *err);
void pm_db_rollback(struct pm_db *db);

/* rc (from a step) is SQLite's sum() refusing an integer overflow. */
int pm_db_is_overflow(struct pm_db *db, int rc);

/* Turn a failed SQLite call into err: busy/locked 75, full disk and I/O
 * 74, read-only 74, not a database and corruption 78, constraint 65,
 * an integer overflow in sum() 65 (the limit of core/money.h named),
 * everything else 70.  what says what was being done.  Returns -1. */
int pm_db_fail(struct pm_db *db, int rc, struct pm_err *err, const char *what);

/* Prepare a statement (prepared statements only: no input is ever pasted
 * into SQL).  The caller finalizes it. */
int pm_db_prepare(struct pm_db *db, const char *sql, sqlite3_stmt **st, struct pm_err *err);

/* Run SQL without results (schema, pragmas). */
int pm_db_exec(struct pm_db *db, const char *sql, struct pm_err *err);
/* The first column of sql's one row as an int (unchanged when no row). */
int pm_db_int(struct pm_db *db, const char *sql, int *v, struct pm_err *err);

/* Bind helpers: text that may be empty binds NULL with _null variants. */
int pm_bind_text(sqlite3_stmt *st, int i, const char *s);
int pm_bind_text_null(sqlite3_stmt *st, int i, const char *s);  /* NULL or "" -> NULL */
int pm_bind_int(sqlite3_stmt *st, int i, int64_t v);

/* Bind today's estate-local date ($PM_NOW aware) to the parameter
 * ":today" of st, when it has one. */
int pm_bind_today(sqlite3_stmt *st, struct pm_err *err);

/* Step a statement that returns no rows (or whose rows are ignored). */
int pm_db_step_done(struct pm_db *db, sqlite3_stmt *st, struct pm_err *err);

/* A column as a string, "" for NULL. */
const char *pm_col_text(sqlite3_stmt *st, int i);

/* Step st once and copy its first column, as text, into *text
 * (malloc'ed); st is finalized.  0 with the copy, 1 when there is no row
 * (*text NULL), -1 on an error ("reading what") or out of memory. */
int pm_db_text(struct pm_db *db, sqlite3_stmt *st, char **text, const char *what,
	       struct pm_err *err);

/* Step st once and copy its first column, a blob (an attachment's data),
 * into *data (malloc'ed, *len bytes); st is finalized.  0 with the copy,
 * 1 when there is no row (*data NULL), -1 on an error or out of memory. */
int pm_db_blob(struct pm_db *db, sqlite3_stmt *st, char **data, size_t *len,
	       struct pm_err *err);

#endif
