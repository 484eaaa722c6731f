/* bill.c - pm-fee bill, bills, charge, adjust */
#include <stdio.h>
#include <stdlib.h>

#include "fee.h"
#include "fee/bill.h"
#include "owner/unit.h"

enum { OPT_PERIOD = 0x100, OPT_ITEM, OPT_DRY, OPT_OPEN, OPT_QTY, OPT_AMOUNT, OPT_NOTE,
       OPT_REASON, OPT_UNIT };

struct args {
	char **pos;
	int npos, want, min;
	int period_set, dry, open;
	struct pm_period period;
	const char *item, *qty, *amount, *note, *reason;
	char first[PM_DATE_BUFSZ], last[PM_DATE_BUFSZ];
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_PERIOD:
		a->period = pm_cli_period(state, "--period", arg, -1);
		a->period_set = 1;
		break;
	case OPT_ITEM: a->item = arg; break;
	case OPT_DRY: a->dry = 1; break;
	case OPT_OPEN: a->open = 1; break;
	case OPT_QTY: a->qty = arg; break;
	case OPT_AMOUNT: a->amount = arg; break;
	case OPT_NOTE: a->note = arg; break;
	case OPT_REASON: a->reason = arg; break;
	case OPT_UNIT:  /* --unit U is the same as a positional U */
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

static int
bill_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;
	struct pm_fee_bill_run r = {0};
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	r.span = a->period;
	r.item = a->item;
	if (a->npos) {
		if (fee_units(db, a->pos, (size_t)a->npos, &ids, &n, err) < 0)
			return -1;
		r.units = ids;
		r.nunits = n;
		if (!ids) {
			static const int64_t none = 0;

			r.units = &none;  /* "-" with no units: bill nobody */
		}
	}
	rc = pm_fee_bill(db, &r, out, err);
	free(ids);
	return rc;
}

int
fee_bill(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"period", OPT_PERIOD, N_("MONTH"), 0, N_("bill the item periods starting within it: a month (2026-11), quarter or year"), 0},
		{"item", OPT_ITEM, N_("ITEM"), 0, N_("only this item"), 0},
		{"unit", OPT_UNIT, N_("UNIT"), 0, N_("only this unit (as many times as needed; the same as giving UNIT)"), 0},
		{"dry-run", OPT_DRY, NULL, 0, N_("show what would be billed, write nothing"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("--period MONTH [UNIT...|-]"),
	    N_("Raise the bills of every fee item for the periods starting in the given one, "
	       "for every unit it applies to (or the units given; - reads a CSV with a unit "
	       "column on stdin).  Running it again adds nothing."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	int rc;

	a.want = -1;
	if (!(a.pos = calloc((size_t)argc + 1, sizeof *a.pos)))
		return PM_EXIT_OSERR;
	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.period_set) {
		free(a.pos);
		fprintf(stderr, _("%s: give --period (a month like 2026-11)\n"), pm_cli.prog);
		return PM_EXIT_USAGE;
	}
	rc = fee_output(bill_fn, &a, 1, a.dry);
	free(a.pos);
	return rc;
}

static int
bills_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;
	struct pm_fee_bill_filter f = {0};

	if (a->npos && pm_unit_find(db, a->pos[0], &f.unit_id, NULL, err) < 0)
		return -1;
	f.item = a->item;
	f.open = a->open;
	if (a->period_set) {
		f.first = pm_date_fmt(a->period.first, a->first);
		f.last = pm_date_fmt(a->period.last, a->last);
	}
	return pm_fee_bills(db, &f, out, err);
}

int
fee_bills(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"period", OPT_PERIOD, N_("MONTH"), 0, N_("lines whose period starts within it (month, quarter or year)"), 0},
		{"item", OPT_ITEM, N_("ITEM"), 0, N_("only this item"), 0},
		{"open", OPT_OPEN, NULL, 0, N_("only lines that still owe something"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("[UNIT]"),
	    N_("List bill lines: amount, adjustments, paid, owed, and how the amount was computed."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	char *pos[1];
	struct args a = {0};

	a.pos = pos;
	a.want = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	return fee_output(bills_fn, &a, 0, 0);
}

int
fee_charge(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"qty", OPT_QTY, N_("N"), 0, N_("how many, at the item's rate (default 1)"), 0},
		{"amount", OPT_AMOUNT, N_("AMOUNT"), 0, N_("the amount, instead of quantity × rate"), 0},
		{"note", OPT_NOTE, N_("TEXT"), 0, N_("what it was for"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT ITEM"),
	    N_("Charge a one-off fee (an item with the fixed basis) to a unit; its credit is "
	       "used first."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	char *pos[2];
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t unit, bill;
	int rc;

	a.pos = pos;
	a.want = a.min = 2;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	rc = pm_unit_find(db, a.pos[0], &unit, NULL, &err) < 0 ||
	    pm_fee_charge(db, unit, a.pos[1], a.qty, a.amount, a.note, &bill, &err) < 0;
	return pm_cli_end(db, rc, 0, &err);
}

int
fee_adjust(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"reason", OPT_REASON, N_("TEXT"), 0, N_("why (required)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT ITEM PERIOD AMOUNT --reason TEXT"),
	    N_("Correct a bill line by a signed amount (-50 takes 50.00 off), recorded today; "
	       "a line of a closed month is corrected in the month the correction is made."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	char *pos[4], **av;
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t unit;
	int rc;

	a.pos = pos;
	a.want = a.min = 4;
	av = fee_negatives(&argc, argv);
	pm_cli_parse(&argp, argc, av, &a);
	if ((rc = pm_cli_begin(&db)) == 0) {
		rc = pm_unit_find(db, a.pos[0], &unit, NULL, &err) < 0 ||
		    pm_fee_adjust(db, unit, a.pos[1], a.pos[2], a.pos[3], a.reason, &err) < 0;
		rc = pm_cli_end(db, rc, 0, &err);
	}
	if (av != argv)
		free(av);
	return rc;
}
