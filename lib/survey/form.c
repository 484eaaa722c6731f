/* form.c - handing forms out, collecting them, and chasing the late ones */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "owner/unit.h"
#include "internal.h"

/* The staff name as stored, for the audit log. */
static const char *
trimmed(const char *s, struct pm_buf *b)
{
	size_t n = strlen(s);

	pm_text_trim(&s, &n);
	pm_buf_reset(b);
	return pm_buf_add(b, s, n) < 0 ? "" : pm_buf_str(b);
}

static int
issue_all(struct pm_db *db, const struct sv_round *r, const char *date, int64_t by,
	  int64_t collector, int64_t *count, struct pm_err *err)
{
	struct pm_stmt *st;
	int64_t forms = 0;
	int rc;

	if (pm_db_prepare(db, "SELECT count(*) FROM survey_form WHERE round_id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, r->id);
	if ((rc = pm_step(st)) == PM_ROW)
		forms = pm_col_int64(st, 0);
	pm_stmt_free(st);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading survey forms"));
	if (!forms)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("%s has no forms: draw the sample (pm-survey sample) or list the units"),
		    r->quarter);
	if (pm_db_prepare(db, "UPDATE survey_form SET issued_on = ?2, issued_by = ?3, collector = ?4"
	    " WHERE round_id = ?1 AND issued_on IS NULL", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, r->id);
	pm_bind_text(st, 2, date);
	pm_bind_int(st, 3, by);
	pm_bind_int(st, 4, collector);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc < 0)
		return -1;
	*count = pm_db_changes(db);
	if (!*count)
		return pm_err_set(err, PM_EXIT_DATA, _("every form of %s is issued already"), r->quarter);
	return 0;
}

/* Look up the listed unit; 65 when it was listed before in the same
 * command (ids[0..i) are the earlier ones). */
static int
listed_unit(struct pm_db *db, const char *typed, int64_t *ids, size_t i, char **code,
	    struct pm_err *err)
{
	size_t j;

	if (pm_unit_find(db, typed, &ids[i], code, err) < 0)
		return -1;
	for (j = 0; j < i; j++)
		if (ids[j] == ids[i])
			return pm_err_set(err, PM_EXIT_DATA, _("unit '%s' is listed twice"), *code);
	return 0;
}

int
pm_survey_issue(struct pm_db *db, const struct pm_survey_hand *h, const struct pm_strv *units,
		int64_t *count, struct pm_err *err)
{
	struct sv_round r;
	struct pm_buf byname = PM_BUF_INIT, colname = PM_BUF_INIT;
	char date[PM_DATE_BUFSZ], no[SV_FORMNO_BUFSZ];
	const char *bywho;
	int64_t by, collector, *ids = NULL;
	struct pm_stmt *st = NULL;
	size_t i;
	int rc = -1;

	*count = 0;
	if (sv_round_get(db, h->round, &r, err) < 0)
		return -1;
	/* a butler hands out the forms of his or her own survey */
	bywho = h->by ? h->by : r.butler ? r.butler_name : NULL;
	if (!bywho) {
		pm_err_set(err, PM_EXIT_USAGE, _("who hands the forms out? give --by STAFF"));
		goto out;
	}
	if (pm_staff_find(db, bywho, &by, NULL, err) < 0 ||
	    pm_staff_find(db, h->collector ? h->collector : bywho, &collector, NULL, err) < 0 ||
	    sv_date_arg(h->date, date, err) < 0)
		goto out;
	trimmed(bywho, &byname);
	trimmed(h->collector ? h->collector : bywho, &colname);
	if (!units || !units->n) {
		if (issue_all(db, &r, date, by, collector, count, err) < 0 ||
		    pm_auditf(db, r.quarter, err,
			"survey forms issued: %lld on %s by %s, to be collected by %s",
			(long long)*count, date, pm_buf_str(&byname), pm_buf_str(&colname)) < 0)
			goto out;
		rc = 0;
		goto out;
	}
	if (!(ids = calloc(units->n, sizeof *ids))) {
		pm_err_oom(err);
		goto out;
	}
	if (pm_db_prepare(db, "UPDATE survey_form SET issued_on = ?2, issued_by = ?3, collector = ?4"
	    " WHERE id = ?1 AND issued_on IS NULL RETURNING no", &st, err) < 0)
		goto out;
	for (i = 0; i < units->n; i++) {
		char *code = NULL, *before = NULL;
		int64_t fid, num;
		int has, ok;

		if (listed_unit(db, units->v[i], ids, i, &code, err) < 0) {
			free(code);
			goto out;
		}
		has = sv_form_of(db, &r, ids[i], &fid, &num, err);
		ok = has >= 0 && (has || sv_form_listed(db, &r, ids[i], code, h->allow_repeat, &fid,
		    &num, &before, err) == 0);
		if (ok) {
			pm_stmt_reset(st);
			pm_bind_int(st, 1, fid);
			pm_bind_text(st, 2, date);
			pm_bind_int(st, 3, by);
			pm_bind_int(st, 4, collector);
			switch (pm_step(st)) {
			case PM_ROW:
				break;
			case PM_DONE:
				ok = 0;
				pm_err_set(err, PM_EXIT_DATA, _("form %s (unit '%s') is issued already"),
				    sv_formno(r.quarter, num, no), code);
				break;
			default:
				ok = 0;
				pm_db_fail(db, err, _("issuing a form"));
			}
		}
		if (ok && pm_auditf(db, r.quarter, err,
		    "survey form %s: unit %s issued on %s by %s, to be collected by %s%s%s",
		    sv_formno(r.quarter, num, no), code, date, pm_buf_str(&byname),
		    pm_buf_str(&colname), before ? "; surveyed earlier in " : "",
		    before ? before : "") < 0)
			ok = 0;
		free(code);
		free(before);
		if (!ok)
			goto out;
		(*count)++;
	}
	rc = 0;
out:
	pm_stmt_free(st);
	free(ids);
	pm_buf_free(&byname);
	pm_buf_free(&colname);
	sv_round_free(&r);
	return rc;
}

/* Mark form fid of unit code collected on date by who (0: its collector). */
int
sv_form_collect(struct pm_db *db, const struct sv_round *r, int64_t fid, const char *code,
		const char *date, int64_t who, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT f.no, f.issued_on, f.collector, f.collected_on FROM survey_form f WHERE f.id = ?1";
	char no[SV_FORMNO_BUFSZ], issued[PM_DATE_BUFSZ] = "", collected[PM_DATE_BUFSZ] = "";
	struct pm_stmt *st;
	int64_t num = 0, collector = 0;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, fid);
	if ((rc = pm_step(st)) == PM_ROW) {
		num = pm_col_int64(st, 0);
		snprintf(issued, sizeof issued, "%s", pm_col_text(st, 1));
		collector = pm_col_int64(st, 2);
		snprintf(collected, sizeof collected, "%s", pm_col_text(st, 3));
	}
	pm_stmt_free(st);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading survey forms"));
	sv_formno(r->quarter, num, no);
	if (!*issued)
		return pm_err_set(err, PM_EXIT_DATA, _("form %s (unit '%s') has not been issued"), no,
		    code);
	if (*collected)
		return pm_err_set(err, PM_EXIT_DATA, _("form %s (unit '%s') was collected on %s"), no,
		    code, collected);
	if (strcmp(date, issued) < 0)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("form %s (unit '%s') cannot be back on %s: it was issued on %s"), no, code, date,
		    issued);
	if (!who)
		who = collector;
	if (pm_db_prepare(db, "UPDATE survey_form SET collected_on = ?2, collected_by = ?3"
	    " WHERE id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, fid);
	pm_bind_text(st, 2, date);
	if (who)
		pm_bind_int(st, 3, who);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc < 0)
		return -1;
	return pm_auditf(db, r->quarter, err, "survey form %s: unit %s collected on %s", no, code,
	    date);
}

