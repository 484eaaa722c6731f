/* round.c - survey rounds: one a quarter, and a butler's own, with their
 * dates and forms */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/validate.h"
#include "internal.h"

/* The day the summary is due at head office: the 5th of the next
 * quarter's first month, as SQL on a round aliased r. */
#define REPORT_BY_SQL \
	"(CASE WHEN substr(r.quarter, 6, 1) = '4' THEN printf('%04d-01-05', r.year + 1)" \
	" ELSE printf('%04d-%02d-05', r.year, substr(r.quarter, 6, 1) * 3 + 1) END)"

/* The dates of a new round: issue_on from o or dflt, due_on from o or
 * survey.collect_days after it. */
static int
round_dates(struct pm_db *db, const struct pm_survey_round_opts *o, const char *dflt,
	    char issue_on[PM_DATE_BUFSZ], char due_on[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_date issue, due;
	int64_t days;

	if (o->issue_on) {
		if (sv_date_arg(o->issue_on, issue_on, err) < 0)
			return -1;
	} else {
		snprintf(issue_on, PM_DATE_BUFSZ, "%s", dflt);
	}
	if (o->due_on) {
		if (sv_date_arg(o->due_on, due_on, err) < 0)
			return -1;
	} else {
		if (pm_setting_get_int(db, "survey.collect_days", &days, err) < 0)
			return -1;
		pm_date_parse(issue_on, strlen(issue_on), &issue);
		due = pm_date_add(issue, days);
		pm_date_fmt(due, due_on);
	}
	if (strcmp(due_on, issue_on) < 0)
		return pm_err_set(err, PM_EXIT_DATA, _("due date %s is before the issue date %s"),
		    due_on, issue_on);
	return 0;
}

/* 1 when a round has key, 0 when none has. */
static int
round_exists(struct pm_db *db, const char *key, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT 1 FROM survey_round WHERE quarter = ?1", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, key);
	rc = pm_step(st);
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE)
		return pm_db_fail(db, err, _("reading survey rounds"));
	return rc == PM_ROW;
}

/* "default:1", the form of template tid, for the audit log. */
static void
template_spec(struct pm_db *db, int64_t tid, char spec[64])
{
	struct pm_stmt *st;

	snprintf(spec, 64, "?");
	if (pm_db_prepare(db, "SELECT name || ':' || version FROM survey_template WHERE id = ?1",
	    &st, NULL) < 0)
		return;
	pm_bind_int(st, 1, tid);
	if (pm_step(st) == PM_ROW)
		snprintf(spec, 64, "%s", pm_col_text(st, 0));
	pm_stmt_free(st);
}

