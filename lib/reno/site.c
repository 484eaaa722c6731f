/* site.c - paying, starting, inspecting, notices, extending, finishing
 * and refunding a renovation */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/settings.h"
#include "core/validate.h"
#include "fee/bill.h"
#include "fee/deposit.h"
#include "fee/fee.h"
#include "fee/pay.h"
#include "reno.h"
#include "state.h"

static int
update_status(struct pm_db *db, int64_t id, const char *status, const char *col, const char *now,
	      struct pm_err *err)
{
	char sql[128];
	struct pm_stmt *st;
	int rc;

	/* col is one of ours, never input */
	snprintf(sql, sizeof sql, "UPDATE reno SET status = ?2, %s = ?3 WHERE id = ?1", col);
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, status);
	pm_bind_text(st, 3, now);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	return rc;
}

static int
now_text(char buf[PM_TIME_BUFSZ], struct pm_err *err)
{
	pm_time t;

	if (pm_now(&t, err) < 0)
		return -1;
	pm_time_fmt(t, buf);
	return 0;
}

int
pm_reno_pay(struct pm_db *db, int64_t id, int64_t deposit, int64_t fee, const char *fee_item,
	    const char *method, struct pm_reno_paid *r, struct pm_err *err)
{
	struct pm_deposit d = {0};
	struct reno_state s;
	struct pm_buf purpose = PM_BUF_INIT, detail = PM_BUF_INIT;
	char now[PM_TIME_BUFSZ], a[PM_DEC_BUFSZ];
	struct pm_buf contractor = PM_BUF_INIT, payer = PM_BUF_INIT;
	int64_t dep_id, bill_id = 0;
	struct pm_stmt *st = NULL;
	int rc = -1;

	memset(r, 0, sizeof *r);
	if (reno_load(db, id, &s, err) < 0)
		goto out;
	if (strcmp(s.status, "approved") && strcmp(s.status, "started")) {
		reno_refuse(&s, _("fees and the deposit are paid once the application is approved"), err);
		goto out;
	}
	if (s.paid) {
		reno_refuse(&s, _("the fees and the deposit have been paid already"), err);
		goto out;
	}
	if (deposit <= 0 || fee < 0) {
		pm_err_set(err, PM_EXIT_DATA, _("a renovation deposit is more than 0.00"));
		goto out;
	}
	if (pm_db_prepare(db, "SELECT contractor FROM reno WHERE id = ?1", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	if (pm_step(st) == PM_ROW && pm_buf_adds(&contractor, pm_col_text(st, 0)) < 0) {
		pm_err_oom(err);
		goto out;
	}
	pm_stmt_free(st);
	st = NULL;
	/* the contractor paid; a name too long to be a payer's is left out */
	if (contractor.len && pm_name_normalize(contractor.s, contractor.len, &payer))
		pm_buf_reset(&payer);
	pm_buf_addf(&purpose, "renovation %s", s.no);
	d.unit_id = s.unit_id;
	d.kind = "reno";
	d.amount = deposit;
	d.method = method;
	d.payer = payer.len ? payer.s : NULL;
	d.purpose = purpose.s;
	if (pm_deposit_take(db, &d, &dep_id, r->deposit, err) < 0)
		goto out;
	pm_buf_addf(&detail, "deposit %s %s", r->deposit, pm_money_fmt(deposit, a));
	if (fee > 0) {
		const char *item = fee_item ? fee_item : "reno";
		struct pm_fee_pay p = {0};
		struct pm_fee_paid paid;
		const char *items[1];
		int64_t owed;
		char amount[PM_DEC_BUFSZ];

		if (pm_fee_charge(db, s.unit_id, item, NULL, pm_money_fmt(fee, amount), purpose.s,
		    &bill_id, err) < 0 || pm_fee_line_owed(db, bill_id, &owed, err) < 0)
			goto out;
		if (owed > 0) {
			items[0] = item;
			p.unit_id = s.unit_id;
			p.amount = pm_money_fmt(owed, amount);
			p.method = method;
			p.payer = d.payer;
			p.items = items;
			p.nitems = 1;
			if (pm_fee_pay(db, &p, &paid, err) < 0)
				goto out;
			snprintf(r->receipt, sizeof r->receipt, "%s", paid.receipt);
		}
		pm_buf_addf(&detail, ", fee %s %s%s%s", item, pm_money_fmt(fee, a),
		    *r->receipt ? " receipt " : "", r->receipt);
	}
	if (now_text(now, err) < 0 ||
	    pm_db_prepare(db, "UPDATE reno SET deposit_id = ?2, fee_bill_id = ?3, paid = ?4 WHERE id = ?1",
	    &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_int(st, 2, dep_id);
	if (bill_id)
		pm_bind_int(st, 3, bill_id);
	pm_bind_text(st, 4, now);
	if (pm_db_step_done(db, st, err) < 0 || reno_event(db, &s, "paid", 0, detail.s, err) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&purpose);
	pm_buf_free(&detail);
	pm_buf_free(&contractor);
	pm_buf_free(&payer);
	return rc;
}

int
pm_reno_start(struct pm_db *db, int64_t id, struct pm_err *err)
{
	struct reno_state s;
	char now[PM_TIME_BUFSZ];

	if (reno_load(db, id, &s, err) < 0)
		return -1;
	if (strcmp(s.status, "approved"))
		return reno_refuse(&s, !strcmp(s.status, "started") ? _("the work has started already")
		    : _("work starts once the application is approved"), err);
	if (!s.paid)
		return reno_refuse(&s, _("work starts once the fees and the deposit are paid"), err);
	if (now_text(now, err) < 0)
		return -1;
	/* the permit is for its planned days: a start recorded before
	 * them would put the work outside what was approved */
	if (strncmp(now, s.start, strlen(s.start)) < 0)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("cannot start %s on %.10s: its planned start is %s"), s.no, now, s.start);
	if (update_status(db, id, "started", "started", now, err) < 0)
		return -1;
	return reno_event(db, &s, "started", 0,
	    "owner told work may start; site supervisor told to watch it", err);
}

int
pm_reno_inspect(struct pm_db *db, int64_t id, const char *by, const char *kind, const char *found,
		const char *photo, struct pm_err *err)
{
	struct reno_state s;
	struct pm_buf what = PM_BUF_INIT, detail = PM_BUF_INIT;
	const char *k = NULL;
	char now[PM_TIME_BUFSZ];
	struct pm_stmt *st = NULL;
	int64_t staff;
	int rc = -1;

	if (reno_load(db, id, &s, err) < 0)
		goto out;
	if (strcmp(s.status, "started")) {
		reno_refuse(&s, _("a site is inspected while the work goes on"), err);
		goto out;
	}
	if (!by) {
		pm_err_set(err, PM_EXIT_USAGE, _("give the inspector with --by"));
		goto out;
	}
	if (pm_staff_find(db, by, &staff, NULL, err) < 0)
		goto out;
	if (kind && !(k = pm_keyword_key(pm_reno_violations, kind))) {
		pm_err_set(err, PM_EXIT_DATA, _("unknown violation '%s' (one of: %s)"), kind,
		    pm_keyword_list(pm_reno_violations));
		goto out;
	}
	if (reno_text(found, _("what was found"), k != NULL, &what, err) < 0 || now_text(now, err) < 0)
		goto out;
	if (pm_db_prepare(db, "INSERT INTO reno_inspection(reno_id, at, staff_id, result, kind, found)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, now);
	pm_bind_int(st, 3, staff);
	pm_bind_text(st, 4, k ? "violation" : "ok");
	pm_bind_text_null(st, 5, k);
	pm_bind_text_null(st, 6, pm_buf_str(&what));
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (photo && reno_attach(db, "reno-inspection", pm_db_last_id(db), photo, err) < 0)
		goto out;
	pm_buf_addf(&detail, "by %s", by);
	if (k)
		pm_buf_addf(&detail, ": %s: %s", k, what.s);
	else if (what.len)
		pm_buf_addf(&detail, ": %s", what.s);
	if (photo)
		pm_buf_adds(&detail, " (photo)");
	if (reno_event(db, &s, k ? "inspection: violation" : "inspection: ok", staff, detail.s, err) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&what);
	pm_buf_free(&detail);
	return rc;
}

int
pm_reno_notice(struct pm_db *db, int64_t id, const char *deadline, const char *text,
	       char no[PM_SEQ_BUFSZ], struct pm_err *err)
{
	static const char find_sql[] =
	    "SELECT i.id, i.kind, i.found FROM reno_inspection i WHERE i.reno_id = ?1"
	    " AND i.result = 'violation' AND NOT EXISTS (SELECT 1 FROM reno_notice n"
	    " WHERE n.inspection_id = i.id) ORDER BY i.at DESC, i.id DESC LIMIT 1";
	struct reno_state s;
	struct pm_buf body = PM_BUF_INIT, detail = PM_BUF_INIT;
	char now[PM_TIME_BUFSZ], due[PM_DATE_BUFSZ];
	struct pm_stmt *st = NULL;
	int64_t insp = 0;
	int rc = -1;

	if (reno_load(db, id, &s, err) < 0)
		goto out;
	if (strcmp(s.status, "started")) {
		reno_refuse(&s, _("notices are given while the work goes on"), err);
		goto out;
	}
	if (pm_db_prepare(db, find_sql, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		insp = pm_col_int64(st, 0);
		if (!text || !*text)
			pm_buf_addf(&body, "%s: %s", pm_keyword_label(pm_reno_violations,
			    pm_col_text(st, 1)), pm_col_text(st, 2));
	}
	pm_stmt_free(st);
	st = NULL;
	if (rc != PM_ROW && rc != PM_DONE) {
		rc = pm_db_fail(db, err, _("reading inspections"));
		goto out;
	}
	rc = -1;
	if (!insp) {
		pm_err_set(err, PM_EXIT_DATA,
		    _("%s: no violation without a notice: record it with pm-reno inspect first"), s.no);
		goto out;
	}
	if (text && reno_text(text, _("notice text"), 1, &body, err) < 0)
		goto out;
	if (reno_date(deadline, _("deadline"), due, err) < 0 || now_text(now, err) < 0)
		goto out;
	if (strncmp(due, now, 10) < 0) {
		pm_err_set(err, PM_EXIT_DATA, _("the deadline %s is in the past"), due);
		goto out;
	}
	if (pm_seq_next(db, "W", atoi(now), no, err) < 0 ||
	    pm_db_prepare(db, "INSERT INTO reno_notice(no, reno_id, inspection_id, issued, deadline, text)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, no);
	pm_bind_int(st, 2, id);
	pm_bind_int(st, 3, insp);
	pm_bind_text(st, 4, now);
	pm_bind_text(st, 5, due);
	pm_bind_text(st, 6, body.s);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	pm_buf_addf(&detail, "%s, rectify by %s: %s", no, due, body.s);
	if (reno_event(db, &s, "notice", 0, detail.s, err) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&body);
	pm_buf_free(&detail);
	return rc;
}

int
pm_reno_notice_text(struct pm_db *db, const char *notice, struct pm_buf *t, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT n.no, r.no, u.code, r.contractor, n.issued, n.deadline, n.text, n.rectified,"
	    " i.kind, i.found, s.name, substr(i.at, 1, 16)"
	    " FROM reno_notice n JOIN reno r ON r.id = n.reno_id JOIN unit u ON u.id = r.unit_id"
	    " JOIN reno_inspection i ON i.id = n.inspection_id JOIN staff s ON s.id = i.staff_id"
	    " WHERE n.no = ?1";
	char *estate = NULL, no[24];
	struct pm_stmt *st;
	int rc;

	reno_number(notice, no);
	if (pm_setting_get(db, "estate.name", &estate, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0) {
		free(estate);
		return -1;
	}
	pm_bind_text(st, 1, no);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		if (*estate)
			pm_buf_addf(t, "%s\n", estate);
		pm_buf_addf(t, _("RECTIFICATION NOTICE %s\n\n"), pm_col_text(st, 0));
		pm_buf_addf(t, _("Renovation: %s, unit %s\n"), pm_col_text(st, 1), pm_col_text(st, 2));
		pm_buf_addf(t, _("Contractor: %s\n"), pm_col_text(st, 3));
		pm_buf_addf(t, _("Found:      %s by %s: %s\n"), pm_col_text(st, 11), pm_col_text(st, 10),
		    pm_keyword_label(pm_reno_violations, pm_col_text(st, 8)));
		pm_buf_addf(t, _("Issued:     %.10s\n\n"), pm_col_text(st, 4));
		pm_buf_addf(t, "%s\n\n", pm_col_text(st, 6));
		pm_buf_addf(t, _("Put this right by %s.\n"), pm_col_text(st, 5));
		if (!pm_col_null(st, 7))
			pm_buf_addf(t, _("Rectified on %.10s.\n"), pm_col_text(st, 7));
	}
	pm_stmt_free(st);
	free(estate);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_DATA, _("no notice '%s'"), no);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("reading notices"));
}

int
pm_reno_rectified(struct pm_db *db, const char *notice, const char *by, struct pm_err *err)
{
	struct reno_state s;
	char no[24], now[PM_TIME_BUFSZ], detail[96];
	struct pm_stmt *st;
	int64_t rid = 0, staff;
	int rc, open = 0;

	reno_number(notice, no);
	if (pm_db_prepare(db, "SELECT reno_id, rectified IS NULL FROM reno_notice WHERE no = ?1", &st,
	    err) < 0)
		return -1;
	pm_bind_text(st, 1, no);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		rid = pm_col_int64(st, 0);
		open = pm_col_int(st, 1);
	}
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_DATA, _("no notice '%s'"), no);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading notices"));
	if (reno_load(db, rid, &s, err) < 0)
		return -1;
	if (!open)
		return pm_err_set(err, PM_EXIT_DATA, _("notice %s has been rectified already"), no);
	if (!by)
		return pm_err_set(err, PM_EXIT_USAGE, _("give who checked it with --by"));
	if (pm_staff_find(db, by, &staff, NULL, err) < 0 || now_text(now, err) < 0)
		return -1;
	if (pm_db_prepare(db, "UPDATE reno_notice SET rectified = ?2, rectified_by = ?3 WHERE no = ?1",
	    &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, no);
	pm_bind_text(st, 2, now);
	pm_bind_int(st, 3, staff);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc < 0)
		return -1;
	snprintf(detail, sizeof detail, "%s, checked by %s", no, by);
	return reno_event(db, &s, "rectified", staff, detail, err);
}

int
pm_reno_extend(struct pm_db *db, int64_t id, const char *until, const char *reason,
	       struct pm_err *err)
{
	struct reno_state s;
	struct pm_buf why = PM_BUF_INIT, detail = PM_BUF_INIT;
	char end[PM_DATE_BUFSZ];
	struct pm_stmt *st = NULL;
	int rc = -1;

	if (reno_load(db, id, &s, err) < 0)
		goto out;
	if (strcmp(s.status, "approved") && strcmp(s.status, "started")) {
		reno_refuse(&s, _("only approved work, or work going on, is extended"), err);
		goto out;
	}
	if (reno_date(until, _("new planned end"), end, err) < 0 ||
	    reno_text(reason, _("reason"), 0, &why, err) < 0)
		goto out;
	if (strcmp(end, s.end) <= 0) {
		pm_err_set(err, PM_EXIT_DATA, _("%s: the new end %s is not after the planned end %s"),
		    s.no, end, s.end);
		goto out;
	}
	if (pm_db_prepare(db, "UPDATE reno SET planned_end = ?2 WHERE id = ?1", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, end);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	pm_stmt_free(st);
	st = NULL;
	/* the passes out follow */
	if (pm_db_prepare(db, "UPDATE reno_pass SET valid_until = ?2 WHERE reno_id = ?1"
	    " AND returned IS NULL AND lost IS NULL", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, end);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	pm_buf_addf(&detail, "%s -> %s, %lld passes follow%s%s", s.end, end, (long long)pm_db_changes(db),
	    why.len ? ": " : "", pm_buf_str(&why));
	if (reno_event(db, &s, "extended", 0, detail.s, err) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&why);
	pm_buf_free(&detail);
	return rc;
}

int
pm_reno_finish(struct pm_db *db, int64_t id, const char *by, const char *note, struct pm_err *err)
{
	static const char out_sql[] =
	    "SELECT group_concat(no, ', ') FROM (SELECT no FROM reno_pass WHERE reno_id = ?1"
	    " AND returned IS NULL AND lost IS NULL ORDER BY id)";
	static const char open_sql[] =
	    "SELECT group_concat(no, ', ') FROM (SELECT no FROM reno_notice WHERE reno_id = ?1"
	    " AND rectified IS NULL ORDER BY id)";
	struct reno_state s;
	struct pm_buf what = PM_BUF_INIT, detail = PM_BUF_INIT, list = PM_BUF_INIT;
	char now[PM_TIME_BUFSZ];
	struct pm_stmt *st = NULL;
	int64_t staff;
	int rc = -1, pass;

	if (reno_load(db, id, &s, err) < 0)
		goto out;
	if (strcmp(s.status, "started")) {
		reno_refuse(&s, !strcmp(s.status, "finished") || !strcmp(s.status, "refunded")
		    ? _("the work has been accepted already") : _("only work that has started is finished"),
		    err);
		goto out;
	}
	for (pass = 0; pass < 2; pass++) {
		if (pm_db_prepare(db, pass ? open_sql : out_sql, &st, err) < 0)
			goto out;
		pm_bind_int(st, 1, id);
		pm_buf_reset(&list);
		if (pm_step(st) == PM_ROW && !pm_col_null(st, 0))
			pm_buf_adds(&list, pm_col_text(st, 0));
		pm_stmt_free(st);
		st = NULL;
		if (list.len) {
			pm_err_set(err, PM_EXIT_DATA, pass
			    ? _("%s: notices still open (%s): rectify them first")
			    : _("%s: passes still out (%s): collect them first"), s.no, list.s);
			goto out;
		}
	}
	if (!by) {
		pm_err_set(err, PM_EXIT_USAGE, _("give who accepted the work with --by"));
		goto out;
	}
	if (pm_staff_require(db, by, "engineer|manager|supervisor", _("the acceptance inspection"),
	    &staff, err) < 0 || reno_text(note, _("note"), 0, &what, err) < 0 || now_text(now, err) < 0)
		goto out;
	if (pm_db_prepare(db, "UPDATE reno SET status = 'finished', finished = ?2, finished_by = ?3"
	    " WHERE id = ?1", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, now);
	pm_bind_int(st, 3, staff);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	pm_buf_addf(&detail, "accepted by %s%s%s; security told", by, what.len ? ": " : "",
	    pm_buf_str(&what));
	if (reno_event(db, &s, "finished", staff, detail.s, err) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&what);
	pm_buf_free(&detail);
	pm_buf_free(&list);
	return rc;
}

int
pm_reno_refund(struct pm_db *db, int64_t id, const struct pm_deduction *ded, size_t n,
	       const char *method, int64_t *refunded, struct pm_err *err)
{
	struct reno_state s;
	struct pm_deposit_state d;
	struct pm_buf detail = PM_BUF_INIT;
	char now[PM_TIME_BUFSZ], a[PM_DEC_BUFSZ];
	size_t i;
	int rc = -1;

	if (reno_load(db, id, &s, err) < 0)
		goto out;
	if (!strcmp(s.status, "refunded")) {
		reno_refuse(&s, _("the deposit has been refunded already"), err);
		goto out;
	}
	if (strcmp(s.status, "finished")) {
		reno_refuse(&s, _("the deposit is refunded after the work is accepted"), err);
		goto out;
	}
	if (!s.deposit_id) {
		reno_refuse(&s, _("no deposit was taken"), err);
		goto out;
	}
	if (pm_deposit_refund(db, s.deposit_id, ded, n, method, refunded, err) < 0 ||
	    pm_deposit_get(db, s.deposit_id, &d, err) < 0 || now_text(now, err) < 0 ||
	    update_status(db, id, "refunded", "refunded", now, err) < 0)
		goto out;
	pm_buf_addf(&detail, "deposit %s: %s refunded", d.no, pm_money_fmt(*refunded, a));
	for (i = 0; i < n; i++)
		pm_buf_addf(&detail, "; %s kept: %s", pm_money_fmt(ded[i].amount, a), ded[i].reason);
	if (reno_event(db, &s, "refunded", 0, detail.s, err) < 0)
		goto out;
	rc = 0;
out:
	pm_buf_free(&detail);
	return rc;
}

/* Step st (one row expected) into a single-record section. */
static int
one_record(struct pm_db *db, struct pm_stmt *st, struct pm_out *out, const char *section,
	   const struct pm_col *cols, size_t ncols, const char *what, const char *no,
	   struct pm_err *err)
{
	int rc = pm_step(st);

	if (rc == PM_ROW) {
		pm_out_begin(out, section, cols, ncols, 1);
		pm_out_stmt(out, st);
		pm_out_end(out);
	}
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_DATA, _("no %s '%s'"), what, no);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("reading renovations"));
}

static int
titled(struct pm_db *db, struct pm_out *out, const char *title, char **estate, struct pm_err *err)
{
	if (pm_setting_get(db, "estate.name", estate, err) < 0)
		return -1;
	pm_out_title(out, title, *estate);
	return 0;
}

int
pm_reno_notice_document(struct pm_db *db, const char *notice, struct pm_out *out,
			struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"notice", N_("Notice"), PM_COL_CODE, 0},
		{"permit", N_("Renovation"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"contractor", N_("Contractor"), PM_COL_TEXT, 0},
		{"found_at", N_("Found"), PM_COL_CODE, 0},
		{"found_by", N_("Found by"), PM_COL_TEXT, 0},
		{"violation", N_("Violation"), PM_COL_CODE, 0},
		{"text", N_("To put right"), PM_COL_TEXT, 0},
		{"issued", N_("Issued"), PM_COL_CODE, 0},
		{"deadline", N_("Put right by"), PM_COL_CODE, 0},
		{"rectified", N_("Rectified"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT n.no, r.no, u.code, r.contractor, substr(i.at, 1, 16), s.name, i.kind, n.text,"
	    " substr(n.issued, 1, 10), n.deadline, substr(n.rectified, 1, 10)"
	    " FROM reno_notice n JOIN reno r ON r.id = n.reno_id JOIN unit u ON u.id = r.unit_id"
	    " JOIN reno_inspection i ON i.id = n.inspection_id JOIN staff s ON s.id = i.staff_id"
	    " WHERE n.no = ?1";
	static const char *const sign[] = {N_("Site supervisor"), N_("Contractor"), N_("Owner")};
	char *estate = NULL, no[24];
	struct pm_stmt *st;
	int rc;

	reno_number(notice, no);
	if (titled(db, out, _("Rectification notice (违规整改通知书)"), &estate, err) < 0)
		return -1;
	rc = pm_db_prepare(db, sql, &st, err);
	if (rc == 0) {
		pm_bind_text(st, 1, no);
		rc = one_record(db, st, out, "notice", cols, sizeof cols / sizeof cols[0],
		    _("notice"), no, err);
	}
	if (rc == 0)
		pm_out_note(out, _("The work above breaks the estate's renovation rules.  Put it right by "
		    "the date given; the site will be inspected again."));
	if (rc == 0)
		rc = pm_out_signatures(out, sign, 3);
	free(estate);
	return rc;
}

int
pm_reno_pass_document(struct pm_db *db, const char *pass, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"pass", N_("Pass"), PM_COL_CODE, 0},
		{"name", N_("Worker"), PM_COL_TEXT, 0},
		{"trade", N_("Trade"), PM_COL_TEXT, 0},
		{"id_no", N_("ID number"), PM_COL_IDNO, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"permit", N_("Renovation"), PM_COL_CODE, 0},
		{"contractor", N_("Contractor"), PM_COL_TEXT, 0},
		{"issued", N_("Issued"), PM_COL_CODE, 0},
		{"valid_until", N_("Valid until"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT p.no, w.name, w.trade, w.id_no, u.code, r.no, r.contractor, substr(p.issued, 1, 10),"
	    " p.valid_until FROM reno_pass p JOIN reno_worker w ON w.id = p.worker_id"
	    " JOIN reno r ON r.id = p.reno_id JOIN unit u ON u.id = r.unit_id WHERE p.no = ?1";
	static const char *const sign[] = {N_("Pass issued by"), N_("Holder")};
	char *estate = NULL, no[24];
	struct pm_stmt *st;
	int rc;

	reno_number(pass, no);
	if (titled(db, out, _("Temporary pass (临时出入证)"), &estate, err) < 0)
		return -1;
	rc = pm_db_prepare(db, sql, &st, err);
	if (rc == 0) {
		pm_bind_text(st, 1, no);
		rc = one_record(db, st, out, "pass", cols, sizeof cols / sizeof cols[0], _("pass"), no, err);
	}
	if (rc == 0)
		pm_out_note(out, _("Show this pass at the gate.  Return it when the work ends; it is not "
		    "valid after the date above."));
	if (rc == 0)
		rc = pm_out_signatures(out, sign, 2);
	free(estate);
	return rc;
}
