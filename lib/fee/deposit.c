/* deposit.c - deposits taken, held and refunded */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "deposit.h"
#include "fee.h"
#include "owner/unit.h"

const struct pm_keyword pm_deposit_kinds[] = {
	{"reno", "装修押金", "装修|renovation"},
	{"key", "钥匙押金", "钥匙"},
	{"other", "其他押金", "其他|其它"},
	{NULL, NULL, NULL},
};

int
pm_deposit_take(struct pm_db *db, const struct pm_deposit *d, int64_t *id,
		char no[PM_SEQ_BUFSZ], struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO deposit(no, unit_id, kind, purpose, payer, amount, method, date, at, clerk)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	struct pm_buf payer = PM_BUF_INIT, purpose = PM_BUF_INIT;
	char date[PM_DATE_BUFSZ], now[PM_TIME_BUFSZ], a[PM_DEC_BUFSZ];
	const char *kind, *method, *why;
	struct pm_stmt *st = NULL;
	char *code = NULL;
	int rc = -1;

	if (d->amount <= 0) {
		pm_err_set(err, PM_EXIT_DATA, _("a deposit is more than 0.00"));
		goto out;
	}
	if (!d->kind || !(kind = pm_keyword_key(pm_deposit_kinds, d->kind))) {
		pm_err_set(err, PM_EXIT_DATA, _("unknown deposit kind '%s' (one of: %s)"),
		    d->kind ? d->kind : "", pm_keyword_list(pm_deposit_kinds));
		goto out;
	}
	if (pm_fee_method(d->method, &method, err) < 0)
		goto out;
	if (d->payer && (why = pm_name_normalize(d->payer, strlen(d->payer), &payer))) {
		pm_err_set(err, PM_EXIT_DATA, _("payer: %s"), why);
		goto out;
	}
	if (d->purpose && (why = pm_text_normalize(d->purpose, strlen(d->purpose), &purpose))) {
		pm_err_set(err, PM_EXIT_DATA, _("purpose: %s"), why);
		goto out;
	}
	if (pm_fee_date(db, d->date, date, err) < 0 || pm_fee_now(now, err) < 0 ||
	    pm_fee_cash_date(db, method, date, err) < 0)
		goto out;
	if (pm_seq_next(db, "D", atoi(date), no, err) < 0)
		goto out;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, no);
	pm_bind_int(st, 2, d->unit_id);
	pm_bind_text(st, 3, kind);
	pm_bind_text_null(st, 4, pm_buf_str(&purpose));
	pm_bind_text_null(st, 5, pm_buf_str(&payer));
	pm_bind_int(st, 6, d->amount);
	pm_bind_text(st, 7, method);
	pm_bind_text(st, 8, date);
	pm_bind_text(st, 9, now);
	pm_bind_text(st, 10, pm_audit_who());
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	*id = pm_db_last_id(db);
	if (pm_unit_code(db, d->unit_id, &code, err) < 0)
		goto out;
	if (pm_auditf(db, code, err, "deposit %s taken: %s %s, %s", no, pm_money_fmt(d->amount, a),
	    method, kind) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(code);
	pm_buf_free(&payer);
	pm_buf_free(&purpose);
	return rc;
}

int
pm_deposit_get(struct pm_db *db, int64_t id, struct pm_deposit_state *s, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT no, unit_id, amount, coalesce((SELECT sum(amount) FROM deposit_deduction"
	    " WHERE deposit_id = d.id), 0), coalesce(refund_amount, 0), refunded IS NOT NULL"
	    " FROM deposit d WHERE id = ?1";
	struct pm_stmt *st;
	int rc;

	memset(s, 0, sizeof *s);
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		snprintf(s->no, sizeof s->no, "%s", pm_col_text(st, 0));
		s->unit_id = pm_col_int64(st, 1);
		s->amount = pm_col_int64(st, 2);
		s->deducted = pm_col_int64(st, 3);
		s->refund = pm_col_int64(st, 4);
		s->refunded = pm_col_int(st, 5);
	}
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_SOFTWARE, _("no deposit #%lld"), (long long)id);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading deposits"));
	return 0;
}

