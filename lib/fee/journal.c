/* journal.c - the cash journal, hand-overs, the monthly close, the books' checks */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/validate.h"
#include "fee.h"
#include "journal.h"
#include "ledger.h"

#define CASH_SQL PM_FEE_CASH_SQL

static int
one_int(struct pm_db *db, const char *sql, const char *a, const char *b, int64_t *v,
	struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	*v = 0;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	if (a)
		pm_bind_text(st, 1, a);
	if (b)
		pm_bind_text(st, 2, b);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*v = pm_col_int64(st, 0);
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE)
		return pm_db_fail(db, err, _("reading the books"));
	return 0;
}

int
pm_fee_journal(struct pm_db *db, const char *first, const char *last, struct pm_out *out,
	       int64_t *closing, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"time", N_("Time"), PM_COL_CODE, 0},
		{"entry", N_("Entry"), PM_COL_CODE, 0},
		{"ref", N_("Reference"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"detail", N_("Detail"), PM_COL_TEXT, 0},
		{"cash_in", N_("In"), PM_COL_MONEY, 0},
		{"cash_out", N_("Out"), PM_COL_MONEY, 0},
		{"balance", N_("Balance"), PM_COL_MONEY, 0},
	};
	static const char open_sql[] =
	    "SELECT coalesce(sum(cin - cout), 0) FROM (" CASH_SQL ") WHERE d < ?1";
	static const char rows_sql[] =
	    "SELECT d, substr(t, 12, 5), kind, ref, unit, detail, cin, cout FROM (" CASH_SQL ")"
	    " WHERE d BETWEEN ?1 AND ?2 ORDER BY d, t, ord, ref";
	int64_t bal;
	struct pm_stmt *st;
	char b[24], in[24], o[24];
	const char *v[9];
	int rc;

	if (one_int(db, open_sql, first, NULL, &bal, err) < 0)
		return -1;
	pm_out_begin(out, NULL, cols, 9, 0);
	snprintf(b, sizeof b, "%lld", (long long)bal);
	v[0] = first;
	v[1] = NULL;
	v[2] = "opening";
	v[3] = v[4] = v[5] = v[6] = v[7] = NULL;
	v[8] = b;
	pm_out_row(out, v);
	if (pm_db_prepare(db, rows_sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, first);
	pm_bind_text(st, 2, last);
	while ((rc = pm_step(st)) == PM_ROW) {
		int64_t ci = pm_col_int64(st, 6), co = pm_col_int64(st, 7);
		int k;

		if (pm_money_add(&bal, ci, _("the cash journal"), err) < 0 ||
		    pm_money_sub(&bal, co, _("the cash journal"), err) < 0) {
			pm_stmt_free(st);
			return -1;
		}
		for (k = 0; k < 6; k++)
			v[k] = pm_col_null(st, k) ? NULL : pm_col_text(st, k);
		snprintf(in, sizeof in, "%lld", (long long)ci);
		snprintf(o, sizeof o, "%lld", (long long)co);
		snprintf(b, sizeof b, "%lld", (long long)bal);
		v[6] = ci ? in : NULL;
		v[7] = co ? o : NULL;
		v[8] = b;
		pm_out_row(out, v);
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading the cash journal"));
	snprintf(b, sizeof b, "%lld", (long long)bal);
	v[0] = last;
	v[1] = NULL;
	v[2] = "closing";
	v[3] = v[4] = v[5] = v[6] = v[7] = NULL;
	v[8] = b;
	pm_out_row(out, v);
	pm_out_end(out);
	*closing = bal;
	return 0;
}

int
pm_fee_handover(struct pm_db *db, const char *to, const char *amount_s, const char *date_s,
		const char *note, struct pm_fee_handed *h, struct pm_err *err)
{
	static const char held_sql[] =
	    "SELECT coalesce(sum(cin - cout), 0) FROM (" CASH_SQL ") WHERE d <= ?1";
	static const char opening_sql[] =
	    "SELECT coalesce(sum(cin - cout), 0) FROM (" CASH_SQL ") WHERE d < ?1";
	static const char received_sql[] =
	    "SELECT coalesce(sum(cin), 0) FROM (" CASH_SQL ") WHERE d = ?1";
	static const char paid_out_sql[] =
	    "SELECT coalesce(sum(cout), 0) FROM (" CASH_SQL ") WHERE d = ?1 AND kind <> 'handover'";
	static const char handed_sql[] =
	    "SELECT coalesce(sum(amount), 0) FROM handover WHERE date = ?1";
	struct pm_buf text = PM_BUF_INIT;
	char now[PM_TIME_BUFSZ], a[PM_DEC_BUFSZ], b[PM_DEC_BUFSZ];
	int64_t staff, held;
	struct pm_stmt *st;
	int rc;

	memset(h, 0, sizeof *h);
	if (pm_staff_require(db, to, "finance", _("taking cash from the desk"), &staff, err) < 0 ||
	    pm_fee_date(db, date_s, h->date, err) < 0 || pm_fee_now(now, err) < 0)
		return -1;
	if (one_int(db, held_sql, h->date, NULL, &held, err) < 0)
		return -1;
	if (amount_s) {
		enum pm_num nrc = pm_money_parse(amount_s, strlen(amount_s), &h->amount);

		if (nrc == PM_NUM_OK && h->amount <= 0)
			nrc = PM_NUM_NEGATIVE;
		if (nrc != PM_NUM_OK)
			return pm_err_set(err, PM_EXIT_DATA, _("amount '%s': %s"), amount_s,
			    pm_num_reason(nrc));
	} else {
		h->amount = held;
	}
	if (held <= 0)
		return pm_err_set(err, PM_EXIT_DATA, _("there is no cash at the desk on %s to hand over"),
		    h->date);
	if (h->amount > held)
		return pm_err_set(err, PM_EXIT_DATA, _("%s is more than the %s cash at the desk on %s"),
		    pm_money_fmt(h->amount, a), pm_money_fmt(held, b), h->date);
	if (note && pm_text_normalize(note, strlen(note), &text)) {
		pm_buf_free(&text);
		return pm_err_set(err, PM_EXIT_DATA, _("note: too long or has control characters"));
	}
	if (pm_seq_next(db, "H", atoi(h->date), h->no, err) < 0 ||
	    pm_db_prepare(db, "INSERT INTO handover(no, date, amount, staff_id, at, clerk, note)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err) < 0) {
		pm_buf_free(&text);
		return -1;
	}
	pm_bind_text(st, 1, h->no);
	pm_bind_text(st, 2, h->date);
	pm_bind_int(st, 3, h->amount);
	pm_bind_int(st, 4, staff);
	pm_bind_text(st, 5, now);
	pm_bind_text(st, 6, pm_audit_who());
	pm_bind_text_null(st, 7, pm_buf_str(&text));
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	pm_buf_free(&text);
	if (rc < 0)
		return -1;
	h->left = held - h->amount;
	/* the message must add up: opening + in - out - handed = left */
	if (one_int(db, opening_sql, h->date, NULL, &h->opening, err) < 0 ||
	    one_int(db, received_sql, h->date, NULL, &h->received, err) < 0 ||
	    one_int(db, paid_out_sql, h->date, NULL, &h->paid_out, err) < 0 ||
	    one_int(db, handed_sql, h->date, NULL, &h->handed, err) < 0)
		return -1;
	return pm_auditf(db, h->no, err, "cash handed to %s: %s, %s left at the desk", to,
	    pm_money_fmt(h->amount, a), pm_money_fmt(h->left, b));
}

/* The month's totals as rows. */
struct total {
	char what[16];
	char *key;
	int64_t amount;
};

struct totals {
	struct total *v;
	size_t n, cap;
};

static void
totals_free(struct totals *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].key);
	free(t->v);
	memset(t, 0, sizeof *t);
}

