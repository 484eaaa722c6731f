/* stats.c - weekly and monthly statistics, the complaint summary, the
 * manager's random re-check of callbacks */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "owner/unit.h"
#include "internal.h"
#include "ticket.h"

/* The period's bounds as the queries bind them.  asof is the day whose
 * households a rate divides by: the period's last day, or today while the
 * period is still running (a lease that starts on Saturday is no
 * household on Wednesday). */
struct span {
	char first[PM_DATE_BUFSZ], last[PM_DATE_BUFSZ], next[PM_DATE_BUFSZ];
	char asof[PM_DATE_BUFSZ];
	char now[PM_TIME_BUFSZ];
	char name[PM_PERIOD_BUFSZ];
};

static int
span_of(const struct pm_period *p, struct span *s, struct pm_err *err)
{
	struct pm_date today;

	if (pm_today(&today, err) < 0)
		return -1;
	pm_date_fmt(p->first, s->first);
	pm_date_fmt(p->last, s->last);
	pm_date_fmt(pm_date_add(p->last, 1), s->next);
	pm_date_fmt(pm_date_cmp(p->last, today) < 0 ? p->last : today, s->asof);
	pm_period_fmt(*p, s->name);
	return tk_now(s->now, err);
}

static void
bind_span(struct pm_stmt *st, const struct span *s)
{
	int i;

	if ((i = pm_param_index(st, ":first")))
		pm_bind_text(st, i, s->first);
	if ((i = pm_param_index(st, ":next")))
		pm_bind_text(st, i, s->next);
	if ((i = pm_param_index(st, ":now")))
		pm_bind_text(st, i, s->now);
	/* PM_UNIT_STATUS_SQL's day, here the period's and not the clock's */
	if ((i = pm_param_index(st, ":today")))
		pm_bind_text(st, i, s->asof);
}

/* A query of one number. */
static int
count(struct pm_db *db, const struct span *s, const char *sql, int64_t *v, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	*v = 0;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	bind_span(st, s);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*v = pm_col_int64(st, 0);
	pm_stmt_free(st);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("statistics"));
}

#define IN_PERIOD(col) " " col " >= :first AND " col " < :next"
#define RECEIVED "SELECT count(*) FROM ticket t WHERE" IN_PERIOD("t.received")

static int
row(struct pm_out *out, const char *metric, const char *key, const char *value)
{
	const char *v[3];

	v[0] = metric;
	v[1] = key;
	v[2] = value;
	return pm_out_row(out, v);
}

static int
row_n(struct pm_out *out, const char *metric, const char *key, int64_t n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", (long long)n);
	return row(out, metric, key, buf);
}

/* Rows of a grouped count: column 0 the key, 1 the number. */
static int
grouped(struct pm_db *db, const struct span *s, struct pm_out *out, const char *metric,
	const char *sql, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	bind_span(st, s);
	while ((rc = pm_step(st)) == PM_ROW)
		row_n(out, metric, pm_col_text(st, 0), pm_col_int64(st, 1));
	pm_stmt_free(st);
	return rc == PM_DONE ? 0 : pm_db_fail(db, err, _("statistics"));
}

struct figures {
	int64_t received, finished, same_day, reopened;
	int64_t cb_made, cb_on_time, cb_overdue, sat, basic, unsat;
	int64_t c_received, c_on_time, c_late, c_unanswered, c_overdue, households;
	int64_t rw_issued, rw_on_time;
};