static int
round_insert(struct pm_db *db, const char *key, int year, int64_t tid, const char *issue_on,
	     const char *due_on, int64_t ratio, int64_t butler_id, struct pm_err *err)
{
	char now[PM_TIME_BUFSZ];
	struct pm_stmt *st;
	pm_time t;
	int rc;

	if (pm_now(&t, err) < 0)
		return -1;
	pm_time_fmt(t, now);
	if (pm_db_prepare(db, "INSERT INTO survey_round (quarter, year, template_id, issue_on,"
	    " due_on, ratio, created, kind, butler_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	    " CASE WHEN ?8 IS NULL THEN 'quarterly' ELSE 'butler' END, ?8)", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, key);
	pm_bind_int(st, 2, year);
	pm_bind_int(st, 3, tid);
	pm_bind_text(st, 4, issue_on);
	pm_bind_text(st, 5, due_on);
	pm_bind_int(st, 6, ratio);
	pm_bind_text(st, 7, now);
	if (butler_id)
		pm_bind_int(st, 8, butler_id);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	return rc;
}

/* A butler's own survey: the butler's round, named o->name or after the
 * butler and the month of the issue date. */
static int
butler_round_new(struct pm_db *db, const struct pm_survey_round_opts *o,
		 char key[PM_SURVEY_KEY_BUFSZ], char issue_on[PM_DATE_BUFSZ],
		 char due_on[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_buf butler = PM_BUF_INIT, name = PM_BUF_INIT, dflt = PM_BUF_INIT;
	char today[PM_DATE_BUFSZ], spec[64];
	struct pm_period p;
	struct pm_stmt *st;
	const char *why;
	int64_t bid, tid;
	int rc = -1, has;

	if (pm_staff_require(db, o->butler, "butler", _("a butler's survey"), &bid, err) < 0)
		return -1;
	/* the name as the register has it */
	if (pm_db_prepare(db, "SELECT name FROM staff WHERE id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, bid);
	if ((rc = pm_step(st)) == PM_ROW && pm_buf_adds(&butler, pm_col_text(st, 0)) < 0)
		rc = PM_STEP_OOM;
	pm_stmt_free(st);
	if (rc != PM_ROW) {
		rc = rc == PM_STEP_OOM ? pm_err_oom(err) : pm_db_fail(db, err, _("reading staff"));
		goto out;
	}
	rc = -1;
	if (sv_date_arg(NULL, today, err) < 0 || round_dates(db, o, today, issue_on, due_on, err) < 0)
		goto out;
	if (!o->name && (pm_buf_adds(&dflt, pm_buf_str(&butler)) < 0 ||
	    pm_buf_addc(&dflt, '-') < 0 || pm_buf_add(&dflt, issue_on, 7) < 0)) {
		pm_err_oom(err);
		goto out;
	}
	{
		const char *n = o->name ? o->name : pm_buf_str(&dflt);

		if ((why = pm_name_normalize(n, strlen(n), &name))) {
			pm_err_set(err, PM_EXIT_DATA, _("round name: %s"), why);
			goto out;
		}
	}
	if (pm_period_parse(pm_buf_str(&name), &p) == 0) {
		pm_err_set(err, PM_EXIT_DATA,
		    _("'%s' reads as a period: name a butler's round like 李强-2026-11"),
		    pm_buf_str(&name));
		goto out;
	}
	if (name.len >= PM_SURVEY_KEY_BUFSZ) {
		pm_err_set(err, PM_EXIT_DATA, _("round name: too long"));
		goto out;
	}
	snprintf(key, PM_SURVEY_KEY_BUFSZ, "%s", pm_buf_str(&name));
	if ((has = round_exists(db, key, err)) < 0)
		goto out;
	if (has) {
		pm_err_set(err, PM_EXIT_DATA, o->name ? _("survey round '%s' exists already")
		    : _("survey round '%s' exists already (--name gives another)"), key);
		goto out;
	}
	if (sv_template_find(db, o->tmpl, &tid, err) < 0 ||
	    round_insert(db, key, atoi(issue_on), tid, issue_on, due_on, 100, bid, err) < 0)
		goto out;
	template_spec(db, tid, spec);
	rc = pm_auditf(db, key, err, "butler's survey round created: butler %s, issue %s, due %s, form %s",
	    pm_buf_str(&butler), issue_on, due_on, spec);
out:
	pm_buf_free(&butler);
	pm_buf_free(&name);
	pm_buf_free(&dflt);
	return rc;
}

int
pm_survey_round_new(struct pm_db *db, const struct pm_survey_round_opts *o,
		    char key[PM_SURVEY_KEY_BUFSZ], char issue_on[PM_DATE_BUFSZ],
		    char due_on[PM_DATE_BUFSZ], struct pm_err *err)
{
	char q[16], spec[64], dflt[PM_DATE_BUFSZ];
	struct pm_period p;
	int64_t tid, ratio = o->ratio;
	int has;

	*key = '\0';
	if (o->butler && o->quarter)
		return pm_err_set(err, PM_EXIT_USAGE, _("give --quarter or --butler, not both"));
	if (o->butler && o->ratio)
		return pm_err_set(err, PM_EXIT_USAGE,
		    _("--ratio is for the quarterly round: a butler's round takes the units listed"));
	if (o->butler)
		return butler_round_new(db, o, key, issue_on, due_on, err);
	if (o->name)
		return pm_err_set(err, PM_EXIT_USAGE, _("--name is for a butler's round (--butler)"));
	if (sv_quarter_norm(o->quarter, q, &p, err) < 0)
		return -1;
	pm_date_fmt((struct pm_date){p.last.y, p.last.m, 15}, dflt);
	if (round_dates(db, o, dflt, issue_on, due_on, err) < 0)
		return -1;
	if (!ratio && pm_setting_get_int(db, "survey.ratio_percent", &ratio, err) < 0)
		return -1;
	if (ratio < 1 || ratio > 100)
		return pm_err_set(err, PM_EXIT_DATA, _("ratio %lld%% is out of range (1 to 100)"),
		    (long long)ratio);
	if (sv_template_find(db, o->tmpl, &tid, err) < 0)
		return -1;
	if ((has = round_exists(db, q, err)) < 0)
		return -1;
	if (has)
		return pm_err_set(err, PM_EXIT_DATA, _("survey round %s exists already"), q);
	if (round_insert(db, q, p.year, tid, issue_on, due_on, ratio, 0, err) < 0)
		return -1;
	snprintf(key, PM_SURVEY_KEY_BUFSZ, "%s", q);
	template_spec(db, tid, spec);
	return pm_auditf(db, q, err, "survey round created: issue %s, due %s, form %s, ratio %lld%%",
	    issue_on, due_on, spec, (long long)ratio);
}

int
pm_survey_round_list(struct pm_db *db, int year, const char *butler, struct pm_out *out,
		     struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"round", N_("Round"), PM_COL_CODE, 0},
		{"kind", N_("Kind"), PM_COL_CODE, 0},
		{"butler", N_("Butler"), PM_COL_TEXT, 0},
		{"form", N_("Form"), PM_COL_TEXT, 0},
		{"issue_on", N_("Issue"), PM_COL_CODE, 0},
		{"due_on", N_("Due"), PM_COL_CODE, 0},
		{"report_by", N_("Report by"), PM_COL_CODE, 0},
		{"ratio", N_("Ratio %"), PM_COL_INT, 0},
		{"moved_in", N_("Households moved in"), PM_COL_INT, 0},
		{"forms", N_("Forms"), PM_COL_INT, 0},
		{"issued", N_("Issued"), PM_COL_INT, 0},
		{"collected", N_("Collected"), PM_COL_INT, 0},
		{"answered", N_("Answered"), PM_COL_INT, 0},
		{"seed", N_("Seed"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT r.quarter, r.kind, s.name, t.name || ':' || t.version, r.issue_on, r.due_on,"
	    " CASE WHEN r.kind = 'quarterly' THEN " REPORT_BY_SQL " END,"
	    " CASE WHEN r.kind = 'quarterly' THEN r.ratio END, r.movedin,"
	    " (SELECT count(*) FROM survey_form f WHERE f.round_id = r.id),"
	    " (SELECT count(issued_on) FROM survey_form f WHERE f.round_id = r.id),"
	    " (SELECT count(collected_on) FROM survey_form f WHERE f.round_id = r.id),"
	    " (SELECT count(answered_on) FROM survey_form f WHERE f.round_id = r.id),"
	    " CAST(r.seed AS TEXT)"
	    " FROM survey_round r JOIN survey_template t ON t.id = r.template_id"
	    " LEFT JOIN staff s ON s.id = r.butler_id"
	    " WHERE (?1 = 0 OR r.year = ?1) AND (?2 IS NULL OR s.name = trim(?2))"
	    " ORDER BY r.issue_on DESC, r.quarter DESC";
	struct pm_stmt *st;
	int rc;

	/* by name, not pm_staff_find: a butler who has left keeps the rounds */
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, year);
	pm_bind_text_null(st, 2, butler);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

int
pm_survey_round_show(struct pm_db *db, const char *round, struct pm_out *out,
		     struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"form", N_("Form"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"building", N_("Building"), PM_COL_CODE, 0},
		{"how", N_("How"), PM_COL_CODE, 0},
		{"issued_on", N_("Issued"), PM_COL_CODE, 0},
		{"issued_by", N_("Issued by"), PM_COL_TEXT, 0},
		{"collector", N_("Collector"), PM_COL_TEXT, 0},
		{"due_on", N_("Due"), PM_COL_CODE, 0},
		{"collected_on", N_("Collected"), PM_COL_CODE, 0},
		{"collected_by", N_("Collected by"), PM_COL_TEXT, 0},
		{"answered_on", N_("Answered"), PM_COL_CODE, 0},
		{"status", N_("Status"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT printf('%s-%03d', r.quarter, f.no), u.code, u.building, f.how,"
	    " f.issued_on, si.name, sc.name, r.due_on, f.collected_on, sb.name, f.answered_on,"
	    " CASE WHEN f.answered_on IS NOT NULL THEN 'answered'"
	    "  WHEN f.collected_on IS NOT NULL THEN 'collected'"
	    "  WHEN r.due_on < :today THEN 'overdue'"
	    "  WHEN f.issued_on IS NOT NULL THEN 'issued' ELSE 'sampled' END"
	    " FROM survey_form f JOIN survey_round r ON r.id = f.round_id"
	    " JOIN unit u ON u.id = f.unit_id"
	    " LEFT JOIN staff si ON si.id = f.issued_by"
	    " LEFT JOIN staff sc ON sc.id = f.collector"
	    " LEFT JOIN staff sb ON sb.id = f.collected_by"
	    " WHERE r.id = :round ORDER BY f.no";
	struct sv_round r;
	struct pm_stmt *st;
	int rc;

	if (sv_round_get(db, round, &r, err) < 0)
		return -1;
	rc = pm_db_prepare(db, sql, &st, err);
	if (rc == 0) {
		sv_bind_named(st, ":round", r.id);
		if ((rc = pm_bind_today(st, err)) == 0) {
			pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
			if ((rc = pm_out_stmt_all(out, st, err)) == 0)
				pm_out_end(out);
		}
		pm_stmt_free(st);
	}
	sv_round_free(&r);
	return rc;
}

int
pm_survey_round_complete(struct pm_db *db, const char *prefix, struct pm_out *out,
			 struct pm_err *err)
{
	static const struct pm_col cols[] = {{"round", N_("Round"), PM_COL_CODE, 0}};
	struct pm_stmt *st;
	int rc;

	/* a handful of rows: a scan is fine */
	if (pm_db_prepare(db, "SELECT quarter FROM survey_round"
	    " WHERE substr(quarter, 1, length(?1)) = ?1 ORDER BY issue_on DESC, quarter DESC"
	    " LIMIT 200", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, prefix);
	pm_out_begin(out, NULL, cols, 1, 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}
