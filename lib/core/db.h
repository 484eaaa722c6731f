/*
 * db.h - the estate's database: finding it, opening it, migrating it,
 * the one way to write to it, and the statements every lib area speaks
 *
 * The lib areas see two opaque types, struct pm_db (a connection) and
 * struct pm_stmt (a prepared statement), and never an engine's own API:
 * the engine is a driver behind lib/core/driver.h, chosen when the
 * database is opened (today SQLite, lib/core/db_sqlite.c; the only
 * files that include an engine's header are its driver's).
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
 * pm_db_begin() (the write lock is taken up front, so two writers
 * serialise instead of one losing its update) and ended with
 * pm_db_commit() or pm_db_rollback().  A lock not obtained within the
 * busy timeout is PM_EXIT_BUSY (75) with nothing written.
 *
 * Statements.  pm_db_prepare() gives a statement; parameters are bound
 * by number (?1, ?2: from 1) or by name (":today": pm_param_index()
 * gives its number, 0 when the statement has none); pm_step() runs it a
 * row at a time; columns are read by number from 0; pm_stmt_free() ends
 * it (NULL is fine, so one free at the end of a function does).  An
 * error is kept on the connection: pm_db_fail() turns the last one into
 * the caller's struct pm_err with the exit status it deserves.  A bind
 * that fails (out of memory) makes the next pm_step() fail, so a run of
 * binds may be checked once, at the step.  Binding a parameter number
 * the statement does not have does nothing (one bind helper serves
 * statements with and without an optional parameter).
 */
#ifndef PM_DB_H
#define PM_DB_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define PM_APPLICATION_ID 0x504D5431 /* "PMT1" */

struct pm_db;
struct pm_stmt;

enum pm_db_flags {
	PM_DB_NOMIGRATE = 1, /* open an older schema without upgrading it (pm-admin migrate --status) */
	/* open a file of ours that is damaged, its schema unreadable or
	 * its tables under a user_version of 0 or less, without migrating
	 * it: for pm-admin restore, which replaces it.  Another program's
	 * file, a newer schema and a file SQLite cannot read are still
	 * refused. */
	PM_DB_DAMAGED_OK = 2,
};

/* What pm_step() says. */
enum { PM_DONE = 0, PM_ROW = 1 };	/* and -1: an error, kept on the connection */
/* Not pm_step()'s: for a loop over rows that stops when memory runs out
 * and says so after the statement is freed. */
#define PM_STEP_OOM (-2)

/* What kind of error the connection's last failure was. */
enum pm_db_error {
	PM_DBE_NONE,
	PM_DBE_BUSY,		/* the lock was not had within the busy timeout */
	PM_DBE_FULL,		/* no space left */
	PM_DBE_IO,
	PM_DBE_READONLY,
	PM_DBE_CANTOPEN,
	PM_DBE_NOTADB,
	PM_DBE_CORRUPT,
	PM_DBE_NOMEM,
	PM_DBE_CONSTRAINT,
	PM_DBE_NOTNULL,		/* a constraint: a NOT NULL column left empty */
	PM_DBE_OVERFLOW,	/* sum() of integers refusing to wrap */
	PM_DBE_OTHER,
};

/* A column's type in the current row. */
enum pm_col_type { PM_TYPE_NULL, PM_TYPE_INT, PM_TYPE_TEXT, PM_TYPE_OTHER };

/* The database path for opt (the --db value, or NULL).  *out is
 * malloc'ed.  -1 when no path can be found (no HOME, as under cron). */
int pm_db_path(const char *opt, char **out, struct pm_err *err);

/* Open (creating and migrating) the database at path.  *out is freed
 * with pm_db_close(). */
int pm_db_open(const char *path, unsigned flags, struct pm_db **out, struct pm_err *err);
void pm_db_close(struct pm_db *db);

/* The database's name as messages give it: its path. */
const char *pm_db_name(const struct pm_db *db);
/* Is a transaction of pm_db_begin() open? */
int pm_db_in_tx(const struct pm_db *db);

/* Schema versions: the number of migrations this binary has, and the
 * database's. */
int pm_db_schema_latest(void);
int pm_db_schema_version(struct pm_db *db, int *version, struct pm_err *err);
/* Apply pending migrations; *applied says how many. */
int pm_db_migrate(struct pm_db *db, int *applied, struct pm_err *err);

int pm_db_begin(struct pm_db *db, struct pm_err *err);
int pm_db_commit(struct pm_db *db, struct pm_err *err);
void pm_db_rollback(struct pm_db *db);

/* The kind of the connection's last error (PM_DBE_NONE after success),
 * and the engine's words for it ("" when it has none). */
enum pm_db_error pm_db_error(const struct pm_db *db);
const char *pm_db_errmsg(const struct pm_db *db);

/* Turn the connection's last error into err: busy 75, full disk and I/O
 * 74, read-only 74, not a database and corruption 78, constraint 65,
 * an integer overflow in sum() 65 (the limit of core/money.h named),
 * everything else 70.  what says what was being done.  Returns -1. */
int pm_db_fail(struct pm_db *db, struct pm_err *err, const char *what);
/* The database is busy (75), said as pm_db_fail says it.  Returns -1. */
int pm_db_fail_busy(struct pm_db *db, struct pm_err *err);