int
pm_deposit_find(struct pm_db *db, const char *typed, int64_t *id, struct pm_err *err)
{
	char no[PM_SEQ_BUFSZ];
	const char *s = typed;
	size_t n = strlen(s), i;
	struct pm_stmt *st;
	int rc;

	pm_text_trim(&s, &n);
	if (n >= sizeof no)
		n = sizeof no - 1;
	for (i = 0; i < n; i++)
		no[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
	no[n] = '\0';
	if (pm_db_prepare(db, "SELECT id FROM deposit WHERE no = ?1", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, no);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*id = pm_col_int64(st, 0);
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_DATA, _("no deposit '%s'"), no);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading deposits"));
	return 0;
}

int
pm_deposit_refund(struct pm_db *db, int64_t id, const struct pm_deduction *ded, size_t n,
		  const char *method_s, int64_t *refunded, struct pm_err *err)
{
	struct pm_deposit_state s;
	struct pm_buf why = PM_BUF_INIT, all = PM_BUF_INIT;
	char today[PM_DATE_BUFSZ], now[PM_TIME_BUFSZ], a[PM_DEC_BUFSZ], b[PM_DEC_BUFSZ];
	const char *method;
	struct pm_stmt *st = NULL;
	int64_t total = 0;
	char *code = NULL;
	size_t i;
	int rc = -1;

	if (pm_deposit_get(db, id, &s, err) < 0 || pm_fee_method(method_s, &method, err) < 0)
		goto out;
	if (s.refunded) {
		pm_err_set(err, PM_EXIT_DATA, _("deposit %s has been refunded already"), s.no);
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (ded[i].amount <= 0 || __builtin_add_overflow(total, ded[i].amount, &total)) {
			pm_err_set(err, PM_EXIT_DATA, _("a deduction is more than 0.00"));
			goto out;
		}
		if (!ded[i].reason || pm_text_normalize(ded[i].reason, strlen(ded[i].reason), &why) ||
		    !why.len) {
			pm_err_set(err, PM_EXIT_DATA, _("every deduction needs a reason"));
			goto out;
		}
	}
	if (total > s.amount) {
		pm_err_set(err, PM_EXIT_DATA, _("deductions of %s are more than the deposit of %s"),
		    pm_money_fmt(total, a), pm_money_fmt(s.amount, b));
		goto out;
	}
	if (pm_fee_date(db, NULL, today, err) < 0 || pm_fee_now(now, err) < 0)
		goto out;
	if (pm_db_prepare(db, "INSERT INTO deposit_deduction(deposit_id, amount, reason)"
	    " VALUES (?1, ?2, ?3)", &st, err) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		pm_text_normalize(ded[i].reason, strlen(ded[i].reason), &why);
		pm_stmt_reset(st);
		pm_bind_int(st, 1, id);
		pm_bind_int(st, 2, ded[i].amount);
		pm_bind_text(st, 3, why.s);
		if (pm_db_step_done(db, st, err) < 0)
			goto out;
		pm_buf_addf(&all, "; %s %s", pm_money_fmt(ded[i].amount, a), why.s);
	}
	pm_stmt_free(st);
	st = NULL;
	if (pm_db_prepare(db, "UPDATE deposit SET refunded = ?2, refund_amount = ?3,"
	    " refund_method = ?4, refund_at = ?5, refund_clerk = ?6 WHERE id = ?1", &st, err) < 0)
		goto out;
	*refunded = s.amount - total;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, today);
	pm_bind_int(st, 3, *refunded);
	pm_bind_text(st, 4, method);
	pm_bind_text(st, 5, now);
	pm_bind_text(st, 6, pm_audit_who());
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (pm_unit_code(db, s.unit_id, &code, err) < 0)
		goto out;
	if (pm_auditf(db, code, err, "deposit %s refunded: %s %s, deducted %s%s", s.no,
	    pm_money_fmt(*refunded, a), method, pm_money_fmt(total, b), pm_buf_str(&all)) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(code);
	pm_buf_free(&why);
	pm_buf_free(&all);
	return rc;
}

int
pm_deposit_list(struct pm_db *db, int held, int64_t unit_id, const char *kind,
		struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"deposit", N_("Deposit"), PM_COL_CODE, 0},
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"kind", N_("Kind"), PM_COL_CODE, 0},
		{"amount", N_("Amount"), PM_COL_MONEY, 0},
		{"method", N_("Method"), PM_COL_CODE, 0},
		{"payer", N_("Payer"), PM_COL_TEXT, 0},
		{"purpose", N_("Purpose"), PM_COL_TEXT, 0},
		{"refunded", N_("Refunded on"), PM_COL_CODE, 0},
		{"deducted", N_("Deducted"), PM_COL_MONEY, 0},
		{"refund", N_("Refund"), PM_COL_MONEY, 0},
	};
	static const char sql[] =
	    "SELECT d.no, d.date, u.code, d.kind, d.amount, d.method, d.payer, d.purpose, d.refunded,"
	    " CASE WHEN d.refunded IS NOT NULL THEN coalesce((SELECT sum(x.amount)"
	    "  FROM deposit_deduction x WHERE x.deposit_id = d.id), 0) END,"
	    " d.refund_amount"
	    " FROM deposit d JOIN unit u ON u.id = d.unit_id"
	    " WHERE (NOT ?1 OR d.refunded IS NULL) AND (?2 = 0 OR d.unit_id = ?2)"
	    "  AND (?3 IS NULL OR d.kind = ?3)"
	    " ORDER BY d.id";
	const char *kk = NULL;
	struct pm_stmt *st;
	int rc;

	if (kind && !(kk = pm_keyword_key(pm_deposit_kinds, kind)))
		return pm_err_set(err, PM_EXIT_USAGE, _("unknown deposit kind '%s' (one of: %s)"), kind,
		    pm_keyword_list(pm_deposit_kinds));
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, held);
	pm_bind_int(st, 2, unit_id);
	pm_bind_text_null(st, 3, kk);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

int
pm_deposit_deductions(struct pm_db *db, int64_t id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"deposit", N_("Deposit"), PM_COL_CODE, 0},
		{"amount", N_("Deducted"), PM_COL_MONEY, 0},
		{"reason", N_("Reason"), PM_COL_TEXT, 0},
	};
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT d.no, x.amount, x.reason FROM deposit_deduction x"
	    " JOIN deposit d ON d.id = x.deposit_id WHERE x.deposit_id = ?1 ORDER BY x.id", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	pm_out_begin(out, NULL, cols, 3, 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}
