/* test_db.c - finding, opening, refusing and writing the estate database */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/db.h"
#include "core/db_sqlite.h"
#include "core/time.h"
#include "tmpdb.h"

static int
setup(void **state)
{
	static struct tmpdb t;

	unsetenv("PM_BUSY_TIMEOUT");
	tmpdb_open(&t);
	*state = &t;
	return 0;
}

static int
teardown(void **state)
{
	unsetenv("PM_BUSY_TIMEOUT");
	tmpdb_close(*state);
	return 0;
}

static void
path_is(const char *opt, const char *want)
{
	struct pm_err err = {0, NULL};
	char *p = NULL;

	assert_int_equal(pm_db_path(opt, &p, &err), 0);
	assert_string_equal(p, want);
	free(p);
}

static void
test_path(void **state)
{
	struct pm_err err = {0, NULL};
	char *p = (char *)"untouched";

	(void)state;
	setenv("PM_DB", "/env/pm.db", 1);
	setenv("XDG_DATA_HOME", "/xdg", 1);
	setenv("HOME", "/home/desk", 1);
	path_is("/opt/x.db", "/opt/x.db");
	path_is("rel.db", "rel.db");
	path_is(NULL, "/env/pm.db");
	/* an empty --db is a mistake (an unset shell variable), not "the default" */
	assert_int_equal(pm_db_path("", &p, &err), -1);
	assert_int_equal(err.code, PM_EXIT_USAGE);
	pm_err_clear(&err);
	unsetenv("PM_DB");
	path_is(NULL, "/xdg/pm/pm.db");
	setenv("PM_DB", "", 1);
	path_is(NULL, "/xdg/pm/pm.db");
	/* a relative XDG_DATA_HOME is ignored, as the spec says */
	setenv("XDG_DATA_HOME", "xdg", 1);
	path_is(NULL, "/home/desk/.local/share/pm/pm.db");
	unsetenv("XDG_DATA_HOME");
	path_is(NULL, "/home/desk/.local/share/pm/pm.db");
	/* cron: no HOME, nothing else: a usage error that says what to do */
	unsetenv("HOME");
	assert_int_equal(pm_db_path(NULL, &p, &err), -1);
	assert_int_equal(err.code, PM_EXIT_USAGE);
	assert_string_equal(pm_err_msg(&err),
	    "no database: give --db FILE or set PM_DB (HOME is not set)");
	pm_err_clear(&err);
	setenv("HOME", "relative", 1);
	assert_int_equal(pm_db_path(NULL, &p, &err), -1);
	pm_err_clear(&err);
	unsetenv("HOME");
	unsetenv("PM_DB");
}

