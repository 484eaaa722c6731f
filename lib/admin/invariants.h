/*
 * invariants.h - the rules across records that no single write can check
 *
 * Each rule is a name (the `check` column of pm-admin check, stable
 * snake_case), a translatable description, and either one SQL query or
 * a C function.  A query takes ?1, now as the estate-local time text the
 * schema stores ("2026-11-30T09:00:00"), and returns one row per
 * violation: the record it names (a unit code, a ticket or receipt
 * number, a date), the index of the rule's message, and that message's
 * arguments, all text.  Names of people only: never an ID or phone
 * number.
 */
#ifndef PM_INVARIANTS_H
#define PM_INVARIANTS_H

#include <stddef.h>

#include "core/buf.h"
#include "core/db.h"
#include "core/err.h"
#include "core/out.h"

#define PM_INVARIANT_ARGS 4  /* message arguments a query may return */
#define PM_INVARIANT_MSGS 8  /* messages a rule may choose between */

struct pm_invariant {
	const char *name;                      /* snake_case, the check column */
	const char *desc;                      /* N_()-marked, one line */
	const char *sql;                       /* or NULL for fn */
	const char *msg[PM_INVARIANT_MSGS];    /* N_()-marked printf formats of %s */
	/* a rule SQL cannot say: call report(arg, record, message) per
	 * violation; -1 with err on failure */
	int (*fn)(struct pm_db *db, int (*report)(void *, const char *, const char *),
		  void *arg, struct pm_err *err);
};

extern const struct pm_invariant pm_invariants[];
extern const size_t pm_ninvariants;

/* Check every rule against db as of now ($PM_NOW aware): one row
 * (check, result) per violation, result "RECORD: message", or one
 * "NAME,ok" row for a rule with none, into the table out has begun.
 * *problems counts the violations.  A file too damaged to read (78)
 * when *problems is already non-zero becomes a "not checked" row, so a
 * check of a damaged file reports instead of failing; so does a file
 * whose schema is older than this binary's (check does not migrate). */
int pm_invariants_check(struct pm_db *db, struct pm_out *out, long *problems,
			struct pm_err *err);

/* Write fmt to b with each %s (or %N$s, N from 1, as a translation may
 * reorder them) replaced by args[i] ("?" for NULL) and %% by %.  -1 on
 * an other directive, an argument beyond n, or out of memory.  Rules'
 * messages are formats from a table, so printf (which wants literal
 * formats to check) is not used on them. */
int pm_invariant_format(struct pm_buf *b, const char *fmt, const char *const *args, size_t n);

#endif