static int
totals_add(struct totals *t, const char *what, const char *key, int64_t amount, struct pm_err *err)
{
	if (t->n == t->cap) {
		size_t c = t->cap ? t->cap * 2 : 32;
		struct total *nv = realloc(t->v, c * sizeof *nv);

		if (!nv)
			return pm_err_oom(err);
		t->v = nv;
		t->cap = c;
	}
	snprintf(t->v[t->n].what, sizeof t->v[t->n].what, "%s", what);
	if (!(t->v[t->n].key = strdup(key)))
		return pm_err_oom(err);
	t->v[t->n].amount = amount;
	t->n++;
	return 0;
}

/* Add one row per result row of sql (key, amount), bound to month. */
static int
totals_query(struct pm_db *db, struct totals *t, const char *what, const char *sql,
	     const char *month, int64_t *sum, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (sum)
		*sum = 0;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, month);
	while ((rc = pm_step(st)) == PM_ROW) {
		int64_t v = pm_col_int64(st, 1);

		if (totals_add(t, what, pm_col_text(st, 0), v, err) < 0) {
			pm_stmt_free(st);
			return -1;
		}
		if (sum && pm_money_add(sum, v, !strcmp(what, "method") ? _("payments by method")
		    : _("payments by item"), err) < 0) {
			pm_stmt_free(st);
			return -1;
		}
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading the books"));
	return 0;
}

