/* pay.c - payments, allocation, receipts and voids */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/settings.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "fee.h"
#include "item.h"
#include "ledger.h"
#include "owner/unit.h"
#include "pay.h"

/* An earlier payment with this ref: fill r and return 1; 0 when none. */
static int
find_ref(struct pm_db *db, const char *ref, struct pm_fee_paid *r, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT p.receipt, p.amount, coalesce((SELECT sum(l.amount) FROM alloc l"
	    " WHERE l.payment_id = p.id), 0) FROM payment p WHERE p.ref = ?1";
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, ref);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		snprintf(r->receipt, sizeof r->receipt, "%s", pm_col_text(st, 0));
		r->amount = pm_col_int64(st, 1);
		r->allocated = pm_col_int64(st, 2);
		r->credit = r->amount - r->allocated;
		r->existing = 1;
	}
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE)
		return pm_db_fail(db, err, _("reading payments"));
	return rc == PM_ROW;
}

/* What the chosen lines (or all) of the unit owe. */
static int
owed_for(struct pm_db *db, int64_t unit_id, const int64_t *items, size_t n, int64_t *owed,
	 struct pm_err *err)
{
	static const char sql[] =
	    "SELECT b.item_id, " PM_FEE_OWED_SQL " AS owed FROM bill b WHERE b.unit_id = ?1 AND owed > 0";
	struct pm_stmt *st;
	size_t i;
	int rc;

	*owed = 0;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	while ((rc = pm_step(st)) == PM_ROW) {
		int64_t item = pm_col_int64(st, 0);
		int want = n == 0;

		for (i = 0; i < n && !want; i++)
			want = items[i] == item;
		if (want && pm_money_add(owed, pm_col_int64(st, 1), _("what the unit owes"),
		    err) < 0) {
			pm_stmt_free(st);
			return -1;
		}
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading bills"));
	return 0;
}

int
pm_fee_pay(struct pm_db *db, const struct pm_fee_pay *p, struct pm_fee_paid *r,
	   struct pm_err *err)
{
	static const char ins[] =
	    "INSERT INTO payment(receipt, unit_id, amount, method, payer, ref, date, at, clerk)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	struct pm_buf payer = PM_BUF_INIT, ref = PM_BUF_INIT;
	char date[PM_DATE_BUFSZ], now[PM_TIME_BUFSZ], a[PM_DEC_BUFSZ], b[PM_DEC_BUFSZ];
	char c[PM_DEC_BUFSZ];
	const char *method, *why;
	int64_t *items = NULL, pid, owed;
	struct pm_stmt *st = NULL;
	enum pm_num nrc;
	char *code = NULL;
	size_t i;
	int rc = -1;

