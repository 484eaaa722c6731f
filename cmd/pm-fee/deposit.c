/* deposit.c - pm-fee deposit take|refund|list|deductions */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "fee.h"
#include "fee/deposit.h"
#include "owner/unit.h"

enum { OPT_METHOD = 0x100, OPT_KIND, OPT_PAYER, OPT_FOR, OPT_DATE, OPT_DEDUCT, OPT_REASON,
       OPT_HELD };

struct args {
	const char *pos[2];
	int npos, want, min;
	struct pm_deposit d;
	const char **deduct, **reason;
	int ndeduct, nreason, held;
	const char *kind;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_METHOD: a->d.method = arg; break;
	case OPT_KIND: a->kind = arg; break;
	case OPT_PAYER: a->d.payer = arg; break;
	case OPT_FOR: a->d.purpose = arg; break;
	case OPT_DATE: a->d.date = arg; break;
	case OPT_DEDUCT: a->deduct[a->ndeduct++] = arg; break;
	case OPT_REASON: a->reason[a->nreason++] = arg; break;
	case OPT_HELD: a->held = 1; break;
	case ARGP_KEY_ARG:
		if (a->npos >= a->want)
			argp_error(state, _("unexpected argument '%s'"), arg);
		a->pos[a->npos++] = arg;
		break;
	case ARGP_KEY_END:
		if (a->npos < a->min)
			argp_error(state, _("missing arguments (see --help)"));
		if (a->ndeduct != a->nreason)
			argp_error(state, _("give each --deduct AMOUNT its --reason TEXT"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static int
deposit_take(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"method", OPT_METHOD, N_("METHOD"), 0, N_("cash, transfer, wechat, alipay or card (required)"), 0},
		{"kind", OPT_KIND, N_("KIND"), 0, N_("reno, key or other (default other)"), 0},
		{"payer", OPT_PAYER, N_("TEXT"), 0, N_("who paid it"), 0},
		{"for", OPT_FOR, N_("TEXT"), 0, N_("what it secures"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day it was paid (default today)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT AMOUNT --method METHOD"),
	    N_("Take a deposit: held apart from fee income until refunded.  Prints its number."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	char no[PM_SEQ_BUFSZ], **av;
	int64_t id;
	int rc;

	a.want = a.min = 2;
	av = fee_negatives(&argc, argv);
	pm_cli_parse(&argp, argc, av, &a);
	a.d.kind = a.kind ? a.kind : "other";
	if (!a.d.method) {
		fprintf(stderr, _("%s: give --method (cash, transfer, wechat, alipay or card)\n"),
		    pm_cli.prog);
		rc = PM_EXIT_USAGE;
	} else if ((rc = pm_cli_begin(&db)) == 0) {
		enum pm_num nrc = pm_money_parse(a.pos[1], strlen(a.pos[1]), &a.d.amount);

		if (nrc == PM_NUM_OK && a.d.amount <= 0)
			nrc = PM_NUM_NEGATIVE;
		if (nrc != PM_NUM_OK)
			rc = pm_err_set(&err, PM_EXIT_DATA, _("amount '%s': %s"), a.pos[1],
			    pm_num_reason(nrc)) < 0;
		else
			rc = pm_unit_find(db, a.pos[0], &a.d.unit_id, NULL, &err) < 0 ||
			    pm_deposit_take(db, &a.d, &id, no, &err) < 0;
		if ((rc = pm_cli_end(db, rc, 0, &err)) == 0)
			printf("%s\n", no);
	}
	if (av != argv)
		free(av);
	return rc;
}

static int
deposit_refund(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"method", OPT_METHOD, N_("METHOD"), 0, N_("how it is paid back (required)"), 0},
		{"deduct", OPT_DEDUCT, N_("AMOUNT"), 0, N_("keep AMOUNT back (repeat for more; each with its --reason)"), 0},
		{"reason", OPT_REASON, N_("TEXT"), 0, N_("why the deduction before it"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("DEPOSIT --method METHOD"),
	    N_("Refund a deposit, once: its amount less the deductions."), pm_cli_children, NULL,
	    PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_deduction *ded = NULL;
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t id, refunded = 0, deducted = 0;
	int i, rc = 0;

	a.want = a.min = 1;
	a.deduct = calloc((size_t)argc + 1, sizeof *a.deduct);
	a.reason = calloc((size_t)argc + 1, sizeof *a.reason);
	ded = calloc((size_t)argc + 1, sizeof *ded);
	if (!a.deduct || !a.reason || !ded) {
		free(a.deduct);
		free(a.reason);
		free(ded);
		return PM_EXIT_OSERR;
	}
	pm_cli_parse(&argp, argc, argv, &a);
	for (i = 0; i < a.ndeduct && !rc; i++) {
		enum pm_num nrc = pm_money_parse(a.deduct[i], strlen(a.deduct[i]), &ded[i].amount);

		if (nrc == PM_NUM_OK && ded[i].amount <= 0)
			nrc = PM_NUM_NEGATIVE;
		if (nrc != PM_NUM_OK) {
			pm_err_set(&err, PM_EXIT_DATA, _("deduction '%s': %s"), a.deduct[i],
			    pm_num_reason(nrc));
			rc = pm_cli_fail(&err);
		}
		ded[i].reason = a.reason[i];
		deducted += ded[i].amount;
	}
	if (!rc && !a.d.method) {
		fprintf(stderr, _("%s: give --method (cash, transfer, wechat, alipay or card)\n"),
		    pm_cli.prog);
		rc = PM_EXIT_USAGE;
	}
	if (!rc && (rc = pm_cli_begin(&db)) == 0) {
		rc = pm_deposit_find(db, a.pos[0], &id, &err) < 0 ||
		    pm_deposit_refund(db, id, ded, (size_t)a.ndeduct, a.d.method, &refunded, &err) < 0;
		if ((rc = pm_cli_end(db, rc, 0, &err)) == 0) {
			char x[PM_DEC_BUFSZ], y[PM_DEC_BUFSZ];

			printf(_("%s: %s refunded, %s deducted\n"), a.pos[0], pm_money_fmt(refunded, x),
			    pm_money_fmt(deducted, y));
		}
	}
	free(a.deduct);
	free(a.reason);
	free(ded);
	return rc;
}

static int
list_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;
	int64_t unit = 0;

	if (a->npos && pm_unit_find(db, a->pos[0], &unit, NULL, err) < 0)
		return -1;
	return pm_deposit_list(db, a->held, unit, a->kind, out, err);
}

static int
deposit_list(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"held", OPT_HELD, NULL, 0, N_("only deposits not yet refunded"), 0},
		{"kind", OPT_KIND, N_("KIND"), 0, N_("only this kind"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("[UNIT]"),
	    N_("List deposits."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	a.want = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	return fee_output(list_fn, &a, 0, 0);
}

static int
deductions_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;
	int64_t id;

	if (pm_deposit_find(db, a->pos[0], &id, err) < 0)
		return -1;
	return pm_deposit_deductions(db, id, out, err);
}

static int
deposit_deductions(int argc, char **argv)
{
	static const struct argp argp = {NULL, parse, N_("DEPOSIT"),
	    N_("What was kept back from a refunded deposit, and why."), pm_cli_children, NULL,
	    PM_TEXTDOMAIN};
	struct args a = {0};

	a.want = a.min = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	return fee_output(deductions_fn, &a, 0, 0);
}

static const struct pm_verb subs[] = {
	{"take", deposit_take, N_("take a deposit")},
	{"refund", deposit_refund, N_("refund a deposit less deductions")},
	{"list", deposit_list, N_("list deposits")},
	{"deductions", deposit_deductions, N_("a refunded deposit's deductions")},
	{NULL, NULL, NULL},
};

int
fee_deposit(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, subs, N_("Deposits, held apart from fee income."), "list");
}
