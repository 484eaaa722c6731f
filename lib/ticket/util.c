/* util.c - what the ticket files share: numbers, staff, clock, events */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "internal.h"

int
tk_norm(const char *typed, char buf[24], struct pm_err *err)
{
	const char *s = typed;
	size_t n = strlen(s), i;
	long year = 0, num = 0;
	size_t yd = 0, nd = 0;

	pm_text_trim(&s, &n);
	i = 0;
	if (i < n && (s[i] == 'T' || s[i] == 't'))
		i++;
	else
		goto bad;
	while (i < n && isdigit((unsigned char)s[i]) && yd < 4) {
		year = year * 10 + (s[i++] - '0');
		yd++;
	}
	if (yd != 4 || i >= n || s[i++] != '-')
		goto bad;
	while (i < n && isdigit((unsigned char)s[i]) && nd < 7) {
		num = num * 10 + (s[i++] - '0');
		nd++;
	}
	if (!nd || i != n || num == 0)
		goto bad;
	snprintf(buf, 24, "T%04ld-%06ld", year, num);
	return 0;
bad:
	return pm_err_set(err, PM_EXIT_DATA, _("'%.*s' is not a ticket number (like T2026-000123)"),
	    (int)n, s);
}

int
tk_load(struct pm_db *db, const char *typed, struct tk *t, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT id, no, kind, coalesce(category, ''), status, taken_by, callback_by,"
	    " coalesce(assignee, 0), finished IS NOT NULL, callback_due IS NOT NULL,"
	    " reply_due IS NOT NULL, replied IS NOT NULL"
	    " FROM ticket WHERE no = ?1";
	struct pm_stmt *st;
	char no[24];
	int rc;

	memset(t, 0, sizeof *t);
	if (tk_norm(typed, no, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, no);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		t->id = pm_col_int64(st, 0);
		snprintf(t->no, sizeof t->no, "%s", pm_col_text(st, 1));
		snprintf(t->kind, sizeof t->kind, "%s", pm_col_text(st, 2));
		snprintf(t->category, sizeof t->category, "%s", pm_col_text(st, 3));
		snprintf(t->status, sizeof t->status, "%s", pm_col_text(st, 4));
		t->taken_by = pm_col_int64(st, 5);
		t->callback_by = pm_col_int64(st, 6);
		t->assignee = pm_col_int64(st, 7);
		t->has_finished = pm_col_int(st, 8);
		t->has_callback_due = pm_col_int(st, 9);
		t->has_reply_due = pm_col_int(st, 10);
		t->replied = pm_col_int(st, 11);
	}
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_DATA, _("no ticket '%s'"), no);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading a ticket"));
	return 0;
}

int
tk_staff(struct pm_db *db, const char *name, int64_t *id, struct pm_err *err)
{
	if (!name || !*name)
		name = pm_audit_clerk();
	if (!name || !*name)
		return pm_err_set(err, PM_EXIT_USAGE,
		    _("who? give --by STAFF (or set PM_USER to your name in the staff register)"));
	return pm_staff_find(db, name, id, NULL, err);
}

int
tk_now(char buf[PM_TIME_BUFSZ], struct pm_err *err)
{
	pm_time now;

	if (pm_now(&now, err) < 0)
		return -1;
	pm_time_fmt(now, buf);
	return 0;
}

int
tk_add(const char *when, int days, int64_t hours, char buf[PM_TIME_BUFSZ], struct pm_err *err)
{
	struct pm_date d;
	int hh, mm, ss;
	char tmp[PM_TIME_BUFSZ + 8];
	pm_time t;

	if (sscanf(when, "%4d-%2d-%2dT%2d:%2d:%2d", &d.y, &d.m, &d.d, &hh, &mm, &ss) != 6 ||
	    !pm_date_valid(d.y, d.m, d.d))
		return pm_err_set(err, PM_EXIT_SOFTWARE, _("bad stored time '%s'"), when);
	/* calendar days in the estate's zone keep the clock time */
	d = pm_date_add(d, days);
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02d", d.y % 10000, d.m % 100,
	    d.d % 100, hh % 100, mm % 100, ss % 100);
	if (pm_time_parse(tmp, strlen(tmp), &t) != PM_DATE_OK)
		return pm_err_set(err, PM_EXIT_SOFTWARE, _("bad stored time '%s'"), when);
	pm_time_fmt(t + hours * 3600, buf);
	return 0;
}

/* The refusal of a step at a time before the step it follows, per the
 * step recorded last ("it was dispatched at ..."): whole sentences, so
 * that a translator can turn them around. */
