/* report.c - pm-fee arrears, statement, rate */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "fee.h"
#include "fee/report.h"
#include "owner/unit.h"

enum { OPT_MIN = 0x100, OPT_OLDER, OPT_BY, OPT_LETTERS, OPT_SINCE, OPT_UNTIL, OPT_PERIOD };

struct args {
	char **pos;
	int npos, want, min_args;
	struct pm_fee_arrears_opts o;
	int letters, period_set;
	const char *by, *since, *until;
	struct pm_period period;
	char first[PM_DATE_BUFSZ], last[PM_DATE_BUFSZ];
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_MIN: {
		int64_t fen;
		enum pm_num rc = pm_money_parse(arg, strlen(arg), &fen);

		if (rc == PM_NUM_OK && fen < 0)
			rc = PM_NUM_NEGATIVE;
		if (rc != PM_NUM_OK)
			argp_error(state, _("--min: '%s': %s"), arg, pm_num_reason(rc));
		a->o.min = fen;
		break;
	}
	case OPT_OLDER:
		a->o.older_than = (int)pm_cli_long(state, "--older-than", arg, 0, 1200);
		break;
	case OPT_BY:
		if (strcmp(arg, "building") && strcmp(arg, "item") && strcmp(arg, "楼栋") &&
		    strcmp(arg, "项目"))
			argp_error(state, _("--by: '%s' is not building or item"), arg);
		a->by = !strcmp(arg, "楼栋") ? "building" : !strcmp(arg, "项目") ? "item" : arg;
		break;
	case OPT_LETTERS: a->letters = 1; break;
	case OPT_SINCE: a->since = pm_date_fmt(pm_cli_date(state, "--since", arg), a->first); break;
	case OPT_UNTIL: a->until = pm_date_fmt(pm_cli_date(state, "--until", arg), a->last); break;
	case OPT_PERIOD:
		a->period = pm_cli_period(state, "--period", arg, -1);
		a->period_set = 1;
		break;
	case ARGP_KEY_ARG:
		if (a->want >= 0 && a->npos >= a->want)
			argp_error(state, _("unexpected argument '%s'"), arg);
		a->pos[a->npos++] = arg;
		break;
	case ARGP_KEY_END:
		if (a->npos < a->min_args)
			argp_error(state, _("missing arguments (see --help)"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static int
arrears_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	if (a->npos) {
		static const int64_t none = 0;

		if (fee_units(db, a->pos, (size_t)a->npos, &ids, &n, err) < 0)
			return -1;
		a->o.units = ids ? ids : &none;
		a->o.nunits = n;
	}
	rc = a->letters ? pm_fee_letters(db, &a->o, out, err) : pm_fee_arrears(db, &a->o, out, err);
	free(ids);
	return rc;
}

int
fee_arrears(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"min", OPT_MIN, N_("AMOUNT"), 0, N_("only units owing at least AMOUNT"), 0},
		{"older-than", OPT_OLDER, N_("N"), 0, N_("only units owing something more than N months old (12: 陈欠)"), 0},
		{"by", OPT_BY, N_("building"), 0, N_("one row per building"), 0},
		{"letters", OPT_LETTERS, NULL, 0, N_("reminder letters (催缴通知) for mail merge: unit, owner, items, periods, amounts"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("[UNIT...|-]"),
	    N_("What each unit owes, by age: this period, 1-3 months, 4-6, 7-12, over a year "
	       "(陈欠)."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	int rc;

	a.want = -1;
	a.o.older_than = -1;
	if (!(a.pos = calloc((size_t)argc + 1, sizeof *a.pos)))
		return PM_EXIT_OSERR;
	pm_cli_parse(&argp, argc, argv, &a);
	if (a.by && strcmp(a.by, "building")) {
		free(a.pos);
		fprintf(stderr, _("%s: arrears --by takes building\n"), pm_cli.prog);
		return PM_EXIT_USAGE;
	}
	a.o.by_building = a.by != NULL;
	if (a.o.by_building && a.letters) {
		free(a.pos);
		fprintf(stderr, _("%s: --letters are per unit, not --by building\n"), pm_cli.prog);
		return PM_EXIT_USAGE;
	}
	rc = fee_output(arrears_fn, &a, 0, 0);
	free(a.pos);
	return rc;
}

static int
statement_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;
	int64_t unit;

	if (pm_unit_find(db, a->pos[0], &unit, NULL, err) < 0)
		return -1;
	return pm_fee_statement(db, unit, a->since, a->until, out, err);
}

int
fee_statement(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"since", OPT_SINCE, N_("DATE"), 0, N_("start here, with the balance brought forward"), 0},
		{"until", OPT_UNTIL, N_("DATE"), 0, N_("end here"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT"),
	    N_("A unit's account: its bill lines, adjustments, payments and voids with the "
	       "running balance (what it owes; negative is credit)."), pm_cli_children, NULL,
	    PM_TEXTDOMAIN};
	char *pos[1];
	struct args a = {0};

	a.pos = pos;
	a.want = a.min_args = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	return fee_output(statement_fn, &a, 0, 0);
}

static int
rate_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;

	return pm_fee_rate(db, &a->period, a->by, out, err);
}

int
fee_rate(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"period", OPT_PERIOD, N_("MONTH"), 0, N_("the lines whose period starts within it (month, quarter or year)"), 0},
		{"by", OPT_BY, N_("building|item"), 0, N_("one row per building or per item"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("--period MONTH"),
	    N_("The collection rate (收缴率): billed, collected to date, outstanding, the rate, "
	       "and the old arrears recovered within the period."), pm_cli_children, NULL,
	    PM_TEXTDOMAIN};
	struct args a = {0};

	a.want = 0;
	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.period_set) {
		fprintf(stderr, _("%s: give --period (a month like 2026-11)\n"), pm_cli.prog);
		return PM_EXIT_USAGE;
	}
	return fee_output(rate_fn, &a, 0, 0);
}
