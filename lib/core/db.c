/*
 * db.c - the engine-neutral part of the database: finding it, opening
 * it through its driver, migrations in order, transactions, errors as
 * exit statuses, and the statement helpers every lib area uses
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "driver.h"
#include "i18n.h"
#include "money.h"
#include "settings.h"
#include "time.h"

/*
 * Is name a PostgreSQL connection rather than a file: a URI
 * (postgresql://, postgres://) or a libpq keyword string
 * ("service=sunshine", "host=db1 dbname=estate")?  The keywords are
 * libpq's; a file called "notes=1.db" is still a file.
 */
static int
is_connection(const char *name)
{
	static const char *const kw[] = {
		"host", "hostaddr", "port", "dbname", "user", "password", "passfile",
		"service", "sslmode", "connect_timeout", "application_name", "options",
		"target_session_attrs",
	};
	size_t i, n;

	if (!strncmp(name, "postgresql://", 13) || !strncmp(name, "postgres://", 11))
		return 1;
	for (i = 0; i < sizeof kw / sizeof kw[0]; i++) {
		n = strlen(kw[i]);
		if (!strncmp(name, kw[i], n) && name[n + strspn(name + n, " ")] == '=')
			return 1;
	}
	return 0;
}

/* A password written into the connection: in a URI's user:password@,
 * its password= parameter, or a keyword string's password=.  It would
 * show in ps and in the environment of every child. */
static int
has_password(const char *name)
{
	const char *p, *at, *slash;

	if (!strncmp(name, "postgres", 8) && (p = strstr(name, "://"))) {
		p += 3;
		at = strchr(p, '@');
		slash = strchr(p, '/');
		if (at && (!slash || at < slash) && memchr(p, ':', (size_t)(at - p)))
			return 1;
		return strstr(name, "?password=") || strstr(name, "&password=");
	}
	for (p = name; (p = strstr(p, "password")); p += 8)
		if ((p == name || p[-1] == ' ') && p[8 + strspn(p + 8, " ")] == '=')
			return 1;
	return 0;
}

/* name (from --db, or PM_DB when from is "PM_DB") as a connection: not
 * one this build can open. */
static int
connection_refused(const char *from, const char *name, struct pm_err *err)
{
	if (has_password(name))
		return pm_err_set(err, PM_EXIT_USAGE,
		    _("%s: a password in the connection shows in ps and the environment: "
		      "put it in ~/.pgpass or a service file instead"), from);
	return pm_err_set(err, PM_EXIT_CONFIG,
	    _("%s: '%s' is a PostgreSQL connection, and this pm-tools has only the SQLite "
	      "driver: give the path of an estate file"), from, name);
}

int
pm_db_path(const char *opt, char **out, struct pm_err *err)
{
	const char *env = getenv("PM_DB"), *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int n;

	*out = NULL;
	if (opt && !*opt)
		return pm_err_set(err, PM_EXIT_USAGE, _("--db: the path is empty"));
	/* SQLite's own names for a database that is no file: an estate
	 * written there would be thrown away when the command ends */
	if (opt && (!strcmp(opt, ":memory:") || !strncmp(opt, "file:", 5)))
		return pm_err_set(err, PM_EXIT_USAGE,
		    _("--db: '%s' is not a file: the estate needs a database file"), opt);
	if (env && *env && !opt && (!strcmp(env, ":memory:") || !strncmp(env, "file:", 5)))
		return pm_err_set(err, PM_EXIT_USAGE,
		    _("PM_DB: '%s' is not a file: the estate needs a database file"), env);
	if (opt && is_connection(opt))
		return connection_refused("--db", opt, err);
	if (!opt && env && *env && is_connection(env))
		return connection_refused("PM_DB", env, err);
	if (opt)
		n = asprintf(out, "%s", opt);
	else if (env && *env)
		n = asprintf(out, "%s", env);
	else if (xdg && *xdg == '/')
		n = asprintf(out, "%s/pm/pm.db", xdg);
	else if (home && *home == '/')
		n = asprintf(out, "%s/.local/share/pm/pm.db", home);
	else
		return pm_err_set(err, PM_EXIT_USAGE,
		    _("no database: give --db FILE or set PM_DB (HOME is not set)"));
	if (n < 0)
		return pm_err_oom(err);
	return 0;
}