static const struct {
	const char *what, *fmt;
} before_msgs[] = {
	{"new", N_("cannot %s %s at %s: it was received at %s")},
	{"dispatch", N_("cannot %s %s at %s: it was dispatched at %s")},
	{"accept", N_("cannot %s %s at %s: it was accepted at %s")},
	{"start", N_("cannot %s %s at %s: work on it started at %s")},
	{"finish", N_("cannot %s %s at %s: it was finished at %s")},
	{"reply", N_("cannot %s %s at %s: it was answered at %s")},
	{"callback", N_("cannot %s %s at %s: it was called back at %s")},
	{"rework", N_("cannot %s %s at %s: it was sent back for rework at %s")},
	{"close", N_("cannot %s %s at %s: it was closed at %s")},
	{"reopen", N_("cannot %s %s at %s: it was reopened at %s")},
	{"handover", N_("cannot %s %s at %s: its callback was handed over at %s")},
	{"attach", N_("cannot %s %s at %s: a file was attached to it at %s")},
	{"recheck", N_("cannot %s %s at %s: its callback was re-checked at %s")},
};

/* A step is recorded no earlier than the ticket's latest event (time
 * order: a back-dated step takes its true place, after what it follows)
 * and no later than now.  65, naming both times, when it is not. */
static int
in_order(struct pm_db *db, int64_t ticket_id, const char *at, const char *what,
	 struct pm_err *err)
{
	static const char sql[] =
	    "SELECT e.at, e.what, t.no FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id"
	    " WHERE e.ticket_id = ?1 ORDER BY e.at DESC, e.id DESC LIMIT 1";
	char now[PM_TIME_BUFSZ], last[PM_TIME_BUFSZ], lwhat[16], no[24];
	struct pm_stmt *st;
	size_t i;
	int rc;

	if (tk_now(now, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, ticket_id);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		snprintf(last, sizeof last, "%s", pm_col_text(st, 0));
		snprintf(lwhat, sizeof lwhat, "%s", pm_col_text(st, 1));
		snprintf(no, sizeof no, "%s", pm_col_text(st, 2));
	}
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return 0; /* the first event: the ticket's receipt */
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading a ticket's events"));
	if (strcmp(at, now) > 0)
		return pm_err_set(err, PM_EXIT_DATA, _("cannot %s %s at %s: that is after now (%s)"),
		    what, no, at, now);
	if (strcmp(at, last) >= 0)
		return 0;
	for (i = 0; i < N(before_msgs); i++)
		if (!strcmp(before_msgs[i].what, lwhat))
			return pm_err_set(err, PM_EXIT_DATA, _(before_msgs[i].fmt), what, no, at, last);
	return pm_err_set(err, PM_EXIT_DATA, _("cannot %s %s at %s: its last step was at %s"),
	    what, no, at, last);
}

int
tk_event(struct pm_db *db, int64_t ticket_id, const char *at, const char *what,
	 int64_t staff_id, const char *detail, struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO ticket_event(ticket_id, at, what, staff_id, recorder, detail)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	struct pm_stmt *st;
	int rc;

	if (in_order(db, ticket_id, at, what, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, ticket_id);
	pm_bind_text(st, 2, at);
	pm_bind_text(st, 3, what);
	if (staff_id)
		pm_bind_int(st, 4, staff_id);
	pm_bind_text(st, 5, pm_audit_who());
	pm_bind_text_null(st, 6, detail);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	return rc;
}

int
tk_staff_name(struct pm_db *db, int64_t id, char **name, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	*name = NULL;
	if (pm_db_prepare(db, "SELECT name FROM staff WHERE id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	rc = pm_step(st);
	*name = strdup(rc == PM_ROW ? pm_col_text(st, 0) : "");
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE) {
		free(*name);
		*name = NULL;
		return pm_db_fail(db, err, _("reading staff"));
	}
	return *name ? 0 : pm_err_oom(err);
}

int
tk_text(const char *what, const char *s, struct pm_buf *out, struct pm_err *err)
{
	const char *why;

	pm_buf_reset(out);
	if (!s)
		return 0;
	if ((why = pm_text_normalize(s, strlen(s), out)))
		return pm_err_set(err, PM_EXIT_DATA, _("%s: %s"), what, why);
	return 0;
}

void
tk_percent(int64_t a, int64_t b, char buf[32])
{
	int64_t x;

	if (b <= 0) {
		buf[0] = '\0';
		return;
	}
	x = (a * 2000 + b) / (2 * b);  /* tenths of a percent, half up */
	snprintf(buf, 32, "%lld.%lld", (long long)(x / 10), (long long)(x % 10));
}
