/* test_audit.c - the audit trail: what is recorded, and reading it back */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/audit.h"
#include "tmpdb.h"

/* the login is looked up once per process: fix it for every test */
static int
group_setup(void **state)
{
	(void)state;
	pm_audit_actor("pm-test", "test", "desk", NULL);
	return 0;
}

static int
setup(void **state)
{
	static struct tmpdb t;

	tmpdb_open(&t);
	*state = &t;
	return 0;
}

static int
teardown(void **state)
{
	unsetenv("PM_NOW");
	tmpdb_close(*state);
	return 0;
}

static void
write_at(struct tmpdb *t, const char *now, const char *prog, const char *clerk,
	 const char *record, const char *change)
{
	struct pm_err err = {0, NULL};

	setenv("PM_NOW", now, 1);
	pm_audit_actor(prog, "test", NULL, clerk);
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_audit(t->db, record, change, &err), 0);
	assert_int_equal(pm_db_commit(t->db, &err), 0);
}

/* The log with filter f, as csv without the header. */
static char *
listing(struct tmpdb *t, const struct pm_audit_filter *f)
{
	struct pm_outopts o = {.format = PM_FMT_CSV, .no_header = 1, .excel = 0, .reveal = 0};
	struct pm_err err = {0, NULL};
	struct pm_out *out;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	out = pm_out_new(fp, &o, &err);
	assert_int_equal(pm_audit_list(t->db, f, out, &err), 0);
	assert_int_equal(pm_out_finish(out, &err), 0);
	fclose(fp);
	return buf;
}

static void
test_record(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	struct pm_stmt *st;

	/* the login was fixed by the first call; the clerk is set by each */
	pm_audit_actor("pm-test", "staff add", "other", "王芳");
	assert_string_equal(pm_audit_login(), "desk");
	assert_string_equal(pm_audit_clerk(), "王芳");
	assert_string_equal(pm_audit_who(), "王芳");
	setenv("PM_NOW", "2026-11-30T09:15:00", 1);
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_audit(t->db, "unit 3-2-1501", "moved in", &err), 0);
	assert_int_equal(pm_auditf(t->db, NULL, &err, "%d rows, %s", 3, "ok"), 0);
	assert_int_equal(pm_db_commit(t->db, &err), 0);

	assert_int_equal(pm_db_prepare(t->db, "SELECT at, login, clerk, prog, verb, record, change FROM audit ORDER BY id", &st, &err), 0);
	assert_int_equal(pm_step(st), PM_ROW);
	assert_string_equal(pm_col_text(st, 0), "2026-11-30T09:15:00");
	assert_string_equal(pm_col_text(st, 1), "desk");
	assert_string_equal(pm_col_text(st, 2), "王芳");
	assert_string_equal(pm_col_text(st, 3), "pm-test");
	assert_string_equal(pm_col_text(st, 4), "staff add");
	assert_string_equal(pm_col_text(st, 5), "unit 3-2-1501");
	assert_string_equal(pm_col_text(st, 6), "moved in");
	assert_int_equal(pm_step(st), PM_ROW);
	assert_int_equal(pm_col_type(st, 5), PM_TYPE_NULL);
	assert_string_equal(pm_col_text(st, 6), "3 rows, ok");
	assert_int_equal(pm_step(st), PM_DONE);
	pm_stmt_free(st);

	/* no clerk declared: the login is who */
	pm_audit_actor("pm-test", "x", "someone-else", "");
	assert_null(pm_audit_clerk());
	assert_string_equal(pm_audit_login(), "desk");
	assert_string_equal(pm_audit_who(), "desk");

	/* a record written in a rolled-back transaction is gone with it */
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_audit(t->db, "unit 1-1-101", NULL, &err), 0);
	pm_db_rollback(t->db);
	assert_int_equal(tmpdb_int(t, "SELECT count(*) FROM audit"), 2);

	/* a bad PM_NOW writes nothing */
	setenv("PM_NOW", "whenever", 1);
	assert_int_equal(pm_audit(t->db, "x", "y", &err), -1);
	assert_int_equal(err.code, PM_EXIT_USAGE);
	pm_err_clear(&err);
	assert_int_equal(tmpdb_int(t, "SELECT count(*) FROM audit"), 2);
}

static void
test_list(void **state)
{
	struct tmpdb *t = *state;
	struct pm_audit_filter f;
	char *s;

	write_at(t, "2026-11-28T17:00:00", "pm-admin", NULL, "staff 张伟", "added");
	write_at(t, "2026-11-29T00:00:00", "pm-owner", "王芳", "unit 3-2-1501", "moved in");
	write_at(t, "2026-11-29T23:59:59", "pm-owner", "李娜", "unit 3-2-1502", NULL);
	write_at(t, "2026-11-30T09:00:00", "pm-fee", NULL, "receipt R2026-000001", "paid 100.00");

	memset(&f, 0, sizeof f);
	s = listing(t, &f);
	assert_string_equal(s,
	    "1,2026-11-28T17:00:00,desk,,pm-admin,test,staff 张伟,added\n"
	    "2,2026-11-29T00:00:00,desk,王芳,pm-owner,test,unit 3-2-1501,moved in\n"
	    "3,2026-11-29T23:59:59,desk,李娜,pm-owner,test,unit 3-2-1502,\n"
	    "4,2026-11-30T09:00:00,desk,,pm-fee,test,receipt R2026-000001,paid 100.00\n");
	free(s);

	/* since and until are whole local days, both inclusive */
	f.since = "2026-11-29";
	f.until = "2026-11-29";
	s = listing(t, &f);
	assert_string_equal(s,
	    "2,2026-11-29T00:00:00,desk,王芳,pm-owner,test,unit 3-2-1501,moved in\n"
	    "3,2026-11-29T23:59:59,desk,李娜,pm-owner,test,unit 3-2-1502,\n");
	free(s);
	memset(&f, 0, sizeof f);
	f.until = "2026-11-28";
	s = listing(t, &f);
	assert_string_equal(s, "1,2026-11-28T17:00:00,desk,,pm-admin,test,staff 张伟,added\n");
	free(s);

	/* who matches the login or the clerk */
	memset(&f, 0, sizeof f);
	f.who = "李娜";
	s = listing(t, &f);
	assert_string_equal(s, "3,2026-11-29T23:59:59,desk,李娜,pm-owner,test,unit 3-2-1502,\n");
	free(s);
	f.who = "desk";
	s = listing(t, &f);
	assert_int_equal(strlen(s) > 0, 1);
	assert_non_null(strstr(s, "\n4,"));
	free(s);

	memset(&f, 0, sizeof f);
	f.prog = "pm-owner";
	f.record = "3-2-150";
	f.limit = 1;
	s = listing(t, &f);
	assert_string_equal(s, "2,2026-11-29T00:00:00,desk,王芳,pm-owner,test,unit 3-2-1501,moved in\n");
	free(s);
	f.limit = 0;
	f.record = "R2026";
	s = listing(t, &f);
	assert_string_equal(s, "");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_record, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, teardown),
	};

	return cmocka_run_group_tests_name("audit", tests, group_setup, NULL);
}
