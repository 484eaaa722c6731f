/*
 * unit.h - units (房屋): finding them, their status, their owners
 *
 * What other domains need of pm-owner's records.  A unit is named on
 * the command line however the clerk writes it ("3栋2单元1501"); it is
 * normalized (validate.h) and looked up here.
 *
 * Status is derived, never stored:
 *   unsold    no current owner
 *   rented    a lease in force today
 *   occupied  moved in: the last move-in is later than any move-out, and
 *             whoever moved in still owns the unit that day (a sale, or
 *             a roll's new owner, ends the seller's occupancy on its
 *             date: no move-out is needed for the buyer to move in)
 *   vacant    owned, not moved in, not let
 */
#ifndef PM_UNIT_H
#define PM_UNIT_H

#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/keyword.h"
#include "core/out.h"

extern const struct pm_keyword pm_unit_types[];
extern const struct pm_keyword pm_unit_statuses[];

/* The SQL expression of a unit's status, for lib queries that alias the
 * unit table "u" and bind today's date to the parameter :today. */
#define PM_UNIT_STATUS_SQL \
	"(CASE WHEN NOT EXISTS (SELECT 1 FROM ownership o WHERE o.unit_id = u.id AND o.until IS NULL)" \
	"   THEN 'unsold'" \
	" WHEN EXISTS (SELECT 1 FROM lease l WHERE l.unit_id = u.id AND l.start <= :today" \
	"   AND (l.end_on IS NULL OR l.end_on >= :today) AND (l.ended IS NULL OR l.ended > :today))" \
	"   THEN 'rented'" \
	" WHEN EXISTS (SELECT 1 FROM (SELECT m.date, m.person_id FROM movein m" \
	"     WHERE m.unit_id = u.id AND m.date <= :today ORDER BY m.date DESC, m.id DESC LIMIT 1) m" \
	"   WHERE m.date > coalesce((SELECT max(date) FROM moveout x WHERE x.unit_id = u.id" \
	"     AND x.date <= :today), '')" \
	"   AND (m.person_id IS NULL OR EXISTS (SELECT 1 FROM ownership o WHERE o.unit_id = u.id" \
	"     AND o.person_id = m.person_id AND (o.until IS NULL OR o.until > :today))))" \
	"   THEN 'occupied'" \
	" ELSE 'vacant' END)"

/* Find the unit written as typed.  *id is its row; code (when not NULL)
 * gets the normalized code, malloc'ed.  65 with the reason when typed is
 * not a unit code, 65 "no unit 'x'" when there is no such unit. */
int pm_unit_find(struct pm_db *db, const char *typed, int64_t *id, char **code,
		 struct pm_err *err);

/* The unit's code, malloc'ed. */
int pm_unit_code(struct pm_db *db, int64_t id, char **code, struct pm_err *err);

/* Its status today (a static key of pm_unit_statuses). */
int pm_unit_status(struct pm_db *db, int64_t id, const char **status, struct pm_err *err);

/* The current owners' names joined by "、" and the first owner's phone,
 * both malloc'ed ("" when unsold); for letters, notices and lists. */
int pm_unit_owners(struct pm_db *db, int64_t id, char **names, char **phone,
		   struct pm_err *err);

/* Is person_id a current owner (1) or a tenant under a lease in force
 * today (2) of the unit?  0 when neither. */
int pm_unit_party(struct pm_db *db, int64_t unit_id, int64_t person_id, int *party,
		  struct pm_err *err);

/* Every unit code starting with prefix, one a row: completion. */
int pm_unit_complete(struct pm_db *db, const char *prefix, struct pm_out *out,
		     struct pm_err *err);

/* A unit as typed by hand (pm-owner unit add|set).  NULL: not given. */
struct pm_unit_in {
	const char *code;
	const char *type;
	const char *area[3];      /* building, usable, land share: "89.37" */
	const char *use, *facilities, *parking, *remark;
};

/* Add a unit (65 when the code exists or a value is bad). */
int pm_unit_add(struct pm_db *db, const struct pm_unit_in *u, struct pm_err *err);
/* Change the given fields of an existing unit. */
int pm_unit_set(struct pm_db *db, const struct pm_unit_in *u, struct pm_err *err);

#endif
