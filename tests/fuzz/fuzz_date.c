/*
 * fuzz_date.c - dates, times, periods and spans as desks type them
 *
 * Properties:
 *   - a date that parses is a real day (pm_date_valid); formatted it is
 *     YYYY-MM-DD and parses back to the same day;
 *   - day arithmetic agrees: pm_days_date(pm_date_days(d)) == d;
 *   - a time that parses formats and parses back to the same local time;
 *   - a period that parses has first <= last, formats and parses back
 *     to the same span, and steps forward and back to itself;
 *   - a span that parses is not negative.
 */
#include <string.h>

#include "core/err.h"
#include "core/time.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pm_err err = {0};

	(void)argc;
	(void)argv;
	if (pm_tz_set("Asia/Shanghai", &err) < 0) {
		fprintf(stderr, "%s\n", pm_err_msg(&err));
		abort();
	}
	return 0;
}

static int
same_date(struct pm_date a, struct pm_date b)
{
	return a.y == b.y && a.m == b.m && a.d == b.d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char buf[PM_DATE_BUFSZ], tbuf[PM_TIME_BUFSZ], tbuf2[PM_TIME_BUFSZ], pbuf[PM_PERIOD_BUFSZ], *z;
	struct pm_date d, d2;
	struct pm_period p, p2;
	pm_time t, t2;
	int64_t span;

	if (pm_date_parse(s, size, &d) == PM_DATE_OK) {
		FUZZ_CHECK(pm_date_valid(d.y, d.m, d.d));
		pm_date_fmt(d, buf);
		FUZZ_CHECK(strlen(buf) == 10);
		FUZZ_CHECK(pm_date_parse(buf, strlen(buf), &d2) == PM_DATE_OK && same_date(d, d2));
		FUZZ_CHECK(same_date(pm_days_date(pm_date_days(d)), d));
		FUZZ_CHECK(pm_date_weekday(d) >= 1 && pm_date_weekday(d) <= 7);
	}
	if (pm_time_parse(s, size, &t) == PM_DATE_OK) {
		pm_time_fmt(t, tbuf);
		FUZZ_CHECK(pm_time_parse(tbuf, strlen(tbuf), &t2) == PM_DATE_OK);
		/* an hour that happens twice (the zone's DST years) may come back
		 * as its twin: the same local time either way */
		FUZZ_CHECK(!strcmp(pm_time_fmt(t2, tbuf2), tbuf));
	}
	/* the rest take C strings */
	if (!(z = malloc(size + 1)))
		return 0;
	memcpy(z, data, size);
	z[size] = '\0';
	if (pm_period_parse(z, &p) == 0) {
		FUZZ_CHECK(pm_date_cmp(p.first, p.last) <= 0);
		pm_period_fmt(p, pbuf);
		FUZZ_CHECK(pm_period_parse(pbuf, &p2) == 0);
		FUZZ_CHECK(same_date(p.first, p2.first) && same_date(p.last, p2.last));
		p2 = pm_period_step(pm_period_step(p, 1), -1);
		FUZZ_CHECK(same_date(p.first, p2.first) && same_date(p.last, p2.last));
	}
	if (pm_span_parse(z, &span) == 0)
		FUZZ_CHECK(span >= 0);
	free(z);
	return 0;
}
