/*
 * outfile.h - a file a command writes whole, and what it must never replace
 *
 * A report written to a named file (import --errors, survey --svg) goes
 * to a temporary file beside the name and is renamed over it at the
 * end, so no reader sees half of it.  But a rename replaces whatever
 * has that name: the live database, its -wal, the roll being imported,
 * a device node (as root, /dev/stdout becomes a regular file).  Every
 * such option goes through here, and refuses those with 73 before
 * anything is written:
 *
 *   - the database, by file identity (a hard link or a symlink to it
 *     counts) and by name, and its -wal, -shm and -journal by name too,
 *     since they may not exist while no command runs;
 *   - the input the command is reading (not for "-");
 *   - anything that exists and is not a regular file.
 */
#ifndef PM_OUTFILE_H
#define PM_OUTFILE_H

#include <stdio.h>

#include "err.h"

/* What a named output must not be. */
struct pm_outfile_guard {
	const char *option; /* for messages: "--errors" */
	const char *db;     /* the database's path, or NULL */
	const char *input;  /* the file being read, or NULL or "-" */
};

struct pm_outfile {
	char *path; /* the name given (not owned) */
	char *tmp;  /* the temporary file beside it */
	FILE *fp;   /* open for writing */
};

/* 0 when path may be replaced; -1 with err 73 saying what path is. */
int pm_outfile_check(const char *path, const struct pm_outfile_guard *g, struct pm_err *err);

/* Check path, then open a temporary file beside it: mode 0600 (it
 * may hold personal data), or with shared what a new file gets under
 * the umask.  -1 with err 73 (refused or cannot create), 71. */
int pm_outfile_open(struct pm_outfile *o, const char *path, const struct pm_outfile_guard *g,
    int shared, struct pm_err *err);

/* Flush, sync, and rename it over the name (after checking the name
 * again: it may have changed meanwhile).  Frees o either way.  -1 with
 * err 74 (a write failed) or 73. */
int pm_outfile_commit(struct pm_outfile *o, const struct pm_outfile_guard *g, struct pm_err *err);

/* Throw the temporary file away and free o; nothing is renamed. */
void pm_outfile_abort(struct pm_outfile *o);

/* Remove what a killed writer of path left behind: the temporary files
 * "PATH.tmp-XXXXXX" beside it (exactly six letters or digits, as
 * mkstemp makes them; with any_middle, "PATHanything.tmp-XXXXXX") that
 * are regular files, last changed before this call and locked by no
 * process (a writer still at work holds SQLite's lock on its file).
 * Best effort: a file that cannot be removed stays.  The number
 * removed. */
int pm_outfile_sweep(const char *path, int any_middle);

#endif
