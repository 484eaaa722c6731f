/*
 * db_sqlite_copy.c - backup and restore of an SQLite estate, through
 * SQLite's online-backup API: the whole file from one read snapshot
 * while desks go on writing, and back over the live file under its
 * write lock
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db_sqlite.h"
#include "i18n.h"

struct sq_source {
	struct pm_db_source base;
	sqlite3 *h;
	const char *file;
	int page_size;
};

static int
writable_schema(sqlite3 *h)
{
	sqlite3_stmt *st;
	int on = 0;

	if (sqlite3_prepare_v2(h, "PRAGMA writable_schema", -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		on = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return on;
}

int
pm_sqlite_copy_to(struct pm_db *db, const char *path, struct pm_err *err)
{
	struct sq_db to = {.base = {.drv = &pm_driver_sqlite, .path = (char *)path}};
	sqlite3_backup *bk;
	int rc, ret = -1;

	rc = sqlite3_open_v2(path, &to.h, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		pm_sqlite_rc(&to.base, rc);
		pm_db_fail(&to.base, err, _("backup"));
		goto out;
	}
	bk = sqlite3_backup_init(to.h, "main", SQ(db), "main");
	if (!bk) {
		pm_sqlite_rc(&to.base, sqlite3_errcode(to.h));
		pm_db_fail(&to.base, err, _("backup"));
		goto out;
	}
	/* one step: the whole file from one read snapshot; writers go on */
	do
		rc = sqlite3_backup_step(bk, -1);
	while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE) {
		pm_sqlite_rc(&to.base, rc);
		pm_db_fail(&to.base, err, _("backup"));
		goto out;
	}
	/* a damaged database kept aside before a restore (opened with
	 * PM_DB_DAMAGED_OK) is copied as it is: the pragma below must not
	 * stop at its schema */
	rc = SQLITE_OK;
	if (writable_schema(SQ(db)))
		rc = sqlite3_exec(to.h, "PRAGMA writable_schema = ON", NULL, NULL, NULL);
	/* leave a single self-contained file: no -wal beside it */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(to.h, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	/* closed whatever the pragma said: the handle must not leak */
	if (sqlite3_close(to.h) != SQLITE_OK && rc == SQLITE_OK)
		rc = SQLITE_ERROR;
	to.h = NULL;
	if (rc != SQLITE_OK) {
		pm_err_set(err, PM_EXIT_IO, _("backup to '%s' failed while closing"), path);
		goto out;
	}
	ret = 0;
out:
	if (to.h)
		sqlite3_close(to.h);
	free(to.base.errmsg);
	return ret;
}

/* A failed call on the backup file, as an error naming it. */
static int
src_fail(sqlite3 *h, int rc, const char *file, struct pm_err *err)
{
	const char *msg = h ? sqlite3_errmsg(h) : sqlite3_errstr(rc);

	switch (rc & 0xFF) {
	case SQLITE_NOTADB:
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("cannot restore from '%s': it is not a database"), file);
	case SQLITE_CORRUPT:
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("cannot restore from '%s': it is damaged (%s); try an older backup"), file, msg);
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return pm_err_set(err, PM_EXIT_NOINPUT, _("cannot open '%s': %s"), file, msg);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return pm_err_set(err, PM_EXIT_BUSY,
		    _("'%s' is busy (another program is writing it): try again"), file);
	case SQLITE_NOMEM:
		return pm_err_oom(err);
	case SQLITE_IOERR:
		return pm_err_set(err, PM_EXIT_IO, _("cannot read '%s': %s"), file, msg);
	default:
		return pm_err_set(err, PM_EXIT_SOFTWARE, _("reading '%s': %s"), file, msg);
	}
}

