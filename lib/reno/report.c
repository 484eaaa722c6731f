/* report.c - pm-reno's lists: renovations, what is late, the pass
 * register, the log, the monthly summary, the archive section */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/money.h"
#include "core/settings.h"
#include "reno.h"
#include "state.h"

static int
write_all(struct pm_db *db, struct pm_stmt *st, struct pm_out *out, const char *section,
	  const struct pm_col *cols, size_t n, struct pm_err *err)
{
	int rc;

	pm_out_begin(out, section, cols, n, 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	(void)db;
	if (rc == 0 || section)
		pm_out_end(out);
	return rc;
}

#define N(a) (sizeof (a) / sizeof (a)[0])

int
pm_reno_list(struct pm_db *db, const char *status, int64_t unit_id, struct pm_out *out,
	     struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"permit", N_("Permit"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"applicant", N_("Applicant"), PM_COL_TEXT, 0},
		{"contractor", N_("Contractor"), PM_COL_TEXT, 0},
		{"status", N_("Status"), PM_COL_CODE, 0},
		{"start", N_("Start"), PM_COL_CODE, 0},
		{"end", N_("End"), PM_COL_CODE, 0},
		{"submitted", N_("Submitted"), PM_COL_CODE, 0},
		{"approved", N_("Approved"), PM_COL_CODE, 0},
		{"deposit", N_("Deposit"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT r.no, u.code, p.name, r.contractor, r.status, r.planned_start, r.planned_end,"
	    " substr(r.submitted, 1, 16), substr(r.approved, 1, 16), d.no"
	    " FROM reno r JOIN unit u ON u.id = r.unit_id JOIN person p ON p.id = r.applicant_id"
	    " LEFT JOIN deposit d ON d.id = r.deposit_id"
	    " WHERE (?1 IS NULL OR r.status = ?1) AND (?2 = 0 OR r.unit_id = ?2) ORDER BY r.id";
	const char *sk = NULL;
	struct pm_stmt *st;

	if (status && !(sk = pm_keyword_key(pm_reno_statuses, status)))
		return pm_err_set(err, PM_EXIT_USAGE, _("unknown status '%s' (one of: %s)"), status,
		    pm_keyword_list(pm_reno_statuses));
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text_null(st, 1, sk);
	pm_bind_int(st, 2, unit_id);
	return write_all(db, st, out, NULL, cols, N(cols), err);
}

int
pm_reno_due(struct pm_db *db, const char *date, struct pm_out *out, long *found,
	    struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"kind", N_("Late"), PM_COL_CODE, 0},
		{"permit", N_("Permit"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"ref", N_("Reference"), PM_COL_CODE, 0},
		{"due", N_("Due"), PM_COL_CODE, 0},
		{"days_late", N_("Days late"), PM_COL_INT, 0},
		{"detail", N_("Detail"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT kind, permit, unit, ref, due, (unixepoch(:date) - unixepoch(due)) / 86400, detail"
	    " FROM ("
	    " SELECT 1 AS o, 'review' AS kind, r.no AS permit, u.code AS unit, NULL AS ref,"
	    "  date(substr(r.submitted, 1, 10), '+' || :days || ' days') AS due,"
	    "  CASE r.status WHEN 'applied' THEN 'first review' ELSE 'second review' END AS detail"
	    " FROM reno r JOIN unit u ON u.id = r.unit_id WHERE r.status IN ('applied', 'reviewed')"
	    " UNION ALL"
	    " SELECT 2, 'notice', r.no, u.code, n.no, n.deadline, n.text"
	    " FROM reno_notice n JOIN reno r ON r.id = n.reno_id JOIN unit u ON u.id = r.unit_id"
	    " WHERE n.rectified IS NULL"
	    " UNION ALL"
	    " SELECT 3, 'overrun', r.no, u.code, NULL, r.planned_end, r.status"
	    " FROM reno r JOIN unit u ON u.id = r.unit_id WHERE r.status IN ('approved', 'started')"
	    ") WHERE due < :date"
	    " UNION ALL"
	    " SELECT 'inspections', r.no, u.code, NULL, :date, 0,"
	    "  (SELECT count(*) FROM reno_inspection i WHERE i.reno_id = r.id"
	    "   AND substr(i.at, 1, 10) = :date) || ' of ' || :per || ' inspections'"
	    " FROM reno r JOIN unit u ON u.id = r.unit_id WHERE r.status = 'started'"
	    "  AND substr(r.started, 1, 10) <= :date"
	    "  AND (SELECT count(*) FROM reno_inspection i WHERE i.reno_id = r.id"
	    "   AND substr(i.at, 1, 10) = :date) < :per"
	    " ORDER BY 1, 2, 4";
	struct pm_date today;
	char d[PM_DATE_BUFSZ];
	int64_t days, per;
	struct pm_stmt *st;
	int rc;

	*found = 0;
	if (date) {
		if (reno_date(date, _("date"), d, err) < 0)
			return -1;
	} else {
		if (pm_today(&today, err) < 0)
			return -1;
		pm_date_fmt(today, d);
	}
	if (pm_setting_get_int(db, "reno.review_days", &days, err) < 0 ||
	    pm_setting_get_int(db, "reno.inspections_per_day", &per, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, pm_param_index(st, ":date"), d);
	pm_bind_int(st, pm_param_index(st, ":days"), days);
	pm_bind_int(st, pm_param_index(st, ":per"), per);
	pm_out_begin(out, NULL, cols, N(cols), 0);
	while ((rc = pm_step(st)) == PM_ROW) {
		(*found)++;
		pm_out_stmt(out, st);
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading renovations"));
	pm_out_end(out);
	return 0;
}

int
pm_reno_passes(struct pm_db *db, int64_t id, int active, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"pass", N_("Pass"), PM_COL_CODE, 0},
		{"name", N_("Name"), PM_COL_TEXT, 0},
		{"id_no", N_("ID number"), PM_COL_IDNO, 0},
		{"trade", N_("Trade"), PM_COL_TEXT, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"permit", N_("Permit"), PM_COL_CODE, 0},
		{"contractor", N_("Contractor"), PM_COL_TEXT, 0},
		{"issued", N_("Issued"), PM_COL_CODE, 0},
		{"valid_until", N_("Valid until"), PM_COL_CODE, 0},
		{"state", N_("State"), PM_COL_CODE, 0},
		{"closed", N_("Returned or lost"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT p.no, w.name, w.id_no, w.trade, u.code, r.no, r.contractor, substr(p.issued, 1, 16),"
	    " p.valid_until, CASE WHEN p.lost IS NOT NULL THEN 'lost' WHEN p.returned IS NOT NULL"
	    "  THEN 'returned' ELSE 'out' END, substr(coalesce(p.returned, p.lost), 1, 16)"
	    " FROM reno_pass p JOIN reno_worker w ON w.id = p.worker_id JOIN reno r ON r.id = p.reno_id"
	    " JOIN unit u ON u.id = r.unit_id"
	    " WHERE (:id = 0 OR p.reno_id = :id)"
	    "  AND (NOT :active OR (p.returned IS NULL AND p.lost IS NULL AND p.valid_until >= :today"
	    "   AND r.status IN ('approved', 'started')))"
	    " ORDER BY p.id";
	struct pm_stmt *st;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	if (pm_bind_today(st, err) < 0) {
		pm_stmt_free(st);
		return -1;
	}
	pm_bind_int(st, pm_param_index(st, ":id"), id);
	pm_bind_int(st, pm_param_index(st, ":active"), active);
	return write_all(db, st, out, NULL, cols, N(cols), err);
}

int
pm_reno_log(struct pm_db *db, int64_t id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"at", N_("When"), PM_COL_CODE, 0},
		{"event", N_("Event"), PM_COL_CODE, 0},
		{"staff", N_("Staff"), PM_COL_TEXT, 0},
		{"clerk", N_("Clerk"), PM_COL_TEXT, 0},
		{"detail", N_("Detail"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT substr(e.at, 1, 16), e.event, s.name, e.clerk, e.detail FROM reno_event e"
	    " LEFT JOIN staff s ON s.id = e.staff_id WHERE e.reno_id = ?1 ORDER BY e.id";
	struct pm_stmt *st;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	return write_all(db, st, out, NULL, cols, N(cols), err);
}

const struct pm_keyword pm_reno_file_kinds[] = {
	{"application", "申请资料", NULL},
	{"inspection", "巡查照片", NULL},
	{"worker", "施工人员照片", NULL},
	{NULL, NULL, NULL},
};

/* The files of renovation ?1: its own (kind 'reno'), its inspections'
 * and its workers'. */
#define FILES_FROM \
	" FROM attachment a" \
	" LEFT JOIN reno_inspection i ON a.kind = 'reno-inspection' AND i.id = a.owner_id" \
	" LEFT JOIN reno_worker w ON a.kind = 'reno-worker' AND w.id = a.owner_id" \
	" WHERE ((a.kind = 'reno' AND a.owner_id = ?1) OR i.reno_id = ?1 OR w.reno_id = ?1)"

int
pm_reno_files(struct pm_db *db, int64_t id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"file", N_("Number"), PM_COL_INT, 0},
		{"of", N_("Belongs to"), PM_COL_CODE, 0},
		{"detail", N_("Detail"), PM_COL_TEXT, 0},
		{"name", N_("File name"), PM_COL_TEXT, 0},
		{"added", N_("Added"), PM_COL_CODE, 0},
		{"bytes", N_("Bytes"), PM_COL_INT, 0},
	};
	static const char sql[] =
	    "SELECT a.id, CASE a.kind WHEN 'reno' THEN 'application'"
	    "  WHEN 'reno-inspection' THEN 'inspection' ELSE 'worker' END,"
	    " coalesce(w.name, substr(i.at, 1, 16)), a.name, substr(a.added, 1, 16), length(a.data)"
	    FILES_FROM " ORDER BY a.id";
	struct pm_stmt *st;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	return write_all(db, st, out, NULL, cols, N(cols), err);
}

int
pm_reno_file(struct pm_db *db, int64_t id, int64_t file, char **data, size_t *len,
	     struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	*data = NULL;
	*len = 0;
	if (pm_db_prepare(db, "SELECT a.data" FILES_FROM " AND a.id = ?2", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	pm_bind_int(st, 2, file);
	rc = pm_db_blob(db, st, data, len, err);
	if (rc == 1)
		return pm_err_set(err, PM_EXIT_DATA, _("the renovation has no file %lld (see pm-reno files)"),
		    (long long)file);
	return rc;
}

int
pm_reno_summary(struct pm_db *db, const char *month, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"month", N_("Month"), PM_COL_CODE, 0},
		{"what", N_("What"), PM_COL_CODE, 0},
		{"key", N_("Breakdown"), PM_COL_CODE, 0},
		{"count", N_("Count"), PM_COL_INT, 0},
		{"amount", N_("Amount"), PM_COL_MONEY, 0},
	};
	/* average review time: hours from the submission to the approval,
	 * half up (the one rounding rule), of the approvals in the month */
	static const char sql[] =
	    "SELECT 'applications', '', (SELECT count(*) FROM reno WHERE substr(applied, 1, 7) = ?1), NULL"
	    " UNION ALL SELECT 'resubmissions', '', (SELECT count(*) FROM reno_event e"
	    "  WHERE e.event = 'resubmitted' AND substr(e.at, 1, 7) = ?1), NULL"
	    " UNION ALL SELECT 'approvals', '', (SELECT count(*) FROM reno"
	    "  WHERE substr(approved, 1, 7) = ?1), NULL"
	    " UNION ALL SELECT 'rejections', '', (SELECT count(*) FROM reno_review"
	    "  WHERE verdict = 'reject' AND substr(at, 1, 7) = ?1), NULL"
	    " UNION ALL SELECT 'review_hours', 'average', (SELECT (sum(unixepoch(approved)"
	    "  - unixepoch(submitted)) + 1800 * count(*)) / (3600 * count(*)) FROM reno"
	    "  WHERE substr(approved, 1, 7) = ?1), NULL"
	    " UNION ALL SELECT * FROM (SELECT 'violations', kind, count(*), NULL FROM reno_inspection"
	    "  WHERE result = 'violation' AND substr(at, 1, 7) = ?1 GROUP BY kind ORDER BY kind)"
	    " UNION ALL SELECT 'notices', 'issued', (SELECT count(*) FROM reno_notice"
	    "  WHERE substr(issued, 1, 7) = ?1), NULL"
	    " UNION ALL SELECT 'notices', 'rectified', (SELECT count(*) FROM reno_notice"
	    "  WHERE substr(rectified, 1, 7) = ?1), NULL"
	    " UNION ALL SELECT 'finished', '', (SELECT count(*) FROM reno"
	    "  WHERE substr(finished, 1, 7) = ?1), NULL"
	    " UNION ALL SELECT 'deposits', 'taken', count(*), coalesce(sum(amount), 0) FROM deposit"
	    "  WHERE kind = 'reno' AND substr(date, 1, 7) = ?1"
	    " UNION ALL SELECT 'deposits', 'refunded', count(*), coalesce(sum(refund_amount), 0)"
	    "  FROM deposit WHERE kind = 'reno' AND substr(refunded, 1, 7) = ?1"
	    " UNION ALL SELECT 'deposits', 'deducted', count(DISTINCT x.deposit_id),"
	    "  coalesce(sum(x.amount), 0) FROM deposit_deduction x JOIN deposit d ON d.id = x.deposit_id"
	    "  WHERE d.kind = 'reno' AND substr(d.refunded, 1, 7) = ?1"
	    " UNION ALL SELECT 'deposits', 'held', count(*), coalesce(sum(amount), 0) FROM deposit"
	    "  WHERE kind = 'reno' AND substr(date, 1, 7) <= ?1"
	    "  AND (refunded IS NULL OR substr(refunded, 1, 7) > ?1)";
	struct pm_period p;
	struct pm_stmt *st;
	int rc;

	if (!month || pm_period_parse_kind(month, PM_PERIOD_MONTH, &p) < 0)
		return pm_err_set(err, PM_EXIT_USAGE, _("'%s' is not a month like 2026-11"),
		    month ? month : "");
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, month);
	pm_out_begin(out, NULL, cols, N(cols), 0);
	while ((rc = pm_step(st)) == PM_ROW) {
		char c[24], a[24];
		const char *v[5];

		v[0] = month;
		v[1] = pm_col_text(st, 0);
		v[2] = pm_col_text(st, 1);
		v[3] = NULL;
		if (!pm_col_null(st, 2)) {
			snprintf(c, sizeof c, "%lld", (long long)pm_col_int64(st, 2));
			v[3] = c;
		}
		v[4] = NULL;
		if (!pm_col_null(st, 3)) {
			snprintf(a, sizeof a, "%lld", (long long)pm_col_int64(st, 3));
			v[4] = a;
		}
		pm_out_row(out, v);
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading renovations"));
	pm_out_end(out);
	return 0;
}

int
pm_reno_archive(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"permit", N_("Permit"), PM_COL_CODE, 0},
		{"status", N_("Status"), PM_COL_CODE, 0},
		{"contractor", N_("Contractor"), PM_COL_TEXT, 0},
		{"scope", N_("Scope"), PM_COL_TEXT, 0},
		{"start", N_("Start"), PM_COL_CODE, 0},
		{"end", N_("End"), PM_COL_CODE, 0},
		{"violations", N_("Violations"), PM_COL_INT, 0},
		{"deposit", N_("Deposit"), PM_COL_CODE, 0},
		{"refunded", N_("Refunded"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT r.no, r.status, r.contractor, r.scope, r.planned_start, r.planned_end,"
	    " (SELECT count(*) FROM reno_inspection i WHERE i.reno_id = r.id AND i.result = 'violation'),"
	    " d.no, substr(r.refunded, 1, 10)"
	    " FROM reno r LEFT JOIN deposit d ON d.id = r.deposit_id WHERE r.unit_id = ?1"
	    " ORDER BY r.id DESC";
	struct pm_stmt *st;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	return write_all(db, st, out, "renovations", cols, N(cols), err);
}
