/* test_ticket.c - the small rules of lib/ticket: ticket numbers, the
 * deadline arithmetic in the estate's zone, percentages */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/audit.h"
#include "core/db.h"
#include "core/err.h"
#include "core/keyword.h"
#include "core/time.h"
#include "ticket/internal.h"
#include "owner/archive.h"
#include "ticket/ticket.h"

static void
test_norm(void **state)
{
	static const struct { const char *in, *want; } ok_cases[] = {
		{"T2026-000123", "T2026-000123"},
		{"t2026-123", "T2026-000123"},
		{" T2026-1 ", "T2026-000001"},
		{"T2027-999999", "T2027-999999"},
		{"T2026-1234567", "T2026-1234567"},
	};
	static const char *const bad[] = {
		"", "T", "2026-000123", "T26-1", "T2026-", "T2026-0", "T2026-12a", "X2026-1",
		"T2026-12345678", "T2026_1",
	};
	struct pm_err err = {0};
	char buf[24];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ok_cases / sizeof ok_cases[0]; i++) {
		assert_int_equal(tk_norm(ok_cases[i].in, buf, &err), 0);
		assert_string_equal(buf, ok_cases[i].want);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(tk_norm(bad[i], buf, &err), -1);
		assert_int_equal(err.code, PM_EXIT_DATA);
		pm_err_clear(&err);
	}
}

static void
test_add(void **state)
{
	static const struct { const char *zone, *when; int days; int64_t hours; const char *want; } cases[] = {
		{"Asia/Shanghai", "2026-11-30T15:00:00", 2, 0, "2026-12-02T15:00:00"},
		{"Asia/Shanghai", "2026-12-30T23:59:59", 3, 0, "2027-01-02T23:59:59"},
		{"Asia/Shanghai", "2028-02-27T10:00:00", 2, 0, "2028-02-29T10:00:00"},
		{"Asia/Shanghai", "2026-11-30T09:00:00", 0, 72, "2026-12-03T09:00:00"},
		{"Asia/Shanghai", "2026-11-30T09:00:00", 0, 24, "2026-12-01T09:00:00"},
		/* calendar days keep the clock time across a DST change; hours are hours */
		{"America/New_York", "2026-03-07T10:00:00", 2, 0, "2026-03-09T10:00:00"},
		{"America/New_York", "2026-03-07T10:00:00", 0, 48, "2026-03-09T11:00:00"},
	};
	struct pm_err err = {0};
	char buf[PM_TIME_BUFSZ];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(pm_tz_set(cases[i].zone, &err), 0);
		assert_int_equal(tk_add(cases[i].when, cases[i].days, cases[i].hours, buf, &err), 0);
		assert_string_equal(buf, cases[i].want);
	}
	assert_int_equal(tk_add("yesterday", 1, 0, buf, &err), -1);
	assert_int_equal(err.code, PM_EXIT_SOFTWARE);
	pm_err_clear(&err);
}

static void
test_percent(void **state)
{
	static const struct { int64_t a, b; const char *want; } cases[] = {
		{4, 5, "80.0"}, {12, 22, "54.5"}, {1, 3, "33.3"}, {2, 3, "66.7"},
		{1, 8, "12.5"}, {0, 7, "0.0"}, {7, 7, "100.0"}, {3, 0, ""}, {1, 2000, "0.1"},
		{1, 2001, "0.0"},
	};
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tk_percent(cases[i].a, cases[i].b, buf);
		assert_string_equal(buf, cases[i].want);
	}
}

static void
test_keywords(void **state)
{
	static const struct { const struct pm_keyword *t; const char *in, *key; } cases[] = {
		{pm_ticket_kinds, "报修", "repair"}, {pm_ticket_kinds, "投诉", "complaint"},
		{pm_ticket_kinds, "委托代办", "errand"}, {pm_ticket_kinds, "Emergency", "emergency"},
		{pm_ticket_categories, "安全设施", "safety"}, {pm_ticket_categories, "渗漏", "leak"},
		{pm_ticket_categories, "房屋渗漏水", "leak"}, {pm_ticket_categories, "公共区域", "public"},
		{pm_ticket_channels, "意见箱", "box"}, {pm_ticket_channels, "热线", "hotline"},
		{pm_callback_results, "基本满意", "basic"}, {pm_callback_results, "不满意", "unsatisfied"},
		{pm_recheck_results, "属实", "confirmed"},
		{pm_ticket_kinds, "修理", NULL}, {pm_ticket_categories, "", NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *k = pm_keyword_key(cases[i].t, cases[i].in);

		if (cases[i].key)
			assert_string_equal(k, cases[i].key);
		else
			assert_null(k);
	}
	assert_string_equal(pm_ticket_step_name(PM_STEP_CALLBACK), "callback");
	assert_string_equal(pm_ticket_step_name(PM_STEP_HANDOVER), "handover");
}

/* pm-owner show UNIT: the archive has a "tickets" section with the unit's
 * tickets, and only the unit's */
static void
test_archive(void **state)
{
	char dir[] = "/tmp/pm-test-ticket.XXXXXX", path[64], no[24], *text = NULL;
	struct pm_ticket_new t = {0};
	struct pm_outopts o = {.format = PM_FMT_CSV};
	struct pm_err err = {0};
	struct pm_out *out;
	struct pm_db *db;
	size_t len = 0;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/pm.db", dir);
	setenv("PM_NOW", "2026-11-30T09:00:00", 1);
	pm_audit_actor("test", "archive", "tester", NULL);
	assert_int_equal(pm_db_open(path, 0, &db, &err), 0);
	assert_int_equal(pm_db_exec(db,
	    "INSERT INTO staff(name, dept, role, joined) VALUES ('张三', 'service', 'clerk', '2026-01-01');"
	    "INSERT INTO unit(code, building, room) VALUES ('1-1-101', '1', '101'), ('1-1-102', '1', '102');",
	    &err), 0);
	t.by = "张三";
	t.category = "leak";
	t.unit = "1-1-101";
	t.summary = "漏水";
	assert_int_equal(pm_ticket_new(db, &t, no, &err), 0);
	t.unit = "1-1-102";
	t.summary = "别家的";
	assert_int_equal(pm_ticket_new(db, &t, no, &err), 0);

	fp = open_memstream(&text, &len);
	assert_non_null(fp);
	out = pm_out_new(fp, &o, &err);
	assert_non_null(out);
	assert_int_equal(pm_archive_write(db, 1, out, &err), 0);
	assert_int_equal(pm_out_finish(out, &err), 0);
	fclose(fp);
	assert_non_null(strstr(text, "[tickets]\nticket,received,kind,category,status,summary,finished,callback\n"
	    "T2026-000001,2026-11-30T09:00:00,repair,leak,open,漏水,,\n"));
	assert_null(strstr(text, "别家的"));
	free(text);
	pm_db_close(db);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_keywords),
		cmocka_unit_test(test_archive),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