static void
test_fresh(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	struct pm_db *db;
	char path[160];
	int v = -1, applied = -1;

	assert_int_equal(tmpdb_int(t, "PRAGMA application_id"), PM_APPLICATION_ID);
	assert_int_equal(tmpdb_int(t, "PRAGMA user_version"), pm_db_schema_latest());
	assert_true(pm_db_schema_latest() >= 1);
	assert_int_equal(tmpdb_int(t, "PRAGMA foreign_keys"), 1);
	assert_int_equal(tmpdb_int(t, "PRAGMA synchronous"), 2);   /* FULL */
	assert_int_equal(tmpdb_int(t, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
	assert_int_equal(pm_db_schema_version(t->db, &v, &err), 0);
	assert_int_equal(v, pm_db_schema_latest());
	assert_int_equal(pm_db_migrate(t->db, &applied, &err), 0);
	assert_int_equal(applied, 0);
	assert_string_equal(pm_db_name(t->db), t->path);

	/* the folders on the way are made */
	tmpdb_file(t, "a/b/c/pm.db", path, sizeof path);
	assert_int_equal(pm_db_open(path, 0, &db, &err), 0);
	pm_db_close(db);
	assert_int_equal(access(path, F_OK), 0);

	/* NOMIGRATE leaves a new file at version 0, and migrate brings it up */
	tmpdb_file(t, "old.db", path, sizeof path);
	assert_int_equal(pm_db_open(path, PM_DB_NOMIGRATE, &db, &err), 0);
	assert_int_equal(pm_db_schema_version(db, &v, &err), 0);
	assert_int_equal(v, 0);
	assert_int_equal(pm_db_migrate(db, &applied, &err), 0);
	assert_int_equal(applied, pm_db_schema_latest());
	assert_int_equal(pm_db_schema_version(db, &v, &err), 0);
	assert_int_equal(v, pm_db_schema_latest());
	pm_db_close(db);
	pm_db_close(NULL);
}

static void
refused(struct tmpdb *t, const char *name, int code, const char *msg_part)
{
	struct pm_err err = {0, NULL};
	struct pm_db *db = (struct pm_db *)1;
	char path[160];

	tmpdb_file(t, name, path, sizeof path);
	assert_int_equal(pm_db_open(path, 0, &db, &err), -1);
	assert_null(db);
	assert_int_equal(err.code, code);
	if (!strstr(pm_err_msg(&err), msg_part) || (*msg_part && !strstr(pm_err_msg(&err), path)))
		fail_msg("%s: '%s'", name, pm_err_msg(&err));
	pm_err_clear(&err);
}

static void
test_refused(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	char path[160], cmd[400];
	FILE *fp;

	tmpdb_file(t, "text.db", path, sizeof path);
	fp = fopen(path, "w");
	fputs("this is not a database, just text that is long enough to be read as a header......\n", fp);
	fclose(fp);
	refused(t, "text.db", PM_EXIT_CONFIG, "is not a database");

	snprintf(cmd, sizeof cmd, "sqlite3 '%s/foreign.db' 'CREATE TABLE t(x)'", t->dir);
	if (system(cmd) != 0)
		skip();
	refused(t, "foreign.db", PM_EXIT_CONFIG, "is an SQLite database, but not a pm-tools one");

	/* closed first: a live WAL file copied without its -wal is not the
	 * database (the reason backups use the backup API) */
	pm_db_close(t->db);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s/newer.db' && sqlite3 '%s/newer.db' 'PRAGMA user_version = 999'",
	    t->path, t->dir, t->dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(pm_db_open(t->path, 0, &t->db, &err), 0);
	refused(t, "newer.db", PM_EXIT_CONFIG, "has schema version 999, newer than this program knows");

	/* a bad busy timeout is refused before the file is touched */
	setenv("PM_BUSY_TIMEOUT", "abc", 1);
	refused(t, "x.db", PM_EXIT_USAGE, "");
	setenv("PM_BUSY_TIMEOUT", "-5", 1);
	refused(t, "x.db", PM_EXIT_USAGE, "");
	setenv("PM_BUSY_TIMEOUT", "99999999999", 1);
	refused(t, "x.db", PM_EXIT_USAGE, "");
	unsetenv("PM_BUSY_TIMEOUT");
	assert_int_equal(access(tmpdb_file(t, "x.db", path, sizeof path), F_OK), -1);
}

/* BEGIN IMMEDIATE takes the write lock up front: a second writer gets
 * 75 after the busy timeout, and nothing it did is kept */
static void
test_busy(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	struct pm_db *b;
	char want[256];

	setenv("PM_BUSY_TIMEOUT", "50", 1);
	assert_int_equal(pm_db_open(t->path, 0, &b, &err), 0);
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_db_in_tx(t->db), 1);
	assert_int_equal(pm_db_exec(t->db, "INSERT INTO setting VALUES ('estate.name', 'a')", &err), 0);
	assert_int_equal(pm_db_begin(b, &err), -1);
	assert_int_equal(err.code, PM_EXIT_BUSY);
	snprintf(want, sizeof want, "database '%s' is busy (another writer holds it): try again", t->path);
	assert_string_equal(pm_err_msg(&err), want);
	assert_int_equal(pm_db_in_tx(b), 0);
	pm_err_clear(&err);
	pm_db_rollback(t->db);
	assert_int_equal(pm_db_in_tx(t->db), 0);
	assert_int_equal(tmpdb_int(t, "SELECT count(*) FROM setting"), 0);
	/* now the second one may */
	assert_int_equal(pm_db_begin(b, &err), 0);
	assert_int_equal(pm_db_commit(b, &err), 0);
	pm_db_close(b);
	/* a transaction inside a transaction is a bug */
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_db_begin(t->db, &err), -1);
	assert_int_equal(err.code, PM_EXIT_SOFTWARE);
	pm_err_clear(&err);
	pm_db_rollback(t->db);
	pm_db_rollback(t->db);   /* harmless when none is open */
	/* closing with a transaction open rolls it back */
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_db_exec(t->db, "INSERT INTO setting VALUES ('estate.name', 'b')", &err), 0);
	pm_db_close(t->db);
	assert_int_equal(pm_db_open(t->path, 0, &t->db, &err), 0);
	assert_int_equal(tmpdb_int(t, "SELECT count(*) FROM setting"), 0);
	unsetenv("PM_BUSY_TIMEOUT");
}

