/*
 * err.h - how lib reports failure, and the exit statuses cmd turns it into
 *
 * lib never prints and never exits.  A function that can fail takes a
 * struct pm_err *, fills it and returns -1 (or NULL); the command prints
 * the message as "prog: message" and exits with err.code.  The codes are
 * sysexits(3) values, which argp, mail and cron tooling already speak;
 * every man page documents the same table (see pm(7), EXIT STATUS).
 */
#ifndef PM_ERR_H
#define PM_ERR_H

#include <stdarg.h>

enum pm_exit {
	PM_EXIT_OK = 0,
	PM_EXIT_FOUND = 1,      /* a checking verb found something */
	PM_EXIT_USAGE = 64,     /* bad options or arguments */
	PM_EXIT_DATA = 65,      /* invalid input data; nothing written */
	PM_EXIT_NOINPUT = 66,   /* an input file cannot be opened */
	PM_EXIT_SOFTWARE = 70,  /* an internal error: a bug */
	PM_EXIT_OSERR = 71,     /* out of memory, or another system error */
	PM_EXIT_CANTCREAT = 73, /* an output file cannot be created */
	PM_EXIT_IO = 74,        /* read or write failed (full disk, closed pipe) */
	PM_EXIT_BUSY = 75,      /* the database is busy: try again */
	PM_EXIT_CONFIG = 78,    /* not our database, or a newer schema */
};

struct pm_err {
	int code;  /* an enum pm_exit value; 0 while nothing failed */
	char *msg; /* owned; NULL when unset or when even it could not be allocated */
};

/* Set err (replacing an earlier message) and return -1, so that
 * "return pm_err_set(err, ...)" reads naturally.  err may be NULL. */
int pm_err_set(struct pm_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int pm_err_vset(struct pm_err *err, int code, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* Out of memory: sets PM_EXIT_OSERR without allocating; returns -1. */
int pm_err_oom(struct pm_err *err);

/* Prefix the message with "prefix: " (for context added on the way up). */
int pm_err_prefix(struct pm_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The message, never NULL. */
const char *pm_err_msg(const struct pm_err *err);

/* Free the message and reset the code to 0. */
void pm_err_clear(struct pm_err *err);

#endif
