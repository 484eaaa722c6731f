/* journal.c - pm-fee journal, handover, close, totals, check */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "fee.h"
#include "fee/journal.h"

enum { OPT_DATE = 0x100, OPT_MONTH, OPT_CHECK, OPT_TO, OPT_AMOUNT, OPT_NOTE, OPT_DRY, OPT_STORED };

struct args {
	int date_set, month_set, check, dry, stored;
	struct pm_period p;
	const char *to, *amount, *note, *date, *month;
	int64_t closing;
	long problems;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_DATE:
		a->p = pm_period_of(PM_PERIOD_DAY, pm_cli_date(state, "--date", arg));
		a->date = arg;
		a->date_set = 1;
		break;
	case OPT_MONTH:
		a->p = pm_cli_period(state, "--month", arg, PM_PERIOD_MONTH);
		a->month = arg;
		a->month_set = 1;
		break;
	case OPT_CHECK: a->check = 1; break;
	case OPT_TO: a->to = arg; break;
	case OPT_AMOUNT: a->amount = arg; break;
	case OPT_NOTE: a->note = arg; break;
	case OPT_DRY: a->dry = 1; break;
	case OPT_STORED: a->stored = 1; break;
	case ARGP_KEY_ARG:
		argp_error(state, _("unexpected argument '%s'"), arg);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static int
journal_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;
	char first[PM_DATE_BUFSZ], last[PM_DATE_BUFSZ];

	return pm_fee_journal(db, pm_date_fmt(a->p.first, first), pm_date_fmt(a->p.last, last), out,
	    &a->closing, err);
}

int
fee_journal(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"date", OPT_DATE, N_("DATE"), 0, N_("one day (default today)"), 0},
		{"month", OPT_MONTH, N_("MONTH"), 0, N_("a whole month"), 0},
		{"check", OPT_CHECK, NULL, 0, N_("exit 1 when cash is left at the desk at the end (not all handed to finance)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, "",
	    N_("The cash journal (现金日记账): every movement of cash at the desk with the "
	       "running balance, from the opening to the closing balance."), pm_cli_children,
	    NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if (a.date_set && a.month_set) {
		fprintf(stderr, _("%s: give --date or --month, not both\n"), pm_cli.prog);
		return PM_EXIT_USAGE;
	}
	if (!a.date_set && !a.month_set) {
		struct pm_date d;
		struct pm_db *db;

		/* today is the estate's: the database knows its zone */
		if ((rc = pm_cli_open(&db)))
			return rc;
		rc = pm_today(&d, &err);
		pm_db_close(db);
		if (rc < 0)
			return pm_cli_fail(&err);
		a.p = pm_period_of(PM_PERIOD_DAY, d);
	}
	rc = fee_output(journal_fn, &a, 0, 0);
	if (rc == 0 && a.check && a.closing != 0) {
		char m[PM_DEC_BUFSZ];

		pm_cli_warn(_("%s in cash is still at the desk, not handed to finance"),
		    pm_money_fmt(a.closing, m));
		return PM_EXIT_FOUND;
	}
	return rc;
}

int
fee_handover(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"to", OPT_TO, N_("STAFF"), 0, N_("who in finance takes it (required)"), 0},
		{"amount", OPT_AMOUNT, N_("AMOUNT"), 0, N_("how much (default: all the cash at the desk)"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day (default today)"), 0},
		{"note", OPT_NOTE, N_("TEXT"), 0, N_("a remark"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("--to STAFF"),
	    N_("Hand the desk's cash to finance (现金上缴) and reconcile the day: its cash "
	       "receipts, what was handed over, what is left."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_fee_handed h;
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.to) {
		fprintf(stderr, _("%s: give --to STAFF (someone in finance)\n"), pm_cli.prog);
		return PM_EXIT_USAGE;
	}
	if ((rc = pm_cli_begin(&db)))
		return rc;
	rc = pm_fee_handover(db, a.to, a.amount, a.date, a.note, &h, &err) < 0;
	if ((rc = pm_cli_end(db, rc, 0, &err)) == 0) {
		char x[PM_DEC_BUFSZ], o[PM_DEC_BUFSZ], y[PM_DEC_BUFSZ], p[PM_DEC_BUFSZ];
		char z[PM_DEC_BUFSZ], w[PM_DEC_BUFSZ];

		printf(_("%s: %s handed to %s; %s: at the desk before the day %s, cash receipts %s, "
		       "voids and refunds %s, handed over %s, left %s\n"), h.no,
		    pm_money_fmt(h.amount, x), a.to, h.date, pm_money_fmt(h.opening, o),
		    pm_money_fmt(h.received, y), pm_money_fmt(h.paid_out, p),
		    pm_money_fmt(h.handed, z), pm_money_fmt(h.left, w));
	}
	return rc;
}

static int
close_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;

	return pm_fee_close(db, a->month, out, err);
}

int
fee_close(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"month", OPT_MONTH, N_("MONTH"), 0, N_("the month to close (required)"), 0},
		{"dry-run", OPT_DRY, NULL, 0, N_("show the totals, lock nothing"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("--month MONTH"),
	    N_("Close a month (月结): record its totals by method, item, cash and deposits, and "
	       "lock the books up to its end."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.month_set) {
		fprintf(stderr, _("%s: give --month (like 2026-11)\n"), pm_cli.prog);
		return PM_EXIT_USAGE;
	}
	return fee_output(close_fn, &a, 1, a.dry);
}

static int
totals_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;

	return pm_fee_totals(db, a->month, a->stored, out, err);
}

int
fee_totals(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"month", OPT_MONTH, N_("MONTH"), 0, N_("the month (required)"), 0},
		{"stored", OPT_STORED, NULL, 0, N_("the totals the close recorded, not recomputed"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("--month MONTH"),
	    N_("A month's totals, computed from the books: billed, collected by method and by "
	       "item, the cash journal, deposits."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.month_set) {
		fprintf(stderr, _("%s: give --month (like 2026-11)\n"), pm_cli.prog);
		return PM_EXIT_USAGE;
	}
	return fee_output(totals_fn, &a, 0, 0);
}

static int
check_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;

	return pm_fee_check(db, out, &a->problems, err);
}

int
fee_check(int argc, char **argv)
{
	static const struct argp argp = {NULL, parse, "",
	    N_("Check that the books balance: every line owes between nothing and its amount, "
	       "payments allocate no more than they are, billed - collected = arrears, every "
	       "receipt number is used once, refunds add up, and every closed month still "
	       "agrees with its close.  Exit 1 on findings."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	rc = fee_output(check_fn, &a, 0, 0);
	return rc == 0 && a.problems ? PM_EXIT_FOUND : rc;
}
