/*
 * maint.h - keeping the database file sound: backup and check
 */
#ifndef PM_MAINT_H
#define PM_MAINT_H

#include "core/db.h"
#include "core/err.h"
#include "core/out.h"

/* Copy the database to dest with SQLite's online backup API: a
 * consistent snapshot even while others write (never copy a live file).
 * Written to a temporary file beside dest, synced, then renamed, so a
 * crash never leaves a half backup under dest's name.  dest must not
 * exist unless overwrite.  73 when dest cannot be created. */
int pm_db_backup(struct pm_db *db, const char *dest, int overwrite, struct pm_err *err);

/* Run integrity_check and foreign_key_check, the file's mode, the
 * settings, then the invariants (invariants.h); write one row per
 * finding (or one "ok" row per check) to out; *problems counts the
 * findings. */
int pm_db_check(struct pm_db *db, struct pm_out *out, long *problems, struct pm_err *err);

/* Only the invariants, as a table of the same columns. */
int pm_db_check_invariants(struct pm_db *db, struct pm_out *out, long *problems,
			   struct pm_err *err);

#endif
