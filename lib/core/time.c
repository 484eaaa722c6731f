/* time.c - the estate's clock, civil dates, periods */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "i18n.h"
#include "time.h"
#include "utf8.h"

int
pm_tz_valid(const char *zone)
{
	char path[512], magic[4];
	const char *dir = getenv("TZDIR");
	int n, fd, ok;

	if (!zone || !*zone || strstr(zone, "..") || zone[0] == '/')
		return 0;
	if (!strcmp(zone, "UTC") || !strcmp(zone, "Etc/UTC"))
		return 1;
	n = snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone);
	if (n <= 0 || (size_t)n >= sizeof path)
		return 0;
	/* a zone is a TZif file: "Asia" (a folder) and "zone.tab" exist too,
	 * and glibc would quietly take them for UTC */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ok = read(fd, magic, sizeof magic) == (ssize_t)sizeof magic &&
	    !memcmp(magic, "TZif", sizeof magic);
	close(fd);
	return ok;
}

int
pm_tz_set(const char *zone, struct pm_err *err)
{

	/* glibc silently falls back to UTC for an unknown zone; check the
	 * zone file exists so a typo in the setting is an error instead. */
	if (!pm_tz_valid(zone))
		return pm_err_set(err, PM_EXIT_CONFIG,
		    _("unknown time zone '%s' (is tzdata installed?)"), zone ? zone : "");
	if (setenv("TZ", zone, 1) != 0)
		return pm_err_oom(err);
	tzset();
	return 0;
}

int
pm_date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= pm_days_in_month(y, m);
}

