/*
 * tmpdb.h - a fresh estate database in a temporary folder, for the unit
 * tests of the lib areas that keep their state in SQLite
 *
 *   struct tmpdb t;
 *   tmpdb_open(&t);        a new folder, t.path inside it, t.db open
 *   ...
 *   tmpdb_close(&t);       close, remove the files and the folder
 *
 * Include after <cmocka.h>; header-only, every function static.
 */
#ifndef TMPDB_H
#define TMPDB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"

struct tmpdb {
	char dir[64];
	char path[96];
	struct pm_db *db;
};

/* A path inside t's folder, in buf. */
static inline const char *
tmpdb_file(const struct tmpdb *t, const char *name, char *buf, size_t n)
{
	snprintf(buf, n, "%s/%s", t->dir, name);
	return buf;
}

static inline void
tmpdb_open(struct tmpdb *t)
{
	struct pm_err err = {0, NULL};
	const char *tmp = getenv("TMPDIR");

	snprintf(t->dir, sizeof t->dir, "%s/pm-unit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(t->dir))
		fail_msg("mkdtemp %s failed", t->dir);
	snprintf(t->path, sizeof t->path, "%s/pm.db", t->dir);
	if (pm_db_open(t->path, 0, &t->db, &err) != 0)
		fail_msg("pm_db_open: %s", pm_err_msg(&err));
}

/* Remove every file in the folder (the database, -wal, -shm, whatever a
 * test left) and the folder. */
static inline void
tmpdb_close(struct tmpdb *t)
{
	char cmd[128];

	pm_db_close(t->db);
	t->db = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
	if (system(cmd) != 0)
		print_error("could not remove %s\n", t->dir);
}

/* One integer from SQL (the first column of the first row), -1 if none. */
static inline long long
tmpdb_int(struct tmpdb *t, const char *sql)
{
	struct pm_err err = {0, NULL};
	struct pm_stmt *st;
	long long v = -1;

	if (pm_db_prepare(t->db, sql, &st, &err) != 0)
		fail_msg("%s: %s", sql, pm_err_msg(&err));
	if (pm_step(st) == PM_ROW)
		v = pm_col_int64(st, 0);
	pm_stmt_free(st);
	return v;
}

#endif
