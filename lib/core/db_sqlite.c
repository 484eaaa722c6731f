/*
 * db_sqlite.c - the SQLite driver: one estate, one file
 *
 * What db.h promises of a file: where it may be (a local disk), the mode
 * it is created with, read-only mounts, whose file it is (application_id)
 * and how far its schema is (user_version), WAL and synchronous=FULL,
 * and SQLite's result codes as the kinds of error of db.h.  Backup and
 * restore through SQLite's online-backup API are in db_sqlite_copy.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "buf.h"
#include "db_sqlite.h"
#include "i18n.h"

struct sq_stmt {
	struct pm_stmt base;
	sqlite3_stmt *s;
};

#define SS(st) (((struct sq_stmt *)(st))->s)

sqlite3 *
pm_sqlite_handle(struct pm_db *db)
{
	return db && db->drv == &pm_driver_sqlite ? SQ(db) : NULL;
}

enum pm_db_error
pm_sqlite_error(sqlite3 *h, int rc)
{
	switch (rc & 0xFF) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return PM_DBE_NONE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return PM_DBE_BUSY;
	case SQLITE_FULL:
		return PM_DBE_FULL;
	case SQLITE_IOERR:
		return PM_DBE_IO;
	case SQLITE_READONLY:
		return PM_DBE_READONLY;
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return PM_DBE_CANTOPEN;
	case SQLITE_NOTADB:
		return PM_DBE_NOTADB;
	case SQLITE_CORRUPT:
		return PM_DBE_CORRUPT;
	case SQLITE_NOMEM:
		return PM_DBE_NOMEM;
	case SQLITE_CONSTRAINT:
		return h && sqlite3_extended_errcode(h) == SQLITE_CONSTRAINT_NOTNULL
		    ? PM_DBE_NOTNULL : PM_DBE_CONSTRAINT;
	case SQLITE_ERROR:
		/* SQLite's sum() of integers refuses to wrap: "integer overflow" */
		if (h && !strcmp(sqlite3_errmsg(h), "integer overflow"))
			return PM_DBE_OVERFLOW;
		return PM_DBE_OTHER;
	default:
		return PM_DBE_OTHER;
	}
}

