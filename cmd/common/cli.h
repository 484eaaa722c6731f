/*
 * cli.h - what every pm-* front end shares: verbs, common options,
 * reporting, exit status
 *
 * Each binary is a table of verbs (git style: "pm-admin staff add").
 * pm_cli_main() picks the verb, handles "help VERB", --help and
 * --version, and after the verb has run checks that stdout was really
 * written (a full disk is exit 74, not a short file).
 *
 * The common options (--db, -o/--format, --no-header, --excel, --reveal)
 * are one argp child that every verb includes; they may come before or
 * after the verb.
 */
#ifndef PM_CLI_H
#define PM_CLI_H

#include <argp.h>
#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/out.h"
#include "core/time.h"

struct pm_cli {
	const char *prog;    /* "pm-owner", from argv[0] */
	const char *verb;    /* "import"; "staff add" for nested verbs */
	const char *db_opt;  /* --db */
	struct pm_outopts out;
	int complete;        /* answering __complete: see complete.h */
	int saved;           /* pm_cli_end committed: a later write error must say so */
};
extern struct pm_cli pm_cli;

/* The common options, for a verb's struct argp children. */
extern const struct argp_child pm_cli_children[];

struct pm_verb {
	const char *name;
	int (*run)(int argc, char **argv);  /* argv[0] is "prog verb" */
	const char *summary;                /* N_()-marked */
};

/* The whole program: returns the exit status for main(). */
int pm_cli_main(int argc, char **argv, const struct pm_verb *verbs, const char *doc);

/* A verb with verbs of its own ("pm-admin staff add"): dispatch argv
 * (argv[0] being "prog verb") to one of subs; with no sub-verb given,
 * default_verb runs when not NULL (common options still apply). */
int pm_cli_sub(int argc, char **argv, const struct pm_verb *subs, const char *doc,
	       const char *default_verb);

/* Parse a verb's options (argp errors exit 64 as argp does). */
void pm_cli_parse(const struct argp *argp, int argc, char **argv, void *input);

/* Print "prog: message" for err, clear it and return its exit status. */
int pm_cli_fail(struct pm_err *err);
/* Print "prog: message" (a warning or a note; not an error). */
void pm_cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Open the database from --db / $PM_DB / the default.  0, or the exit
 * status after reporting. */
int pm_cli_open(struct pm_db **db);
/* The same, creating the database when it is missing: pm-admin init
 * only; every other verb exits 66 on a missing file. */
int pm_cli_create(struct pm_db **db);

/* A listing with --reveal shows phone (and ID) numbers in full: a
 * disclosure, put on the audit log (who saw them, when; record says
 * whose, what says what) in its own transaction before anything is
 * printed.  Without --reveal nothing.  0, or the exit status, having
 * reported and closed db. */
int pm_cli_audit_reveal(struct pm_db *db, const char *record, const char *what);

/* A write in two halves, for verbs that do more than one call:
 * pm_cli_begin opens the database and takes the write lock (BEGIN
 * IMMEDIATE); pm_cli_end commits unless failed (or rolls back when dry),
 * closes, and reports err when failed.  Each returns 0 or the exit
 * status, having reported. */
int pm_cli_begin(struct pm_db **db);
int pm_cli_end(struct pm_db *db, int failed, int dry, struct pm_err *err);

/* Run fn(db, arg, err) as one write: open the database, BEGIN
 * IMMEDIATE, fn, COMMIT -- or ROLLBACK and report when anything fails.
 * 0 or the exit status. */
int pm_cli_write(int (*fn)(struct pm_db *db, void *arg, struct pm_err *err), void *arg);

/* Write len bytes of data (an attachment) to stdout and free it; 0.  A
 * short write leaves stdout in error, which pm_cli_main reports (74). */
int pm_cli_put(char *data, size_t len);

/* The same, silently and without creating a missing database: for
 * shell completion.  0 when open. */
int pm_cli_open_quiet(struct pm_db **db);

/* A writer on stdout with the common options; NULL (after reporting)
 * only when memory runs out. */
struct pm_out *pm_cli_out(void);
/* The same for a document: with -o html, title heads it, under the
 * estate's name (the setting estate.name). */
struct pm_out *pm_cli_out_titled(struct pm_db *db, const char *title);
/* Finish out; 0 or the exit status after reporting. */
int pm_cli_finish(struct pm_out *out);

/* Option-value parsers for verbs: on a bad value they call argp_error
 * (exit 64) naming the option. */
long pm_cli_long(struct argp_state *state, const char *opt, const char *arg, long min, long max);
struct pm_date pm_cli_date(struct argp_state *state, const char *opt, const char *arg);
struct pm_period pm_cli_period(struct argp_state *state, const char *opt, const char *arg,
			       int kind /* an enum pm_period_kind, or -1 for any */);
int64_t pm_cli_span(struct argp_state *state, const char *opt, const char *arg);

#endif