/* The driver for a database name: every name is an SQLite file today. */
static const struct pm_driver *
driver_for(const char *path)
{
	(void)path;
	return &pm_driver_sqlite;
}

void
pm_db_set_error(struct pm_db *db, enum pm_db_error e, const char *msg)
{
	free(db->errmsg);
	db->errmsg = msg ? strdup(msg) : NULL;
	db->error = e;
}

void
pm_db_clear_error(struct pm_db *db)
{
	if (db->error != PM_DBE_NONE) {
		free(db->errmsg);
		db->errmsg = NULL;
		db->error = PM_DBE_NONE;
	}
}

enum pm_db_error
pm_db_error(const struct pm_db *db)
{
	return db ? db->error : PM_DBE_NONE;
}

const char *
pm_db_errmsg(const struct pm_db *db)
{
	return db && db->errmsg ? db->errmsg : "";
}

const char *
pm_db_name(const struct pm_db *db)
{
	return db && db->path ? db->path : "";
}

int
pm_db_in_tx(const struct pm_db *db)
{
	return db->in_tx;
}

int
pm_db_fail_busy(struct pm_db *db, struct pm_err *err)
{
	return pm_err_set(err, PM_EXIT_BUSY,
	    _("database '%s' is busy (another writer holds it): try again"), pm_db_name(db));
}

int
pm_db_fail(struct pm_db *db, struct pm_err *err, const char *what)
{
	const char *path = pm_db_name(db);
	const char *msg = db && db->errmsg ? db->errmsg : _("no row where one was expected");

	switch (pm_db_error(db)) {
	case PM_DBE_BUSY:
		return pm_db_fail_busy(db, err);
	case PM_DBE_FULL:
		return pm_err_set(err, PM_EXIT_IO, _("%s: disk full, nothing written ('%s')"), what, path);
	case PM_DBE_IO:
		return pm_err_set(err, PM_EXIT_IO, _("%s: I/O error on '%s': %s"), what, path, msg);
	case PM_DBE_READONLY:
		if (db->readonly_fs)
			return pm_err_set(err, PM_EXIT_IO,
			    _("database '%s' is on a read-only file system: it can be read, not changed"), path);
		return pm_err_set(err, PM_EXIT_IO,
		    _("database '%s' is read-only (check the file's and its folder's permissions)"), path);
	case PM_DBE_CANTOPEN:
		return pm_err_set(err, PM_EXIT_NOINPUT, _("cannot open database '%s': %s"), path, msg);
	case PM_DBE_NOTADB:
		return pm_err_set(err, PM_EXIT_CONFIG, _("'%s' is not a database"), path);
	case PM_DBE_CORRUPT:
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("database '%s' is damaged (%s): restore it from a backup; see pm-admin check"), path, msg);
	case PM_DBE_NOMEM:
		return pm_err_oom(err);
	case PM_DBE_CONSTRAINT:
	case PM_DBE_NOTNULL:
		return pm_err_set(err, PM_EXIT_DATA, _("%s: %s"), what, msg);
	case PM_DBE_OVERFLOW:
		return pm_err_set(err, PM_EXIT_DATA,
		    _("%s: a total overflows: the database holds amounts far above the limit of %s"
		      " (see pm-fee check)"), what, PM_MONEY_MAX_TEXT);
	case PM_DBE_NONE:
	case PM_DBE_OTHER:
	default:
		return pm_err_set(err, PM_EXIT_SOFTWARE, _("%s: %s"), what, msg);
	}
}