static int
figures(struct pm_db *db, const struct span *s, struct figures *f, struct pm_err *err)
{
	static const char *const sql[] = {
		RECEIVED,
		RECEIVED " AND t.status IN ('finished', 'called', 'closed')",
		RECEIVED " AND EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id"
		"  AND e.what = 'finish' AND substr(e.at, 1, 10) = substr(t.received, 1, 10))",
		"SELECT count(*) FROM ticket_event e WHERE e.what = 'reopen' AND" IN_PERIOD("e.at"),
		"SELECT count(*) FROM callback c WHERE" IN_PERIOD("c.at"),
		"SELECT count(*) FROM callback c WHERE" IN_PERIOD("c.at")
		"  AND (c.due IS NULL OR c.at <= c.due)",
		"SELECT count(*) FROM ticket t WHERE t.callback_due IS NOT NULL AND"
		IN_PERIOD("t.callback_due") " AND t.callback_due < :now",
		"SELECT count(*) FROM callback c WHERE" IN_PERIOD("c.at") " AND c.result = 'satisfied'",
		"SELECT count(*) FROM callback c WHERE" IN_PERIOD("c.at") " AND c.result = 'basic'",
		"SELECT count(*) FROM callback c WHERE" IN_PERIOD("c.at") " AND c.result = 'unsatisfied'",
		RECEIVED " AND t.kind = 'complaint'",
		RECEIVED " AND t.kind = 'complaint' AND t.replied <= t.reply_due",
		RECEIVED " AND t.kind = 'complaint' AND t.replied > t.reply_due",
		RECEIVED " AND t.kind = 'complaint' AND t.replied IS NULL",
		RECEIVED " AND t.kind = 'complaint' AND t.replied IS NULL AND t.reply_due < :now",
		/* households: residential units lived in (occupied or let) on
		 * the period's last day, by the rule of a unit's status, so that
		 * a past week's rate does not change as owners move in later */
		"SELECT count(*) FROM unit u WHERE u.type = 'residential' AND "
		PM_UNIT_STATUS_SQL " IN ('occupied', 'rented')",
		"SELECT count(*) FROM rework r WHERE" IN_PERIOD("r.issued"),
		"SELECT count(*) FROM rework r WHERE" IN_PERIOD("r.issued") " AND r.done <= r.due",
	};
	int64_t *v[] = {
		&f->received, &f->finished, &f->same_day, &f->reopened,
		&f->cb_made, &f->cb_on_time, &f->cb_overdue, &f->sat, &f->basic, &f->unsat,
		&f->c_received, &f->c_on_time, &f->c_late, &f->c_unanswered, &f->c_overdue,
		&f->households, &f->rw_issued, &f->rw_on_time,
	};
	size_t i;

	for (i = 0; i < N(sql); i++)
		if (count(db, s, sql[i], v[i], err) < 0)
			return -1;
	return 0;
}

/* Complaints per 100 households, two decimals, half up. */
static void
per100(int64_t n, int64_t households, char buf[32])
{
	int64_t x;

	if (households <= 0) {
		buf[0] = '\0';
		return;
	}
	x = (n * 20000 + households) / (2 * households);
	snprintf(buf, 32, "%lld.%02lld", (long long)(x / 100), (long long)(x % 100));
}

