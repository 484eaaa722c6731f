/*
 * staff.h - the staff register: who works at the estate, in which
 * department and role, from when to when
 *
 * Every binary assigns, reviews and counts by these people.  A person is
 * named by name; two current staff cannot share a name (add a mark to
 * one: 张伟(工程)).  Workflow rules that need a role (only a manager
 * gives the second renovation review) call pm_staff_require(): a check
 * of the register, not a security boundary.
 */
#ifndef PM_STAFF_H
#define PM_STAFF_H

#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/keyword.h"
#include "core/out.h"

extern const struct pm_keyword pm_staff_roles[];
extern const struct pm_keyword pm_staff_depts[];

struct pm_staff {
	const char *name;
	const char *dept;    /* a pm_staff_depts key or alias */
	const char *role;    /* a pm_staff_roles key or alias */
	const char *phone;
	const char *area;    /* buildings or route */
	const char *joined;  /* a date; NULL for today */
};

/* Add someone; *id gets the new row.  65 for a bad role, department,
 * phone or date, or a name already taken by current staff. */
int pm_staff_add(struct pm_db *db, const struct pm_staff *s, int64_t *id, struct pm_err *err);

/* Change the non-NULL fields of s for the current staff member `name`
 * (s->name, when set, renames). */
int pm_staff_set(struct pm_db *db, const char *name, const struct pm_staff *s,
		 struct pm_err *err);

/* Record that `name` left on date (NULL: today). */
int pm_staff_leave(struct pm_db *db, const char *name, const char *date, struct pm_err *err);

/* List staff: current only unless all; role and dept filter when set. */
int pm_staff_list(struct pm_db *db, int all, const char *role, const char *dept,
		  struct pm_out *out, struct pm_err *err);

/* The current staff member called name: *id and (if role) *role, a
 * static key.  65 "no current staff member 'x'" when there is none. */
int pm_staff_find(struct pm_db *db, const char *name, int64_t *id, const char **role,
		  struct pm_err *err);

/* As pm_staff_find, and 65 unless the person's role is one of roles
 * ('|'-separated keys); what says what needed the role. */
int pm_staff_require(struct pm_db *db, const char *name, const char *roles,
		     const char *what, int64_t *id, struct pm_err *err);

/* Names of current staff starting with prefix, for shell completion. */
int pm_staff_complete(struct pm_db *db, const char *prefix, struct pm_out *out,
		      struct pm_err *err);

#endif
