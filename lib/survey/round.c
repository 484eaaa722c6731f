/* round.c - survey rounds: one a quarter, with its dates and forms */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "internal.h"

/* The day the summary is due at head office: the 5th of the next
 * quarter's first month, as SQL on a round aliased r. */
#define REPORT_BY_SQL \
	"(CASE WHEN substr(r.quarter, 6, 1) = '4' THEN printf('%04d-01-05', r.year + 1)" \
	" ELSE printf('%04d-%02d-05', r.year, substr(r.quarter, 6, 1) * 3 + 1) END)"

int
pm_survey_round_new(struct pm_db *db, const struct pm_survey_round_opts *o,
		    char issue_on[PM_DATE_BUFSZ], char due_on[PM_DATE_BUFSZ], struct pm_err *err)
{
	char q[16], spec[64], now[PM_TIME_BUFSZ];
	struct pm_period p;
	struct pm_date issue, due;
	sqlite3_stmt *st = NULL;
	int64_t tid, ratio = o->ratio, days;
	pm_time t;
	int rc;

	if (sv_quarter_norm(o->quarter, q, &p, err) < 0)
		return -1;
	if (o->issue_on) {
		if (sv_date_arg(o->issue_on, issue_on, err) < 0)
			return -1;
	} else {
		issue = (struct pm_date){p.last.y, p.last.m, 15};
		pm_date_fmt(issue, issue_on);
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
	if (!ratio && pm_setting_get_int(db, "survey.ratio_percent", &ratio, err) < 0)
		return -1;
	if (ratio < 1 || ratio > 100)
		return pm_err_set(err, PM_EXIT_DATA, _("ratio %lld%% is out of range (1 to 100)"),
		    (long long)ratio);
	if (sv_template_find(db, o->tmpl, &tid, err) < 0)
		return -1;
	if (pm_db_prepare(db, "SELECT 1 FROM survey_round WHERE quarter = ?1", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, q);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return pm_err_set(err, PM_EXIT_DATA, _("survey round %s exists already"), q);
	if (rc != SQLITE_DONE)
		return pm_db_fail(db, rc, err, _("reading survey rounds"));
	if (pm_now(&t, err) < 0)
		return -1;
	pm_time_fmt(t, now);
	if (pm_db_prepare(db, "INSERT INTO survey_round (quarter, year, template_id, issue_on,"
	    " due_on, ratio, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, q);
	pm_bind_int(st, 2, p.year);
	pm_bind_int(st, 3, tid);
	pm_bind_text(st, 4, issue_on);
	pm_bind_text(st, 5, due_on);
	pm_bind_int(st, 6, ratio);
	pm_bind_text(st, 7, now);
	rc = pm_db_step_done(db, st, err);
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	if (pm_db_prepare(db, "SELECT name || ':' || version FROM survey_template WHERE id = ?1",
	    &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, tid);
	snprintf(spec, sizeof spec, "%s", sqlite3_step(st) == SQLITE_ROW ? pm_col_text(st, 0) : "?");
	sqlite3_finalize(st);
	return pm_auditf(db, q, err, "survey round created: issue %s, due %s, form %s, ratio %lld%%",
	    issue_on, due_on, spec, (long long)ratio);
}

int
pm_survey_round_list(struct pm_db *db, int year, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"quarter", N_("Quarter"), PM_COL_CODE, 0},
		{"form", N_("Form"), PM_COL_TEXT, 0},
		{"issue_on", N_("Issue"), PM_COL_CODE, 0},
		{"due_on", N_("Due"), PM_COL_CODE, 0},
		{"report_by", N_("Report by"), PM_COL_CODE, 0},
		{"ratio", N_("Ratio %"), PM_COL_INT, 0},
		{"moved_in", N_("Moved in"), PM_COL_INT, 0},
		{"forms", N_("Forms"), PM_COL_INT, 0},
		{"issued", N_("Issued"), PM_COL_INT, 0},
		{"collected", N_("Collected"), PM_COL_INT, 0},
		{"answered", N_("Answered"), PM_COL_INT, 0},
		{"seed", N_("Seed"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT r.quarter, t.name || ':' || t.version, r.issue_on, r.due_on, " REPORT_BY_SQL ","
	    " r.ratio, r.movedin,"
	    " (SELECT count(*) FROM survey_form f WHERE f.round_id = r.id),"
	    " (SELECT count(issued_on) FROM survey_form f WHERE f.round_id = r.id),"
	    " (SELECT count(collected_on) FROM survey_form f WHERE f.round_id = r.id),"
	    " (SELECT count(answered_on) FROM survey_form f WHERE f.round_id = r.id),"
	    " CAST(r.seed AS TEXT)"
	    " FROM survey_round r JOIN survey_template t ON t.id = r.template_id"
	    " WHERE ?1 = 0 OR r.year = ?1 ORDER BY r.quarter DESC";
	sqlite3_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, year);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	sqlite3_finalize(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

int
pm_survey_round_show(struct pm_db *db, const char *quarter, struct pm_out *out,
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
	sqlite3_stmt *st;
	int rc;

	if (sv_round_get(db, quarter, &r, err) < 0)
		return -1;
	rc = pm_db_prepare(db, sql, &st, err);
	if (rc == 0) {
		sv_bind_named(st, ":round", r.id);
		if ((rc = pm_bind_today(st, err)) == 0) {
			pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
			if ((rc = pm_out_stmt_all(out, st, err)) == 0)
				pm_out_end(out);
		}
		sqlite3_finalize(st);
	}
	sv_round_free(&r);
	return rc;
}
