/*
 * ties.h - the ties between people and units that change over time:
 * ownership (transfers), leases (租赁) and household members
 *
 * Nothing is overwritten: a transfer ends the current ownership rows on
 * its date and starts new ones; a lease that stops early gets an end
 * date; a resident who leaves gets an until date.  Each function works
 * inside the caller's write transaction and audits what it does.
 */
#ifndef PM_TIES_H
#define PM_TIES_H

#include "core/db.h"
#include "core/err.h"
#include "core/keyword.h"
#include "person.h"

extern const struct pm_keyword pm_ownership_hows[];
extern const struct pm_keyword pm_resident_relations[];

struct pm_transfer {
	const char *unit;
	struct pm_person_in to;
	const char *date;      /* NULL: today */
	const char *how;       /* purchase, transfer, inheritance, gift, court; NULL: transfer */
	const char *share;     /* percent, or NULL */
	int co_owner;          /* add beside the current owners instead of replacing them */
};

/* Record a change of ownership: the current owners' rows end on the
 * date the new owner's begins (not with co_owner).  65 when the date is
 * before the current owners' own, the new owner already owns the unit,
 * or a co-owner's share would bring the stated shares above 100%. */
int pm_owner_transfer(struct pm_db *db, const struct pm_transfer *t, struct pm_err *err);

struct pm_lease_in {
	const char *unit;
	struct pm_person_in tenant;
	const char *start, *end;   /* start required; end may be NULL (open) */
	const char *decoration, *remark;
};

/* Record a lease.  65 when it would overlap another lease of the unit
 * (one not ended before the new one starts, nor cancelled). */
int pm_lease_add(struct pm_db *db, const struct pm_lease_in *l, struct pm_err *err);

/* Cancel the leases of unit (of tenant, when not NULL) that start after
 * today: each is ended on its start, so it is never in force, and
 * "cancelled: reason" is added to its remark (reason may be NULL).  65
 * when there is none. */
int pm_lease_cancel(struct pm_db *db, const char *unit, const char *tenant, const char *reason,
		    struct pm_err *err);

/* End the leases in force of unit (of tenant, when not NULL) on date
 * (NULL: today).  65 when there is none. */
int pm_lease_end(struct pm_db *db, const char *unit, const char *tenant, const char *date,
		 struct pm_err *err);

struct pm_resident_in {
	const char *unit;
	struct pm_person_in who;
	const char *relation;
	const char *since;         /* NULL: today */
};

int pm_resident_add(struct pm_db *db, const struct pm_resident_in *r, struct pm_err *err);
int pm_resident_remove(struct pm_db *db, const char *unit, const char *name, const char *date,
		       struct pm_err *err);

/* A date option: today when s is NULL; 65 naming opt when malformed.
 * buf gets "YYYY-MM-DD". */
int pm_owner_date(const char *s, const char *opt, char buf[11], struct pm_err *err);

#endif