/* The first column of the first row of sql on the backup. */
static int
src_int(sqlite3 *h, const char *sql, int *v, const char *file, struct pm_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return src_fail(h, rc, file, err);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int(st, 0);
	else if (rc != SQLITE_DONE) {
		src_fail(h, rc, file, err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* *found: the rows of a checking pragma other than a lone "ok". */
static int
src_findings(sqlite3 *h, const char *sql, long *found, const char *file, struct pm_err *err)
{
	sqlite3_stmt *st;
	const unsigned char *s;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);

	*found = 0;
	if (rc != SQLITE_OK)
		return src_fail(h, rc, file, err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s = sqlite3_column_text(st, 0);
		if (sqlite3_column_count(st) != 1 || !s || strcmp((const char *)s, "ok"))
			(*found)++;
	}
	if (rc != SQLITE_DONE) {
		src_fail(h, rc, file, err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Is the backup one of ours, of a schema we know, and sound? */
static int
check_source(sqlite3 *h, const char *file, int force, int *version, struct pm_err *err)
{
	int appid = 0, tables = 0;
	long bad;

	if (src_int(h, "PRAGMA application_id", &appid, file, err) < 0 ||
	    src_int(h, "PRAGMA user_version", version, file, err) < 0 ||
	    src_int(h, "SELECT count(*) FROM sqlite_schema", &tables, file, err) < 0)
		return -1;
	if (appid == 0 && *version == 0 && tables == 0)
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("cannot restore from '%s': it is an empty database"), file);
	if ((uint32_t)appid != PM_APPLICATION_ID)
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("cannot restore from '%s': it is an SQLite database, but not a pm-tools one"), file);
	if (*version <= 0)
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("cannot restore from '%s': it has schema version %d: its header is damaged; "
		      "try an older backup"), file, *version);
	if (*version > pm_db_schema_latest())
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("cannot restore from '%s': it has schema version %d, newer than this program "
		      "knows (%d): upgrade pm-tools"), file, *version, pm_db_schema_latest());
	if (src_findings(h, "PRAGMA integrity_check", &bad, file, err) < 0)
		return -1;
	if (bad)
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("cannot restore from '%s': it fails SQLite's integrity check (findings: %ld; "
		      "see pm-admin --db '%s' check); try an older backup"), file, bad, file);
	if (src_findings(h, "PRAGMA foreign_key_check", &bad, file, err) < 0)
		return -1;
	if (bad && !force)
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("cannot restore from '%s': rows that refer to missing records: %ld (see "
		      "pm-admin --db '%s' check); give --force to restore it all the same"),
		    file, bad, file);
	return 0;
}

int
pm_sqlite_source_open(const char *file, int force, struct pm_db_source **out, int *version,
    struct pm_err *err)
{
	struct sq_source *src = calloc(1, sizeof *src);
	int rc;

	if (!src)
		return pm_err_oom(err);
	src->base.drv = &pm_driver_sqlite;
	src->file = file;
	/* one read snapshot of it: what is checked is what is copied */
	rc = sqlite3_open_v2(file, &src->h, SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK) {
		src_fail(src->h, rc, file, err);
		goto fail;
	}
	sqlite3_busy_timeout(src->h, 5000);
	if ((rc = sqlite3_exec(src->h, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK) {
		src_fail(src->h, rc, file, err);
		goto fail;
	}
	if (check_source(src->h, file, force, version, err) < 0 ||
	    src_int(src->h, "PRAGMA page_size", &src->page_size, file, err) < 0)
		goto fail;
	*out = &src->base;
	return 0;
fail:
	pm_sqlite_source_close(&src->base);
	return -1;
}

void
pm_sqlite_source_close(struct pm_db_source *base)
{
	struct sq_source *src = (struct sq_source *)base;

	if (!src)
		return;
	if (src->h)
		sqlite3_close(src->h);
	free(src);
}

/* Make the database a WAL one, as pm-tools makes them: a file put in
 * place by hand may be in rollback-journal mode, where the restore's
 * lock would keep even the copy aside from reading it. */
static int
live_wal(struct pm_db *db, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc, wal;

	if (pm_db_prepare(db, "PRAGMA journal_mode = WAL", &st, err) < 0)
		return -1;
	rc = pm_step(st);
	wal = rc == PM_ROW && !strcmp(pm_col_text(st, 0), "wal");
	if (rc != PM_ROW) {
		pm_db_fail(db, err, _("restore"));
		pm_stmt_free(st);
		return -1;
	}
	pm_stmt_free(st);
	/* another program has it open in rollback-journal mode */
	return wal ? 0 : pm_db_fail_busy(db, err);
}

int
pm_sqlite_copy_from(struct pm_db *live, struct pm_db_source *base,
    int (*locked)(void *arg, struct pm_err *err), void *arg, struct pm_err *err)
{
	struct sq_source *src = (struct sq_source *)base;
	sqlite3_backup *bk;
	int rc, tries, size_live = 0;

	if (live_wal(live, err) < 0 || pm_db_int(live, "PRAGMA page_size", &size_live, err) < 0)
		return -1;
	/* SQLite copies into a WAL database only page for page */
	if (src->page_size != size_live)
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("cannot restore from '%s': its pages are of %d bytes, the database's of %d"),
		    src->file, src->page_size, size_live);
	if (!(bk = sqlite3_backup_init(SQ(live), "main", src->h, "main"))) {
		pm_sqlite_rc(live, sqlite3_errcode(SQ(live)));
		return pm_db_fail(live, err, _("restore"));
	}
	/* no page yet: the write lock (within the busy timeout), held to
	 * the end, so no write falls between the copy aside and the restore */
	rc = sqlite3_backup_step(bk, 0);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		sqlite3_backup_finish(bk);
		pm_sqlite_rc(live, rc);
		return pm_db_fail(live, err, _("restore"));
	}
	if (locked && locked(arg, err) < 0) {
		sqlite3_backup_finish(bk);
		return -1;
	}
	tries = 0;
	do {
		rc = sqlite3_backup_step(bk, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(10);
	} while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++tries < 1000);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE) {
		pm_sqlite_rc(live, rc);
		return pm_db_fail(live, err, _("restore"));
	}
	return 0;
}