int
pm_db_exec(struct pm_db *db, const char *sql, struct pm_err *err)
{
	return db->drv->exec(db, sql) == 0 ? 0 : pm_db_fail(db, err, _("database"));
}

int
pm_db_prepare(struct pm_db *db, const char *sql, struct pm_stmt **st, struct pm_err *err)
{
	*st = NULL;
	return db->drv->prepare(db, sql, st) == 0 ? 0 : pm_db_fail(db, err, _("database"));
}

/* The statements a connection keeps, by the address of their SQL. */
struct pm_kept {
	struct pm_kept *next;
	const char *sql;
	struct pm_stmt *st;
};

int
pm_db_prepare_kept(struct pm_db *db, const char *sql, struct pm_stmt **st, struct pm_err *err)
{
	struct pm_kept *k;

	for (k = db->kept; k; k = k->next)
		if (k->sql == sql) {
			pm_stmt_reset(k->st);
			pm_stmt_clear(k->st);
			*st = k->st;
			return 0;
		}
	if (!(k = calloc(1, sizeof *k)))
		return pm_err_oom(err);
	if (pm_db_prepare(db, sql, &k->st, err) < 0) {
		free(k);
		return -1;
	}
	k->sql = sql;
	k->next = db->kept;
	db->kept = k;
	*st = k->st;
	return 0;
}

void
pm_stmt_free(struct pm_stmt *st)
{
	if (st)
		st->db->drv->free(st);
}

void
pm_stmt_reset(struct pm_stmt *st)
{
	st->db->drv->reset(st);
}

void
pm_stmt_clear(struct pm_stmt *st)
{
	st->bind_failed = 0;
	st->db->drv->clear(st);
}

struct pm_db *
pm_stmt_db(struct pm_stmt *st)
{
	return st->db;
}

int
pm_step(struct pm_stmt *st)
{
	int rc;

	if (st->bind_failed) {
		pm_db_set_error(st->db, PM_DBE_NOMEM, NULL);
		return -1;
	}
	rc = st->db->drv->step(st);
	if (rc >= 0)
		pm_db_clear_error(st->db);
	return rc;
}

int
pm_param_index(struct pm_stmt *st, const char *name)
{
	return st->db->drv->param_index(st, name);
}

/* A bind's result, remembered for the step when it failed. */
static int
bound(struct pm_stmt *st, int rc)
{
	if (rc < 0)
		st->bind_failed = 1;
	return rc;
}

int
pm_bind_text(struct pm_stmt *st, int i, const char *s)
{
	s = s ? s : "";
	return bound(st, st->db->drv->bind_text(st, i, s, strlen(s), 0));
}

int
pm_bind_text_null(struct pm_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		return pm_bind_null(st, i);
	return bound(st, st->db->drv->bind_text(st, i, s, strlen(s), 0));
}

int
pm_bind_textn(struct pm_stmt *st, int i, const char *s, size_t n)
{
	return bound(st, st->db->drv->bind_text(st, i, s ? s : "", s ? n : 0, 0));
}

int
pm_bind_text_ref(struct pm_stmt *st, int i, const char *s, size_t n)
{
	return bound(st, st->db->drv->bind_text(st, i, s ? s : "", s ? n : 0, 1));
}

int
pm_bind_int(struct pm_stmt *st, int i, int64_t v)
{
	return bound(st, st->db->drv->bind_int(st, i, v));
}

int
pm_bind_null(struct pm_stmt *st, int i)
{
	return bound(st, st->db->drv->bind_null(st, i));
}

int
pm_bind_blob(struct pm_stmt *st, int i, const void *p, size_t n)
{
	return bound(st, st->db->drv->bind_blob(st, i, p ? p : "", p ? n : 0));
}