	memset(r, 0, sizeof *r);
	nrc = p->amount ? pm_money_parse(p->amount, strlen(p->amount), &r->amount) : PM_NUM_EMPTY;
	if (nrc == PM_NUM_OK && r->amount <= 0)
		nrc = PM_NUM_NEGATIVE;
	if (nrc != PM_NUM_OK) {
		pm_err_set(err, PM_EXIT_DATA, _("amount '%s': %s"), p->amount ? p->amount : "",
		    nrc == PM_NUM_NEGATIVE ? _("a payment is more than 0.00") : pm_num_reason(nrc));
		goto out;
	}
	if (pm_fee_method(p->method, &method, err) < 0)
		goto out;
	if (p->payer && (why = pm_name_normalize(p->payer, strlen(p->payer), &payer))) {
		pm_err_set(err, PM_EXIT_DATA, _("payer: %s"), why);
		goto out;
	}
	if (p->ref) {
		if (pm_text_clean(&ref, p->ref, strlen(p->ref)) < 0) {
			pm_err_oom(err);
			goto out;
		}
		if (!ref.len || ref.len > 64 || pm_text_has_control(ref.s, ref.len, 0)) {
			pm_err_set(err, PM_EXIT_DATA, _("reference: 1 to 64 characters, no control characters"));
			goto out;
		}
		rc = find_ref(db, ref.s, r, err);
		if (rc != 0) {
			rc = rc < 0 ? -1 : 0;  /* recorded before: nothing to do */
			goto out;
		}
		rc = -1;
	}
	if (p->nitems && !(items = calloc(p->nitems, sizeof *items))) {
		pm_err_oom(err);
		goto out;
	}
	for (i = 0; i < p->nitems; i++)
		if (pm_fee_item_find(db, p->items[i], &items[i], err) < 0)
			goto out;
	if (pm_fee_date(db, p->date, date, err) < 0 || pm_fee_now(now, err) < 0 ||
	    pm_fee_cash_date(db, method, date, err) < 0)
		goto out;
	if (p->no_credit) {
		if (owed_for(db, p->unit_id, items, p->nitems, &owed, err) < 0)
			goto out;
		if (r->amount > owed) {
			pm_err_set(err, PM_EXIT_DATA, _("payment %s is more than the %s owed"),
			    pm_money_fmt(r->amount, a), pm_money_fmt(owed, b));
			goto out;
		}
	}
	if (pm_seq_next(db, "R", atoi(date), r->receipt, err) < 0)
		goto out;
	if (pm_db_prepare(db, ins, &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, r->receipt);
	pm_bind_int(st, 2, p->unit_id);
	pm_bind_int(st, 3, r->amount);
	pm_bind_text(st, 4, method);
	pm_bind_text_null(st, 5, pm_buf_str(&payer));
	pm_bind_text_null(st, 6, pm_buf_str(&ref));
	pm_bind_text(st, 7, date);
	pm_bind_text(st, 8, now);
	pm_bind_text(st, 9, pm_audit_who());
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	pid = pm_db_last_id(db);
	if (pm_fee_allocate(db, pid, p->unit_id, r->amount, items, p->nitems, date, &r->allocated,
	    err) < 0)
		goto out;
	r->credit = r->amount - r->allocated;
	if (pm_unit_code(db, p->unit_id, &code, err) < 0)
		goto out;
	if (pm_auditf(db, code, err, "receipt %s: %s %s, allocated %s, credit %s", r->receipt,
	    pm_money_fmt(r->amount, a), method, pm_money_fmt(r->allocated, b),
	    pm_money_fmt(r->credit, c)) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(items);
	free(code);
	pm_buf_free(&payer);
	pm_buf_free(&ref);
	return rc;
}

/* Normalize a typed receipt number: "r2026-000123" -> "R2026-000123". */
static void
receipt_norm(const char *typed, char buf[PM_SEQ_BUFSZ])
{
	const char *s = typed;
	size_t n = strlen(s), i;

	pm_text_trim(&s, &n);
	if (n >= PM_SEQ_BUFSZ)
		n = PM_SEQ_BUFSZ - 1;
	for (i = 0; i < n; i++)
		buf[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
	buf[n] = '\0';
}

int
pm_fee_void(struct pm_db *db, const char *receipt, const char *reason, struct pm_err *err)
{
	struct pm_buf why = PM_BUF_INIT;
	char no[PM_SEQ_BUFSZ], today[PM_DATE_BUFSZ], now[PM_TIME_BUFSZ], a[PM_DEC_BUFSZ];
	char *code = NULL;
	struct pm_stmt *st;
	int64_t id = 0, unit = 0, amount = 0;
	int rc, voided = 0;

	receipt_norm(receipt, no);
	if (!reason || pm_text_normalize(reason, strlen(reason), &why) || !why.len) {
		pm_buf_free(&why);
		return pm_err_set(err, PM_EXIT_DATA, _("a void needs a reason"));
	}
	if (pm_db_prepare(db, "SELECT id, unit_id, amount, voided IS NOT NULL FROM payment"
	    " WHERE receipt = ?1", &st, err) < 0)
		goto fail;
	pm_bind_text(st, 1, no);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		id = pm_col_int64(st, 0);
		unit = pm_col_int64(st, 1);
		amount = pm_col_int64(st, 2);
		voided = pm_col_int(st, 3);
	}
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE) {
		pm_db_fail(db, err, _("reading payments"));
		goto fail;
	}
	if (rc == PM_DONE) {
		pm_err_set(err, PM_EXIT_DATA, _("no receipt '%s'"), no);
		goto fail;
	}
	if (voided) {
		pm_err_set(err, PM_EXIT_DATA, _("receipt '%s' is void already"), no);
		goto fail;
	}
	if (pm_fee_date(db, NULL, today, err) < 0 || pm_fee_now(now, err) < 0)
		goto fail;
	if (pm_db_prepare(db, "UPDATE payment SET voided = ?2, void_at = ?3, void_reason = ?4,"
	    " void_clerk = ?5 WHERE id = ?1", &st, err) < 0)
		goto fail;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, today);
	pm_bind_text(st, 3, now);
	pm_bind_text(st, 4, why.s);
	pm_bind_text(st, 5, pm_audit_who());
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc < 0 || pm_unit_code(db, unit, &code, err) < 0)
		goto fail;
	rc = pm_auditf(db, code, err, "receipt %s void (%s): %s", no, pm_money_fmt(amount, a), why.s);
	free(code);
	pm_buf_free(&why);
	return rc;
fail:
	pm_buf_free(&why);
	return -1;
}