int
pm_survey_collect(struct pm_db *db, const struct pm_survey_hand *h, const struct pm_strv *units,
		  int64_t *count, struct pm_err *err)
{
	struct sv_round r;
	char date[PM_DATE_BUFSZ];
	int64_t by = 0, *ids = NULL;
	size_t i;
	int rc = -1;

	*count = 0;
	if (sv_round_get(db, h->round, &r, err) < 0)
		return -1;
	if (!units || !units->n) {
		pm_err_set(err, PM_EXIT_USAGE, _("which forms? give the UNITs, or - to read them"));
		goto out;
	}
	if ((h->by && pm_staff_find(db, h->by, &by, NULL, err) < 0) ||
	    sv_date_arg(h->date, date, err) < 0)
		goto out;
	if (!(ids = calloc(units->n, sizeof *ids))) {
		pm_err_oom(err);
		goto out;
	}
	for (i = 0; i < units->n; i++) {
		char *code = NULL;
		int64_t fid, num;
		int has = 0, ok;

		ok = listed_unit(db, units->v[i], ids, i, &code, err) == 0 &&
		    (has = sv_form_of(db, &r, ids[i], &fid, &num, err)) >= 0;
		if (ok && !has) {
			pm_err_set(err, PM_EXIT_DATA, _("unit '%s' has no form in %s"), code, r.quarter);
			ok = 0;
		}
		ok = ok && sv_form_collect(db, &r, fid, code, date, by, err) == 0;
		free(code);
		if (!ok)
			goto out;
		(*count)++;
	}
	rc = 0;
out:
	free(ids);
	sv_round_free(&r);
	return rc;
}