#define M(x) "substr(" x ", 1, 7) = ?1"

static int
totals_compute(struct pm_db *db, const char *month, struct totals *t, struct pm_err *err)
{
	static const char bills_sql[] =
	    "SELECT 'billed', coalesce((SELECT sum(amount) FROM bill WHERE " M("raised") "), 0)"
	    " UNION ALL SELECT 'adjusted', coalesce((SELECT sum(amount) FROM adjustment"
	    "  WHERE " M("date") "), 0)";
	static const char method_sql[] =
	    "WITH m(k, o) AS (VALUES ('cash', 1), ('transfer', 2), ('wechat', 3), ('alipay', 4),"
	    " ('card', 5))"
	    " SELECT k, coalesce((SELECT sum(amount) FROM payment WHERE method = k AND " M("date") "), 0)"
	    " - coalesce((SELECT sum(amount) FROM payment WHERE method = k AND " M("voided") "), 0)"
	    " FROM m ORDER BY o";
	static const char item_sql[] =
	    "SELECT i.code, coalesce((SELECT sum(l.amount) FROM alloc l JOIN bill b ON b.id = l.bill_id"
	    "  WHERE b.item_id = i.id AND " M("l.date") "), 0)"
	    " - coalesce((SELECT sum(l.amount) FROM alloc l JOIN bill b ON b.id = l.bill_id"
	    "  JOIN payment p ON p.id = l.payment_id WHERE b.item_id = i.id AND " M("p.voided") "), 0)"
	    " AS v FROM fee_item i WHERE v <> 0 ORDER BY i.id";
	static const char cash_sql[] =
	    "SELECT 'opening', coalesce(sum(CASE WHEN substr(d, 1, 7) < ?1 THEN cin - cout END), 0)"
	    " FROM (" CASH_SQL ")"
	    " UNION ALL SELECT 'receipts', coalesce(sum(CASE WHEN " M("d") " THEN cin END), 0)"
	    " FROM (" CASH_SQL ")"
	    " UNION ALL SELECT 'paid_out', coalesce(sum(CASE WHEN " M("d") " AND kind <> 'handover'"
	    "  THEN cout END), 0) FROM (" CASH_SQL ")"
	    " UNION ALL SELECT 'handed_over', coalesce(sum(CASE WHEN " M("d") " AND kind = 'handover'"
	    "  THEN cout END), 0) FROM (" CASH_SQL ")"
	    " UNION ALL SELECT 'closing', coalesce(sum(CASE WHEN substr(d, 1, 7) <= ?1"
	    "  THEN cin - cout END), 0) FROM (" CASH_SQL ")";
	static const char deposit_sql[] =
	    "SELECT 'taken', coalesce((SELECT sum(amount) FROM deposit WHERE " M("date") "), 0)"
	    " UNION ALL SELECT 'refunded', coalesce((SELECT sum(refund_amount) FROM deposit"
	    "  WHERE " M("refunded") "), 0)"
	    " UNION ALL SELECT 'deducted', coalesce((SELECT sum(x.amount) FROM deposit_deduction x"
	    "  JOIN deposit d ON d.id = x.deposit_id WHERE " M("d.refunded") "), 0)"
	    " UNION ALL SELECT 'held', coalesce((SELECT sum(amount) FROM deposit"
	    "  WHERE substr(date, 1, 7) <= ?1 AND (refunded IS NULL OR substr(refunded, 1, 7) > ?1)), 0)";
	int64_t methods, items, change;

	if (totals_query(db, t, "bills", bills_sql, month, NULL, err) < 0 ||
	    totals_query(db, t, "method", method_sql, month, &methods, err) < 0 ||
	    totals_add(t, "method", "total", methods, err) < 0 ||
	    totals_query(db, t, "item", item_sql, month, &items, err) < 0 ||
	    totals_add(t, "item", "total", items, err) < 0 ||
	    (change = methods, pm_money_sub(&change, items, _("credit"), err)) < 0 ||
	    totals_add(t, "credit", "change", change, err) < 0 ||
	    totals_query(db, t, "cash", cash_sql, month, NULL, err) < 0 ||
	    totals_query(db, t, "deposit", deposit_sql, month, NULL, err) < 0)
		return -1;
	return 0;
}

