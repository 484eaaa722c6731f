/* test_time.c - dates, times, the clock, periods and spans of lib/core/time */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/time.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

/* 2026-11-30T09:00:00+08:00 and the same wall time in UTC */
#define T_SHANGHAI 1796000400
#define T_UTC 1796029200

static int
setup(void **state)
{
	struct pm_err err = {0, NULL};

	(void)state;
	/* the caller's TZ must not matter: start from a zone far away */
	setenv("TZ", "America/New_York", 1);
	tzset();
	unsetenv("PM_NOW");
	return pm_tz_set("Asia/Shanghai", &err);
}

static const char *
date_name(enum pm_date_rc rc)
{
	static const char *const names[] = {"OK", "EMPTY", "SYNTAX", "NOSUCH", "SERIAL"};

	return (unsigned)rc < N(names) ? names[rc] : "?";
}

static void
test_date_parse(void **state)
{
	static const struct {
		const char *in;
		enum pm_date_rc rc;
		int y, m, d;
	} t[] = {
		{"2024-01-05", PM_DATE_OK, 2024, 1, 5},
		{"2024-1-5", PM_DATE_OK, 2024, 1, 5},
		{"2024/1/5", PM_DATE_OK, 2024, 1, 5},
		{"2024/01/05", PM_DATE_OK, 2024, 1, 5},
		{"2024.1.5", PM_DATE_OK, 2024, 1, 5},
		{"2024年1月5日", PM_DATE_OK, 2024, 1, 5},
		{"2024年01月05号", PM_DATE_OK, 2024, 1, 5},
		{"2024年1月5", PM_DATE_OK, 2024, 1, 5},
		{"２０２４－０１－０５", PM_DATE_OK, 2024, 1, 5},    /* full-width */
		{"２０２４年１月５日", PM_DATE_OK, 2024, 1, 5},
		{"  2024-01-05\t", PM_DATE_OK, 2024, 1, 5},
		{"\xE3\x80\x80" "2024-01-05" "\xC2\xA0", PM_DATE_OK, 2024, 1, 5},
		{"2024-12-31", PM_DATE_OK, 2024, 12, 31},
		{"0001-01-01", PM_DATE_OK, 1, 1, 1},
		{"9999-12-31", PM_DATE_OK, 9999, 12, 31},
		/* leap years */
		{"2024-02-29", PM_DATE_OK, 2024, 2, 29},
		{"2000-02-29", PM_DATE_OK, 2000, 2, 29},
		{"2023-02-29", PM_DATE_NOSUCH, 0, 0, 0},
		{"1900-02-29", PM_DATE_NOSUCH, 0, 0, 0},
		{"2100-02-29", PM_DATE_NOSUCH, 0, 0, 0},
		{"2024-02-30", PM_DATE_NOSUCH, 0, 0, 0},
		{"2024-04-31", PM_DATE_NOSUCH, 0, 0, 0},
		{"2024-13-01", PM_DATE_NOSUCH, 0, 0, 0},
		{"2024-00-10", PM_DATE_NOSUCH, 0, 0, 0},
		{"2024-01-00", PM_DATE_NOSUCH, 0, 0, 0},
		{"0000-01-01", PM_DATE_NOSUCH, 0, 0, 0},
		{"2024年2月30日", PM_DATE_NOSUCH, 0, 0, 0},
		/* Excel's serial numbers get their own reason */
		{"45321", PM_DATE_SERIAL, 0, 0, 0},
		{"4532", PM_DATE_SERIAL, 0, 0, 0},
		{"1", PM_DATE_SERIAL, 0, 0, 0},
		{"４５３２１", PM_DATE_SERIAL, 0, 0, 0},
		{"123456", PM_DATE_SYNTAX, 0, 0, 0},
		{"20240105", PM_DATE_SYNTAX, 0, 0, 0},
		/* not dates */
		{"garbage", PM_DATE_SYNTAX, 0, 0, 0},
		{"2024-01", PM_DATE_SYNTAX, 0, 0, 0},
		{"2024-01-05x", PM_DATE_SYNTAX, 0, 0, 0},
		{"2024-01-05T10:00", PM_DATE_SYNTAX, 0, 0, 0},
		{"2024-001-05", PM_DATE_SYNTAX, 0, 0, 0},
		{"2024-1/5", PM_DATE_SYNTAX, 0, 0, 0},   /* one separator, not two */
		{"2024/1.5", PM_DATE_SYNTAX, 0, 0, 0},
		{"2024年1-5", PM_DATE_SYNTAX, 0, 0, 0},
		{"2024-1-5日", PM_DATE_SYNTAX, 0, 0, 0},
		{"24-1-5", PM_DATE_SYNTAX, 0, 0, 0},
		{"05/01/2024", PM_DATE_SYNTAX, 0, 0, 0},
		{"2024 - 1 - 5", PM_DATE_SYNTAX, 0, 0, 0},
		{"-2024-01-05", PM_DATE_SYNTAX, 0, 0, 0},
		{"", PM_DATE_EMPTY, 0, 0, 0},
		{"   ", PM_DATE_EMPTY, 0, 0, 0},
	};
	size_t i, bad = 0;

	(void)state;
	for (i = 0; i < N(t); i++) {
		struct pm_date d = {-1, -1, -1};
		enum pm_date_rc rc = pm_date_parse(t[i].in, strlen(t[i].in), &d);

		if (rc != t[i].rc || (rc == PM_DATE_OK &&
		    (d.y != t[i].y || d.m != t[i].m || d.d != t[i].d))) {
			print_error("'%s': got %s %d-%d-%d, want %s\n", t[i].in, date_name(rc),
			    d.y, d.m, d.d, date_name(t[i].rc));
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void
test_date_reason(void **state)
{
	(void)state;
	assert_string_equal(pm_date_reason(PM_DATE_NOSUCH), "no such date");
	assert_string_equal(pm_date_reason(PM_DATE_SYNTAX), "not a date (write 2026-11-30)");
	assert_non_null(strstr(pm_date_reason(PM_DATE_SERIAL), "format the column as a date"));
	assert_string_equal(pm_date_reason(PM_DATE_EMPTY), "missing");
}

static void
test_calendar(void **state)
{
	static const struct {
		int y, m, days;
	} t[] = {
		{2024, 2, 29}, {2023, 2, 28}, {2000, 2, 29}, {1900, 2, 28}, {2100, 2, 28},
		{2400, 2, 29}, {2024, 1, 31}, {2024, 4, 30}, {2024, 12, 31}, {2024, 11, 30},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(t); i++)
		assert_int_equal(pm_days_in_month(t[i].y, t[i].m), t[i].days);
	assert_true(pm_date_valid(2024, 2, 29));
	assert_false(pm_date_valid(2023, 2, 29));
	assert_false(pm_date_valid(0, 1, 1));
	assert_false(pm_date_valid(10000, 1, 1));
	assert_false(pm_date_valid(2024, 0, 1));
	assert_false(pm_date_valid(2024, 13, 1));
}

/* days since 1970 and back, for every day from 0001-01-01 to 9999-12-31 */
static void
test_days_roundtrip(void **state)
{
	struct pm_date d = {1, 1, 1};
	int64_t z = pm_date_days(d), first = z;

	(void)state;
	assert_int_equal(first, -719162);
	assert_int_equal(pm_date_days((struct pm_date){1970, 1, 1}), 0);
	assert_int_equal(pm_date_days((struct pm_date){2026, 11, 30}), 20787);
	assert_int_equal(pm_date_days((struct pm_date){9999, 12, 31}), 2932896);
	for (;;) {
		struct pm_date back = pm_days_date(z);

		if (pm_date_days(d) != z || back.y != d.y || back.m != d.m || back.d != d.d)
			fail_msg("%04d-%02d-%02d: days %lld, back %04d-%02d-%02d", d.y, d.m, d.d,
			    (long long)z, back.y, back.m, back.d);
		if (d.y == 9999 && d.m == 12 && d.d == 31)
			break;
		/* the next day, counted by hand */
		if (++d.d > pm_days_in_month(d.y, d.m)) {
			d.d = 1;
			if (++d.m > 12) {
				d.m = 1;
				d.y++;
			}
		}
		z++;
	}
	assert_int_equal(z - first, 2932896 + 719162);
}

static void
test_add_cmp_weekday(void **state)
{
	struct pm_date d;
	char buf[PM_DATE_BUFSZ];

	(void)state;
	d = pm_date_add((struct pm_date){2024, 2, 28}, 1);
	assert_string_equal(pm_date_fmt(d, buf), "2024-02-29");
	d = pm_date_add((struct pm_date){2024, 12, 31}, 1);
	assert_string_equal(pm_date_fmt(d, buf), "2025-01-01");
	d = pm_date_add((struct pm_date){2025, 1, 1}, -1);
	assert_string_equal(pm_date_fmt(d, buf), "2024-12-31");
	d = pm_date_add((struct pm_date){2026, 11, 30}, 72);
	assert_string_equal(pm_date_fmt(d, buf), "2027-02-10");
	assert_string_equal(pm_date_fmt((struct pm_date){7, 3, 9}, buf), "0007-03-09");

	assert_int_equal(pm_date_cmp((struct pm_date){2024, 1, 5}, (struct pm_date){2024, 1, 5}), 0);
	assert_int_equal(pm_date_cmp((struct pm_date){2024, 1, 5}, (struct pm_date){2024, 1, 6}), -1);
	assert_int_equal(pm_date_cmp((struct pm_date){2024, 2, 1}, (struct pm_date){2024, 1, 31}), 1);
	assert_int_equal(pm_date_cmp((struct pm_date){2023, 12, 31}, (struct pm_date){2024, 1, 1}), -1);

	assert_int_equal(pm_date_weekday((struct pm_date){1970, 1, 1}), 4);   /* Thursday */
	assert_int_equal(pm_date_weekday((struct pm_date){2026, 11, 30}), 1); /* Monday */
	assert_int_equal(pm_date_weekday((struct pm_date){2026, 11, 29}), 7); /* Sunday */
	assert_int_equal(pm_date_weekday((struct pm_date){1969, 12, 31}), 3); /* before the epoch */
	assert_int_equal(pm_date_weekday((struct pm_date){1, 1, 1}), 1);
	assert_int_equal(pm_date_weekday((struct pm_date){9999, 12, 31}), 5);
}

static void
test_time_parse(void **state)
{
	static const struct {
		const char *in;
		enum pm_date_rc rc;
		pm_time want;
	} t[] = {
		{"2026-11-30T09:00:00", PM_DATE_OK, T_SHANGHAI},   /* estate-local */
		{"2026-11-30T09:00", PM_DATE_OK, T_SHANGHAI},
		{"2026-11-30 09:00:00", PM_DATE_OK, T_SHANGHAI},
		{"2026-11-30T09:00:00+08:00", PM_DATE_OK, T_SHANGHAI},
		{"2026-11-30T09:00:00+0800", PM_DATE_OK, T_SHANGHAI},
		{"2026-11-30T09:00:00+08", PM_DATE_OK, T_SHANGHAI},
		{"2026-11-30T09:00:00Z", PM_DATE_OK, T_UTC},
		{"2026-11-30T09:00Z", PM_DATE_OK, T_UTC},
		{"2026-11-30T09:00:00-05:00", PM_DATE_OK, T_UTC + 5 * 3600},
		{"2026-11-30T09:00:00+05:30", PM_DATE_OK, T_UTC - 5 * 3600 - 1800},
		{"2026-11-30T09:00:59", PM_DATE_OK, T_SHANGHAI + 59},
		{"2026-11-30T23:59:59", PM_DATE_OK, T_SHANGHAI + 14 * 3600 + 3599},
		{"2026-11-30", PM_DATE_OK, T_SHANGHAI - 9 * 3600},  /* midnight */
		{"2026/11/30 9:00", PM_DATE_OK, T_SHANGHAI},
		{"２０２６-１１-３０Ｔ０９:００", PM_DATE_OK, T_SHANGHAI},
		{" 2026-11-30T09:00:00 ", PM_DATE_OK, T_SHANGHAI},
		{"1970-01-01T00:00:00Z", PM_DATE_OK, 0},
		{"2026-11-30T24:00", PM_DATE_NOSUCH, 0},
		{"2026-11-30T09:60", PM_DATE_NOSUCH, 0},
		{"2026-02-30T09:00", PM_DATE_NOSUCH, 0},
		{"2026-11-30T", PM_DATE_SYNTAX, 0},
		{"2026-11-30T09", PM_DATE_SYNTAX, 0},
		{"2026-11-30T09:", PM_DATE_SYNTAX, 0},
		{"2026-11-30T09:00:", PM_DATE_SYNTAX, 0},
		{"2026-11-30T09:00:00+15:00", PM_DATE_SYNTAX, 0},
		{"2026-11-30T09:00:00+08:60", PM_DATE_SYNTAX, 0},
		{"2026-11-30T09:00:00+", PM_DATE_SYNTAX, 0},
		{"2026-11-30T09:00:00 CST", PM_DATE_SYNTAX, 0},
		{"2026-11-30T09:00:00ZZ", PM_DATE_SYNTAX, 0},
		{"now", PM_DATE_SYNTAX, 0},
		{"", PM_DATE_EMPTY, 0},
		{"45321", PM_DATE_SERIAL, 0},
	};
	size_t i, bad = 0;

	(void)state;
	for (i = 0; i < N(t); i++) {
		pm_time got = -1;
		enum pm_date_rc rc = pm_time_parse(t[i].in, strlen(t[i].in), &got);

		if (rc != t[i].rc || (rc == PM_DATE_OK && got != t[i].want)) {
			print_error("'%s': got %s %lld, want %s %lld\n", t[i].in, date_name(rc),
			    (long long)got, date_name(t[i].rc), (long long)t[i].want);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void
test_local_conversions(void **state)
{
	char buf[PM_TIME_BUFSZ], dbuf[PM_DATE_BUFSZ];
	struct pm_date d;

	(void)state;
	assert_string_equal(pm_time_fmt(T_SHANGHAI, buf), "2026-11-30T09:00:00");
	assert_string_equal(pm_time_fmt(T_UTC, buf), "2026-11-30T17:00:00");
	assert_string_equal(pm_time_fmt(0, buf), "1970-01-01T08:00:00");
	/* 16:00 UTC is already tomorrow in Shanghai */
	d = pm_time_date(T_SHANGHAI + 15 * 3600);
	assert_string_equal(pm_date_fmt(d, dbuf), "2026-12-01");
	d = pm_time_date(T_SHANGHAI + 14 * 3600 + 3599);
	assert_string_equal(pm_date_fmt(d, dbuf), "2026-11-30");
	assert_int_equal(pm_date_time((struct pm_date){2026, 11, 30}), T_SHANGHAI - 9 * 3600);
}

static void
test_now(void **state)
{
	struct pm_err err = {0, NULL};
	struct pm_date d;
	pm_time now = 0;
	time_t before;
	char buf[PM_DATE_BUFSZ];

	(void)state;
	setenv("PM_NOW", "2026-11-30T09:00:00", 1);
	assert_int_equal(pm_now(&now, &err), 0);
	assert_int_equal(now, T_SHANGHAI);
	assert_int_equal(pm_today(&d, &err), 0);
	assert_string_equal(pm_date_fmt(d, buf), "2026-11-30");

	/* a zoned PM_NOW: 23:30 UTC is the next morning at the estate */
	setenv("PM_NOW", "2026-11-30T23:30:00Z", 1);
	assert_int_equal(pm_today(&d, &err), 0);
	assert_string_equal(pm_date_fmt(d, buf), "2026-12-01");

	setenv("PM_NOW", "2026-11-30", 1);
	assert_int_equal(pm_now(&now, &err), 0);
	assert_int_equal(now, T_SHANGHAI - 9 * 3600);

	setenv("PM_NOW", "yesterday", 1);
	assert_int_equal(pm_now(&now, &err), -1);
	assert_int_equal(err.code, PM_EXIT_USAGE);
	assert_string_equal(pm_err_msg(&err),
	    "PM_NOW: cannot read 'yesterday' as a time (write 2026-11-30T09:00:00)");
	pm_err_clear(&err);
	assert_int_equal(pm_today(&d, &err), -1);
	pm_err_clear(&err);

	/* unset or empty: the system clock */
	unsetenv("PM_NOW");
	before = time(NULL);
	assert_int_equal(pm_now(&now, &err), 0);
	assert_true(now >= before && now <= time(NULL));
	setenv("PM_NOW", "", 1);
	assert_int_equal(pm_now(&now, &err), 0);
	assert_true(now >= before && now <= time(NULL));
	unsetenv("PM_NOW");
}

static void
test_tz(void **state)
{
	struct pm_err err = {0, NULL};

	(void)state;
	assert_true(pm_tz_valid("Asia/Shanghai"));
	assert_true(pm_tz_valid("UTC"));
	assert_true(pm_tz_valid("Etc/UTC"));
	assert_true(pm_tz_valid("Europe/London"));
	assert_false(pm_tz_valid(NULL));
	assert_false(pm_tz_valid(""));
	assert_false(pm_tz_valid("Asia/Nowhere"));
	assert_false(pm_tz_valid("Asia"));           /* a folder, not a zone */
	assert_false(pm_tz_valid("zone.tab"));       /* a file, not a zone */
	assert_false(pm_tz_valid("../../etc/passwd"));
	assert_false(pm_tz_valid("/usr/share/zoneinfo/Asia/Shanghai"));

	assert_int_equal(pm_tz_set("Mars/Olympus", &err), -1);
	assert_int_equal(err.code, PM_EXIT_CONFIG);
	assert_string_equal(pm_err_msg(&err),
	    "unknown time zone 'Mars/Olympus' (is tzdata installed?)");
	pm_err_clear(&err);
	/* a refused zone leaves the zone as it was */
	assert_int_equal(pm_date_time((struct pm_date){2026, 11, 30}), T_SHANGHAI - 9 * 3600);

	assert_int_equal(pm_tz_set("UTC", &err), 0);
	assert_int_equal(pm_date_time((struct pm_date){2026, 11, 30}), T_UTC - 9 * 3600);
	assert_int_equal(pm_tz_set("Asia/Shanghai", &err), 0);
	assert_int_equal(pm_date_time((struct pm_date){2026, 11, 30}), T_SHANGHAI - 9 * 3600);
}

static void
check_period(const char *s, enum pm_period_kind kind, int year, int num,
	     const char *first, const char *last, const char *canon)
{
	struct pm_period p;
	char a[PM_DATE_BUFSZ], b[PM_DATE_BUFSZ], f[PM_PERIOD_BUFSZ];

	if (pm_period_parse(s, &p) != 0)
		fail_msg("'%s' refused", s);
	if (p.kind != kind || p.year != year || p.num != num ||
	    strcmp(pm_date_fmt(p.first, a), first) || strcmp(pm_date_fmt(p.last, b), last) ||
	    strcmp(pm_period_fmt(p, f), canon))
		fail_msg("'%s': kind %d year %d num %d %s..%s '%s'", s, (int)p.kind, p.year,
		    p.num, a, b, f);
}

static void
test_period_parse(void **state)
{
	static const char *const bad[] = {
		"", "2026-13", "2026-00", "2026-1", "2026-011", "2026Q0", "2026Q5", "2026-Q5",
		"2026Q", "2026-W00", "2026-W54", "2021-W53", "2025-W53", "2026-W4", "2026-W004",
		"2026-02-30", "26-11", "20261", "garbage", "2026-11-30T09:00", "+026-11",
		" 2026-11", "2026-+1", "2026-W+4", "2026-W 8", "+2026", " 202", "2026-11 ",
		"2026/11/30", "2026-11/30", "0000", "0000-01", "2026q4", "2026-w48",
	};
	struct pm_period p;
	size_t i, n = 0;

	(void)state;
	check_period("2026-11", PM_PERIOD_MONTH, 2026, 11, "2026-11-01", "2026-11-30", "2026-11");
	check_period("2024-02", PM_PERIOD_MONTH, 2024, 2, "2024-02-01", "2024-02-29", "2024-02");
	check_period("2023-02", PM_PERIOD_MONTH, 2023, 2, "2023-02-01", "2023-02-28", "2023-02");
	check_period("2026Q4", PM_PERIOD_QUARTER, 2026, 4, "2026-10-01", "2026-12-31", "2026Q4");
	check_period("2026-Q1", PM_PERIOD_QUARTER, 2026, 1, "2026-01-01", "2026-03-31", "2026Q1");
	check_period("2026Q2", PM_PERIOD_QUARTER, 2026, 2, "2026-04-01", "2026-06-30", "2026Q2");
	check_period("2026-W49", PM_PERIOD_WEEK, 2026, 49, "2026-11-30", "2026-12-06", "2026-W49");
	check_period("2026-W01", PM_PERIOD_WEEK, 2026, 1, "2025-12-29", "2026-01-04", "2026-W01");
	check_period("2026-W53", PM_PERIOD_WEEK, 2026, 53, "2026-12-28", "2027-01-03", "2026-W53");
	check_period("2020-W53", PM_PERIOD_WEEK, 2020, 53, "2020-12-28", "2021-01-03", "2020-W53");
	check_period("2015-W53", PM_PERIOD_WEEK, 2015, 53, "2015-12-28", "2016-01-03", "2015-W53");
	check_period("2026", PM_PERIOD_YEAR, 2026, 0, "2026-01-01", "2026-12-31", "2026");
	check_period("2026-11-30", PM_PERIOD_DAY, 2026, 334, "2026-11-30", "2026-11-30", "2026-11-30");
	check_period("2024-12-31", PM_PERIOD_DAY, 2024, 366, "2024-12-31", "2024-12-31", "2024-12-31");

	/* which years have a week 53: those starting on a Thursday, and
	 * leap years starting on a Wednesday */
	for (i = 2000; i <= 2040; i++) {
		char s[16];
		int w53;

		snprintf(s, sizeof s, "%zu-W53", i);
		w53 = pm_period_parse(s, &p) == 0;
		if (w53 != (i == 2004 || i == 2009 || i == 2015 || i == 2020 || i == 2026 ||
		    i == 2032 || i == 2037))
			fail_msg("%s: %s", s, w53 ? "accepted" : "refused");
		n += (size_t)w53;
	}
	assert_int_equal(n, 7);

	for (i = 0; i < N(bad); i++)
		if (pm_period_parse(bad[i], &p) == 0)
			fail_msg("'%s' accepted", bad[i]);
	assert_int_equal(pm_period_parse(NULL, &p), -1);
}

static void
test_period_kind(void **state)
{
	struct pm_period p;

	(void)state;
	assert_int_equal(pm_period_parse_kind("2026-11", PM_PERIOD_MONTH, &p), 0);
	assert_int_equal(p.num, 11);
	assert_int_equal(pm_period_parse_kind("2026Q4", PM_PERIOD_MONTH, &p), -1);
	assert_int_equal(pm_period_parse_kind("2026-11-30", PM_PERIOD_MONTH, &p), -1);
	assert_int_equal(pm_period_parse_kind("2026Q4", PM_PERIOD_QUARTER, &p), 0);
	assert_int_equal(pm_period_parse_kind("2026", PM_PERIOD_QUARTER, &p), -1);
	assert_int_equal(pm_period_parse_kind("2026-W49", PM_PERIOD_WEEK, &p), 0);
	assert_int_equal(pm_period_parse_kind("2026-W49", PM_PERIOD_DAY, &p), -1);
}

static void
check_step(const char *from, int n, const char *want)
{
	struct pm_period p;
	char buf[PM_PERIOD_BUFSZ];

	if (pm_period_parse(from, &p) != 0)
		fail_msg("'%s' refused", from);
	pm_period_fmt(pm_period_step(p, n), buf);
	if (strcmp(buf, want))
		fail_msg("'%s' %+d: got '%s', want '%s'", from, n, buf, want);
}

static void
test_period_step(void **state)
{
	(void)state;
	check_step("2026-11", 1, "2026-12");
	check_step("2026-12", 1, "2027-01");
	check_step("2026-01", -1, "2025-12");
	check_step("2026-11", 14, "2028-01");
	check_step("2026-11", -23, "2024-12");
	check_step("2026Q4", 1, "2027Q1");
	check_step("2026Q1", -1, "2025Q4");
	check_step("2026Q2", 4, "2027Q2");
	check_step("2026-W49", 1, "2026-W50");
	check_step("2026-W53", 1, "2027-W01");
	check_step("2027-W01", -1, "2026-W53");
	check_step("2020-W53", 1, "2021-W01");
	check_step("2021-W52", 1, "2022-W01");
	check_step("2026", 1, "2027");
	check_step("2026", -1, "2025");
	check_step("2026-12-31", 1, "2027-01-01");
	check_step("2024-03-01", -1, "2024-02-29");
}

static void
test_period_of(void **state)
{
	struct pm_period p;
	char buf[PM_PERIOD_BUFSZ];

	(void)state;
	/* ISO weeks at the turn of the year */
	p = pm_period_of(PM_PERIOD_WEEK, (struct pm_date){2021, 1, 1});
	assert_string_equal(pm_period_fmt(p, buf), "2020-W53");
	p = pm_period_of(PM_PERIOD_WEEK, (struct pm_date){2024, 12, 30});
	assert_string_equal(pm_period_fmt(p, buf), "2025-W01");
	p = pm_period_of(PM_PERIOD_WEEK, (struct pm_date){2027, 1, 3});
	assert_string_equal(pm_period_fmt(p, buf), "2026-W53");
	p = pm_period_of(PM_PERIOD_QUARTER, (struct pm_date){2026, 9, 30});
	assert_string_equal(pm_period_fmt(p, buf), "2026Q3");
	p = pm_period_of(PM_PERIOD_MONTH, (struct pm_date){2026, 2, 14});
	assert_string_equal(pm_period_fmt(p, buf), "2026-02");
	assert_int_equal(p.last.d, 28);
	p = pm_period_of(PM_PERIOD_YEAR, (struct pm_date){2026, 2, 14});
	assert_string_equal(pm_period_fmt(p, buf), "2026");
}

static void
test_span(void **state)
{
	static const struct {
		const char *in;
		int ok;
		int64_t want;
	} t[] = {
		{"30d", 1, 30 * 86400},
		{"24h", 1, 24 * 3600},
		{"2w", 1, 14 * 86400},
		{"90m", 1, 90 * 60},
		{"0d", 1, 0},
		{"3天", 1, 3 * 86400},
		{"72小时", 1, 72 * 3600},
		{"2周", 1, 14 * 86400},
		{"", 0, 0},
		{"d", 0, 0},
		{"30", 0, 0},
		{"30x", 0, 0},
		{"30dd", 0, 0},
		{"30D", 0, 0},
		{"-1d", 0, 0},
		{"+1d", 0, 0},
		{" 30d", 0, 0},
		{"30 d", 0, 0},
		{"1.5d", 0, 0},
		{"99999999999999999999d", 0, 0},
		{"9223372036854775807w", 0, 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(t); i++) {
		int64_t s = -7;
		int rc = pm_span_parse(t[i].in, &s);

		if ((rc == 0) != t[i].ok || (t[i].ok && s != t[i].want))
			fail_msg("'%s': rc %d, %lld", t[i].in, rc, (long long)s);
	}
	assert_int_equal(pm_span_parse(NULL, NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_reason),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_days_roundtrip),
		cmocka_unit_test(test_add_cmp_weekday),
		cmocka_unit_test(test_time_parse),
		cmocka_unit_test(test_local_conversions),
		cmocka_unit_test(test_now),
		cmocka_unit_test(test_tz),
		cmocka_unit_test(test_period_parse),
		cmocka_unit_test(test_period_kind),
		cmocka_unit_test(test_period_step),
		cmocka_unit_test(test_period_of),
		cmocka_unit_test(test_span),
	};

	return cmocka_run_group_tests_name("time", tests, setup, NULL);
}
