/*
 * pay.h - payments (收费), their receipts (收据) and voids
 *
 * A payment is allocated to the unit's open bill lines, oldest period
 * first (or only to lines of the items chosen); what is left over is the
 * unit's credit, used when its next line is raised.  Each payment gets a
 * receipt number from the yearly sequence "R" (R2026-000123), taken in
 * the same transaction, so a number is used once whatever runs at the
 * same time.  A mistaken payment is voided with a reason, never deleted:
 * its allocations stop counting from the void's date, which is in an
 * open month (a void of a closed month's payment lands in the month it
 * is made in).
 */
#ifndef PM_FEE_PAY_H
#define PM_FEE_PAY_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/db.h"
#include "core/err.h"
#include "core/out.h"
#include "core/seq.h"

struct pm_fee_pay {
	int64_t unit_id;
	const char *amount;        /* as typed: "1,234.50", "¥220" */
	const char *method;        /* pm_fee_methods key or alias */
	const char *payer;         /* who paid, when not the owner; may be NULL */
	const char *ref;           /* the bank's or app's transaction number; may be NULL */
	const char *date;          /* NULL: today */
	const char *const *items;  /* allocate only to these items (codes or names) */
	size_t nitems;
	int no_credit;             /* refuse more than the chosen lines owe */
};

struct pm_fee_paid {
	char receipt[PM_SEQ_BUFSZ];
	int64_t amount, allocated, credit;
	int existing;              /* ref was recorded before: nothing written */
};

/* Take a payment.  A ref seen before is not taken twice: *r describes
 * the earlier payment and existing is set (a re-run import is a no-op).
 * 65 for an amount that is not positive, a bad method, or (no_credit)
 * more than is owed. */
int pm_fee_pay(struct pm_db *db, const struct pm_fee_pay *p, struct pm_fee_paid *r,
	       struct pm_err *err);

/* Void the payment with receipt number receipt, with a reason.  65 when
 * there is no such receipt or it is void already. */
int pm_fee_void(struct pm_db *db, const char *receipt, const char *reason, struct pm_err *err);

/* The receipt as rows: one per allocated line, then the credit, with the
 * receipt's header fields on every row. */
int pm_fee_receipt(struct pm_db *db, const char *receipt, struct pm_out *out, struct pm_err *err);

/* The receipt as printable text, appended to text. */
int pm_fee_receipt_text(struct pm_db *db, const char *receipt, struct pm_buf *text,
			struct pm_err *err);

struct pm_fee_pay_filter {
	int64_t unit_id;           /* 0: all */
	const char *first, *last;  /* dates, inclusive; NULL: open */
	const char *method;        /* NULL: all */
};

/* List payments, oldest first. */
int pm_fee_payments(struct pm_db *db, const struct pm_fee_pay_filter *f, struct pm_out *out,
		    struct pm_err *err);

/* "贰佰壹拾元零贰分": fen in Chinese capital numerals, as receipts write
 * amounts (人民币大写), appended to b.  Negative amounts get "负". */
int pm_fee_capital(int64_t fen, struct pm_buf *b);

/* Receipt numbers starting with prefix, for shell completion: the ones
 * not voided first, then the latest. */
int pm_fee_receipt_complete(struct pm_db *db, const char *prefix, struct pm_out *out,
			    struct pm_err *err);

#endif
