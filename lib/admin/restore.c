/* restore.c - a backup put back in place of the database */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "core/outfile.h"
#include "core/time.h"
#include "maint.h"

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
check_source(sqlite3 *h, const char *file, const struct pm_restore *r, int *version,
    struct pm_err *err)
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
	if (bad && !r->force)
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("cannot restore from '%s': rows that refer to missing records: %ld (see "
		      "pm-admin --db '%s' check); give --force to restore it all the same"),
		    file, bad, file);
	return 0;
}

/* "PATH.before-restore-20261130T090000", or with "-2", "-3", ... when
 * that is taken; malloc'ed, NULL after setting err. */
static char *
aside_name(const char *path, struct pm_err *err)
{
	char t[PM_TIME_BUFSZ], stamp[PM_TIME_BUFSZ], *name, *p, *q;
	struct stat st;
	pm_time now;
	int n, rc;

	if (pm_now(&now, err) < 0)
		return NULL;
	pm_time_fmt(now, t);
	for (p = t, q = stamp; *p; p++)
		if (*p != '-' && *p != ':')
			*q++ = *p;
	*q = '\0';
	for (n = 1; n < 100; n++) {
		if (n == 1)
			rc = asprintf(&name, "%s.before-restore-%s", path, stamp);
		else
			rc = asprintf(&name, "%s.before-restore-%s-%d", path, stamp, n);
		if (rc < 0) {
			pm_err_oom(err);
			return NULL;
		}
		if (lstat(name, &st) != 0 && errno == ENOENT)
			return name;
		free(name);
	}
	pm_err_set(err, PM_EXIT_CANTCREAT,
	    _("cannot keep the old database aside: '%s.before-restore-%s' and 98 more exist"),
	    path, stamp);
	return NULL;
}

/* Make the database a WAL one, as pm-tools makes them: a file put in
 * place by hand may be in rollback-journal mode, where the restore's
 * lock would keep even the copy aside from reading it. */
