/*
 * archive.h - the household archive (一户一档): one unit's whole file
 *
 * pm-owner show UNIT prints every section in pm_archive_sections, in
 * order: pm-owner's own (the unit, owners and their history, tenants,
 * residents, move-in and move-out, vehicles, pets, keys, visits) and
 * one or more from each other domain (tickets, bills and arrears,
 * renovations, survey answers).  A domain adds its part by writing an
 * archive function and listing it in archive.c; nothing else changes.
 *
 * A section function begins its own table with pm_out_begin(out, name,
 * ...) (its name is the section's json key, and its [heading] in tables),
 * writes the unit's rows and ends it.  It must write the section even
 * when empty, so scripts can rely on every key being there.
 */
#ifndef PM_ARCHIVE_H
#define PM_ARCHIVE_H

#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/out.h"

typedef int (*pm_archive_fn)(struct pm_db *db, int64_t unit_id, struct pm_out *out,
			     struct pm_err *err);

struct pm_archive_section {
	const char *name;   /* N_()-marked: json key and table heading */
	pm_archive_fn fn;
};

extern const struct pm_archive_section pm_archive_sections[];

/* Write every section for the unit. */
int pm_archive_write(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);

#endif