int
pm_ticket_stats(struct pm_db *db, const struct pm_period *p, struct pm_out *out,
		struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"metric", N_("Metric"), PM_COL_CODE, 0},
		{"key", N_("Breakdown"), PM_COL_CODE, 0},
		{"value", N_("Value"), PM_COL_CODE, 0},
	};
	static const char kinds[] =
	    "SELECT k.kind, (SELECT count(*) FROM ticket t WHERE t.kind = k.kind AND"
	    IN_PERIOD("t.received") ") FROM (SELECT 'repair' AS kind, 1 AS o UNION ALL"
	    " SELECT 'complaint', 2 UNION ALL SELECT 'suggestion', 3 UNION ALL SELECT 'inquiry', 4"
	    " UNION ALL SELECT 'errand', 5 UNION ALL SELECT 'emergency', 6) k ORDER BY k.o";
	static const char categories[] =
	    "SELECT t.category, count(*) FROM ticket t WHERE t.category IS NOT NULL AND"
	    IN_PERIOD("t.received") " GROUP BY t.category ORDER BY count(*) DESC, t.category";
	static const char buildings[] =
	    "SELECT t.building, count(*) FROM ticket t WHERE" IN_PERIOD("t.received")
	    " GROUP BY t.building ORDER BY t.building";
	static const char *const kinds_names[] = {
		"day", "week", "month", "quarter", "year",
	};
	struct figures f;
	struct span s;
	char pc[32];

	if (span_of(p, &s, err) < 0 || figures(db, &s, &f, err) < 0)
		return -1;
	pm_out_begin(out, NULL, cols, N(cols), 0);
	row(out, "period", kinds_names[p->kind], s.name);
	row(out, "period", "first", s.first);
	row(out, "period", "last", s.last);
	row_n(out, "tickets", "received", f.received);
	row_n(out, "tickets", "reopened", f.reopened);
	if (grouped(db, &s, out, "kind", kinds, err) < 0 ||
	    grouped(db, &s, out, "category", categories, err) < 0 ||
	    grouped(db, &s, out, "building", buildings, err) < 0)
		return -1;
	row_n(out, "handling", "finished", f.finished);
	row_n(out, "handling", "same_day", f.same_day);
	tk_percent(f.same_day, f.received, pc);
	row(out, "handling", "same_day_percent", pc);
	row_n(out, "callbacks", "made", f.cb_made);
	row_n(out, "callbacks", "on_time", f.cb_on_time);
	tk_percent(f.cb_on_time, f.cb_made, pc);
	row(out, "callbacks", "on_time_percent", pc);
	row_n(out, "callbacks", "overdue", f.cb_overdue);
	row_n(out, "satisfaction", "satisfied", f.sat);
	row_n(out, "satisfaction", "basic", f.basic);
	row_n(out, "satisfaction", "unsatisfied", f.unsat);
	tk_percent(f.sat + f.basic, f.cb_made, pc);
	row(out, "satisfaction", "percent", pc);
	row_n(out, "complaints", "received", f.c_received);
	row_n(out, "complaints", "answered_on_time", f.c_on_time);
	row_n(out, "complaints", "answered_late", f.c_late);
	row_n(out, "complaints", "unanswered", f.c_unanswered);
	row_n(out, "complaints", "overdue", f.c_overdue);
	row_n(out, "complaints", "households", f.households);
	per100(f.c_received, f.households, pc);
	row(out, "complaints", "per_100_households", pc);
	row_n(out, "rework", "issued", f.rw_issued);
	row_n(out, "rework", "done_on_time", f.rw_on_time);
	pm_out_end(out);
	return 0;
}

int
pm_ticket_summary(struct pm_db *db, const struct pm_period *p, struct pm_buf *text,
		  struct pm_err *err)
{
	static const char cats[] =
	    "SELECT coalesce(t.category, 'other'), count(*) FROM ticket t WHERE t.kind = 'complaint'"
	    " AND" IN_PERIOD("t.received") " GROUP BY 1 ORDER BY count(*) DESC, 1";
	static const char list[] =
	    "SELECT t.no, coalesce(u.code, '-'), coalesce(t.category, '-'), t.summary, t.replied,"
	    " t.reply_due, t.replied <= t.reply_due, t.reply_due < :now, t.status"
	    " FROM ticket t LEFT JOIN unit u ON u.id = t.unit_id"
	    " WHERE t.kind = 'complaint' AND" IN_PERIOD("t.received") " ORDER BY t.id";
	struct figures f;
	struct span s;
	struct pm_stmt *st;
	int64_t hours;
	char rate[32];
	int rc, first = 1;

