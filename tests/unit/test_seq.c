/* test_seq.c - yearly record numbers */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/seq.h"
#include "tmpdb.h"

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
	tmpdb_close(*state);
	return 0;
}

static void
next_is(struct pm_db *db, const char *prefix, int year, const char *want)
{
	struct pm_err err = {0, NULL};
	char buf[PM_SEQ_BUFSZ];

	if (pm_seq_next(db, prefix, year, buf, &err) != 0)
		fail_msg("%s %d: %s", prefix, year, pm_err_msg(&err));
	if (strcmp(buf, want))
		fail_msg("%s %d: got '%s', want '%s'", prefix, year, buf, want);
}

static void
test_sequence(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};

	assert_int_equal(pm_db_begin(t->db, &err), 0);
	next_is(t->db, "T", 2026, "T2026-000001");
	next_is(t->db, "T", 2026, "T2026-000002");
	next_is(t->db, "R", 2026, "R2026-000001");   /* per prefix */
	next_is(t->db, "T", 2027, "T2027-000001");   /* per year */
	next_is(t->db, "T", 2026, "T2026-000003");
	next_is(t->db, "RN", 2026, "RN2026-000001");
	assert_int_equal(pm_db_commit(t->db, &err), 0);
	assert_int_equal(tmpdb_int(t, "SELECT last FROM counter WHERE prefix = 'T' AND year = 2026"), 3);
}

/* a rolled-back command gives its number back */
static void
test_rollback(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};

	assert_int_equal(pm_db_begin(t->db, &err), 0);
	next_is(t->db, "T", 2026, "T2026-000001");
	assert_int_equal(pm_db_commit(t->db, &err), 0);
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	next_is(t->db, "T", 2026, "T2026-000002");
	pm_db_rollback(t->db);
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	next_is(t->db, "T", 2026, "T2026-000002");
	assert_int_equal(pm_db_commit(t->db, &err), 0);
}

/* past a million the number grows a digit; it is never cut */
static void
test_wide(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};

	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_db_exec(t->db,
	    "INSERT INTO counter(prefix, year, last) VALUES ('T', 2026, 999999)", &err), 0);
	next_is(t->db, "T", 2026, "T2026-1000000");
	assert_int_equal(pm_db_commit(t->db, &err), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sequence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wide, setup, teardown),
	};

	return cmocka_run_group_tests_name("seq", tests, NULL, NULL);
}