int
pm_sqlite_rc(struct pm_db *db, int rc)
{
	sqlite3 *h = SQ(db);

	if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) {
		pm_db_clear_error(db);
		return 0;
	}
	pm_db_set_error(db, pm_sqlite_error(h, rc), h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
	return -1;
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

static int
sq_open(struct pm_db *db, unsigned flags, struct pm_err *err)
{
	const char *path = db->path;
	char *uri = NULL;
	int oflags, rc, fresh;

	/* ":memory:" is for the fuzz harnesses and tests only (the
	 * commands refuse it in pm_db_path): no file, no folder */
	if (strcmp(path, ":memory:") != 0) {
		if (make_parent(path, err) < 0 || check_filesystem(path, err) < 0)
			return -1;
		db->readonly_fs = on_readonly_mount(path);
		if (!db->readonly_fs && create_private(path, err) < 0)
			return -1;
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
		return -1;
	rc = sqlite3_open_v2(uri ? uri : path, &SQ(db), oflags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		pm_sqlite_rc(db, rc);
		return pm_db_fail(db, err, _("opening"));
	}
	sqlite3_extended_result_codes(SQ(db), 0);
	sqlite3_busy_timeout(SQ(db), db->timeout);
	/* a file cut short says in its header it has more pages than it
	 * has, and SQLite then reads nothing at all, not even the header;
	 * this lets restore read it (to keep it aside) and write over it.
	 * Such a connection runs no SQL of ours that writes. */
	if ((flags & PM_DB_DAMAGED_OK) && pm_db_exec(db, "PRAGMA writable_schema = ON", err) < 0)
		return -1;
	if (flags & PM_DB_DAMAGED_OK)
		flags |= PM_DB_NOMIGRATE;
	if (check_identity(db, flags, &fresh, err) < 0)
		return -1;
	if (pm_db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", err) < 0)
		return -1;
	if (fresh) {
		char sql[64];

		/* the first writer marks the file; WAL is a property of the file */
		if (pm_db_exec(db, "PRAGMA journal_mode = WAL", err) < 0)
			return -1;
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d", (int)PM_APPLICATION_ID);
		if (pm_db_exec(db, sql, err) < 0)
			return -1;
	}
	return 0;
}

static void
sq_rollback(struct pm_db *db)
{
	if (SQ(db) && !sqlite3_get_autocommit(SQ(db)))
		sqlite3_exec(SQ(db), "ROLLBACK", NULL, NULL, NULL);
}

static void
sq_close(struct pm_db *db)
{
	if (SQ(db))
		sqlite3_close_v2(SQ(db));
	SQ(db) = NULL;
}

static int
sq_schema_version(struct pm_db *db, int *version, struct pm_err *err)
{
	return pm_db_int(db, "PRAGMA user_version", version, err);
}

static int
sq_exec(struct pm_db *db, const char *sql)
{
	return pm_sqlite_rc(db, sqlite3_exec(SQ(db), sql, NULL, NULL, NULL));
}

static int
sq_migrate(struct pm_db *db, const char *sql, int version, struct pm_err *err)
{
	char pragma[64];

	if (sq_exec(db, sql) < 0)
		return pm_db_fail(db, err, pm_migrations[version - 1].name);
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version);
	return pm_db_exec(db, pragma, err);
}

static int
sq_begin(struct pm_db *db)
{
	return sq_exec(db, "BEGIN IMMEDIATE");
}

static int
sq_commit(struct pm_db *db)
{
	return sq_exec(db, "COMMIT");
}

static int
sq_prepare(struct pm_db *db, const char *sql, struct pm_stmt **out)
{
	struct sq_stmt *st = calloc(1, sizeof *st);
	int rc;

	if (!st) {
		pm_db_set_error(db, PM_DBE_NOMEM, NULL);
		return -1;
	}
	rc = sqlite3_prepare_v2(SQ(db), sql, -1, &st->s, NULL);
	if (pm_sqlite_rc(db, rc) < 0) {
		sqlite3_finalize(st->s);
		free(st);
		return -1;
	}
	st->base.db = db;
	*out = &st->base;
	return 0;
}

static void
sq_free(struct pm_stmt *st)
{
	sqlite3_finalize(SS(st));
	free(st);
}

static void
sq_reset(struct pm_stmt *st)
{
	sqlite3_reset(SS(st));
}

static void
sq_clear(struct pm_stmt *st)
{
	sqlite3_clear_bindings(SS(st));
}

static int
sq_step(struct pm_stmt *st)
{
	int rc = sqlite3_step(SS(st));

	if (rc == SQLITE_ROW)
		return PM_ROW;
	if (rc == SQLITE_DONE)
		return PM_DONE;
	pm_sqlite_rc(st->db, rc);
	return -1;
}

static int
sq_param_index(struct pm_stmt *st, const char *name)
{
	return sqlite3_bind_parameter_index(SS(st), name);
}

/* A bind's result: only running out of memory fails (recorded for the
 * step); a parameter the statement does not have is no error (db.h). */
static int
sq_bound(struct pm_stmt *st, int rc)
{
	if (rc == SQLITE_RANGE)
		return 0;
	return pm_sqlite_rc(st->db, rc);
}

static int
sq_bind_text(struct pm_stmt *st, int i, const char *s, size_t n, int ref)
{
	return sq_bound(st, sqlite3_bind_text64(SS(st), i, s, n, ref ? SQLITE_STATIC : SQLITE_TRANSIENT,
	    SQLITE_UTF8));
}

static int
sq_bind_int(struct pm_stmt *st, int i, int64_t v)
{
	return sq_bound(st, sqlite3_bind_int64(SS(st), i, v));
}

static int
sq_bind_null(struct pm_stmt *st, int i)
{
	return sq_bound(st, sqlite3_bind_null(SS(st), i));
}

static int
sq_bind_blob(struct pm_stmt *st, int i, const void *p, size_t n)
{
	return sq_bound(st, sqlite3_bind_blob64(SS(st), i, p, n, SQLITE_TRANSIENT));
}

static int
sq_col_count(struct pm_stmt *st)
{
	return sqlite3_column_count(SS(st));
}

static enum pm_col_type
sq_col_type(struct pm_stmt *st, int i)
{
	switch (sqlite3_column_type(SS(st), i)) {
	case SQLITE_NULL:
		return PM_TYPE_NULL;
	case SQLITE_INTEGER:
		return PM_TYPE_INT;
	case SQLITE_TEXT:
		return PM_TYPE_TEXT;
	default:
		return PM_TYPE_OTHER;
	}
}

static int64_t
sq_col_int(struct pm_stmt *st, int i)
{
	return sqlite3_column_int64(SS(st), i);
}

static const char *
sq_col_text(struct pm_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(SS(st), i);
}

static const void *
sq_col_blob(struct pm_stmt *st, int i, size_t *n)
{
	const void *p = sqlite3_column_blob(SS(st), i);
	int len = sqlite3_column_bytes(SS(st), i);

	*n = len > 0 ? (size_t)len : 0;
	return p;
}

static int64_t
sq_changes(struct pm_db *db)
{
	return sqlite3_changes64(SQ(db));
}

static int64_t
sq_last_id(struct pm_db *db)
{
	return sqlite3_last_insert_rowid(SQ(db));
}

const struct pm_driver pm_driver_sqlite = {
	.name = "sqlite",
	.migrations = pm_migrations,
	.migration_count = &pm_migration_count,
	.db_size = sizeof(struct sq_db),
	.open = sq_open,
	.close = sq_close,
	.schema_version = sq_schema_version,
	.migrate = sq_migrate,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.free = sq_free,
	.reset = sq_reset,
	.clear = sq_clear,
	.step = sq_step,
	.param_index = sq_param_index,
	.bind_text = sq_bind_text,
	.bind_int = sq_bind_int,
	.bind_null = sq_bind_null,
	.bind_blob = sq_bind_blob,
	.col_count = sq_col_count,
	.col_type = sq_col_type,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.changes = sq_changes,
	.last_id = sq_last_id,
	.copy_to = pm_sqlite_copy_to,
	.source_open = pm_sqlite_source_open,
	.source_close = pm_sqlite_source_close,
	.copy_from = pm_sqlite_copy_from,
};