	if (span_of(p, &s, err) < 0 || figures(db, &s, &f, err) < 0 ||
	    pm_setting_get_int(db, "complaint.reply_hours", &hours, err) < 0)
		return -1;
	per100(f.c_received, f.households, rate);
	pm_buf_addf(text, _("Complaints %s (%s to %s): %lld received, %lld answered within "
	    "%lld hours, %lld answered late, %lld not answered yet (%lld overdue)."),
	    s.name, s.first, s.last, (long long)f.c_received, (long long)f.c_on_time,
	    (long long)hours, (long long)f.c_late, (long long)f.c_unanswered,
	    (long long)f.c_overdue);
	if (*rate)
		pm_buf_addf(text, _("  %s per 100 households (%lld households)."), rate,
		    (long long)f.households);
	if (pm_db_prepare(db, cats, &st, err) < 0)
		return -1;
	bind_span(st, &s);
	while ((rc = pm_step(st)) == PM_ROW) {
		pm_buf_addf(text, first ? _("  By category: %s %lld") : ", %s %lld",
		    pm_keyword_label(pm_ticket_categories, pm_col_text(st, 0)),
		    (long long)pm_col_int64(st, 1));
		first = 0;
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("statistics"));
	pm_buf_adds(text, first ? "\n" : ".\n");
	if (pm_db_prepare(db, list, &st, err) < 0)
		return -1;
	bind_span(st, &s);
	while ((rc = pm_step(st)) == PM_ROW) {
		pm_buf_addf(text, "  %s  %s  %s  %s: ", pm_col_text(st, 0), pm_col_text(st, 1),
		    pm_col_text(st, 2), pm_col_text(st, 3));
		if (!pm_col_null(st, 4))
			pm_buf_addf(text, pm_col_int(st, 6) ? _("answered %s, on time")
			    : _("answered %s, late"), pm_col_text(st, 4));
		else
			pm_buf_addf(text, pm_col_int(st, 7) ? _("not answered, overdue since %s")
			    : _("not answered, due %s"), pm_col_text(st, 5));
		pm_buf_addf(text, "; %s\n", pm_keyword_label(pm_ticket_statuses, pm_col_text(st, 8)));
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("statistics"));
	return text->s ? 0 : pm_err_oom(err);
}

/* splitmix64: small, good and the same everywhere. */
static uint64_t
next_rand(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

int
pm_ticket_sample(struct pm_db *db, const struct pm_period *month, long n, uint64_t seed,
		 struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"ticket", N_("Ticket"), PM_COL_CODE, 0},
		{"called", N_("Called"), PM_COL_CODE, 0},
		{"staff", N_("Staff"), PM_COL_TEXT, 0},
		{"result", N_("Result"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"reporter", N_("Reporter"), PM_COL_TEXT, 0},
		{"phone", N_("Phone"), PM_COL_PHONE, 0},
		{"summary", N_("Summary"), PM_COL_TEXT, 0},
		{"recheck", N_("Re-check"), PM_COL_CODE, 0},
	};
	static const char ids[] =
	    "SELECT c.id FROM callback c WHERE" IN_PERIOD("c.at") " ORDER BY c.id";
	static const char one[] =
	    "SELECT t.no, c.at, s.name, c.result, u.code, t.reporter, t.phone, t.summary, c.recheck"
	    " FROM callback c JOIN ticket t ON t.id = c.ticket_id JOIN staff s ON s.id = c.staff_id"
	    " LEFT JOIN unit u ON u.id = t.unit_id WHERE c.id = ?1";
	int64_t *v = NULL;
	size_t nv = 0, cap = 0, i, take;
	struct pm_stmt *st = NULL;
	struct span s;
	int rc = -1, step;

	if (span_of(month, &s, err) < 0)
		return -1;
	if (pm_db_prepare(db, ids, &st, err) < 0)
		return -1;
	bind_span(st, &s);
	while ((step = pm_step(st)) == PM_ROW) {
		if (nv == cap) {
			size_t c2 = cap ? cap * 2 : 64;
			int64_t *nvv = realloc(v, c2 * sizeof *v);

			if (!nvv) {
				pm_err_oom(err);
				goto out;
			}
			v = nvv;
			cap = c2;
		}
		v[nv++] = pm_col_int64(st, 0);
	}
	pm_stmt_free(st);
	st = NULL;
	if (step != PM_DONE) {
		pm_db_fail(db, err, _("sampling callbacks"));
		goto out;
	}
	/* the first take places of a Fisher-Yates shuffle */
	take = n < 0 ? 0 : (size_t)n < nv ? (size_t)n : nv;
	for (i = 0; i < take; i++) {
		size_t j = i + (size_t)(next_rand(&seed) % (nv - i));
		int64_t x = v[i];

		v[i] = v[j];
		v[j] = x;
	}
	if (take)
		qsort(v, take, sizeof *v, cmp_id);
	if (pm_db_prepare(db, one, &st, err) < 0)
		goto out;
	pm_out_begin(out, NULL, cols, N(cols), 0);
	for (i = 0; i < take; i++) {
		pm_stmt_reset(st);
		pm_bind_int(st, 1, v[i]);
		if ((step = pm_step(st)) != PM_ROW) {
			pm_db_fail(db, err, _("sampling callbacks"));
			goto out;
		}
		pm_out_stmt(out, st);
	}
	pm_out_end(out);
	rc = 0;
out:
	pm_stmt_free(st);
	free(v);
	return rc;
}

