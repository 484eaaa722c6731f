/*
 * report.h - arrears and their age, reminder letters, statements, the
 * collection rate
 *
 * Age: a line's age in months is the number of months from the month its
 * period starts to this month (a line for 2026-11 is 0 in November 2026,
 * 1 in December).  The buckets: current (0: this period; and periods not
 * yet begun), 1-3 months, 4-6, 7-12, and over a year (13 and more: 陈欠).
 */
#ifndef PM_FEE_REPORT_H
#define PM_FEE_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/out.h"
#include "core/time.h"

struct pm_fee_arrears_opts {
	int64_t min;            /* only units owing at least this (fen); 0: all */
	int older_than;         /* only units owing something older than N months; -1: all */
	int by_building;        /* one row per building instead of per unit */
	const int64_t *units;   /* only these units, or NULL */
	size_t nunits;
};

/* Arrears per unit (or building) with aging buckets: unit, owner,
 * current, months_1_3, months_4_6, months_7_12, over_year, total, oldest. */
int pm_fee_arrears(struct pm_db *db, const struct pm_fee_arrears_opts *o, struct pm_out *out,
		   struct pm_err *err);

/* The reminder letters (催缴通知) for mail merge, one row per unit owing:
 * unit, owner, phone, items, periods, amounts (each "; "-separated, item
 * by item), total, oldest, date. */
int pm_fee_letters(struct pm_db *db, const struct pm_fee_arrears_opts *o, struct pm_out *out,
		   struct pm_err *err);

/* The unit's account from since to until (dates; NULL: open): an opening
 * balance, each line, adjustment, payment and void with the running
 * balance (what the unit owes; negative is credit), and the closing
 * balance. */
int pm_fee_statement(struct pm_db *db, int64_t unit_id, const char *since, const char *until,
		     struct pm_out *out, struct pm_err *err);

/* The collection rate (收缴率) for the lines whose period starts within
 * span: billed (with adjustments), collected (to date), outstanding,
 * rate in percent, and recovered: old arrears (lines of earlier periods)
 * paid within span.  by: NULL for one row, "building" or "item". */
int pm_fee_rate(struct pm_db *db, const struct pm_period *span, const char *by,
		struct pm_out *out, struct pm_err *err);

#endif
