/* db.c - locating, opening, migrating and writing the estate database */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "i18n.h"
#include "money.h"
#include "schema.h"
#include "settings.h"
#include "time.h"

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

/* mkdir -p of the folder holding path: private (0700), since the
 * database in it holds ID and phone numbers. */
static int
make_parent(const char *path, struct pm_err *err)
{
	char *dir = strdup(path), *p;

	if (!dir)
		return pm_err_oom(err);
	p = strrchr(dir, '/');
	if (!p || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				pm_err_set(err, PM_EXIT_CANTCREAT, _("cannot create folder '%s': %s"),
				    dir, strerror(errno));
				free(dir);
				return -1;
			}
			*p = c;
			if (!c)
				break;
		}
	}
	free(dir);
	return 0;
}

int
pm_db_is_overflow(struct pm_db *db, int rc)
{
	/* SQLite's sum() of integers refuses to wrap: "integer overflow" */
	return (rc & 0xFF) == SQLITE_ERROR && db && db->h &&
	    !strcmp(sqlite3_errmsg(db->h), "integer overflow");
}

int
pm_db_fail(struct pm_db *db, int rc, struct pm_err *err, const char *what)
{
	const char *msg = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);
	const char *path = db && db->path ? db->path : "";

	switch (rc & 0xFF) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return pm_err_set(err, PM_EXIT_BUSY,
		    _("database '%s' is busy (another writer holds it): try again"), path);
	case SQLITE_FULL:
		return pm_err_set(err, PM_EXIT_IO, _("%s: disk full, nothing written ('%s')"), what, path);
	case SQLITE_IOERR:
		return pm_err_set(err, PM_EXIT_IO, _("%s: I/O error on '%s': %s"), what, path, msg);
	case SQLITE_READONLY:
		if (db && db->readonly_fs)
			return pm_err_set(err, PM_EXIT_IO,
			    _("database '%s' is on a read-only file system: it can be read, not changed"), path);
		return pm_err_set(err, PM_EXIT_IO,
		    _("database '%s' is read-only (check the file's and its folder's permissions)"), path);
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return pm_err_set(err, PM_EXIT_NOINPUT, _("cannot open database '%s': %s"), path, msg);
	case SQLITE_NOTADB:
		return pm_err_set(err, PM_EXIT_CONFIG, _("'%s' is not a database"), path);
	case SQLITE_CORRUPT:
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("database '%s' is damaged (%s): restore it from a backup; see pm-admin check"), path, msg);
	case SQLITE_NOMEM:
		return pm_err_oom(err);
	case SQLITE_CONSTRAINT:
		return pm_err_set(err, PM_EXIT_DATA, _("%s: %s"), what, msg);
	case SQLITE_ERROR:
		if (pm_db_is_overflow(db, rc))
			return pm_err_set(err, PM_EXIT_DATA,
			    _("%s: a total overflows: the database holds amounts far above the limit of %s"
			      " (see pm-fee check)"), what, PM_MONEY_MAX_TEXT);
		return pm_err_set(err, PM_EXIT_SOFTWARE, _("%s: %s"), what, msg);
	default:
		return pm_err_set(err, PM_EXIT_SOFTWARE, _("%s: %s"), what, msg);
	}
}

int
pm_db_exec(struct pm_db *db, const char *sql, struct pm_err *err)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : pm_db_fail(db, rc, err, _("database"));
}

int
pm_db_prepare(struct pm_db *db, const char *sql, sqlite3_stmt **st, struct pm_err *err)
{
	int rc = sqlite3_prepare_v2(db->h, sql, -1, st, NULL);

	return rc == SQLITE_OK ? 0 : pm_db_fail(db, rc, err, _("database"));
}

int
pm_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_TRANSIENT);
}

