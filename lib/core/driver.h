/*
 * driver.h - what an engine provides behind db.h (lib/core only)
 *
 * As SQLite's VFS hides the operating system from its core, a driver
 * hides the engine from lib: struct pm_driver is a table of operations,
 * one file per engine implements it (db_sqlite.c), and db.c, which
 * every lib area calls, does the engine-neutral part (finding the
 * database, migrations in order, the time zone, the helpers) and calls
 * through the table for the rest.
 *
 * A driver's connection begins with a struct pm_db and its statement
 * with a struct pm_stmt (the driver allocates the larger structure and
 * casts); it records every failure with pm_db_set_error() and clears it
 * with pm_db_clear_error() on success, so that pm_db_fail() can say what
 * the last error was without the caller carrying an engine's code.
 */
#ifndef PM_DRIVER_H
#define PM_DRIVER_H

#include "db.h"
#include "schema.h"

struct pm_kept;

struct pm_db {
	const struct pm_driver *drv;
	char *path;		/* as given: for messages */
	int in_tx;
	int readonly_fs;	/* on a read-only mount: opened for reading only */
	int timeout;		/* busy timeout, ms */
	enum pm_db_error error;	/* the last failure */
	char *errmsg;		/* the engine's words for it, or NULL */
	struct pm_kept *kept;	/* pm_db_prepare_kept()'s statements */
};

struct pm_stmt {
	struct pm_db *db;
	int bind_failed;	/* a bind ran out of memory: the step fails */
};

/* A backup being read for pm-admin restore (the driver's is larger). */
struct pm_db_source {
	const struct pm_driver *drv;
};

struct pm_driver {
	const char *name;
	/* the engine's own migrations, numbered as lib/schema/'s */
	const struct pm_migration *migrations;
	const int *migration_count;

	/* the size of the driver's connection structure, which begins
	 * with a struct pm_db: db.c calloc's it, sets path and timeout,
	 * and open does the rest */
	size_t db_size;
	int (*open)(struct pm_db *db, unsigned flags, struct pm_err *err);
	void (*close)(struct pm_db *db);
	int (*schema_version)(struct pm_db *db, int *version, struct pm_err *err);
	/* run migration sql and mark the schema at version, inside the
	 * transaction the caller began */
	int (*migrate)(struct pm_db *db, const char *sql, int version, struct pm_err *err);
	int (*begin)(struct pm_db *db);
	int (*commit)(struct pm_db *db);
	void (*rollback)(struct pm_db *db);
	int (*exec)(struct pm_db *db, const char *sql);

	int (*prepare)(struct pm_db *db, const char *sql, struct pm_stmt **st);
	void (*free)(struct pm_stmt *st);
	void (*reset)(struct pm_stmt *st);
	void (*clear)(struct pm_stmt *st);
	int (*step)(struct pm_stmt *st);
	int (*param_index)(struct pm_stmt *st, const char *name);
	/* ref: s stays valid until the next reset (no copy) */
	int (*bind_text)(struct pm_stmt *st, int i, const char *s, size_t n, int ref);
	int (*bind_int)(struct pm_stmt *st, int i, int64_t v);
	int (*bind_null)(struct pm_stmt *st, int i);
	int (*bind_blob)(struct pm_stmt *st, int i, const void *p, size_t n);
	int (*col_count)(struct pm_stmt *st);
	enum pm_col_type (*col_type)(struct pm_stmt *st, int i);
	int64_t (*col_int)(struct pm_stmt *st, int i);
	const char *(*col_text)(struct pm_stmt *st, int i);	/* NULL for NULL */
	const void *(*col_blob)(struct pm_stmt *st, int i, size_t *n);
	int64_t (*changes)(struct pm_db *db);
	int64_t (*last_id)(struct pm_db *db);

	/* pm-admin backup and restore */
	int (*copy_to)(struct pm_db *db, const char *path, struct pm_err *err);
	int (*source_open)(const char *file, int force, struct pm_db_source **src, int *version,
	    struct pm_err *err);
	void (*source_close)(struct pm_db_source *src);
	int (*copy_from)(struct pm_db *live, struct pm_db_source *src,
	    int (*locked)(void *arg, struct pm_err *err), void *arg, struct pm_err *err);
};

extern const struct pm_driver pm_driver_sqlite;

/* Record the connection's last failure (msg copied; NULL for none). */
void pm_db_set_error(struct pm_db *db, enum pm_db_error e, const char *msg);
void pm_db_clear_error(struct pm_db *db);

#endif