int
pm_days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
int64_t
pm_date_days(struct pm_date d)
{
	int64_t y = d.y - (d.m <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct pm_date
pm_days_date(int64_t z)
{
	struct pm_date d;
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(yoe + era * 400 + (d.m <= 2));
	return d;
}

struct pm_date
pm_date_add(struct pm_date d, int64_t days)
{
	return pm_days_date(pm_date_days(d) + days);
}

int
pm_date_cmp(struct pm_date a, struct pm_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

int
pm_date_weekday(struct pm_date d)
{
	int64_t z = pm_date_days(d); /* 1970-01-01 was a Thursday (4) */
	int w = (int)(((z % 7) + 7 + 3) % 7); /* 0 = Monday */

	return w + 1;
}

struct pm_date
pm_time_date(pm_time t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	struct pm_date d = {1970, 1, 1};

	if (localtime_r(&tt, &tm)) {
		d.y = tm.tm_year + 1900;
		d.m = tm.tm_mon + 1;
		d.d = tm.tm_mday;
	}
	return d;
}

static pm_time
local_time(struct pm_date d, int hh, int mm, int ss)
{
	struct tm tm = {0};

	tm.tm_year = d.y - 1900;
	tm.tm_mon = d.m - 1;
	tm.tm_mday = d.d;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_sec = ss;
	tm.tm_isdst = -1;
	return (pm_time)mktime(&tm);
}

pm_time
pm_date_time(struct pm_date d)
{
	return local_time(d, 0, 0, 0);
}

char *
pm_date_fmt(struct pm_date d, char buf[PM_DATE_BUFSZ])
{
	/* by hand: this runs once per row of a million-row import */
	unsigned y = (unsigned)d.y % 10000u, m = (unsigned)d.m % 100u, dd = (unsigned)d.d % 100u;

	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + dd / 10);
	buf[9] = (char)('0' + dd % 10);
	buf[10] = '\0';
	return buf;
}

char *
pm_time_fmt(pm_time t, char buf[PM_TIME_BUFSZ])
{
	time_t tt = (time_t)t;
	struct tm tm;

	/* not strftime's %Y: it writes the year 224 as "224", which no
	 * parser of ours reads back */
	if (!localtime_r(&tt, &tm) || tm.tm_year + 1900 < 0 || tm.tm_year + 1900 > 9999)
		snprintf(buf, PM_TIME_BUFSZ, "0000-00-00T00:00:00");
	else
		snprintf(buf, PM_TIME_BUFSZ, "%04u-%02u-%02uT%02u:%02u:%02u",
		    (unsigned)(tm.tm_year + 1900) % 10000u, (unsigned)(tm.tm_mon + 1) % 100u,
		    (unsigned)tm.tm_mday % 100u, (unsigned)tm.tm_hour % 100u,
		    (unsigned)tm.tm_min % 100u, (unsigned)tm.tm_sec % 100u);
	return buf;
}

const char *
pm_date_reason(enum pm_date_rc rc)
{
	switch (rc) {
	case PM_DATE_OK:     return "";
	case PM_DATE_EMPTY:  return _("missing");
	case PM_DATE_SYNTAX: return _("not a date (write 2026-11-30)");
	case PM_DATE_NOSUCH: return _("no such date");
	case PM_DATE_SERIAL: return _("an Excel date serial number: format the column as a date and export again");
	}
	return _("not a date (write 2026-11-30)");
}

/* Read 1..maxd digits at *p; -1 when there are none. */
static int
digits(const char **p, const char *end, int maxd)
{
	int v = 0, k = 0;

	while (*p < end && k < maxd && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	return k ? v : -1;
}

static int
eat(const char **p, const char *end, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(end - *p) >= n && !memcmp(*p, lit, n)) {
		*p += n;
		return 1;
	}
	return 0;
}

/* Parse the date at the start of [*p, end); leaves *p after it. */
static enum pm_date_rc
date_at(const char **p, const char *end, struct pm_date *d)
{
	const char *start = *p, *q = start;
	int y, m, dd, cjk, k = 0;
	char sep;

	/* a bare number of 1..5 digits in a date cell is Excel's serial:
	 * look before reading a year, which would take 4 of 45321's digits */
	while (q < end && *q >= '0' && *q <= '9') {
		q++;
		k++;
	}
	if (k >= 1 && k <= 5 && q == end)
		return PM_DATE_SERIAL;
	y = digits(p, end, 4);
	if (y < 0 || *p - start != 4)
		return PM_DATE_SYNTAX;
	if (*p == end) {
		return PM_DATE_SYNTAX;
	}
	cjk = eat(p, end, "年");
	sep = *p < end ? **p : 0;
	if (!cjk && sep != '-' && sep != '/' && sep != '.')
		return PM_DATE_SYNTAX;
	if (!cjk)
		(*p)++;
	m = digits(p, end, 2);
	if (m < 0)
		return PM_DATE_SYNTAX;
	/* the same separator twice: 2024-1/5 is a typo, not a date */
	if (cjk ? !eat(p, end, "月") : !(*p < end && **p == sep))
		return PM_DATE_SYNTAX;
	if (!cjk)
		(*p)++;
	dd = digits(p, end, 2);
	if (dd < 0)
		return PM_DATE_SYNTAX;
	if (cjk)
		(void)(eat(p, end, "日") || eat(p, end, "号"));
	if (!pm_date_valid(y, m, dd))
		return PM_DATE_NOSUCH;
	d->y = y;
	d->m = m;
	d->d = dd;
	return PM_DATE_OK;
}

enum pm_date_rc
pm_date_parse(const char *s, size_t n, struct pm_date *d)
{
	char buf[64];
	const char *p, *end;
	long k;
	enum pm_date_rc rc;

	k = pm_text_clean_to(buf, sizeof buf, s, n);
	if (k < 0)
		return PM_DATE_SYNTAX;
	if (k == 0)
		return PM_DATE_EMPTY;
	p = buf;
	end = buf + k;
	rc = date_at(&p, end, d);
	if (rc == PM_DATE_OK && p != end)
		rc = PM_DATE_SYNTAX;
	return rc;
}

enum pm_date_rc
pm_time_parse(const char *s, size_t n, pm_time *t)
{
	char buf[64];
	const char *p, *end;
	struct pm_date d;
	enum pm_date_rc rc;
	int hh = 0, mm = 0, ss = 0, zoned = 0, off = 0;
	long k;

	k = pm_text_clean_to(buf, sizeof buf, s, n);
	if (k < 0)
		return PM_DATE_SYNTAX;
	if (k == 0)
		return PM_DATE_EMPTY;
	p = buf;
	end = buf + k;
	rc = date_at(&p, end, &d);
	if (rc != PM_DATE_OK)
		goto out;
	rc = PM_DATE_SYNTAX;
	if (p < end && (*p == 'T' || *p == ' ')) {
		p++;
		hh = digits(&p, end, 2);
		if (hh < 0 || !eat(&p, end, ":"))
			goto out;
		mm = digits(&p, end, 2);
		if (mm < 0)
			goto out;
		if (eat(&p, end, ":") && (ss = digits(&p, end, 2)) < 0)
			goto out;
		if (hh > 23 || mm > 59 || ss > 60) {
			rc = PM_DATE_NOSUCH;
			goto out;
		}
	}
	if (p < end && *p == 'Z') {
		zoned = 1;
		p++;
	} else if (p < end && (*p == '+' || *p == '-')) {
		int sign = *p++ == '-' ? -1 : 1, oh, om = 0;

		oh = digits(&p, end, 2);
		if (oh < 0 || oh > 14)
			goto out;
		if (eat(&p, end, ":") || (p < end && *p >= '0' && *p <= '9'))
			if ((om = digits(&p, end, 2)) < 0 || om > 59)
				goto out;
		zoned = 1;
		off = sign * (oh * 3600 + om * 60);
	}
	if (p != end)
		goto out;
	if (zoned)
		*t = pm_date_days(d) * 86400 + hh * 3600 + mm * 60 + ss - off;
	else
		*t = local_time(d, hh, mm, ss);
	rc = PM_DATE_OK;
out:
	return rc;
}

int
pm_now(pm_time *now, struct pm_err *err)
{
	const char *s = getenv("PM_NOW");

	if (s && *s) {
		if (pm_time_parse(s, strlen(s), now) != PM_DATE_OK)
			return pm_err_set(err, PM_EXIT_USAGE,
			    _("PM_NOW: cannot read '%s' as a time (write 2026-11-30T09:00:00)"), s);
		return 0;
	}
	*now = (pm_time)time(NULL);
	return 0;
}

int
pm_today(struct pm_date *d, struct pm_err *err)
{
	pm_time now;

	if (pm_now(&now, err) < 0)
		return -1;
	*d = pm_time_date(now);
	return 0;
}

/* Monday of ISO week 1 of year y. */
static struct pm_date
iso_week1(int y)
{
	struct pm_date jan4 = {y, 1, 4};

	return pm_date_add(jan4, -(pm_date_weekday(jan4) - 1));
}

struct pm_period
pm_period_of(enum pm_period_kind kind, struct pm_date d)
{
	struct pm_period p;

	memset(&p, 0, sizeof p);
	p.kind = kind;
	p.year = d.y;
	switch (kind) {
	case PM_PERIOD_DAY:
		p.num = (int)(pm_date_days(d) - pm_date_days((struct pm_date){d.y, 1, 1})) + 1;
		p.first = p.last = d;
		break;
	case PM_PERIOD_WEEK: {
		struct pm_date w1 = iso_week1(d.y + 1);

		if (pm_date_cmp(d, w1) >= 0)
			p.year = d.y + 1;
		else if (pm_date_cmp(d, iso_week1(d.y)) < 0)
			p.year = d.y - 1;
		w1 = iso_week1(p.year);
		p.num = (int)((pm_date_days(d) - pm_date_days(w1)) / 7) + 1;
		p.first = pm_date_add(w1, (int64_t)(p.num - 1) * 7);
		p.last = pm_date_add(p.first, 6);
		break;
	}
	case PM_PERIOD_MONTH:
		p.num = d.m;
		p.first = (struct pm_date){d.y, d.m, 1};
		p.last = (struct pm_date){d.y, d.m, pm_days_in_month(d.y, d.m)};
		break;
	case PM_PERIOD_QUARTER:
		p.num = (d.m - 1) / 3 + 1;
		p.first = (struct pm_date){d.y, (p.num - 1) * 3 + 1, 1};
		p.last = (struct pm_date){d.y, p.num * 3, pm_days_in_month(d.y, p.num * 3)};
		break;
	case PM_PERIOD_YEAR:
		p.num = 0;
		p.first = (struct pm_date){d.y, 1, 1};
		p.last = (struct pm_date){d.y, 12, 31};
		break;
	}
	return p;
}

struct pm_period
pm_period_step(struct pm_period p, int n)
{
	struct pm_date d;

	switch (p.kind) {
	case PM_PERIOD_DAY:
		return pm_period_of(p.kind, pm_date_add(p.first, n));
	case PM_PERIOD_WEEK:
		return pm_period_of(p.kind, pm_date_add(p.first, (int64_t)n * 7));
	case PM_PERIOD_MONTH:
	case PM_PERIOD_QUARTER: {
		int months = p.kind == PM_PERIOD_MONTH ? n : 3 * n;
		int idx = p.first.y * 12 + (p.first.m - 1) + months;

		d = (struct pm_date){idx / 12, idx % 12 + 1, 1};
		return pm_period_of(p.kind, d);
	}
	case PM_PERIOD_YEAR:
		d = (struct pm_date){p.first.y + n, 1, 1};
		return pm_period_of(p.kind, d);
	}
	return p;
}

int
pm_period_parse(const char *s, struct pm_period *p)
{
	int y, n, len = -1;
	char c;
	struct pm_date d;

	if (!s)
		return -1;
	/* sscanf's %d takes signs and spaces: "+026-11", " 2026", "2026-W 8";
	 * a period is four digits of year and only digits, '-', 'Q', 'W' */
	if (strlen(s) < 4 || strspn(s, "0123456789") < 4 || s[strspn(s, "0123456789-QW")])
		return -1;
	if (sscanf(s, "%4d-W%2d%n", &y, &n, &len) == 2 && len == (int)strlen(s) &&
	    len == 8) {
		struct pm_period last = pm_period_of(PM_PERIOD_WEEK, (struct pm_date){y, 12, 28});

		if (y < 1 || n < 1 || n > last.num)
			return -1;
		*p = pm_period_of(PM_PERIOD_WEEK, pm_date_add(iso_week1(y), (int64_t)(n - 1) * 7));
		return 0;
	}
	len = -1;
	if ((sscanf(s, "%4dQ%1d%n", &y, &n, &len) == 2 ||
	     sscanf(s, "%4d-Q%1d%n", &y, &n, &len) == 2) &&
	    len == (int)strlen(s) && (len == 6 || len == 7)) {
		if (y < 1 || n < 1 || n > 4)
			return -1;
		*p = pm_period_of(PM_PERIOD_QUARTER, (struct pm_date){y, (n - 1) * 3 + 1, 1});
		return 0;
	}
	if (strlen(s) == 10 && pm_date_parse(s, 10, &d) == PM_DATE_OK && s[4] == '-') {
		*p = pm_period_of(PM_PERIOD_DAY, d);
		return 0;
	}
	len = -1;
	if (sscanf(s, "%4d-%2d%n%c", &y, &n, &len, &c) == 2 && len == 7) {
		if (y < 1 || n < 1 || n > 12)
			return -1;
		*p = pm_period_of(PM_PERIOD_MONTH, (struct pm_date){y, n, 1});
		return 0;
	}
	len = -1;
	if (sscanf(s, "%4d%n%c", &y, &len, &c) == 1 && len == 4 && y >= 1) {
		*p = pm_period_of(PM_PERIOD_YEAR, (struct pm_date){y, 1, 1});
		return 0;
	}
	return -1;
}

int
pm_period_parse_kind(const char *s, enum pm_period_kind kind, struct pm_period *p)
{
	struct pm_period q;

	if (pm_period_parse(s, &q) < 0 || q.kind != kind)
		return -1;
	*p = q;
	return 0;
}

char *
pm_period_fmt(struct pm_period p, char buf[PM_PERIOD_BUFSZ])
{
	switch (p.kind) {
	case PM_PERIOD_DAY:
		return pm_date_fmt(p.first, buf);
	case PM_PERIOD_WEEK:
		snprintf(buf, PM_PERIOD_BUFSZ, "%04u-W%02u", (unsigned)p.year % 10000u, (unsigned)p.num % 100u);
		break;
	case PM_PERIOD_MONTH:
		snprintf(buf, PM_PERIOD_BUFSZ, "%04u-%02u", (unsigned)p.year % 10000u, (unsigned)p.num % 100u);
		break;
	case PM_PERIOD_QUARTER:
		snprintf(buf, PM_PERIOD_BUFSZ, "%04uQ%u", (unsigned)p.year % 10000u, (unsigned)p.num % 10u);
		break;
	case PM_PERIOD_YEAR:
		snprintf(buf, PM_PERIOD_BUFSZ, "%04u", (unsigned)p.year % 10000u);
		break;
	}
	return buf;
}

int
pm_span_parse(const char *s, int64_t *seconds)
{
	char *end;
	long long v;
	int64_t unit;

	/* strtoll would skip spaces and take a sign */
	if (!s || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s)
		return -1;
	if (!strcmp(end, "d") || !strcmp(end, "天"))
		unit = 86400;
	else if (!strcmp(end, "h") || !strcmp(end, "小时"))
		unit = 3600;
	else if (!strcmp(end, "w") || !strcmp(end, "周"))
		unit = 7 * 86400;
	else if (!strcmp(end, "m") || !strcmp(end, "分钟"))
		unit = 60;
	else
		return -1;
	if (__builtin_mul_overflow((int64_t)v, unit, seconds))
		return -1;
	return 0;
}