int
pm_bind_text_null(sqlite3_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

int
pm_bind_int(sqlite3_stmt *st, int i, int64_t v)
{
	return sqlite3_bind_int64(st, i, v);
}

int
pm_bind_today(sqlite3_stmt *st, struct pm_err *err)
{
	int i = sqlite3_bind_parameter_index(st, ":today");
	struct pm_date d;
	char buf[PM_DATE_BUFSZ];

	if (!i)
		return 0;
	if (pm_today(&d, err) < 0)
		return -1;
	return sqlite3_bind_text(st, i, pm_date_fmt(d, buf), -1, SQLITE_TRANSIENT) == SQLITE_OK
	    ? 0 : pm_err_oom(err);
}

int
pm_db_step_done(struct pm_db *db, sqlite3_stmt *st, struct pm_err *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		return pm_db_fail(db, rc, err, _("database"));
	return 0;
}

const char *
pm_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : "";
}

int
pm_db_text(struct pm_db *db, sqlite3_stmt *st, char **text, const char *what,
	   struct pm_err *err)
{
	int rc = sqlite3_step(st);

	*text = NULL;
	if (rc == SQLITE_ROW)
		*text = strdup(pm_col_text(st, 0));
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 1;
	if (rc != SQLITE_ROW)
		return pm_db_fail(db, rc, err, what);
	return *text ? 0 : pm_err_oom(err);
}

int
pm_db_blob(struct pm_db *db, sqlite3_stmt *st, char **data, size_t *len, struct pm_err *err)
{
	int rc = sqlite3_step(st);

	*data = NULL;
	*len = 0;
	if (rc == SQLITE_ROW) {
		int n = sqlite3_column_bytes(st, 0);
		const void *p = sqlite3_column_blob(st, 0);

		if ((*data = malloc(n > 0 ? (size_t)n : 1))) {
			if (n > 0)
				memcpy(*data, p, (size_t)n);
			*len = (size_t)n;
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 1;
	if (rc != SQLITE_ROW)
		return pm_db_fail(db, rc, err, _("reading an attachment"));
	return *data ? 0 : pm_err_oom(err);
}

int
pm_db_int(struct pm_db *db, const char *sql, int *v, struct pm_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return pm_db_fail(db, rc, err, _("reading the database header"));
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
	return pm_db_int(db, "PRAGMA user_version", version, err);
}

int
pm_db_begin(struct pm_db *db, struct pm_err *err)
{
	int rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return pm_db_fail(db, rc, err, _("starting a transaction"));
	db->in_tx = 1;
	return 0;
}

int
pm_db_commit(struct pm_db *db, struct pm_err *err)
{
	int rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		pm_db_fail(db, rc, err, _("committing"));
		pm_db_rollback(db);
		return -1;
	}
	db->in_tx = 0;
	return 0;
}

void
pm_db_rollback(struct pm_db *db)
{
	if (db && db->h && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	if (db)
		db->in_tx = 0;
}

/* Is this file one of ours, a fresh one, or something else? */
static int
check_identity(struct pm_db *db, unsigned flags, int *fresh, struct pm_err *err)
{
	int appid = 0, version = 0, tables = 0;

	if (pm_db_int(db, "PRAGMA application_id", &appid, err) < 0 ||
	    pm_db_int(db, "PRAGMA user_version", &version, err) < 0)
		return -1;
	if (pm_db_int(db, "SELECT count(*) FROM sqlite_schema", &tables, err) < 0) {
		/* ours, with a schema too damaged to read: restore replaces it */
		if (!(flags & PM_DB_DAMAGED_OK) || err->code != PM_EXIT_CONFIG ||
		    (uint32_t)appid != PM_APPLICATION_ID)
			return -1;
		pm_err_clear(err);
		tables = -1;
	}
	*fresh = 0;
	if (appid == 0 && version == 0 && tables == 0) {
		*fresh = 1;
		return 0;
	}
	if ((uint32_t)appid != PM_APPLICATION_ID)
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("'%s' is an SQLite database, but not a pm-tools one"), db->path);
	/* ours, with tables, yet claiming no migration applied: migrating
	 * would run 001 over the tables it made; the header was damaged */
	if (version <= 0 && tables > 0 && !(flags & PM_DB_DAMAGED_OK))
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("database '%s' has tables but schema version %d: its header is damaged; "
		      "restore it from a backup (pm-admin restore)"), db->path, version);
	if (version > pm_migration_count)
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("database '%s' has schema version %d, newer than this program knows (%d): upgrade pm-tools"),
		    db->path, version, pm_migration_count);
	return 0;
}