/* The receipt's header. */
struct rcpt {
	int64_t id, amount;
	char *receipt, *unit, *method, *payer, *ref, *date, *at, *clerk, *voided, *reason;
	char *owners;
};

static void
rcpt_free(struct rcpt *r)
{
	free(r->receipt);
	free(r->unit);
	free(r->method);
	free(r->payer);
	free(r->ref);
	free(r->date);
	free(r->at);
	free(r->clerk);
	free(r->voided);
	free(r->reason);
	free(r->owners);
}

static char *
col_dup(struct pm_stmt *st, int i)
{
	return pm_col_null(st, i) ? NULL : strdup(pm_col_text(st, i));
}

static int
rcpt_load(struct pm_db *db, const char *typed, struct rcpt *r, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT p.id, p.receipt, u.code, p.amount, p.method, p.payer, p.ref, p.date, p.at,"
	    " p.clerk, p.voided, p.void_reason, p.unit_id FROM payment p JOIN unit u ON u.id = p.unit_id"
	    " WHERE p.receipt = ?1";
	char no[PM_SEQ_BUFSZ], *phone = NULL;
	struct pm_stmt *st;
	int64_t unit = 0;
	int rc;

	memset(r, 0, sizeof *r);
	receipt_norm(typed, no);
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, no);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		r->id = pm_col_int64(st, 0);
		r->receipt = col_dup(st, 1);
		r->unit = col_dup(st, 2);
		r->amount = pm_col_int64(st, 3);
		r->method = col_dup(st, 4);
		r->payer = col_dup(st, 5);
		r->ref = col_dup(st, 6);
		r->date = col_dup(st, 7);
		r->at = col_dup(st, 8);
		r->clerk = col_dup(st, 9);
		r->voided = col_dup(st, 10);
		r->reason = col_dup(st, 11);
		unit = pm_col_int64(st, 12);
	}
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_DATA, _("no receipt '%s'"), no);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading payments"));
	if (!r->receipt || !r->unit || !r->method || !r->date || !r->at || !r->clerk) {
		rcpt_free(r);
		return pm_err_oom(err);
	}
	if (pm_unit_owners(db, unit, &r->owners, &phone, err) < 0) {
		rcpt_free(r);
		return -1;
	}
	free(phone);
	return 0;
}

/* s, then spaces up to width display columns (Chinese is two wide). */
static void
add_padded(struct pm_buf *b, const char *s, size_t width)
{
	size_t w = pm_utf8_width(s, strlen(s));

	pm_buf_adds(b, s);
	for (; w < width; w++)
		pm_buf_addc(b, ' ');
}

/* One line of a receipt: "  name        period          amount". */
static void
receipt_line(struct pm_buf *b, const char *name, const char *period, int64_t fen)
{
	char a[PM_DEC_BUFSZ];

	pm_buf_adds(b, "  ");
	add_padded(b, name, 14);
	pm_buf_addc(b, ' ');
	add_padded(b, period, 16);
	pm_buf_addf(b, " %12s\n", pm_money_fmt(fen, a));
}

static const char lines_sql[] =
    "SELECT i.code, i.name, b.period, l.amount FROM alloc l JOIN bill b ON b.id = l.bill_id"
    " JOIN fee_item i ON i.id = b.item_id WHERE l.payment_id = ?1 ORDER BY l.id";