int
pm_bind_today(struct pm_stmt *st, struct pm_err *err)
{
	int i = pm_param_index(st, ":today");
	struct pm_date d;
	char buf[PM_DATE_BUFSZ];

	if (!i)
		return 0;
	if (pm_today(&d, err) < 0)
		return -1;
	return pm_bind_text(st, i, pm_date_fmt(d, buf)) == 0 ? 0 : pm_err_oom(err);
}

int
pm_col_count(struct pm_stmt *st)
{
	return st->db->drv->col_count(st);
}

enum pm_col_type
pm_col_type(struct pm_stmt *st, int i)
{
	return st->db->drv->col_type(st, i);
}

int
pm_col_null(struct pm_stmt *st, int i)
{
	return st->db->drv->col_type(st, i) == PM_TYPE_NULL;
}

int64_t
pm_col_int64(struct pm_stmt *st, int i)
{
	return st->db->drv->col_int(st, i);
}

int
pm_col_int(struct pm_stmt *st, int i)
{
	return (int)st->db->drv->col_int(st, i);
}

const char *
pm_col_text(struct pm_stmt *st, int i)
{
	const char *s = st->db->drv->col_text(st, i);

	return s ? s : "";
}

const void *
pm_col_blob(struct pm_stmt *st, int i, size_t *n)
{
	return st->db->drv->col_blob(st, i, n);
}

int64_t
pm_db_changes(struct pm_db *db)
{
	return db->drv->changes(db);
}

int64_t
pm_db_last_id(struct pm_db *db)
{
	return db->drv->last_id(db);
}

int
pm_db_step_done(struct pm_db *db, struct pm_stmt *st, struct pm_err *err)
{
	int rc;

	while ((rc = pm_step(st)) == PM_ROW)
		;
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("database"));
	return 0;
}

int
pm_db_text(struct pm_db *db, struct pm_stmt *st, char **text, const char *what,
	   struct pm_err *err)
{
	int rc = pm_step(st);

	*text = NULL;
	if (rc == PM_ROW)
		*text = strdup(pm_col_text(st, 0));
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return 1;
	if (rc != PM_ROW)
		return pm_db_fail(db, err, what);
	return *text ? 0 : pm_err_oom(err);
}

int
pm_db_blob(struct pm_db *db, struct pm_stmt *st, char **data, size_t *len, struct pm_err *err)
{
	int rc = pm_step(st);

	*data = NULL;
	*len = 0;
	if (rc == PM_ROW) {
		size_t n;
		const void *p = pm_col_blob(st, 0, &n);

		if ((*data = malloc(n > 0 ? n : 1))) {
			if (n > 0)
				memcpy(*data, p, n);
			*len = n;
		}
	}
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return 1;
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading an attachment"));
	return *data ? 0 : pm_err_oom(err);
}

int
pm_db_int(struct pm_db *db, const char *sql, int *v, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	rc = pm_step(st);
	if (rc == PM_ROW)
		*v = pm_col_int(st, 0);
	if (rc != PM_ROW && rc != PM_DONE) {
		pm_db_fail(db, err, _("reading the database header"));
		pm_stmt_free(st);
		return -1;
	}
	pm_stmt_free(st);
	return 0;
}

int
pm_db_schema_latest(void)
{
	return pm_migration_count;
}

int
pm_db_schema_version(struct pm_db *db, int *version, struct pm_err *err)
{
	return db->drv->schema_version(db, version, err);
}

int
pm_db_begin(struct pm_db *db, struct pm_err *err)
{
	if (db->drv->begin(db) != 0)
		return pm_db_fail(db, err, _("starting a transaction"));
	db->in_tx = 1;
	return 0;
}

int
pm_db_commit(struct pm_db *db, struct pm_err *err)
{
	if (db->drv->commit(db) != 0) {
		pm_db_fail(db, err, _("committing"));
		pm_db_rollback(db);
		return -1;
	}
	db->in_tx = 0;
	return 0;
}