static void
test_fail_codes(void **state)
{
	static const struct {
		int rc, code;
		const char *part;
	} t[] = {
		{SQLITE_BUSY, PM_EXIT_BUSY, "is busy"},
		{SQLITE_LOCKED, PM_EXIT_BUSY, "is busy"},
		{SQLITE_FULL, PM_EXIT_IO, "saving: disk full, nothing written"},
		{SQLITE_IOERR, PM_EXIT_IO, "saving: I/O error on"},
		{SQLITE_IOERR_WRITE, PM_EXIT_IO, "saving: I/O error on"},
		{SQLITE_READONLY, PM_EXIT_IO, "is read-only"},
		{SQLITE_CANTOPEN, PM_EXIT_NOINPUT, "cannot open database"},
		{SQLITE_PERM, PM_EXIT_NOINPUT, "cannot open database"},
		{SQLITE_NOTADB, PM_EXIT_CONFIG, "is not a database"},
		{SQLITE_CORRUPT, PM_EXIT_CONFIG, "is damaged"},
		{SQLITE_NOMEM, PM_EXIT_OSERR, "out of memory"},
		{SQLITE_CONSTRAINT, PM_EXIT_DATA, "saving: "},
		{SQLITE_CONSTRAINT_UNIQUE, PM_EXIT_DATA, "saving: "},
		{SQLITE_ERROR, PM_EXIT_SOFTWARE, "saving: "},
		{SQLITE_MISUSE, PM_EXIT_SOFTWARE, "saving: "},
	};
	struct tmpdb *tdb = *state;
	struct pm_err err = {0, NULL};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		pm_db_set_error(tdb->db, pm_sqlite_error(NULL, t[i].rc), sqlite3_errstr(t[i].rc));
		assert_int_equal(pm_db_fail(tdb->db, &err, "saving"), -1);
		if (err.code != t[i].code || !strstr(pm_err_msg(&err), t[i].part))
			fail_msg("rc %d: %d '%s'", t[i].rc, err.code, pm_err_msg(&err));
		pm_err_clear(&err);
	}
	/* without a database it still says something */
	assert_int_equal(pm_db_fail(NULL, &err, "x"), -1);
	assert_int_equal(err.code, PM_EXIT_SOFTWARE);
	pm_err_clear(&err);
	/* a step that found no row where the caller wanted one */
	pm_db_clear_error(tdb->db);
	assert_int_equal(pm_db_fail(tdb->db, &err, "x"), -1);
	assert_int_equal(err.code, PM_EXIT_SOFTWARE);
	assert_string_equal(pm_err_msg(&err), "x: no row where one was expected");
	pm_err_clear(&err);
}

