/*
 * audit.h - who wrote what, when
 *
 * Every write leaves a row in the audit table, in the same transaction
 * as the write itself: when (estate-local time, $PM_NOW aware), the
 * login name, the declared clerk ($PM_USER, for a desk sharing one
 * account), which binary and verb, which record ("unit 3-2-1501",
 * "ticket T2026-000123"), and what changed.  Phone and ID numbers are
 * never written to it in full: callers pass masked values.
 */
#ifndef PM_AUDIT_H
#define PM_AUDIT_H

#include "db.h"
#include "err.h"
#include "out.h"

/* Set once by the command at start-up: the binary and verb, and who.
 * login NULL means: look it up (getpwuid, then $LOGNAME / $USER). */
void pm_audit_actor(const char *prog, const char *verb, const char *login,
		    const char *clerk);
const char *pm_audit_login(void);
const char *pm_audit_clerk(void);   /* NULL when none was declared */
/* The clerk if declared, else the login: the person a record names. */
const char *pm_audit_who(void);

/* Record one write.  record and change may be NULL. */
int pm_audit(struct pm_db *db, const char *record, const char *change, struct pm_err *err);
int pm_auditf(struct pm_db *db, const char *record, struct pm_err *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

struct pm_audit_filter {
	const char *since, *until;  /* local dates, inclusive; NULL for open */
	const char *who;            /* login or clerk */
	const char *prog;           /* binary */
	const char *record;         /* substring of the record */
	long limit;                 /* 0: all */
};

/* Write the audit log, oldest first, through out. */
int pm_audit_list(struct pm_db *db, const struct pm_audit_filter *f, struct pm_out *out,
		  struct pm_err *err);

#endif
