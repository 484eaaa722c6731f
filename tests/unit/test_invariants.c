/* test_invariants.c - the rules' table and the formatting of their messages */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "admin/invariants.h"
#include "tmpdb.h"

static struct pm_buf b = PM_BUF_INIT;

/* f formatted into b; NULL when it is refused */
static const char *
fmt(const char *f, const char *const *args, size_t n, int *rc)
{
	pm_buf_reset(&b);
	*rc = pm_invariant_format(&b, f, args, n);
	return *rc < 0 ? NULL : pm_buf_str(&b);
}

static void
test_format(void **state)
{
	const char *args[4] = {"赵六", "2026-10-01", NULL, "2026-11-15"};
	int rc;

	(void)state;
	assert_string_equal(fmt("%s since %s", args, 4, &rc), "赵六 since 2026-10-01");
	assert_string_equal(fmt("%2$s: %1$s", args, 4, &rc), "2026-10-01: 赵六");
	assert_string_equal(fmt("%s %s %s", args, 4, &rc), "赵六 2026-10-01 ?");
	assert_string_equal(fmt("110.00%%", args, 4, &rc), "110.00%");
	assert_string_equal(fmt("no arguments", args, 0, &rc), "no arguments");
	assert_string_equal(fmt("", args, 4, &rc), "");
	/* what a table's format must not do: anything but %s */
	assert_null(fmt("%d", args, 4, &rc));
	assert_null(fmt("trailing %", args, 4, &rc));
	assert_null(fmt("%s %s %s %s %s", args, 4, &rc));
	assert_null(fmt("%5$s", args, 4, &rc));
	assert_null(fmt("%s", args, 0, &rc));
	pm_buf_free(&b);
}

/* Every rule: a snake_case name of its own, a description, a query or a
 * function (not both), messages that take at most the arguments a query
 * can give. */
static void
test_table(void **state)
{
	size_t i, j;

	(void)state;
	assert_true(pm_ninvariants >= 5);
	for (i = 0; i < pm_ninvariants; i++) {
		const struct pm_invariant *r = &pm_invariants[i];
		const char *p;

		assert_non_null(r->name);
		for (p = r->name; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
				fail_msg("rule '%s': not snake_case", r->name);
		for (j = 0; j < i; j++)
			if (!strcmp(pm_invariants[j].name, r->name))
				fail_msg("rule '%s' twice", r->name);
		assert_non_null(r->desc);
		assert_true(!r->sql != !r->fn);
		if (r->sql)
			assert_non_null(r->msg[0]);
		for (j = 0; j < PM_INVARIANT_MSGS && r->msg[j]; j++) {
			const char *args[PM_INVARIANT_ARGS] = {"a", "b", "c", "d"};
			int rc;

			if (!fmt(r->msg[j], args, PM_INVARIANT_ARGS, &rc))
				fail_msg("rule '%s': message %zu is not a format of %%s", r->name, j);
		}
	}
	pm_buf_free(&b);
}

/* A new estate breaks no rule, and every query prepares. */
static void
test_fresh(void **state)
{
	struct tmpdb t;
	struct pm_err err = {0, NULL};
	struct pm_outopts o = {PM_FMT_CSV, 1, 0, 0, NULL, NULL};
	static const struct pm_col cols[] = {
		{"check", "Check", PM_COL_CODE, 0},
		{"result", "Result", PM_COL_TEXT, 0},
	};
	struct pm_out *out;
	char *text = NULL;
	size_t len = 0;
	long problems = 0;
	FILE *fp;

	(void)state;
	setenv("PM_NOW", "2026-11-30T09:00:00", 1);
	tmpdb_open(&t);
	fp = open_memstream(&text, &len);
	assert_non_null(fp);
	out = pm_out_new(fp, &o, &err);
	assert_non_null(out);
	pm_out_begin(out, NULL, cols, 2, 0);
	assert_int_equal(pm_invariants_check(t.db, out, &problems, &err), 0);
	pm_out_end(out);
	assert_int_equal(pm_out_finish(out, &err), 0);
	fclose(fp);
	assert_int_equal(problems, 0);
	assert_string_equal(text, "books_balance,ok\nsequence_gaps,ok\nownership_overlap,ok\n"
	    "ownership_shares,ok\noccupancy,ok\nlease_overlap,ok\ncash_negative,ok\n"
	    "ticket_order,ok\nreno_order,ok\nfuture_records,ok\n");
	free(text);
	tmpdb_close(&t);
	unsetenv("PM_NOW");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_fresh),
	};

	return cmocka_run_group_tests_name("invariants", tests, NULL, NULL);
}
