/*
 * state.h - what pm-reno's parts share (internal to lib/reno)
 */
#ifndef PM_RENO_STATE_H
#define PM_RENO_STATE_H

#include <stdint.h>

#include "core/buf.h"
#include "core/db.h"
#include "core/err.h"
#include "core/time.h"

struct reno_state {
	int64_t id, unit_id, deposit_id, fee_bill_id;
	char no[24], status[12], start[PM_DATE_BUFSZ], end[PM_DATE_BUFSZ];
	char submitted[PM_TIME_BUFSZ];
	int round, paid;
};

/* Load renovation id. */
int reno_load(struct pm_db *db, int64_t id, struct reno_state *s, struct pm_err *err);

/* Log a step in reno_event and the audit log. */
int reno_event(struct pm_db *db, const struct reno_state *s, const char *event, int64_t staff_id,
	       const char *detail, struct pm_err *err);

/* Refuse a step in the wrong state: "Z2026-000001: why (its status is x)". */
int reno_refuse(const struct reno_state *s, const char *why, struct pm_err *err);

/* Store a file as an attachment of kind/owner; 66 when it cannot be
 * read, 65 when it is too large. */
int reno_attach(struct pm_db *db, const char *kind, int64_t owner, const char *path,
		struct pm_err *err);

/* A typed date, checked, into buf. */
int reno_date(const char *typed, const char *what, char buf[PM_DATE_BUFSZ], struct pm_err *err);

/* Free text: trimmed, limited, no control characters; what names it. */
int reno_text(const char *typed, const char *what, int required, struct pm_buf *out,
	      struct pm_err *err);

/* Normalize a typed record number ("l2026-1" stays as typed, upper-cased). */
void reno_number(const char *typed, char buf[24]);

#endif