/* Prepare a statement (prepared statements only: no input is ever pasted
 * into SQL).  The caller frees it with pm_stmt_free(). */
int pm_db_prepare(struct pm_db *db, const char *sql, struct pm_stmt **st, struct pm_err *err);
/* A statement prepared once per connection and kept by it, for SQL run
 * many times (the audit row, the import's statements): sql must be a
 * string that lives as long as the program (its address is the key).
 * The statement comes reset, its parameters NULL; the caller does not
 * free it. */
int pm_db_prepare_kept(struct pm_db *db, const char *sql, struct pm_stmt **st,
    struct pm_err *err);

void pm_stmt_free(struct pm_stmt *st);
/* Back to before the first step, bindings kept / bindings all NULL. */
void pm_stmt_reset(struct pm_stmt *st);
void pm_stmt_clear(struct pm_stmt *st);
/* The connection st was prepared on. */
struct pm_db *pm_stmt_db(struct pm_stmt *st);

/* PM_ROW, PM_DONE, or -1 (see pm_db_fail()). */
int pm_step(struct pm_stmt *st);

/* The number of the parameter called name (":today"), 0 when none. */
int pm_param_index(struct pm_stmt *st, const char *name);

/* Bind helpers, 0 or -1 (out of memory, kept for the step): text that
 * may be empty binds NULL with the _null variant.  Text and blobs are
 * copied, except with pm_bind_text_ref, whose text must stay as it is
 * until the statement is next reset (the import's hot path). */
int pm_bind_text(struct pm_stmt *st, int i, const char *s);
int pm_bind_text_null(struct pm_stmt *st, int i, const char *s);  /* NULL or "" -> NULL */
int pm_bind_textn(struct pm_stmt *st, int i, const char *s, size_t n);
int pm_bind_text_ref(struct pm_stmt *st, int i, const char *s, size_t n);
int pm_bind_int(struct pm_stmt *st, int i, int64_t v);
int pm_bind_null(struct pm_stmt *st, int i);
int pm_bind_blob(struct pm_stmt *st, int i, const void *p, size_t n);

/* Bind today's estate-local date ($PM_NOW aware) to the parameter
 * ":today" of st, when it has one. */
int pm_bind_today(struct pm_stmt *st, struct pm_err *err);

/* Columns of the current row, from 0. */
int pm_col_count(struct pm_stmt *st);
enum pm_col_type pm_col_type(struct pm_stmt *st, int i);
int pm_col_null(struct pm_stmt *st, int i);
int64_t pm_col_int64(struct pm_stmt *st, int i);
int pm_col_int(struct pm_stmt *st, int i);
/* A column as a string, "" for NULL; valid until the next step. */
const char *pm_col_text(struct pm_stmt *st, int i);
/* A blob column: *n bytes (the pointer may be NULL when n is 0). */
const void *pm_col_blob(struct pm_stmt *st, int i, size_t *n);

/* Rows changed by the last INSERT, UPDATE or DELETE; the id of the row
 * the last INSERT made. */
int64_t pm_db_changes(struct pm_db *db);
int64_t pm_db_last_id(struct pm_db *db);

/* Run SQL without results (schema, pragmas). */
int pm_db_exec(struct pm_db *db, const char *sql, struct pm_err *err);
/* The first column of sql's one row as an int (unchanged when no row). */
int pm_db_int(struct pm_db *db, const char *sql, int *v, struct pm_err *err);

/* Step a statement that returns no rows (or whose rows are ignored). */
int pm_db_step_done(struct pm_db *db, struct pm_stmt *st, struct pm_err *err);

/* Step st once and copy its first column, as text, into *text
 * (malloc'ed); st is freed.  0 with the copy, 1 when there is no row
 * (*text NULL), -1 on an error ("reading what") or out of memory. */
int pm_db_text(struct pm_db *db, struct pm_stmt *st, char **text, const char *what,
	       struct pm_err *err);

/* Step st once and copy its first column, a blob (an attachment's data),
 * into *data (malloc'ed, *len bytes); st is freed.  0 with the copy,
 * 1 when there is no row (*data NULL), -1 on an error or out of memory. */
int pm_db_blob(struct pm_db *db, struct pm_stmt *st, char **data, size_t *len,
	       struct pm_err *err);

/* A consistent copy of the whole database as a new file at path (which
 * exists, empty: the caller made it), written while others go on
 * writing; pm-admin backup renames it into place. */
int pm_db_copy_to(struct pm_db *db, const char *path, struct pm_err *err);

/* pm-admin restore: a backup, opened for reading as one snapshot and
 * checked (ours, a schema this program knows, sound; rows that refer to
 * missing records only with force), *version its schema version; then
 * copied over the database live: its write lock is taken first, within
 * the busy timeout, and locked(arg) runs while it is held (to keep the
 * old database aside), so that no write falls between the two. */
struct pm_db_source;
int pm_db_source_open(const char *live_path, const char *file, int force,
    struct pm_db_source **src, int *version, struct pm_err *err);
void pm_db_source_close(struct pm_db_source *src);
int pm_db_copy_from(struct pm_db *live, struct pm_db_source *src,
    int (*locked)(void *arg, struct pm_err *err), void *arg, struct pm_err *err);

#endif