/* The receipt as a document to print and hand over (-o html): who paid
 * what and how, each line, the total in figures and in capitals, and
 * the cashier's and payer's signatures. */
static int
receipt_document(struct pm_db *db, struct rcpt *r, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col head[] = {
		{"receipt", N_("Receipt"), PM_COL_CODE, 0},
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"owner", N_("Owner"), PM_COL_TEXT, 0},
		{"payer", N_("Paid by"), PM_COL_TEXT, 0},
		{"method", N_("Method"), PM_COL_CODE, 0},
		{"amount", N_("Total"), PM_COL_MONEY, 0},
		{"in_words", N_("In words"), PM_COL_TEXT, 0},
		{"voided", N_("Voided"), PM_COL_CODE, 0},
	};
	static const struct pm_col lines[] = {
		{"name", N_("Item"), PM_COL_TEXT, 0},
		{"period", N_("Period"), PM_COL_CODE, 0},
		{"amount", N_("Amount"), PM_COL_MONEY, 0},
	};
	static const char *const sign[] = {N_("Cashier"), N_("Paid by"), N_("Date")};
	struct pm_buf words = PM_BUF_INIT;
	char *estate = NULL, total[24], num[24];
	const char *v[9];
	struct pm_stmt *st;
	int64_t used = 0;
	int rc;

	if (pm_setting_get(db, "estate.name", &estate, err) < 0)
		return -1;
	pm_out_title(out, _("Receipt (收款收据)"), estate);
	pm_fee_capital(r->amount, &words);
	snprintf(total, sizeof total, "%lld", (long long)r->amount);
	v[0] = r->receipt;
	v[1] = r->date;
	v[2] = r->unit;
	v[3] = r->owners;
	v[4] = r->payer;
	v[5] = r->method;
	v[6] = total;
	v[7] = pm_buf_str(&words);
	v[8] = r->voided;
	pm_out_begin(out, "receipt", head, 9, 1);
	pm_out_row(out, v);
	pm_out_end(out);
	rc = pm_db_prepare(db, lines_sql, &st, err);
	if (rc == 0) {
		pm_bind_int(st, 1, r->id);
		pm_out_begin(out, N_("lines"), lines, 3, 0);
		while ((rc = pm_step(st)) == PM_ROW) {
			if (pm_money_add(&used, pm_col_int64(st, 3), _("a receipt's lines"),
			    err) < 0)
				break;
			v[0] = pm_col_text(st, 1);
			v[1] = pm_col_text(st, 2);
			snprintf(num, sizeof num, "%lld", (long long)pm_col_int64(st, 3));
			v[2] = num;
			pm_out_row(out, v);
		}
		pm_stmt_free(st);
		if (rc == PM_DONE && r->amount > used) {
			v[0] = _("credit");
			v[1] = NULL;
			snprintf(num, sizeof num, "%lld", (long long)(r->amount - used));
			v[2] = num;
			pm_out_row(out, v);
		}
		pm_out_end(out);
		rc = rc == PM_DONE ? 0 : rc == PM_ROW ? -1  /* the sum overflowed */
		    : pm_db_fail(db, err, _("reading payments"));
	}
	if (rc == 0)
		rc = pm_out_signatures(out, sign, 3);
	pm_buf_free(&words);
	free(estate);
	return rc;
}

