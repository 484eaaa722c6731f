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

#endif
