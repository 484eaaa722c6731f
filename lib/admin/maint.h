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
 * crash never leaves a half backup under dest's name; the temporary
 * files a killed backup left beside dest ("DEST.tmp-XXXXXX", not in use)
 * are removed first.  dest must not exist unless overwrite.  73 when
 * dest cannot be created. */
int pm_db_backup(struct pm_db *db, const char *dest, int overwrite, struct pm_err *err);

/* What pm_db_restore did. */
struct pm_restore {
	int force;     /* in: restore even when foreign_key_check finds rows */
	char *aside;   /* out: where the old database was kept (malloc'ed), or
			* NULL when there was none; the caller frees it */
	int from;      /* out: the backup's schema version */
	int version;   /* out: the database's schema version after migrating */
};

/*
 * Put the pm-tools database file back in place of the database at path,
 * and keep the old one aside.  Before anything is touched, file must be
 * a readable regular file (else 66), not the database nor its -wal,
 * -shm or -journal (73), and a pm-tools database of a schema this
 * program knows that passes integrity_check and foreign_key_check
 * (else 78; foreign key findings are let through with r->force).
 *
 * Then, with the database opened as every command opens it (created
 * when missing): its write lock is taken (busy: 75, nothing done), the
 * old database is backed up to "PATH.before-restore-YYYYMMDDTHHMMSS"
 * (estate time; "-2", "-3", ... when that exists) and, under the same
 * lock, file's pages are written into it with SQLite's online backup
 * API, as one transaction through its own -wal: readers see the old
 * database or the new one, never a mix, and a stale -wal cannot damage
 * it.  An older schema is migrated, and the restore is put on the
 * (restored) audit log.  A failure before the restore is committed
 * leaves the database as it was and removes the copy aside.
 */
int pm_db_restore(const char *path, const char *file, struct pm_restore *r, struct pm_err *err);

/* Run integrity_check and foreign_key_check, the file's mode, the
 * settings, then the invariants (invariants.h); write one row per
 * finding (or one "ok" row per check) to out; *problems counts the
 * findings. */
int pm_db_check(struct pm_db *db, struct pm_out *out, long *problems, struct pm_err *err);

/* Only the invariants, as a table of the same columns. */
int pm_db_check_invariants(struct pm_db *db, struct pm_out *out, long *problems,
			   struct pm_err *err);

#endif
