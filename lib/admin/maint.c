/* maint.c - online backup and integrity checks */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/outfile.h"
#include "core/settings.h"
#include "invariants.h"
#include "maint.h"

int
pm_db_backup(struct pm_db *db, const char *dest, int overwrite, struct pm_err *err)
{
	char *tmp = NULL;
	int fd, ret = -1;
	struct stat st, self;

	if (stat(dest, &st) == 0) {
		/* --force onto the live file would rename a copy over it: a
		 * rollback-journal file with other writers' -wal beside it */
		if (stat(pm_db_name(db), &self) == 0 && st.st_dev == self.st_dev &&
		    st.st_ino == self.st_ino)
			return pm_err_set(err, PM_EXIT_CANTCREAT,
			    _("'%s' is the database itself: back it up to another file"), dest);
		if (!overwrite)
			return pm_err_set(err, PM_EXIT_CANTCREAT,
			    _("'%s' exists: choose another name or give --force"), dest);
	}
	{
		/* a device, a folder, the -wal: never renamed over */
		struct pm_outfile_guard g = {"backup", pm_db_name(db), NULL};

		if (pm_outfile_check(dest, &g, err) < 0)
			return -1;
	}
	/* what a backup killed before its rename left beside dest */
	pm_outfile_sweep(dest, 0);
	if (asprintf(&tmp, "%s.tmp-XXXXXX", dest) < 0)
		return pm_err_oom(err);
	fd = mkstemp(tmp);
	if (fd < 0) {
		pm_err_set(err, PM_EXIT_CANTCREAT, _("cannot create '%s': %s"), dest, strerror(errno));
		free(tmp);
		return -1;
	}
	close(fd);
	if (pm_db_copy_to(db, tmp, err) < 0)
		goto out;
	fd = open(tmp, O_RDONLY);
	if (fd < 0 || fsync(fd) != 0) {
		pm_err_set(err, PM_EXIT_IO, _("cannot sync '%s': %s"), tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	close(fd);
	if (rename(tmp, dest) != 0) {
		pm_err_set(err, PM_EXIT_CANTCREAT, _("cannot create '%s': %s"), dest, strerror(errno));
		goto out;
	}
	ret = 0;
out:
	if (ret < 0)
		unlink(tmp);
	free(tmp);
	return ret;
}

/* The file holds ID and phone numbers: no one but its owner (and a
 * desk group, where there is one) may read it.  Files made before
 * pm-tools created them 0600 are found here. */
static int
check_mode(struct pm_db *db, struct pm_out *out, long *problems, struct pm_err *err)
{
	const char *v[2] = {"file_mode", "ok"};
	struct stat st;
	char *msg = NULL;

	if (stat(pm_db_name(db), &st) != 0)
		return 0;
	if (st.st_mode & (S_IROTH | S_IWOTH)) {
		if (asprintf(&msg, _("%04o: other users can read it; chmod 600 '%s' (660 for a desk group)"),
		    (unsigned)(st.st_mode & 07777), pm_db_name(db)) < 0)
			return pm_err_oom(err);
		v[1] = msg;
		(*problems)++;
	}
	pm_out_row(out, v);
	free(msg);
	return 0;
}

struct settings_check {
	struct pm_out *out;
	long found;
	struct pm_err *err;
};

static int
bad_setting(void *arg, const char *name, const char *why)
{
	struct settings_check *c = arg;
	const char *v[2] = {"settings", NULL};
	char *msg;

	if (asprintf(&msg, _("%s: %s; set it again with pm-admin settings set %s"),
	    name, why, name) < 0)
		return pm_err_oom(c->err);
	v[1] = msg;
	pm_out_row(c->out, v);
	free(msg);
	c->found++;
	return 0;
}

/* Stored settings their type refuses: a mail header they would forge,
 * a receipt line they would add. */
static int
check_settings(struct pm_db *db, struct pm_out *out, long *problems, struct pm_err *err)
{
	struct settings_check c = {out, 0, err};

	if (pm_settings_verify(db, bad_setting, &c, err) < 0) {
		const char *v[2] = {"settings", "not checked: the file is damaged"};

		if (!*problems || err->code != PM_EXIT_CONFIG)
			return -1;
		pm_err_clear(err);
		pm_out_row(out, v);
		return 0;
	}
	if (!c.found) {
		const char *v[2] = {"settings", "ok"};

		pm_out_row(out, v);
	}
	*problems += c.found;
	return 0;
}

static const struct pm_col check_cols[] = {
	{"check", N_("Check"), PM_COL_CODE, 0},
	{"result", N_("Result"), PM_COL_TEXT, 0},
};

int
pm_db_check_invariants(struct pm_db *db, struct pm_out *out, long *problems, struct pm_err *err)
{
	*problems = 0;
	pm_out_begin(out, NULL, check_cols, 2, 0);
	if (pm_invariants_check(db, out, problems, err) < 0)
		return -1;
	pm_out_end(out);
	return 0;
}

int
pm_db_check(struct pm_db *db, struct pm_out *out, long *problems, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;
	long found;
	char *msg;

	*problems = 0;
	pm_out_begin(out, NULL, check_cols, 2, 0);

	if (pm_db_prepare(db, "PRAGMA integrity_check", &st, err) < 0)
		return -1;
	found = 0;
	while ((rc = pm_step(st)) == PM_ROW) {
		const char *v[2] = {"integrity", pm_col_text(st, 0)};

		if (strcmp(v[1], "ok"))
			found++;
		pm_out_row(out, v);
	}
	/* damage bad enough to stop the check is one of its findings, so
	 * the check reports (exit 1) instead of failing (78) half-way */
	if (rc < 0 && (pm_db_error(db) == PM_DBE_CORRUPT || pm_db_error(db) == PM_DBE_NOTADB)) {
		const char *v[2] = {"integrity", pm_db_errmsg(db)};

		pm_out_row(out, v);
		found++;
	} else if (rc != PM_DONE) {
		pm_stmt_free(st);
		return pm_db_fail(db, err, _("integrity check"));
	}
	pm_stmt_free(st);
	*problems += found;

	if (pm_db_prepare(db, "PRAGMA foreign_key_check", &st, err) < 0) {
		const char *v[2] = {"foreign_keys", "not checked: the file is damaged"};

		/* a file too damaged to check further: report what was
		 * found (exit 1) rather than die on it with 78 */
		if (!*problems || (err->code != PM_EXIT_CONFIG))
			return -1;
		pm_err_clear(err);
		pm_out_row(out, v);
		pm_out_end(out);
		return 0;
	}
	found = 0;
	while ((rc = pm_step(st)) == PM_ROW) {
		const char *v[2] = {"foreign_keys", NULL};

		if (asprintf(&msg, "%s row %lld refers to a missing %s", pm_col_text(st, 0),
		    (long long)pm_col_int64(st, 1), pm_col_text(st, 2)) < 0) {
			pm_stmt_free(st);
			return pm_err_oom(err);
		}
		v[1] = msg;
		pm_out_row(out, v);
		free(msg);
		found++;
	}
	if (rc < 0 && (pm_db_error(db) == PM_DBE_CORRUPT || pm_db_error(db) == PM_DBE_NOTADB)) {
		const char *v[2] = {"foreign_keys", "not checked: the file is damaged"};

		pm_out_row(out, v);
		found++;
	} else if (rc != PM_DONE) {
		pm_stmt_free(st);
		return pm_db_fail(db, err, _("foreign key check"));
	}
	pm_stmt_free(st);
	if (!found) {
		const char *v[2] = {"foreign_keys", "ok"};

		pm_out_row(out, v);
	}
	*problems += found;
	if (check_mode(db, out, problems, err) < 0 ||
	    check_settings(db, out, problems, err) < 0 ||
	    pm_invariants_check(db, out, problems, err) < 0)
		return -1;
	pm_out_end(out);
	return 0;
}
