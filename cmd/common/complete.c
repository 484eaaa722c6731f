/*
 * complete.c - the hidden verb "__complete" that shell completion asks
 *
 *   prog __complete verbs [VERB...]      the verbs at that level, one a line
 *   prog __complete options VERB...      the verb's arguments ("args UNIT")
 *                                        and options ("--by=STAFF", "-o")
 *   prog __complete data KIND [PREFIX]   records to offer: unit codes,
 *                                        staff names, ticket numbers, ...
 *
 * The completion files in completions/ are generated from the first two
 * (tools/gencomp.py), so they cannot drift from the code; the third
 * runs at <TAB> time, reading the database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "cli.h"
#include "complete.h"
#include "core/i18n.h"
#include "fee/pay.h"
#include "owner/moves.h"
#include "owner/unit.h"
#include "reno/reno.h"
#include "survey/survey.h"
#include "ticket/ticket.h"

/* Data kinds: the argument names of HACKING.md that name records, as
 * verbs' args_doc and options' arg write them (gencomp.py turns those
 * into "prog __complete data KIND PREFIX").  A PERMIT is a renovation's
 * in pm-reno and a move-out's goods release permit in pm-owner, so a kind
 * may belong to one program (prog NULL: any).  Every record starting with
 * PREFIX is offered: the SQL does the prefix match, nothing is capped
 * (ROUND keeps its own 200, for a handful of rows). */
static const struct {
	const char *kind;
	const char *prog;
	int (*fn)(struct pm_db *db, const char *prefix, struct pm_out *out, struct pm_err *err);
} kinds[] = {
	{"UNIT", NULL, pm_unit_complete},
	{"STAFF", NULL, pm_staff_complete},
	{"ROUND", NULL, pm_survey_round_complete},
	{"TICKET", NULL, pm_ticket_complete},
	{"RECEIPT", NULL, pm_fee_receipt_complete},
	{"PERMIT", "pm-reno", pm_reno_complete},
	{"PERMIT", "pm-owner", pm_moveout_permit_complete},
};

static void
dump_options(const struct argp *argp)
{
	const struct argp_option *o;
	const struct argp_child *c;

	for (o = argp->options; o && (o->name || o->key || o->doc); o++) {
		if (o->flags & OPTION_HIDDEN)
			continue;
		if (o->name)
			printf("--%s%s%s\n", o->name, o->arg ? "=" : "", o->arg ? o->arg : "");
		if (o->key > ' ' && o->key < 127)
			printf("-%c%s%s\n", o->key, o->arg ? " " : "", o->arg ? o->arg : "");
	}
	for (c = argp->children; c && c->argp; c++)
		dump_options(c->argp);
}

int
pm_complete_parse(const struct argp *argp)
{
	if (pm_cli.complete == PM_COMPLETE_OPTIONS) {
		const char *a = argp->args_doc ? argp->args_doc : "";

		/* the first form only: "UNIT [OPTION...]\n--pending" */
		printf("args %.*s\n", (int)strcspn(a, "\n"), a);
		dump_options(argp);
		printf("--help\n--usage\n");
	}
	/* PM_COMPLETE_VERBS reaching a verb without sub-verbs: nothing more */
	fflush(stdout);
	exit(0);
}

void
pm_complete_verbs(const struct pm_verb *verbs)
{
	for (; verbs->name; verbs++)
		printf("%s\n", verbs->name);
}

static int
complete_data(const char *kind, const char *prefix)
{
	struct pm_outopts oo = {.format = PM_FMT_CSV, .no_header = 1};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	size_t i;
	int rc;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(kinds[i].kind, kind) &&
		    (!kinds[i].prog || (pm_cli.prog && !strcmp(kinds[i].prog, pm_cli.prog))))
			break;
	if (i == sizeof kinds / sizeof kinds[0])
		return 0;  /* a kind with nothing to offer */
	/* completion must never create a database or print errors at <TAB> */
	if ((rc = pm_cli_open_quiet(&db)))
		return 0;
	if (!(out = pm_out_new(stdout, &oo, &err))) {
		pm_db_close(db);
		return 0;
	}
	rc = kinds[i].fn(db, prefix ? prefix : "", out, &err);
	pm_db_close(db);
	pm_err_clear(&err);
	if (rc < 0) {
		pm_out_free(out);
		return 0;
	}
	pm_out_finish(out, &err);
	pm_err_clear(&err);
	return 0;
}

int
pm_complete_main(int argc, char **argv, const struct pm_verb *verbs,
		 int (*dispatch)(int, char **, const struct pm_verb *))
{
	if (argc >= 3 && !strcmp(argv[1], "data"))
		return complete_data(argv[2], argc >= 4 ? argv[3] : NULL);
	if (argc >= 2 && !strcmp(argv[1], "verbs"))
		pm_cli.complete = PM_COMPLETE_VERBS;
	else if (argc >= 3 && !strcmp(argv[1], "options"))
		pm_cli.complete = PM_COMPLETE_OPTIONS;
	else
		return PM_EXIT_USAGE;
	/* argv[1] stands in for the program: dispatch the rest as usual */
	argv[1] = argv[0];
	return dispatch(argc - 1, argv + 1, verbs);
}