static int
live_wal(struct pm_db *db, struct pm_err *err)
{
	sqlite3_stmt *st;
	int rc, wal;

	if (pm_db_prepare(db, "PRAGMA journal_mode = WAL", &st, err) < 0)
		return -1;
	rc = sqlite3_step(st);
	wal = rc == SQLITE_ROW && !strcmp(pm_col_text(st, 0), "wal");
	if (rc != SQLITE_ROW) {
		pm_db_fail(db, rc, err, _("restore"));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	/* another program has it open in rollback-journal mode */
	return wal ? 0 : pm_db_fail(db, SQLITE_BUSY, err, _("restore"));
}

/* Keep the database as it is now in r->aside: read through a second
 * connection, while the first holds the write lock, so that it is the
 * last state before the restore. */
static int
keep_aside(const char *path, struct pm_restore *r, struct pm_err *err)
{
	struct pm_db *old;
	char *prefix;
	int rc;

	if (!(r->aside = aside_name(path, err)))
		return -1;
	/* what a restore killed while keeping its copy left behind */
	if (asprintf(&prefix, "%s.before-restore-", path) < 0)
		return pm_err_oom(err);
	pm_outfile_sweep(prefix, 1);
	free(prefix);
	if (pm_db_open(path, PM_DB_DAMAGED_OK, &old, err) < 0)
		rc = -1;
	else {
		rc = pm_db_backup(old, r->aside, 0, err);
		pm_db_close(old);
	}
	if (rc < 0) {
		free(r->aside);
		r->aside = NULL;
		pm_err_prefix(err, _("nothing restored: the old database cannot be kept aside"));
	}
	return rc;
}

/* The restored file: brought up to this program's schema, and the
 * restore on its audit log. */
static int
after_restore(const char *path, const char *file, struct pm_restore *r, struct pm_err *err)
{
	struct pm_db *db;
	char migrated[32] = "", *abs;
	int applied = 0;

	if (pm_db_open(path, PM_DB_NOMIGRATE, &db, err) < 0)
		return -1;
	/* the log says which file, wherever it is read from */
	abs = realpath(file, NULL);
	if (pm_db_migrate(db, &applied, err) < 0 ||
	    pm_db_schema_version(db, &r->version, err) < 0)
		goto fail;
	if (r->version != r->from)
		snprintf(migrated, sizeof migrated, ", migrated to %d", r->version);
	if (pm_db_begin(db, err) < 0 ||
	    pm_auditf(db, "database", err, "restored from '%s' (schema version %d%s)%s%s%s", abs ? abs : file,
		r->from, migrated, r->aside ? "; the old database kept as '" : "",
		r->aside ? r->aside : "", r->aside ? "'" : "") < 0 ||
	    pm_db_commit(db, err) < 0)
		goto fail;
	free(abs);
	pm_db_close(db);
	return 0;
fail:
	free(abs);
	pm_db_close(db);
	return -1;
}

int
pm_db_restore(const char *path, const char *file, struct pm_restore *r, struct pm_err *err)
{
	struct pm_outfile_guard g = {"restore", path, NULL};
	struct pm_db *live = NULL;
	sqlite3 *src = NULL;
	sqlite3_backup *bk = NULL;
	struct stat st;
	int fd, rc, existed, size_src = 0, size_live = 0, tries, ret = -1;

	r->aside = NULL;
	r->from = r->version = 0;

	/* the backup: a regular file we can read, not the database */
	fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return pm_err_set(err, PM_EXIT_NOINPUT, _("cannot open '%s': %s"), file, strerror(errno));
	rc = fstat(fd, &st);
	close(fd);
	if (rc != 0)
		return pm_err_set(err, PM_EXIT_IO, _("cannot read '%s': %s"), file, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return pm_err_set(err, PM_EXIT_NOINPUT,
		    _("cannot restore from '%s': it is not a regular file"), file);
	if (pm_outfile_check(file, &g, err) < 0)
		return -1;

	/* one read snapshot of it: what is checked is what is copied */
	rc = sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK) {
		src_fail(src, rc, file, err);
		goto out;
	}
	sqlite3_busy_timeout(src, 5000);
	if ((rc = sqlite3_exec(src, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK) {
		src_fail(src, rc, file, err);
		goto out;
	}
	if (check_source(src, file, r, &r->from, err) < 0 ||
	    src_int(src, "PRAGMA page_size", &size_src, file, err) < 0)
		goto out;

	/* the database, as every command opens it; created when missing */
	existed = stat(path, &st) == 0 && st.st_size > 0;
	if (pm_db_open(path, PM_DB_DAMAGED_OK, &live, err) < 0) {
		pm_err_prefix(err, _("nothing restored"));
		goto out;
	}
	if (live_wal(live, err) < 0 || pm_db_int(live, "PRAGMA page_size", &size_live, err) < 0)
		goto out;
	/* SQLite copies into a WAL database only page for page */
	if (size_src != size_live) {
		pm_err_set(err, PM_EXIT_CONFIG,
		    _("cannot restore from '%s': its pages are of %d bytes, the database's of %d"),
		    file, size_src, size_live);
		goto out;
	}
	if (!(bk = sqlite3_backup_init(live->h, "main", src, "main"))) {
		pm_db_fail(live, sqlite3_errcode(live->h), err, _("restore"));
		goto out;
	}
	/* no page yet: the write lock (within the busy timeout), held to
	 * the end, so no write falls between the copy aside and the restore */
	rc = sqlite3_backup_step(bk, 0);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		sqlite3_backup_finish(bk);
		bk = NULL;
		pm_db_fail(live, rc, err, _("restore"));
		goto out;
	}
	if (existed && keep_aside(path, r, err) < 0)
		goto out;
	tries = 0;
	do {
		rc = sqlite3_backup_step(bk, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(10);
	} while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++tries < 1000);
	sqlite3_backup_finish(bk);
	bk = NULL;
	if (rc != SQLITE_DONE) {
		pm_db_fail(live, rc, err, _("restore"));
		goto out;
	}
	ret = 0;
out:
	if (bk)
		sqlite3_backup_finish(bk);
	pm_db_close(live);
	if (src)
		sqlite3_close(src);
	if (ret < 0) {
		/* nothing was restored: the copy aside is the database itself */
		if (r->aside)
			unlink(r->aside);
		free(r->aside);
		r->aside = NULL;
		return -1;
	}
	if (after_restore(path, file, r, err) < 0) {
		pm_err_prefix(err, _("restored from '%s', but"), file);
		return -1;
	}
	return 0;
}
