/*
 * time.h - the clock, local dates and times, periods
 *
 * The estate keeps one clock: $PM_NOW (ISO 8601) overrides the system
 * clock so that tests and back-dated entry are exact, and every local
 * date or time is in the estate's time zone (the "timezone" setting,
 * default Asia/Shanghai), never in the caller's TZ: cron runs with no TZ
 * and must compute the same due dates as the desk.  pm_tz_set() makes
 * that zone the process's; db.c calls it when it opens the database.
 *
 * Stored forms: dates "2026-11-30", times "2026-11-30T09:15:00" (local,
 * no zone), months "2026-11", quarters "2026Q4", ISO weeks "2026-W48",
 * years "2026".
 */
#ifndef PM_TIME_H
#define PM_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

typedef int64_t pm_time; /* seconds since the epoch, UTC */

struct pm_date {
	int y, m, d;
};

/* Make zone (an Olson name such as "Asia/Shanghai") the zone of all
 * local conversions.  -1 when the zone is unknown to the system. */
int pm_tz_set(const char *zone, struct pm_err *err);
/* 1 when zone names a zone this system knows. */
int pm_tz_valid(const char *zone);

/* Now: $PM_NOW when set ("2026-11-30", "2026-11-30T09:15[:00]", with an
 * optional "Z" or "+08:00"; without a zone it is estate-local time), else
 * the system clock.  -1 with a usage error when $PM_NOW is malformed. */
int pm_now(pm_time *now, struct pm_err *err);

/* Today's local date (pm_now's date). */
int pm_today(struct pm_date *d, struct pm_err *err);

enum pm_date_rc {
	PM_DATE_OK = 0,
	PM_DATE_EMPTY,
	PM_DATE_SYNTAX,   /* not a date form we read */
	PM_DATE_NOSUCH,   /* a form we read, but no such day: 2023-02-30 */
	PM_DATE_SERIAL,   /* a bare number: Excel's date serial */
};
const char *pm_date_reason(enum pm_date_rc rc);

/* Read a date as desks type it: 2024-01-05, 2024-1-5, 2024/1/5,
 * 2024.1.5, 2024年1月5日, full-width digits, surrounding spaces.  Excel
 * serial numbers (45321) are refused with their own reason, so the
 * message can say to format the column as a date. */
enum pm_date_rc pm_date_parse(const char *s, size_t n, struct pm_date *d);

/* Read a local time: a date as above, optionally followed by 'T' or a
 * space and HH:MM[:SS], optionally followed by Z or +HH:MM / -HH:MM.
 * A bare date means its midnight. */
enum pm_date_rc pm_time_parse(const char *s, size_t n, pm_time *t);

int pm_date_valid(int y, int m, int d);
int pm_days_in_month(int y, int m);

/* Days since 1970-01-01 of a civil date, and back. */
int64_t pm_date_days(struct pm_date d);
struct pm_date pm_days_date(int64_t days);
struct pm_date pm_date_add(struct pm_date d, int64_t days);
int pm_date_cmp(struct pm_date a, struct pm_date b);

/* Local conversions in the estate's zone. */
struct pm_date pm_time_date(pm_time t);
pm_time pm_date_time(struct pm_date d); /* local midnight */

#define PM_DATE_BUFSZ 11
#define PM_TIME_BUFSZ 20
char *pm_date_fmt(struct pm_date d, char buf[PM_DATE_BUFSZ]);
char *pm_time_fmt(pm_time t, char buf[PM_TIME_BUFSZ]); /* local, no zone */

/* 1 Monday .. 7 Sunday */
int pm_date_weekday(struct pm_date d);

enum pm_period_kind { PM_PERIOD_DAY, PM_PERIOD_WEEK, PM_PERIOD_MONTH,
		      PM_PERIOD_QUARTER, PM_PERIOD_YEAR };

/* A span of whole days: first .. last inclusive. */
struct pm_period {
	enum pm_period_kind kind;
	int year, num;           /* ISO year and week, or year and month/quarter */
	struct pm_date first, last;
};

/* "2026-11", "2026Q4" (or "2026-Q4"), "2026-W48", "2026", "2026-11-30".
 * -1 when malformed. */
int pm_period_parse(const char *s, struct pm_period *p);
/* Only the given kind (a --month option takes months, nothing else). */
int pm_period_parse_kind(const char *s, enum pm_period_kind kind,
			 struct pm_period *p);
struct pm_period pm_period_of(enum pm_period_kind kind, struct pm_date d);
struct pm_period pm_period_step(struct pm_period p, int n); /* next (1), previous (-1) */

#define PM_PERIOD_BUFSZ 16
char *pm_period_fmt(struct pm_period p, char buf[PM_PERIOD_BUFSZ]);

/* Parse a span like "30d", "24h", "2w" into seconds; -1 when malformed. */
int pm_span_parse(const char *s, int64_t *seconds);

#endif