static void
test_helpers(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	struct pm_stmt *st;

	setenv("PM_NOW", "2026-11-30T23:30:00Z", 1);  /* 07:30 on 1 December in Shanghai */
	assert_int_equal(pm_db_prepare(t->db, "SELECT :today, ?2, ?3, ?4, NULL", &st, &err), 0);
	assert_int_equal(pm_bind_today(st, &err), 0);
	assert_int_equal(pm_bind_text(st, 2, NULL), 0);
	assert_int_equal(pm_bind_text_null(st, 3, ""), 0);
	assert_int_equal(pm_bind_int(st, 4, INT64_MIN), 0);
	assert_int_equal(pm_step(st), PM_ROW);
	assert_string_equal(pm_col_text(st, 0), "2026-12-01");
	assert_string_equal(pm_col_text(st, 1), "");
	assert_int_equal(pm_col_type(st, 1), PM_TYPE_TEXT);
	assert_int_equal(pm_col_type(st, 2), PM_TYPE_NULL);
	assert_int_equal(pm_col_int64(st, 3), INT64_MIN);
	assert_string_equal(pm_col_text(st, 4), "");
	pm_stmt_free(st);
	/* no :today parameter: nothing to do */
	assert_int_equal(pm_db_prepare(t->db, "SELECT 1", &st, &err), 0);
	assert_int_equal(pm_bind_today(st, &err), 0);
	assert_int_equal(pm_db_step_done(t->db, st, &err), 0);
	pm_stmt_free(st);
	/* a bad PM_NOW is the caller's usage error */
	setenv("PM_NOW", "soon", 1);
	assert_int_equal(pm_db_prepare(t->db, "SELECT :today", &st, &err), 0);
	assert_int_equal(pm_bind_today(st, &err), -1);
	assert_int_equal(err.code, PM_EXIT_USAGE);
	pm_err_clear(&err);
	pm_stmt_free(st);
	unsetenv("PM_NOW");

	/* SQL that does not compile is a bug (70), with SQLite's words */
	assert_int_equal(pm_db_prepare(t->db, "SELEC 1", &st, &err), -1);
	assert_int_equal(err.code, PM_EXIT_SOFTWARE);
	assert_non_null(strstr(pm_err_msg(&err), "syntax error"));
	pm_err_clear(&err);
	/* a constraint is bad data (65): a staff role outside the list */
	assert_int_equal(pm_db_prepare(t->db,
	    "INSERT INTO staff(name, dept, role, joined) VALUES ('x', 'service', 'boss', '2026-11-30')",
	    &st, &err), 0);
	assert_int_equal(pm_db_step_done(t->db, st, &err), -1);
	assert_int_equal(err.code, PM_EXIT_DATA);
	pm_err_clear(&err);
	pm_stmt_free(st);
	assert_int_equal(tmpdb_int(t, "SELECT count(*) FROM staff"), 0);
}

/* pm_db_blob: an attachment's bytes, NUL bytes and all; 1 for no row;
 * an empty blob is an empty (but allocated) copy */
static void
test_blob(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	struct pm_stmt *st;
	char *data;
	size_t len;

	assert_int_equal(pm_db_prepare(t->db, "SELECT x'00ff0041'", &st, &err), 0);
	assert_int_equal(pm_db_blob(t->db, st, &data, &len, &err), 0);
	assert_int_equal(len, 4);
	assert_memory_equal(data, "\0\xff\0A", 4);
	free(data);
	assert_int_equal(pm_db_prepare(t->db, "SELECT x''", &st, &err), 0);
	assert_int_equal(pm_db_blob(t->db, st, &data, &len, &err), 0);
	assert_non_null(data);
	assert_int_equal(len, 0);
	free(data);
	assert_int_equal(pm_db_prepare(t->db, "SELECT 1 WHERE 0", &st, &err), 0);
	assert_int_equal(pm_db_blob(t->db, st, &data, &len, &err), 1);
	assert_null(data);
	assert_int_equal(len, 0);
}

/* pm_db_text: one text value, NULL read as ""; 1 for no row */
static void
test_text(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	struct pm_stmt *st;
	char *text;

	assert_int_equal(pm_db_prepare(t->db, "SELECT '3-2-1501', 2", &st, &err), 0);
	assert_int_equal(pm_db_text(t->db, st, &text, "reading", &err), 0);
	assert_string_equal(text, "3-2-1501");
	free(text);
	assert_int_equal(pm_db_prepare(t->db, "SELECT NULL", &st, &err), 0);
	assert_int_equal(pm_db_text(t->db, st, &text, "reading", &err), 0);
	assert_string_equal(text, "");
	free(text);
	assert_int_equal(pm_db_prepare(t->db, "SELECT 1 WHERE 0", &st, &err), 0);
	assert_int_equal(pm_db_text(t->db, st, &text, "reading", &err), 1);
	assert_null(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path),
		cmocka_unit_test_setup_teardown(test_fresh, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fail_codes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_helpers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_blob, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text, setup, teardown),
	};

	return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
