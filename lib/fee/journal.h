/*
 * journal.h - the cash journal (现金日记账), hand-overs to finance, the
 * monthly close (月结), and the books' invariants
 *
 * The cash journal is every movement of cash at the desk, by date: cash
 * payments in, voids of cash payments out, cash deposits in, cash
 * refunds out, and the hand-overs of cash to finance out.  Its balance
 * is the cash the desk holds: opening + receipts - paid out -
 * hand-overs = closing, day by day.
 *
 * Closing a month records its totals (by payment method, by item, the
 * cash journal's, the deposits', what was billed) and locks the books up
 * to its end: nothing dated in or before it can be added or changed (the
 * schema's triggers refuse it), so a correction made later goes into the
 * month it is made in, and the month's totals recomputed at any time
 * equal what the close recorded.
 */
#ifndef PM_FEE_JOURNAL_H
#define PM_FEE_JOURNAL_H

#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/out.h"
#include "core/seq.h"

/* The journal from first to last (dates): an opening row, each movement
 * with the running balance, a closing row.  *closing gets the closing
 * balance. */
int pm_fee_journal(struct pm_db *db, const char *first, const char *last, struct pm_out *out,
		   int64_t *closing, struct pm_err *err);

struct pm_fee_handed {
	char no[PM_SEQ_BUFSZ];
	char date[11];
	int64_t amount;
	int64_t opening;      /* cash at the desk before the day */
	int64_t received;     /* the day's cash receipts */
	int64_t paid_out;     /* the day's cash voids and refunds */
	int64_t handed;       /* handed over that day, this one included */
	int64_t left;         /* opening + received - paid_out - handed */
};

/* Hand cash to finance: to is a current staff member with the finance
 * role; amount as typed, or NULL for all the cash held; date NULL for
 * today.  65 when there is no cash or more is handed over than is held. */
int pm_fee_handover(struct pm_db *db, const char *to, const char *amount, const char *date,
		    const char *note, struct pm_fee_handed *h, struct pm_err *err);

/* The month's totals ("2026-11"), computed from the books: rows of
 * what, key, amount.  With stored, the totals the close recorded
 * instead (65 when the month is not closed). */
int pm_fee_totals(struct pm_db *db, const char *month, int stored, struct pm_out *out,
		  struct pm_err *err);

/* Close month: record its totals, lock it, and write the totals.  65 when
 * it is closed already, has not ended (the last day counts as ended), or
 * an earlier month with entries is still open. */
int pm_fee_close(struct pm_db *db, const char *month, struct pm_out *out, struct pm_err *err);

/* Check the books: every line owes between nothing and its amount, no
 * payment allocates more than it is, every receipt number of every year
 * is used once with no gaps, every refund plus its deductions is its
 * deposit, and every closed month's totals recomputed equal the ones
 * recorded.  One row per check (check, result); *problems counts those
 * that failed. */
int pm_fee_check(struct pm_db *db, struct pm_out *out, long *problems, struct pm_err *err);

/* The same checks, each row handed to fn instead of a table: check is
 * its name, result "ok" or what is wrong (translated), bad 1 when it
 * failed.  fn's return is not looked at: a function that can fail
 * keeps its own error for after the call (pm-admin check --invariants
 * reads the books this way). */
typedef int pm_fee_check_fn(void *arg, const char *check, const char *result, int bad);
int pm_fee_check_each(struct pm_db *db, pm_fee_check_fn *fn, void *arg, long *problems,
		      struct pm_err *err);

#endif
