/*
 * deposit.h - deposits (押金): taken, held, refunded less deductions
 *
 * A deposit is money held for the estate, not fee income: it never
 * counts as collected, never pays a bill, and is reported apart.  It is
 * taken once (numbered from the yearly sequence "D": D2026-000001) and
 * refunded once, less deductions each with its reason; what was
 * deducted plus what was refunded is what was taken.  Cash deposits
 * and cash refunds go through the cash journal.
 *
 * pm-reno keeps a renovation's deposit here (kind "reno"): it calls
 * pm_deposit_take() when the contractor pays and pm_deposit_refund()
 * when the work is accepted, inside its own transaction, so the deposit
 * ledger and the renovation agree at every step.  Like the rest of
 * pm-fee these run inside the caller's transaction and audit their
 * writes.
 */
#ifndef PM_FEE_DEPOSIT_H
#define PM_FEE_DEPOSIT_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/keyword.h"
#include "core/out.h"
#include "core/seq.h"

extern const struct pm_keyword pm_deposit_kinds[];  /* reno key other */

struct pm_deposit {
	int64_t unit_id;
	const char *kind;     /* pm_deposit_kinds key or alias */
	int64_t amount;       /* fen, > 0 */
	const char *method;   /* pm_fee_methods key or alias */
	const char *payer;    /* who paid it (a contractor, ...); may be NULL */
	const char *purpose;  /* what it secures; may be NULL */
	const char *date;     /* NULL: today */
};

/* Take a deposit: *id and no ("D2026-000001") get the new record. */
int pm_deposit_take(struct pm_db *db, const struct pm_deposit *d, int64_t *id,
		    char no[PM_SEQ_BUFSZ], struct pm_err *err);

struct pm_deduction {
	int64_t amount;       /* fen, > 0 */
	const char *reason;   /* never empty */
};

/* Refund deposit id once: its amount less the deductions (which may
 * not exceed it), paid back by method, today.  *refunded gets what was
 * paid back.  65 when refunded already or the deductions are too large
 * or lack a reason. */
int pm_deposit_refund(struct pm_db *db, int64_t id, const struct pm_deduction *ded, size_t n,
		      const char *method, int64_t *refunded, struct pm_err *err);

/* The state of a deposit. */
struct pm_deposit_state {
	char no[PM_SEQ_BUFSZ];
	int64_t unit_id, amount, deducted, refund;
	int refunded;         /* 1 once refunded */
};
int pm_deposit_get(struct pm_db *db, int64_t id, struct pm_deposit_state *s, struct pm_err *err);

/* The deposit numbered no (case and spaces forgiven): *id.  65 when none. */
int pm_deposit_find(struct pm_db *db, const char *no, int64_t *id, struct pm_err *err);

/* List deposits: held only (not yet refunded) when held, of one unit
 * when unit_id > 0, of one kind when kind. */
int pm_deposit_list(struct pm_db *db, int held, int64_t unit_id, const char *kind,
		    struct pm_out *out, struct pm_err *err);

/* The deductions of one deposit. */
int pm_deposit_deductions(struct pm_db *db, int64_t id, struct pm_out *out, struct pm_err *err);

#endif