static int
totals_stored(struct pm_db *db, const char *month, struct totals *t, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT what, key, amount FROM fee_close_total WHERE month = ?1 ORDER BY ord";
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, month);
	while ((rc = pm_step(st)) == PM_ROW)
		if (totals_add(t, pm_col_text(st, 0), pm_col_text(st, 1), pm_col_int64(st, 2),
		    err) < 0) {
			pm_stmt_free(st);
			return -1;
		}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading closes"));
	return 0;
}

static int
totals_write(const struct totals *t, const char *month, struct pm_out *out)
{
	static const struct pm_col cols[] = {
		{"month", N_("Month"), PM_COL_CODE, 0},
		{"what", N_("What"), PM_COL_CODE, 0},
		{"key", N_("Breakdown"), PM_COL_CODE, 0},
		{"amount", N_("Amount"), PM_COL_MONEY, 0},
	};
	size_t i;

	pm_out_begin(out, NULL, cols, 4, 0);
	for (i = 0; i < t->n; i++) {
		char a[24];
		const char *v[4] = {month, t->v[i].what, t->v[i].key, a};

		snprintf(a, sizeof a, "%lld", (long long)t->v[i].amount);
		pm_out_row(out, v);
	}
	return pm_out_end(out);
}

static int
check_month(const char *month, struct pm_err *err)
{
	struct pm_period p;

	if (!month || pm_period_parse_kind(month, PM_PERIOD_MONTH, &p) < 0)
		return pm_err_set(err, PM_EXIT_USAGE, _("'%s' is not a month like 2026-11"),
		    month ? month : "");
	return 0;
}

static int
is_closed_exactly(struct pm_db *db, const char *month, int *closed, struct pm_err *err)
{
	int64_t v;

	if (one_int(db, "SELECT count(*) FROM fee_close WHERE month = ?1", month, NULL, &v, err) < 0)
		return -1;
	*closed = v > 0;
	return 0;
}

int
pm_fee_totals(struct pm_db *db, const char *month, int stored, struct pm_out *out,
	      struct pm_err *err)
{
	struct totals t = {0};
	int closed, rc;

	if (check_month(month, err) < 0)
		return -1;
	if (stored) {
		if (is_closed_exactly(db, month, &closed, err) < 0)
			return -1;
		if (!closed)
			return pm_err_set(err, PM_EXIT_DATA, _("%s has not been closed"), month);
	}
	rc = stored ? totals_stored(db, month, &t, err) : totals_compute(db, month, &t, err);
	if (rc == 0)
		totals_write(&t, month, out);
	totals_free(&t);
	return rc;
}

