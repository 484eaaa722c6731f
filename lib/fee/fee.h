/*
 * fee.h - pm-fee's domain: what every part of it shares
 *
 * Money is int64 fen, quantities x100, rates x10000 (core/money.h, whose
 * one rounding rule every amount here follows).  The parts:
 *
 *   item.h     fee items and their rates over time
 *   reading.h  meter readings
 *   bill.h     raising bills for a period, one-off charges, adjustments
 *   pay.h      payments, their allocation to bills, receipts, voids
 *   report.h   arrears and their age, reminder letters, statements,
 *              the collection rate
 *   journal.h  the cash journal, hand-overs to finance, the monthly
 *              close, the books' invariants
 *   deposit.h  deposits taken and refunded (pm-reno uses them)
 *
 * Every function that writes runs inside the caller's transaction
 * (pm_db_begin() ... pm_db_commit()) and audits what it wrote; none of
 * them begins or ends a transaction itself, so a command can do several
 * (pm-reno pay takes a deposit and a fee in one).
 */
#ifndef PM_FEE_H
#define PM_FEE_H

#include <stdint.h>

#include "core/buf.h"
#include "core/db.h"
#include "core/err.h"
#include "core/keyword.h"
#include "core/out.h"
#include "core/time.h"

extern const struct pm_keyword pm_fee_methods[];  /* cash transfer wechat alipay card */
extern const struct pm_keyword pm_fee_bases[];    /* area unit space meter fixed */
extern const struct pm_keyword pm_fee_cycles[];   /* monthly quarterly yearly season once */
extern const struct pm_keyword pm_fee_meters[];   /* water electricity gas hotwater */
/* Shown, not typed: journal and statement entries, close lines, checks. */
extern const struct pm_keyword pm_fee_entries[];
extern const struct pm_keyword pm_fee_close_lines[];
extern const struct pm_keyword pm_fee_checks[];
extern const struct pm_keyword pm_group_all[];     /* the rate's "all" */

/* The method key for typed ("现金", "wechat", ...); 65 naming the
 * choices when it is none of them. */
int pm_fee_method(const char *typed, const char **key, struct pm_err *err);

/* The date a write is recorded under: typed (any pm_date_parse form)
 * or, when NULL, today; refused (65) when it is in the future or in or
 * before a closed month.  buf gets "YYYY-MM-DD". */
int pm_fee_date(struct pm_db *db, const char *typed, char buf[PM_DATE_BUFSZ],
		struct pm_err *err);

/* Cash (method "cash") dated date, a day before today, when a
 * hand-over is dated on or after it: refused (65), since that day's cash
 * was counted and handed to finance; the payment is today's instead.
 * Other methods and today's cash: 0. */
int pm_fee_cash_date(struct pm_db *db, const char *method, const char *date,
    struct pm_err *err);

/* Is month ("2026-11") closed?  Closing a month locks the books up to
 * its end, so this is 1 for it and every month before it. */
int pm_fee_closed(struct pm_db *db, const char *month, int *closed, struct pm_err *err);

/* Now, estate-local, as "YYYY-MM-DDTHH:MM:SS". */
int pm_fee_now(char buf[PM_TIME_BUFSZ], struct pm_err *err);

/* How a bill line's amount was computed, from its stored parts, e.g.
 * "89.37 m² × 2.35 = 210.02", "water 1234.50 − 1211.00 = 23.50 × 3.50 =
 * 82.25", "... = 210.02; 12/30 days = 84.01; vacant −20% = 67.21".
 * basis and meter are the item's; prev/cur/days/of_days/discount are
 * negative when the line has none.  Appended to b. */
struct pm_fee_line {
	const char *basis, *meter;
	int64_t qty, rate, base, amount;
	int64_t prev, cur, days, of_days, discount;
};
int pm_fee_how(const struct pm_fee_line *l, struct pm_buf *b);

/* What a unit owes: the sum over its bill lines of amount plus
 * adjustments less allocations of payments not voided (*owed), and its
 * credit: payments not voided less what they allocated (*credit). */
int pm_fee_balance(struct pm_db *db, int64_t unit_id, int64_t *owed, int64_t *credit,
		   struct pm_err *err);

/* What one bill line still owes. */
int pm_fee_line_owed(struct pm_db *db, int64_t bill_id, int64_t *owed, struct pm_err *err);

/* Apply the unit's credit (oldest payment first) to its open bill lines
 * (oldest period first), dated date.  *applied gets the amount used. */
int pm_fee_apply_credit(struct pm_db *db, int64_t unit_id, const char *date,
			int64_t *applied, struct pm_err *err);

/* Allocate up to amount of payment_id to the unit's open lines, oldest
 * first (only lines of the given item ids when nitems > 0), dated date;
 * *used gets what was allocated. */
int pm_fee_allocate(struct pm_db *db, int64_t payment_id, int64_t unit_id, int64_t amount,
		    const int64_t *items, size_t nitems, const char *date, int64_t *used,
		    struct pm_err *err);

/* The household archive's sections (lib/owner/archive.c): the unit's
 * bill lines, its payments, its deposits. */
int pm_fee_archive_bills(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);
int pm_fee_archive_payments(struct pm_db *db, int64_t unit_id, struct pm_out *out,
			    struct pm_err *err);
int pm_fee_archive_deposits(struct pm_db *db, int64_t unit_id, struct pm_out *out,
			    struct pm_err *err);

#endif
