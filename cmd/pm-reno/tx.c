/* tx.c - what pm-reno's verbs share: the transaction, output, amounts */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/money.h"
#include "reno.h"

int
reno_output(reno_out_fn fn, void *arg)
{
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	if ((rc = pm_cli_open(&db)))
		return rc;
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	/* phone and ID numbers in full are a disclosure: on the record */
	rc = pm_cli.out.reveal ? pm_audit(db, NULL, "revealed phone and ID numbers", &err) : 0;
	if (rc == 0)
		rc = fn(db, arg, out, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	return pm_cli_finish(out);
}

int64_t
reno_amount(struct argp_state *state, const char *opt, const char *arg, int zero_ok)
{
	int64_t fen = 0;
	enum pm_num rc = pm_money_parse(arg, strlen(arg), &fen);

	if (rc == PM_NUM_OK && (fen < 0 || (!zero_ok && fen == 0)))
		rc = PM_NUM_NEGATIVE;
	if (rc != PM_NUM_OK)
		argp_error(state, _("%s: '%s': %s"), opt, arg,
		    rc == PM_NUM_NEGATIVE ? _("not more than 0.00") : pm_num_reason(rc));
	return fen;
}

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct reno_args *a = state->input;

	switch (key) {
	case O_APPLICANT: a->applicant = arg; break;
	case O_CONSENT: a->consent = arg; break;
	case O_CONTRACTOR: a->contractor = arg; break;
	case O_PHONE: a->phone = arg; break;
	case O_SCOPE: a->scope = arg; break;
	case O_START: a->start = arg; break;
	case O_END: a->end = arg; break;
	case O_ATTACH: a->attach[a->nattach++] = arg; break;
	case O_FIRST: a->first = 1; break;
	case O_SECOND: a->second = 1; break;
	case O_APPROVE: a->approve = 1; break;
	case O_REJECT: a->reject = arg; break;
	case O_BY: a->by = arg; break;
	case O_ID: a->id_no = arg; break;
	case O_TRADE: a->trade = arg; break;
	case O_PHOTO: a->photo = arg; break;
	case O_DEPOSIT: a->deposit = reno_amount(state, "--deposit", arg, 0); break;
	case O_FEE: a->fee = reno_amount(state, "--fee", arg, 1); break;
	case O_ITEM: a->item = arg; break;
	case O_METHOD: a->method = arg; break;
	case O_ACTIVE: a->active = 1; break;
	case O_VIOLATION: a->violation = arg; break;
	case O_FOUND: a->found = arg; break;
	case O_DEADLINE: a->deadline = arg; break;
	case O_TEXT: a->text = arg; break;
	case O_PRINT: a->print = 1; break;
	case O_UNTIL: a->until = arg; break;
	case O_REASON: a->reason[a->nreason++] = arg; break;
	case O_NOTE: a->note = arg; break;
	case O_DEDUCT: a->deduct[a->ndeduct++] = reno_amount(state, "--deduct", arg, 0); break;
	case O_STATUS: a->status = arg; break;
	case O_DATE: a->date = arg; break;
	case O_CHECK: a->check = 1; break;
	case O_MONTH: a->month = arg; break;
	case ARGP_KEY_ARG:
		if (a->want >= 0 && a->npos >= a->want)
			argp_error(state, _("unexpected argument '%s'"), arg);
		a->pos[a->npos++] = arg;
		break;
	case ARGP_KEY_END:
		if (a->npos < a->min)
			argp_error(state, _("missing arguments (see --help)"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

void
reno_parse(const struct argp_option *options, const char *args_doc, const char *doc, int argc,
	   char **argv, struct reno_args *a, int want, int min)
{
	struct argp argp = {options, parse, args_doc, doc, pm_cli_children, NULL, PM_TEXTDOMAIN};
	size_t n = (size_t)argc + 1;

	memset(a, 0, sizeof *a);
	a->want = want;
	a->min = min;
	a->pos = calloc(n, sizeof *a->pos);
	a->attach = calloc(n, sizeof *a->attach);
	a->reason = calloc(n, sizeof *a->reason);
	a->deduct = calloc(n, sizeof *a->deduct);
	if (!a->pos || !a->attach || !a->reason || !a->deduct) {
		fprintf(stderr, "%s: %s\n", pm_cli.prog, _("out of memory"));
		exit(PM_EXIT_OSERR);
	}
	pm_cli_parse(&argp, argc, argv, a);
}

void
reno_args_free(struct reno_args *a)
{
	free(a->pos);
	free(a->attach);
	free(a->reason);
	free(a->deduct);
}
