/*
 * owner.h - pm-owner's domain: the household archive sections, and the
 * lists and registers built from units, people and their ties
 */
#ifndef PM_OWNER_H
#define PM_OWNER_H

#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/out.h"

/* pm-owner's sections of the household archive (archive.h). */
int pm_owner_archive_unit(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);
int pm_owner_archive_owners(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);
int pm_owner_archive_tenants(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);
int pm_owner_archive_residents(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);
int pm_owner_archive_moves(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);
int pm_owner_archive_vehicles(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);
int pm_owner_archive_pets(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);
int pm_owner_archive_keys(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);
int pm_owner_archive_visits(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);

/* pm-owner list: which units.  NULL/0 fields do not filter. */
struct pm_unit_filter {
	const char *building;
	const char *type;       /* a pm_unit_types key or alias */
	const char *status;     /* a pm_unit_statuses key or alias */
	int moved_in;           /* 1 moved in (occupied or rented), -1 not, 0 either */
	const char *owner;      /* part of a current owner's name */
	const char *phone;      /* a full phone number, or its last four digits */
};

/* One row per unit, in building, entrance, floor and room order. */
int pm_owner_list(struct pm_db *db, const struct pm_unit_filter *f, struct pm_out *out,
		  struct pm_err *err);

#endif
