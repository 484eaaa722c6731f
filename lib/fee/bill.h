/*
 * bill.h - raising bills, one-off charges, adjustments, and listing lines
 *
 * pm_fee_bill raises, for every current item, each of its periods whose
 * first day falls in the span given (bill --period 2026-11 raises the
 * monthly items' 2026-11, the quarterly items' 2026Q4 when that starts
 * in November, a heating season starting in November ...), one line per
 * applicable unit: a unit of one of the item's types that has moved in
 * on or before the period's last day.  Idempotent: a line exists at most
 * once per unit, item and period (a second run adds nothing).
 *
 * Amounts, by the one rounding rule (money.h), each step rounded to the
 * fen half up and kept on the line:
 *   base     qty x rate           (area m2, 1 unit, spaces, consumption)
 *   pro rata base x days / of_days  when the unit moved in after the
 *                                   period's first day and the setting
 *                                   fee.movein_billing is "days"
 *   vacant   that x (100 - p) / 100  for area items when the unit is
 *                                   vacant (moved out, not let) on the
 *                                   period's last day and the setting
 *                                   fee.vacant_discount_percent p > 0
 * Area, unit and space items are billed by one INSERT ... SELECT per
 * period; metered items per unit, from the readings (reading.h).  After
 * billing, any unit with credit has it applied to its open lines.
 */
#ifndef PM_FEE_BILL_H
#define PM_FEE_BILL_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/out.h"
#include "core/time.h"

struct pm_fee_bill_run {
	struct pm_period span;   /* bill the periods starting within it */
	const char *item;        /* only this item (code or name), or NULL */
	const int64_t *units;    /* only these units, or NULL for all */
	size_t nunits;
};

/* Raise the bills; write one row per item period: item, period, bills
 * (lines added now), amount (their total), skipped (units the period
 * applies to that still have no line: no area, no new reading). */
int pm_fee_bill(struct pm_db *db, const struct pm_fee_bill_run *r, struct pm_out *out,
		struct pm_err *err);

/* A one-off charge of a fixed item (装修管理费 ...): qty (x100, typed;
 * NULL for 1) at the item's rate, or amount when given; *bill_id gets
 * the line.  The unit's credit is applied to it. */
int pm_fee_charge(struct pm_db *db, int64_t unit_id, const char *item, const char *qty,
		  const char *amount, const char *note, int64_t *bill_id, struct pm_err *err);

/* Correct the unit's line for item and period by a signed amount, with
 * a reason, dated today (in an open month).  A line never owes less
 * than nothing: reduce it below what was paid and the payment must be
 * voided first (65). */
int pm_fee_adjust(struct pm_db *db, int64_t unit_id, const char *item, const char *period,
		  const char *amount, const char *reason, struct pm_err *err);

struct pm_fee_bill_filter {
	int64_t unit_id;         /* 0: every unit */
	const char *item;        /* NULL: every item */
	const char *first, *last;  /* lines whose period starts within; NULL: open */
	int open;                /* only lines that still owe something */
};

/* List bill lines, with what they owe and how they were computed. */
int pm_fee_bills(struct pm_db *db, const struct pm_fee_bill_filter *f, struct pm_out *out,
		 struct pm_err *err);

#endif
