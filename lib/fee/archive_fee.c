/* archive_fee.c - pm-fee's sections of the household archive */
#include "core/i18n.h"
#include "deposit.h"
#include "fee.h"
#include "ledger.h"

static int
section(struct pm_db *db, int64_t unit_id, struct pm_out *out, const char *name,
	const struct pm_col *cols, size_t ncols, const char *sql, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	pm_out_begin(out, name, cols, ncols, 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	pm_out_end(out);
	return rc;
}

#define N(a) (sizeof (a) / sizeof (a)[0])

int
pm_fee_archive_bills(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"item", N_("Item"), PM_COL_CODE, 0},
		{"period", N_("Period"), PM_COL_CODE, 0},
		{"amount", N_("Amount"), PM_COL_MONEY, 0},
		{"adjusted", N_("Adjusted"), PM_COL_MONEY, 0},
		{"paid", N_("Paid"), PM_COL_MONEY, 0},
		{"owed", N_("Owed"), PM_COL_MONEY, 0},
	};
	static const char sql[] =
	    "SELECT i.code, b.period, b.amount, " PM_FEE_ADJ_SQL ", " PM_FEE_PAID_SQL ", "
	    PM_FEE_OWED_SQL " FROM bill b JOIN fee_item i ON i.id = b.item_id"
	    " WHERE b.unit_id = ?1 ORDER BY b.starts DESC, i.id, b.id";

	return section(db, unit_id, out, "bills", cols, N(cols), sql, err);
}

int
pm_fee_archive_payments(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"receipt", N_("Receipt"), PM_COL_CODE, 0},
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"amount", N_("Amount"), PM_COL_MONEY, 0},
		{"method", N_("Method"), PM_COL_CODE, 0},
		{"voided", N_("Voided"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT receipt, date, amount, method, voided FROM payment WHERE unit_id = ?1"
	    " ORDER BY date DESC, id DESC";

	return section(db, unit_id, out, "payments", cols, N(cols), sql, err);
}

int
pm_fee_archive_deposits(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"deposit", N_("Deposit"), PM_COL_CODE, 0},
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"kind", N_("Kind"), PM_COL_CODE, 0},
		{"amount", N_("Amount"), PM_COL_MONEY, 0},
		{"refunded", N_("Refunded on"), PM_COL_CODE, 0},
		{"refund", N_("Refund"), PM_COL_MONEY, 0},
	};
	static const char sql[] =
	    "SELECT no, date, kind, amount, refunded, refund_amount FROM deposit WHERE unit_id = ?1"
	    " ORDER BY date DESC, id DESC";

	return section(db, unit_id, out, "deposits", cols, N(cols), sql, err);
}