int
pm_ticket_recheck(struct pm_db *db, const char *no, const char *result, const char *by,
		  const char *notes, struct pm_err *err)
{
	static const char sql[] =
	    "UPDATE callback SET recheck = ?2, recheck_by = ?3, recheck_at = ?4, recheck_notes = ?5"
	    " WHERE id = ?1";
	struct pm_buf text = PM_BUF_INIT;
	const char *key, *who = by ? by : pm_audit_clerk();
	char now[PM_TIME_BUFSZ];
	struct pm_stmt *st = NULL;
	int64_t staff, cb = 0;
	struct tk t;
	int rc = -1, step, done = 0;

	if (!result) {
		pm_err_set(err, PM_EXIT_USAGE, _("give --result confirmed or disputed"));
		goto out;
	}
	if (!(key = pm_keyword_key(pm_recheck_results, result))) {
		pm_err_set(err, PM_EXIT_DATA, _("unknown re-check result '%s' (one of: %s)"), result,
		    pm_keyword_list(pm_recheck_results));
		goto out;
	}
	if (tk_text(_("notes"), notes, &text, err) < 0 || tk_load(db, no, &t, err) < 0)
		goto out;
	if (!who) {
		pm_err_set(err, PM_EXIT_USAGE, _("who? give --by STAFF (or set PM_USER to your name "
		    "in the staff register)"));
		goto out;
	}
	if (pm_staff_require(db, who, "supervisor|manager", _("a re-check of a callback"), &staff,
	    err) < 0)
		goto out;
	if (pm_db_prepare(db, "SELECT id, recheck IS NOT NULL FROM callback WHERE ticket_id = ?1"
	    " ORDER BY id DESC LIMIT 1", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, t.id);
	step = pm_step(st);
	if (step == PM_ROW) {
		cb = pm_col_int64(st, 0);
		done = pm_col_int(st, 1);
	}
	pm_stmt_free(st);
	st = NULL;
	if (step != PM_ROW && step != PM_DONE) {
		pm_db_fail(db, err, _("reading callbacks"));
		goto out;
	}
	if (!cb) {
		pm_err_set(err, PM_EXIT_DATA, _("cannot re-check %s: it has no callback"), t.no);
		goto out;
	}
	if (done) {
		pm_err_set(err, PM_EXIT_DATA, _("cannot re-check %s: its callback was re-checked already"),
		    t.no);
		goto out;
	}
	if (tk_now(now, err) < 0 || pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, cb);
	pm_bind_text(st, 2, key);
	pm_bind_int(st, 3, staff);
	pm_bind_text(st, 4, now);
	pm_bind_text_null(st, 5, pm_buf_str(&text));
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (tk_event(db, t.id, now, "recheck", staff, key, err) < 0 ||
	    pm_auditf(db, t.no, err, "recheck: %s", key) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&text);
	return rc;
}
