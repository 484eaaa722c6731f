/*
 * db_sqlite.h - the SQLite driver's own: for its two files and for the
 * tests that look at the file underneath (nothing else in lib includes
 * sqlite3.h)
 */
#ifndef PM_DB_SQLITE_H
#define PM_DB_SQLITE_H

#include <sqlite3.h>

#include "driver.h"

struct sq_db {
	struct pm_db base;
	sqlite3 *h;
};

#define SQ(db) (((struct sq_db *)(db))->h)

/* The connection's SQLite handle, NULL when db is not SQLite's. */
sqlite3 *pm_sqlite_handle(struct pm_db *db);

/* SQLite's result code rc, on handle h (or NULL), as a kind of error. */
enum pm_db_error pm_sqlite_error(sqlite3 *h, int rc);
/* 0 when rc is success; else the error recorded on db and -1. */
int pm_sqlite_rc(struct pm_db *db, int rc);

/* db_sqlite_copy.c: the backup and restore operations of the driver. */
int pm_sqlite_copy_to(struct pm_db *db, const char *path, struct pm_err *err);
int pm_sqlite_source_open(const char *file, int force, struct pm_db_source **src, int *version,
    struct pm_err *err);
void pm_sqlite_source_close(struct pm_db_source *src);
int pm_sqlite_copy_from(struct pm_db *live, struct pm_db_source *src,
    int (*locked)(void *arg, struct pm_err *err), void *arg, struct pm_err *err);

#endif