int
pm_fee_close(struct pm_db *db, const char *month, struct pm_out *out, struct pm_err *err)
{
	static const char earlier_sql[] =
	    "SELECT min(m) FROM ("
	    " SELECT substr(date, 1, 7) AS m FROM payment UNION ALL SELECT substr(voided, 1, 7) FROM payment"
	    " UNION ALL SELECT substr(raised, 1, 7) FROM bill UNION ALL SELECT substr(date, 1, 7) FROM adjustment"
	    " UNION ALL SELECT substr(date, 1, 7) FROM deposit UNION ALL SELECT substr(refunded, 1, 7) FROM deposit"
	    " UNION ALL SELECT substr(date, 1, 7) FROM handover UNION ALL SELECT substr(date, 1, 7) FROM alloc"
	    ") WHERE m < ?1 AND m > coalesce((SELECT max(month) FROM fee_close), '')";
	struct totals t = {0};
	struct pm_date today;
	struct pm_period p;
	char now[PM_TIME_BUFSZ], last[PM_DATE_BUFSZ], td[PM_DATE_BUFSZ];
	struct pm_stmt *st = NULL;
	int closed, rc = -1;
	size_t i;

	if (check_month(month, err) < 0 || pm_today(&today, err) < 0 || pm_fee_now(now, err) < 0)
		return -1;
	pm_period_parse_kind(month, PM_PERIOD_MONTH, &p);
	if (pm_fee_closed(db, month, &closed, err) < 0)
		return -1;
	if (closed)
		return pm_err_set(err, PM_EXIT_DATA, _("%s is closed already"), month);
	if (pm_date_cmp(today, p.last) < 0)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("%s has not ended: a month is closed on its last day (%s) or later"), month,
		    pm_date_fmt(p.last, last));
	pm_date_fmt(today, td);
	if (pm_db_prepare(db, earlier_sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, month);
	rc = pm_step(st);
	if (rc == PM_ROW && !pm_col_null(st, 0)) {
		pm_err_set(err, PM_EXIT_DATA, _("close %s first: it has entries and is still open"),
		    pm_col_text(st, 0));
		pm_stmt_free(st);
		return -1;
	}
	pm_stmt_free(st);
	st = NULL;  /* out: finalizes st again */
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading the books"));
	rc = -1;
	if (totals_compute(db, month, &t, err) < 0)
		goto out;
	if (pm_db_prepare(db, "INSERT INTO fee_close(month, at, clerk) VALUES (?1, ?2, ?3)", &st,
	    err) < 0)
		goto out;
	pm_bind_text(st, 1, month);
	pm_bind_text(st, 2, now);
	pm_bind_text(st, 3, pm_audit_who());
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	pm_stmt_free(st);
	st = NULL;
	if (pm_db_prepare(db, "INSERT INTO fee_close_total(month, ord, what, key, amount)"
	    " VALUES (?1, ?5, ?2, ?3, ?4)", &st, err) < 0)
		goto out;
	for (i = 0; i < t.n; i++) {
		pm_stmt_reset(st);
		pm_bind_text(st, 1, month);
		pm_bind_text(st, 2, t.v[i].what);
		pm_bind_text(st, 3, t.v[i].key);
		pm_bind_int(st, 4, t.v[i].amount);
		pm_bind_int(st, 5, (int64_t)i);
		if (pm_db_step_done(db, st, err) < 0)
			goto out;
	}
	{
		char a[PM_DEC_BUFSZ];
		int64_t collected = 0;

		for (i = 0; i < t.n; i++)
			if (!strcmp(t.v[i].what, "method") && !strcmp(t.v[i].key, "total"))
				collected = t.v[i].amount;
		if (pm_auditf(db, month, err, "month closed: %s collected", pm_money_fmt(collected, a)) < 0)
			goto out;
	}
	totals_write(&t, month, out);
	rc = 0;
out:
	pm_stmt_free(st);
	totals_free(&t);
	return rc;
}

/* Where the checks' rows go: a table, or the caller's function. */
struct check_sink {
	struct pm_out *out;
	pm_fee_check_fn *fn;
	void *arg;
};

static int
check_row(struct check_sink *out, const char *check, const char *result, long *problems, int bad)
{
	const char *v[2] = {check, result};

	if (bad)
		(*problems)++;
	if (out->fn)
		return out->fn(out->arg, check, result, bad);
	return pm_out_row(out->out, v);
}

/* A check whose query returns one count of offending rows. */
static int
count_check(struct pm_db *db, struct check_sink *out, const char *name, const char *sql,
	    const char *what, long *problems, struct pm_err *err)
{
	int64_t n;
	char msg[160];

	if (one_int(db, sql, NULL, NULL, &n, err) < 0)
		return -1;
	if (n)
		snprintf(msg, sizeof msg, "%lld %s", (long long)n, what);
	return check_row(out, name, n ? msg : _("ok"), problems, n != 0);
}

/* The money columns: each amount within the limit, each column's total
 * one that adds up (a database written by other means than these
 * tools can hold anything). */
