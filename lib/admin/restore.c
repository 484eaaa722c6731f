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

/* What copy_from runs under the live database's write lock. */
struct aside {
	const char *path;
	struct pm_restore *r;
	int existed;
};

static int
aside_locked(void *arg, struct pm_err *err)
{
	struct aside *a = arg;

	return a->existed ? keep_aside(a->path, a->r, err) : 0;
}

int
pm_db_restore(const char *path, const char *file, struct pm_restore *r, struct pm_err *err)
{
	struct pm_outfile_guard g = {"restore", path, NULL};
	struct pm_db *live = NULL;
	struct pm_db_source *src = NULL;
	struct aside a = {path, r, 0};
	struct stat st;
	int fd, rc, ret = -1;

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
	if (pm_db_source_open(path, file, r->force, &src, &r->from, err) < 0)
		goto out;

	/* the database, as every command opens it; created when missing */
	a.existed = stat(path, &st) == 0 && st.st_size > 0;
	if (pm_db_open(path, PM_DB_DAMAGED_OK, &live, err) < 0) {
		pm_err_prefix(err, _("nothing restored"));
		goto out;
	}
	if (pm_db_copy_from(live, src, aside_locked, &a, err) < 0)
		goto out;
	ret = 0;
out:
	pm_db_close(live);
	pm_db_source_close(src);
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
