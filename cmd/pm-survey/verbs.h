/* verbs.h - pm-survey's verbs and what they share */
#ifndef PM_SURVEY_CMD_H
#define PM_SURVEY_CMD_H

#include <stdio.h>

#include "common/cli.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/keys.h"

int survey_template(int argc, char **argv);
int survey_new(int argc, char **argv);
int survey_list(int argc, char **argv);
int survey_show(int argc, char **argv);
int survey_sample(int argc, char **argv);
int survey_issue(int argc, char **argv);
int survey_collect(int argc, char **argv);
int survey_due(int argc, char **argv);
int survey_answer(int argc, char **argv);
int survey_import(int argc, char **argv);
int survey_score(int argc, char **argv);
int survey_pareto(int argc, char **argv);
int survey_causes(int argc, char **argv);
int survey_report(int argc, char **argv);

/* Every option of every verb; a verb lists the ones it takes. */
enum {
	OPT_QUARTER = 'q', OPT_BY = 0x100, OPT_COLLECTOR, OPT_DATE, OPT_SEED, OPT_REDO,
	OPT_REPEAT, OPT_CHECK, OPT_ALL, OPT_SVG, OPT_ITEM, OPT_YEAR, OPT_ISSUE, OPT_DUE,
	OPT_FORM, OPT_RATIO, OPT_PROBLEM, OPT_SUGGESTION, OPT_REPLACE, OPT_ENCODING,
	OPT_DRY_RUN, OPT_HTML, OPT_SCALE, OPT_ROUND, OPT_BUTLER, OPT_NAME,
};

/* --round: the round by its key, a butler's round's name (or a quarter) */
#define SV_ROUND_OPTION \
	{"round", OPT_ROUND, N_("ROUND"), 0, \
	 N_("the round by name: a butler's round (or a quarterly one by its quarter)"), 0}

struct sv_args {
	const char *quarter, *by, *collector, *date, *svg, *item, *issue, *due, *form;
	const char *suggestion, *encoding, *scale, *round, *butler, *name;
	long seed, year, ratio;
	int have_seed, redo, repeat, check, all, replace, dry_run, html;
	struct pm_strv pos;        /* the arguments */
	struct pm_strv problems;   /* --problem, in order */
	int min_pos, max_pos;      /* how many arguments the verb takes (-1: any) */
	const char *pos_name;      /* for the message when too few */
};

/* The round chosen by --round or --quarter (NULL: neither). */
#define SV_ROUND_KEY(a) ((a)->round ? (a)->round : (a)->quarter)

/* The argp parser of every verb (state->input is a struct sv_args). */
error_t sv_parse(int key, char *arg, struct argp_state *state);
void sv_args_free(struct sv_args *a);

/* Open the database and begin the one transaction of a writing verb:
 * 0, or the exit status after reporting. */

/* Commit (unless failed) and close; the exit status, after reporting
 * err when anything failed. */

/* The units named by args: each argument, or for "-" the unit column of
 * the CSV on stdin.  0, or the exit status after reporting. */
int sv_units(const struct pm_strv *args, struct pm_strv *units);

/* Write n bytes to path ("-": stdout) whole or not at all: a temporary
 * file in the same folder, synced, renamed over path.  0, or the exit
 * status after reporting (73 cannot create, 74 write error). */
int sv_write_file(const char *path, const char *data, size_t n);

/* A writer into memory, copied to stdout by sv_mem_flush once the
 * transaction is committed (nothing shows for a command that failed). */
struct sv_mem {
	char *data;
	size_t len;
	FILE *fp;
	struct pm_out *out;
};
int sv_mem_open(struct sv_mem *m);
int sv_mem_flush(struct sv_mem *m);   /* 0, or the exit status after reporting */
void sv_mem_free(struct sv_mem *m);

#endif