static const struct { const char *label, *table, *col; } money_cols[] = {
	{N_("bills"), "bill", "amount"},
	{N_("adjustments"), "adjustment", "amount"},
	{N_("payments"), "payment", "amount"},
	{N_("allocations"), "alloc", "amount"},
	{N_("deposits"), "deposit", "amount"},
	{N_("refunds"), "deposit", "refund_amount"},
	{N_("deductions"), "deposit_deduction", "amount"},
	{N_("hand-overs"), "handover", "amount"},
};

/* The "amounts" and "sums" rows; *summed 0 when a total overflows (the
 * checks that add up the books cannot run then). */
static int
money_checks(struct pm_db *db, struct check_sink *out, long *problems, int *summed,
	     struct pm_err *err)
{
	struct pm_buf over = PM_BUF_INIT;
	int64_t above = 0;
	size_t i;
	char msg[160], a[PM_DEC_BUFSZ];

	*summed = 1;
	for (i = 0; i < sizeof money_cols / sizeof money_cols[0]; i++) {
		char sql[200];
		struct pm_stmt *st;
		int rc;

		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s NOT BETWEEN -?1 AND ?1",
		    money_cols[i].table, money_cols[i].col);
		if (pm_db_prepare(db, sql, &st, err) < 0)
			goto fail;
		pm_bind_int(st, 1, PM_MONEY_MAX);
		rc = pm_step(st);
		if (rc == PM_ROW)
			above += pm_col_int64(st, 0);
		pm_stmt_free(st);
		if (rc != PM_ROW) {
			pm_db_fail(db, err, _("reading the books"));
			goto fail;
		}
		snprintf(sql, sizeof sql, "SELECT sum(%s) FROM %s", money_cols[i].col,
		    money_cols[i].table);
		if (pm_db_prepare(db, sql, &st, err) < 0)
			goto fail;
		rc = pm_step(st);
		if (rc != PM_ROW && rc != PM_DONE && (pm_db_error(db) == PM_DBE_OVERFLOW)) {
			pm_buf_addf(&over, "%s%s", over.len ? ", " : "", _(money_cols[i].label));
			*summed = 0;
		} else if (rc != PM_ROW) {
			pm_stmt_free(st);
			pm_db_fail(db, err, _("reading the books"));
			goto fail;
		}
		pm_stmt_free(st);
	}
	snprintf(msg, sizeof msg, _("%lld amounts above the limit of %s"), (long long)above,
	    pm_money_fmt(PM_MONEY_MAX, a));
	check_row(out, "amounts", above ? msg : _("ok"), problems, above != 0);
	if (over.len) {
		struct pm_buf m = PM_BUF_INIT;

		pm_buf_addf(&m, _("the total of %s overflows"), pm_buf_str(&over));
		check_row(out, "sums", pm_buf_str(&m), problems, 1);
		pm_buf_free(&m);
	} else {
		check_row(out, "sums", _("ok"), problems, 0);
	}
	pm_buf_free(&over);
	return 0;
fail:
	pm_buf_free(&over);
	return -1;
}