void
pm_db_rollback(struct pm_db *db)
{
	if (!db)
		return;
	db->drv->rollback(db);
	db->in_tx = 0;
}

int
pm_db_migrate(struct pm_db *db, int *applied, struct pm_err *err)
{
	int i, version, count = *db->drv->migration_count;

	*applied = 0;
	for (i = 0; i < count; i++) {
		if (pm_db_schema_version(db, &version, err) < 0)
			return -1;
		if (version > i)
			continue;
		if (pm_db_begin(db, err) < 0)
			return -1;
		/* another process may have migrated while we waited for the lock */
		if (pm_db_schema_version(db, &version, err) < 0)
			goto fail;
		if (version > i) {
			pm_db_rollback(db);
			continue;
		}
		if (db->drv->migrate(db, db->drv->migrations[i].sql, i + 1, err) < 0)
			goto fail;
		if (pm_db_commit(db, err) < 0)
			return -1;
		(*applied)++;
	}
	return 0;
fail:
	pm_db_rollback(db);
	return -1;
}

int
pm_db_open(const char *path, unsigned flags, struct pm_db **out, struct pm_err *err)
{
	const struct pm_driver *drv = driver_for(path);
	const char *env = getenv("PM_BUSY_TIMEOUT");
	struct pm_db *db;
	int applied;
	char *tz = NULL;

	*out = NULL;
	db = calloc(1, drv->db_size);
	if (!db || !(db->path = strdup(path))) {
		free(db);
		return pm_err_oom(err);
	}
	db->drv = drv;
	db->timeout = 5000;
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);

		if (*end || v < 0 || v > INT_MAX) {
			pm_err_set(err, PM_EXIT_USAGE, _("PM_BUSY_TIMEOUT: '%s' is not a number of milliseconds"), env);
			goto fail;
		}
		db->timeout = (int)v;
	}
	if (drv->open(db, flags, err) < 0)
		goto fail;
	if (flags & PM_DB_DAMAGED_OK)
		flags |= PM_DB_NOMIGRATE;
	if (!(flags & PM_DB_NOMIGRATE) && pm_db_migrate(db, &applied, err) < 0)
		goto fail;
	*out = db;
	/* the estate's zone, not the caller's TZ, for every local date */
	if (pm_setting_get(db, "timezone", &tz, err) < 0) {
		if (!(flags & PM_DB_NOMIGRATE))
			goto fail_open;
		pm_err_clear(err);
		tz = strdup("Asia/Shanghai");
		if (!tz) {
			pm_err_oom(err);
			goto fail_open;
		}
	}
	if (pm_tz_set(tz, err) < 0)
		goto fail_open;
	free(tz);
	return 0;
fail_open:
	free(tz);
	*out = NULL;
fail:
	pm_db_close(db);
	return -1;
}

void
pm_db_close(struct pm_db *db)
{
	struct pm_kept *k, *next;

	if (!db)
		return;
	pm_db_rollback(db);
	for (k = db->kept; k; k = next) {
		next = k->next;
		pm_stmt_free(k->st);
		free(k);
	}
	db->drv->close(db);
	free(db->errmsg);
	free(db->path);
	free(db);
}

int
pm_db_copy_to(struct pm_db *db, const char *path, struct pm_err *err)
{
	return db->drv->copy_to(db, path, err);
}

int
pm_db_source_open(const char *live_path, const char *file, int force,
    struct pm_db_source **src, int *version, struct pm_err *err)
{
	*src = NULL;
	return driver_for(live_path)->source_open(file, force, src, version, err);
}

void
pm_db_source_close(struct pm_db_source *src)
{
	if (src)
		src->drv->source_close(src);
}

int
pm_db_copy_from(struct pm_db *live, struct pm_db_source *src,
    int (*locked)(void *arg, struct pm_err *err), void *arg, struct pm_err *err)
{
	return live->drv->copy_from(live, src, locked, arg, err);
}