int
pm_db_migrate(struct pm_db *db, int *applied, struct pm_err *err)
{
	int i, version;
	char sql[64];

	*applied = 0;
	for (i = 0; i < pm_migration_count; i++) {
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
		if (sqlite3_exec(db->h, pm_migrations[i].sql, NULL, NULL, NULL) != SQLITE_OK) {
			pm_db_fail(db, sqlite3_errcode(db->h), err, pm_migrations[i].name);
			goto fail;
		}
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", i + 1);
		if (pm_db_exec(db, sql, err) < 0)
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

/* WAL keeps its index in shared memory, which network file systems do
 * not share between hosts: refuse them rather than corrupt the file. */
static int
check_filesystem(const char *path, struct pm_err *err)
{
	struct statfs fs;
	char *dir = strdup(path), *slash;

	if (!dir)
		return pm_err_oom(err);
	slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	if (statfs(slash ? dir : ".", &fs) == 0) {
		unsigned long t = (unsigned long)fs.f_type;

		if (t == 0x6969 || t == 0x517B || t == 0xFF534D42 || t == 0xFE534D42) {
			free(dir);
			return pm_err_set(err, PM_EXIT_CONFIG,
			    _("database '%s' is on a network file system: keep it on a local disk"), path);
		}
	}
	free(dir);
	return 0;
}

/* The folder holding path ("." for a bare name); malloc'ed. */
static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/*
 * The database is created here rather than by SQLite so that its mode
 * is decided here, whatever the shell's umask: 0600, or 0660 in a
 * setgid folder (the desk group an admin set up with
 * `install -d -m 2770 -g desk DIR`).  The file holds ID and phone
 * numbers (PIPL art. 28).  SQLite gives the -wal and -shm it creates
 * the database's mode.  A file that is there already is left as it is;
 * one that cannot be created is SQLite's to report.
 */
static int
create_private(const char *path, struct pm_err *err)
{
	struct stat st;
	char *dir;
	mode_t mode = 0600;
	int fd;

	if (lstat(path, &st) == 0 || errno != ENOENT)
		return 0;
	if (!(dir = folder_of(path)))
		return pm_err_oom(err);
	if (stat(dir, &st) == 0 && (st.st_mode & S_ISGID))
		mode = 0660;
	free(dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0)
		return 0;
	if (fchmod(fd, mode) != 0) {
		int e = errno;

		close(fd);
		unlink(path);
		return pm_err_set(err, PM_EXIT_CANTCREAT, _("cannot create database '%s': %s"),
		    path, strerror(e));
	}
	if (close(fd) != 0)
		return pm_err_set(err, PM_EXIT_IO, _("cannot create database '%s': %s"),
		    path, strerror(errno));
	return 0;
}

/* Is the file system holding path mounted read-only?  Then the file is
 * opened for reading only: SQLite can read a WAL database there without
 * creating its -shm, and a write says why it cannot be done. */
static int
on_readonly_mount(const char *path)
{
	struct statvfs fs;
	char *dir = folder_of(path);
	int ro = 0;

	if (dir && statvfs(dir, &fs) == 0)
		ro = (fs.f_flag & ST_RDONLY) != 0;
	free(dir);
	return ro;
}

/*
 * How SQLite is to open the file.  On a read-only mount a WAL database
 * can be read only if its -wal and -shm are there already; otherwise
 * (the usual case: a clean copy, a snapshot, a backup disc) it is
 * opened immutable, since nothing can change a file nobody can write.
 * *uri is what to hand sqlite3_open_v2: path itself, or a malloc'ed
 * file: URI with the path percent-encoded.
 */
static int
open_mode(struct pm_db *db, const char *path, int *oflags, char **uri, struct pm_err *err)
{
	struct pm_buf b = PM_BUF_INIT;
	char *wal;
	int have_wal;
	const char *p;

	*uri = NULL;
	*oflags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX;
	if (!db->readonly_fs) {
		*oflags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
		return 0;
	}
	*oflags |= SQLITE_OPEN_READONLY;
	if (asprintf(&wal, "%s-wal", path) < 0)
		return pm_err_oom(err);
	have_wal = access(wal, F_OK) == 0;
	free(wal);
	if (have_wal)
		return 0;
	if (pm_buf_adds(&b, "file:") < 0)
		goto oom;
	for (p = path; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '%' || c == '?' || c == '#' || c < 0x20 || c == 0x7f) {
			if (pm_buf_addf(&b, "%%%02X", c) < 0)
				goto oom;
		} else if (pm_buf_addc(&b, (char)c) < 0)
			goto oom;
	}
	if (pm_buf_adds(&b, "?immutable=1") < 0)
		goto oom;
	*oflags |= SQLITE_OPEN_URI;
	*uri = pm_buf_detach(&b);
	return *uri ? 0 : pm_err_oom(err);
oom:
	pm_buf_free(&b);
	return pm_err_oom(err);
}

int
pm_db_open(const char *path, unsigned flags, struct pm_db **out, struct pm_err *err)
{
	char *uri = NULL;
	int oflags;
	struct pm_db *db;
	const char *env = getenv("PM_BUSY_TIMEOUT");
	int rc, fresh, applied, timeout = 5000;
	char *tz = NULL;

	*out = NULL;
	db = calloc(1, sizeof *db);
	if (!db || !(db->path = strdup(path))) {
		free(db);
		return pm_err_oom(err);
	}
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);

		if (*end || v < 0 || v > INT_MAX) {
			pm_err_set(err, PM_EXIT_USAGE, _("PM_BUSY_TIMEOUT: '%s' is not a number of milliseconds"), env);
			goto fail;
		}
		timeout = (int)v;
	}
	/* ":memory:" is for the fuzz harnesses and tests only (the
	 * commands refuse it in pm_db_path): no file, no folder */
	if (strcmp(path, ":memory:") != 0) {
		if (make_parent(path, err) < 0 || check_filesystem(path, err) < 0)
			goto fail;
		db->readonly_fs = on_readonly_mount(path);
		if (!db->readonly_fs && create_private(path, err) < 0)
			goto fail;
	}
	/*
	 * The programs are single-threaded and never share a connection,
	 * so SQLite's locking of every call (a mutex per API call and per
	 * allocation, for the memory statistics nobody reads) is pure cost:
	 * 10% of the instructions of a roll import.  The connection goes
	 * without its mutex and the allocator without statistics; the
	 * latter can only be set before SQLite initializes, and is left as
	 * it is (SQLITE_MISUSE, ignored) when something opened it before.
	 */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (open_mode(db, path, &oflags, &uri, err) < 0)
		goto fail;
	rc = sqlite3_open_v2(uri ? uri : path, &db->h, oflags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		pm_db_fail(db, rc, err, _("opening"));
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 0);
	sqlite3_busy_timeout(db->h, timeout);
	/* a file cut short says in its header it has more pages than it
	 * has, and SQLite then reads nothing at all, not even the header;
	 * this lets restore read it (to keep it aside) and write over it.
	 * Such a connection runs no SQL of ours that writes. */
	if ((flags & PM_DB_DAMAGED_OK) && pm_db_exec(db, "PRAGMA writable_schema = ON", err) < 0)
		goto fail;
	if (flags & PM_DB_DAMAGED_OK)
		flags |= PM_DB_NOMIGRATE;
	if (check_identity(db, flags, &fresh, err) < 0)
		goto fail;
	if (pm_db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", err) < 0)
		goto fail;
	if (fresh) {
		char sql[64];

		/* the first writer marks the file; WAL is a property of the file */
		if (pm_db_exec(db, "PRAGMA journal_mode = WAL", err) < 0)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d", (int)PM_APPLICATION_ID);
		if (pm_db_exec(db, sql, err) < 0)
			goto fail;
	}
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
	if (!db)
		return;
	if (db->h) {
		pm_db_rollback(db);
		sqlite3_finalize(db->audit);
		sqlite3_close_v2(db->h);
	}
	free(db->path);
	free(db);
}