int
pm_fee_receipt(struct pm_db *db, const char *receipt, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"receipt", N_("Receipt"), PM_COL_CODE, 0},
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"method", N_("Method"), PM_COL_CODE, 0},
		{"item", N_("Item"), PM_COL_CODE, 0},
		{"name", N_("Item name"), PM_COL_TEXT, 0},
		{"period", N_("Period"), PM_COL_CODE, 0},
		{"amount", N_("Amount"), PM_COL_MONEY, 0},
		{"voided", N_("Voided"), PM_COL_CODE, 0},
	};
	struct rcpt r;
	struct pm_stmt *st;
	int64_t used = 0;
	char num[24];
	const char *v[9];
	int rc;

	if (rcpt_load(db, receipt, &r, err) < 0)
		return -1;
	if (pm_out_format(out) == PM_FMT_HTML) {
		rc = receipt_document(db, &r, out, err);
		rcpt_free(&r);
		return rc;
	}
	if (pm_db_prepare(db, lines_sql, &st, err) < 0) {
		rcpt_free(&r);
		return -1;
	}
	pm_bind_int(st, 1, r.id);
	pm_out_begin(out, NULL, cols, 9, 0);
	v[0] = r.receipt;
	v[1] = r.date;
	v[2] = r.unit;
	v[3] = r.method;
	v[8] = r.voided;
	while ((rc = pm_step(st)) == PM_ROW) {
		if (pm_money_add(&used, pm_col_int64(st, 3), _("a receipt's lines"), err) < 0)
			break;
		v[4] = pm_col_text(st, 0);
		v[5] = pm_col_text(st, 1);
		v[6] = pm_col_text(st, 2);
		snprintf(num, sizeof num, "%lld", (long long)pm_col_int64(st, 3));
		v[7] = num;
		pm_out_row(out, v);
	}
	pm_stmt_free(st);
	if (rc == PM_DONE && r.amount > used) {
		v[4] = "credit";
		v[5] = _("credit");
		v[6] = NULL;
		snprintf(num, sizeof num, "%lld", (long long)(r.amount - used));
		v[7] = num;
		pm_out_row(out, v);
	}
	rcpt_free(&r);
	if (rc == PM_ROW)
		return -1;  /* the sum overflowed */
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading payments"));
	pm_out_end(out);
	return 0;
}

int
pm_fee_receipt_text(struct pm_db *db, const char *receipt, struct pm_buf *t, struct pm_err *err)
{
	struct rcpt r;
	char *estate = NULL;
	struct pm_stmt *st;
	int64_t used = 0;
	int rc;

	if (rcpt_load(db, receipt, &r, err) < 0)
		return -1;
	if (pm_setting_get(db, "estate.name", &estate, err) < 0) {
		rcpt_free(&r);
		return -1;
	}
	if (*estate)
		pm_buf_addf(t, "%s\n", estate);
	pm_buf_addf(t, _("RECEIPT %s"), r.receipt);
	pm_buf_adds(t, "\n");
	if (r.voided)
		pm_buf_addf(t, _("*** VOID on %s: %s ***\n"), r.voided, r.reason ? r.reason : "");
	pm_buf_addf(t, _("Date:    %s\n"), r.at);
	pm_buf_addf(t, _("Unit:    %s\n"), r.unit);
	if (*r.owners)
		pm_buf_addf(t, _("Owner:   %s\n"), r.owners);
	if (r.payer)
		pm_buf_addf(t, _("Paid by: %s\n"), r.payer);
	pm_buf_addf(t, _("Method:  %s\n"), pm_keyword_label(pm_fee_methods, r.method));
	if (r.ref)
		pm_buf_addf(t, _("Ref:     %s\n"), r.ref);
	pm_buf_adds(t, "\n");
	if (pm_db_prepare(db, lines_sql, &st, err) < 0) {
		free(estate);
		rcpt_free(&r);
		return -1;
	}
	pm_bind_int(st, 1, r.id);
	while ((rc = pm_step(st)) == PM_ROW) {
		if (pm_money_add(&used, pm_col_int64(st, 3), _("a receipt's lines"), err) < 0)
			break;
		receipt_line(t, pm_col_text(st, 1), pm_col_text(st, 2), pm_col_int64(st, 3));
	}
	pm_stmt_free(st);
	if (r.amount > used)
		receipt_line(t, _("credit"), "", r.amount - used);
	receipt_line(t, _("TOTAL"), "", r.amount);
	pm_buf_adds(t, _("  In words: "));
	pm_fee_capital(r.amount, t);
	pm_buf_adds(t, "\n\n");
	if (pm_buf_addf(t, _("Clerk:   %s\n"), r.clerk) < 0 && rc != PM_ROW)
		rc = PM_STEP_OOM;
	free(estate);
	rcpt_free(&r);
	if (rc == PM_ROW)
		return -1;  /* the sum overflowed */
	if (rc == PM_STEP_OOM)
		return pm_err_oom(err);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading payments"));
	return 0;
}

