/* test_staff.c - the staff register as other binaries use it: find,
 * require a role, names for completion */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "tmpdb.h"

static int
setup(void **state)
{
	static struct tmpdb t;
	struct pm_err err = {0, NULL};
	const struct pm_staff people[] = {
		{"张伟", "客服部", "经理", NULL, NULL, "2020-01-01"},
		{"李娜", "service", "clerk", "13800138000", "1栋", "2021-05-01"},
		{"王强", "工程部", "维修工", NULL, NULL, "2022-03-01"},
	};
	int64_t id;
	size_t i;

	setenv("PM_NOW", "2026-11-30T09:00:00", 1);
	pm_audit_actor("test_staff", "setup", "desk", NULL);
	tmpdb_open(&t);
	assert_int_equal(pm_db_begin(t.db, &err), 0);
	for (i = 0; i < sizeof people / sizeof people[0]; i++)
		if (pm_staff_add(t.db, &people[i], &id, &err) != 0)
			fail_msg("%s: %s", people[i].name, pm_err_msg(&err));
	assert_int_equal(pm_staff_leave(t.db, "王强", "2026-06-30", &err), 0);
	assert_int_equal(pm_db_commit(t.db, &err), 0);
	*state = &t;
	return 0;
}

static int
teardown(void **state)
{
	tmpdb_close(*state);
	return 0;
}

static void
test_find(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	const char *role = NULL;
	int64_t id = 0;

	assert_int_equal(pm_staff_find(t->db, "李娜", &id, &role, &err), 0);
	assert_int_equal(id, 2);
	assert_string_equal(role, "clerk");
	assert_int_equal(pm_staff_find(t->db, "\xE3\x80\x80张伟 ", &id, NULL, &err), 0);
	assert_int_equal(id, 1);
	/* someone who left is no one to assign work to */
	assert_int_equal(pm_staff_find(t->db, "王强", &id, &role, &err), -1);
	assert_int_equal(err.code, PM_EXIT_DATA);
	assert_string_equal(pm_err_msg(&err), "no current staff member '王强' (see pm-admin staff list)");
	pm_err_clear(&err);
	assert_int_equal(pm_staff_find(t->db, "", &id, NULL, &err), -1);
	pm_err_clear(&err);
}

static void
test_require(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	int64_t id = 0;

	/* only a manager gives the second renovation review */
	assert_int_equal(pm_staff_require(t->db, "张伟", "manager", "the second review", &id, &err), 0);
	assert_int_equal(id, 1);
	assert_int_equal(pm_staff_require(t->db, "李娜", "supervisor|manager|clerk", "x", &id, &err), 0);
	assert_int_equal(id, 2);
	assert_int_equal(pm_staff_require(t->db, "李娜", "manager", "the second review", &id, &err), -1);
	assert_int_equal(err.code, PM_EXIT_DATA);
	assert_string_equal(pm_err_msg(&err), "the second review needs a manager, and '李娜' is a clerk");
	pm_err_clear(&err);
	/* a role is matched whole, not as a part of another */
	assert_int_equal(pm_staff_require(t->db, "李娜", "cler|lerk", "x", &id, &err), -1);
	pm_err_clear(&err);
	assert_int_equal(pm_staff_require(t->db, "王强", "repair", "x", &id, &err), -1);
	assert_string_equal(pm_err_msg(&err), "no current staff member '王强' (see pm-admin staff list)");
	pm_err_clear(&err);
}

static void
test_names(void **state)
{
	struct tmpdb *t = *state;
	struct pm_outopts o = {.format = PM_FMT_CSV, .no_header = 1, .excel = 0, .reveal = 0};
	struct pm_err err = {0, NULL};
	struct pm_out *out;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	out = pm_out_new(fp, &o, &err);
	assert_int_equal(pm_staff_complete(t->db, "", out, &err), 0);
	assert_int_equal(pm_out_finish(out, &err), 0);
	fclose(fp);
	/* current staff only, in SQLite's (byte) order */
	assert_string_equal(buf, "张伟\n李娜\n");
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_require),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests_name("staff", tests, setup, teardown);
}