static int
fee_check(struct pm_db *db, struct check_sink *out, long *problems, struct pm_err *err)
{
	static const char lines_sql[] =
	    "SELECT count(*) FROM bill b WHERE " PM_FEE_OWED_SQL " < 0"
	    " OR b.amount + " PM_FEE_ADJ_SQL " < 0";
	static const char pay_sql[] =
	    "SELECT count(*) FROM payment p WHERE p.amount < (SELECT coalesce(sum(l.amount), 0)"
	    " FROM alloc l WHERE l.payment_id = p.id)"
	    " OR EXISTS (SELECT 1 FROM alloc l JOIN bill b ON b.id = l.bill_id"
	    "  WHERE l.payment_id = p.id AND b.unit_id <> p.unit_id)";
	static const char books_sql[] =
	    "SELECT (SELECT coalesce(sum(amount), 0) FROM bill)"
	    " + (SELECT coalesce(sum(amount), 0) FROM adjustment)"
	    " - (SELECT coalesce(sum(l.amount), 0) FROM alloc l JOIN payment p ON p.id = l.payment_id"
	    "    WHERE p.voided IS NULL)"
	    " - (SELECT coalesce(sum(max(" PM_FEE_OWED_SQL ", 0)), 0) FROM bill b)";
	static const char numbers_sql[] =
	    "WITH n(prefix, no) AS (SELECT 'R', receipt FROM payment UNION ALL SELECT 'D', no FROM deposit"
	    " UNION ALL SELECT 'H', no FROM handover),"
	    " y AS (SELECT prefix, CAST(substr(no, 2, 4) AS INTEGER) AS year, count(*) AS c,"
	    "  max(CAST(substr(no, 7) AS INTEGER)) AS top FROM n GROUP BY prefix, year)"
	    " SELECT count(*) FROM counter c LEFT JOIN y ON y.prefix = c.prefix AND y.year = c.year"
	    " WHERE c.prefix IN ('R', 'D', 'H') AND (coalesce(y.c, 0) <> c.last OR coalesce(y.top, 0) <> c.last)";
	static const char deposit_sql[] =
	    "SELECT count(*) FROM deposit d WHERE d.refunded IS NOT NULL AND d.refund_amount"
	    " + coalesce((SELECT sum(x.amount) FROM deposit_deduction x WHERE x.deposit_id = d.id), 0)"
	    " <> d.amount";
	struct pm_stmt *st;
	int64_t diff;
	int rc, summed;

	*problems = 0;
	if (money_checks(db, out, problems, &summed, err) < 0)
		return -1;
	if (!summed) {
		/* the books and the closes are sums: they cannot be checked */
		check_row(out, "books", _("not checked: a total overflows"), problems, 1);
		return 0;
	}
	if (count_check(db, out, "lines", lines_sql, _("bill lines owe less than nothing"),
	    problems, err) < 0 ||
	    count_check(db, out, "payments", pay_sql,
	    _("payments allocate more than they are, or to another unit"), problems, err) < 0 ||
	    count_check(db, out, "numbers", numbers_sql,
	    _("years whose receipt, deposit or hand-over numbers are not each used once"),
	    problems, err) < 0 ||
	    count_check(db, out, "deposits", deposit_sql,
	    _("refunds whose amount and deductions do not add up to the deposit"), problems, err) < 0)
		return -1;
	if (one_int(db, books_sql, NULL, NULL, &diff, err) < 0)
		return -1;
	{
		char msg[120], a[PM_DEC_BUFSZ];

		snprintf(msg, sizeof msg, _("billed - collected differs from the arrears by %s"),
		    pm_money_fmt(diff, a));
		check_row(out, "books", diff ? msg : _("ok"), problems, diff != 0);
	}
	if (pm_db_prepare(db, "SELECT month FROM fee_close ORDER BY month", &st, err) < 0)
		return -1;
	while ((rc = pm_step(st)) == PM_ROW) {
		struct totals now = {0}, then = {0};
		char *month = strdup(pm_col_text(st, 0)), name[32];
		size_t i;
		int same;

		if (!month) {
			pm_stmt_free(st);
			return pm_err_oom(err);
		}
		if (totals_compute(db, month, &now, err) < 0 ||
		    totals_stored(db, month, &then, err) < 0) {
			totals_free(&now);
			totals_free(&then);
			free(month);
			pm_stmt_free(st);
			return -1;
		}
		same = now.n == then.n;
		for (i = 0; same && i < now.n; i++)
			same = !strcmp(now.v[i].what, then.v[i].what) &&
			    !strcmp(now.v[i].key, then.v[i].key) && now.v[i].amount == then.v[i].amount;
		snprintf(name, sizeof name, "close %s", month);
		check_row(out, name, same ? _("ok") : _("the books no longer agree with the close"),
		    problems, !same);
		totals_free(&now);
		totals_free(&then);
		free(month);
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading closes"));
	return 0;
}

int
pm_fee_check(struct pm_db *db, struct pm_out *out, long *problems, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"check", N_("Check"), PM_COL_CODE, 0},
		{"result", N_("Result"), PM_COL_TEXT, 0},
	};
	struct check_sink s = {out, NULL, NULL};

	pm_out_begin(out, NULL, cols, 2, 0);
	if (fee_check(db, &s, problems, err) < 0)
		return -1;
	pm_out_end(out);
	return 0;
}

int
pm_fee_check_each(struct pm_db *db, pm_fee_check_fn *fn, void *arg, long *problems,
		  struct pm_err *err)
{
	struct check_sink s = {NULL, fn, arg};

	return fee_check(db, &s, problems, err);
}