int
pm_survey_due(struct pm_db *db, const char *round, int all, struct pm_out *out, int64_t *late,
	      struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"form", N_("Form"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"building", N_("Building"), PM_COL_CODE, 0},
		{"issued_on", N_("Issued"), PM_COL_CODE, 0},
		{"issued_by", N_("Issued by"), PM_COL_TEXT, 0},
		{"collector", N_("Collector"), PM_COL_TEXT, 0},
		{"due_on", N_("Due"), PM_COL_CODE, 0},
		{"days_late", N_("Days late"), PM_COL_INT, 0},
	};
	static const char where[] =
	    " FROM survey_form f JOIN survey_round r ON r.id = f.round_id"
	    " JOIN unit u ON u.id = f.unit_id"
	    " LEFT JOIN staff si ON si.id = f.issued_by"
	    " LEFT JOIN staff sc ON sc.id = f.collector"
	    " WHERE f.collected_on IS NULL AND (:round = 0 OR r.id = :round)"
	    "  AND (r.due_on < :today OR (:all AND f.issued_on IS NOT NULL))";
	struct pm_buf sql = PM_BUF_INIT;
	struct sv_round r = {0};
	struct pm_stmt *st = NULL;
	int rc = -1;

	*late = 0;
	if (round && sv_round_get(db, round, &r, err) < 0)
		return -1;
	if (pm_buf_adds(&sql, "SELECT count(*)") < 0 || pm_buf_adds(&sql, where) < 0 ||
	    pm_buf_adds(&sql, " AND r.due_on < :today") < 0) {
		pm_err_oom(err);
		goto out;
	}
	if (pm_db_prepare(db, sql.s, &st, err) < 0)
		goto out;
	sv_bind_named(st, ":round", r.id);
	sv_bind_named(st, ":all", 0);
	if (pm_bind_today(st, err) < 0)
		goto out;
	if ((rc = pm_step(st)) != PM_ROW) {
		rc = pm_db_fail(db, err, _("reading survey forms"));
		goto out;
	}
	*late = pm_col_int64(st, 0);
	pm_stmt_free(st);
	st = NULL;
	rc = -1;
	pm_buf_reset(&sql);
	if (pm_buf_adds(&sql, "SELECT printf('%s-%03d', r.quarter, f.no), u.code, u.building,"
	    " f.issued_on, si.name, sc.name, r.due_on,"
	    " CASE WHEN r.due_on < :today THEN CAST(julianday(:today) - julianday(r.due_on) AS INTEGER) END") < 0 ||
	    pm_buf_adds(&sql, where) < 0 || pm_buf_adds(&sql, " ORDER BY r.quarter, f.no") < 0) {
		pm_err_oom(err);
		goto out;
	}
	if (pm_db_prepare(db, sql.s, &st, err) < 0)
		goto out;
	sv_bind_named(st, ":round", r.id);
	sv_bind_named(st, ":all", all);
	if (pm_bind_today(st, err) < 0)
		goto out;
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	if (pm_out_stmt_all(out, st, err) < 0)
		goto out;
	pm_out_end(out);
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&sql);
	sv_round_free(&r);
	return rc;
}