int
pm_fee_payments(struct pm_db *db, const struct pm_fee_pay_filter *f, struct pm_out *out,
		struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"receipt", N_("Receipt"), PM_COL_CODE, 0},
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"amount", N_("Amount"), PM_COL_MONEY, 0},
		{"method", N_("Method"), PM_COL_CODE, 0},
		{"allocated", N_("Allocated"), PM_COL_MONEY, 0},
		{"payer", N_("Payer"), PM_COL_TEXT, 0},
		{"ref", N_("Reference"), PM_COL_TEXT, 0},
		{"clerk", N_("Clerk"), PM_COL_TEXT, 0},
		{"voided", N_("Voided"), PM_COL_CODE, 0},
		{"void_reason", N_("Void reason"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT p.receipt, p.date, u.code, p.amount, p.method,"
	    " coalesce((SELECT sum(l.amount) FROM alloc l WHERE l.payment_id = p.id), 0),"
	    " p.payer, p.ref, p.clerk, p.voided, p.void_reason"
	    " FROM payment p JOIN unit u ON u.id = p.unit_id"
	    " WHERE (?1 = 0 OR p.unit_id = ?1) AND (?2 IS NULL OR p.date >= ?2)"
	    "  AND (?3 IS NULL OR p.date <= ?3) AND (?4 IS NULL OR p.method = ?4)"
	    " ORDER BY p.id";
	const char *mk = NULL;
	struct pm_stmt *st;
	int rc;

	if (f->method && pm_fee_method(f->method, &mk, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, f->unit_id);
	pm_bind_text_null(st, 2, f->first);
	pm_bind_text_null(st, 3, f->last);
	pm_bind_text_null(st, 4, mk);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

int
pm_fee_capital(int64_t fen, struct pm_buf *b)
{
	static const char *const digit[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
	static const char *const small[] = {"", "拾", "佰", "仟"};
	static const char *const big[] = {"", "万", "亿", "兆", "万兆"};
	static const int p10[] = {1, 10, 100, 1000};
	uint64_t u = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	uint64_t yuan = u / 100;
	int jiao = (int)(u / 10 % 10), f = (int)(u % 10), groups[5], ng = 0, g, pos, any = 0, zero = 0;
	int rc = 0;

	if (fen < 0)
		rc |= pm_buf_adds(b, "负");
	while (yuan && ng < 5) {
		groups[ng++] = (int)(yuan % 10000);
		yuan /= 10000;
	}
	for (g = ng - 1; g >= 0; g--) {
		if (groups[g] == 0) {
			if (any)
				zero = 1;
			continue;
		}
		for (pos = 3; pos >= 0; pos--) {
			int d = groups[g] / p10[pos] % 10;

			if (d == 0) {
				if (any)
					zero = 1;
				continue;
			}
			if (zero)
				rc |= pm_buf_adds(b, "零");
			zero = 0;
			rc |= pm_buf_adds(b, digit[d]);
			rc |= pm_buf_adds(b, small[pos]);
			any = 1;
		}
		rc |= pm_buf_adds(b, big[g]);
	}
	if (any)
		rc |= pm_buf_adds(b, "元");
	if (!jiao && !f) {
		rc |= pm_buf_adds(b, any ? "整" : "零元整");
		return rc ? -1 : 0;
	}
	if (jiao) {
		rc |= pm_buf_adds(b, digit[jiao]);
		rc |= pm_buf_adds(b, "角");
	} else if (any) {
		rc |= pm_buf_adds(b, "零");
	}
	if (f) {
		rc |= pm_buf_adds(b, digit[f]);
		rc |= pm_buf_adds(b, "分");
	}
	return rc ? -1 : 0;
}

int
pm_fee_receipt_complete(struct pm_db *db, const char *prefix, struct pm_out *out,
			struct pm_err *err)
{
	return pm_out_complete(out, db, "SELECT receipt FROM payment"
	    " WHERE receipt >= ?1 AND receipt < ?2"
	    " ORDER BY voided IS NOT NULL, date DESC, receipt DESC", "receipt", prefix, err);
}
