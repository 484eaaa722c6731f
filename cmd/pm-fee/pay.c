/* pay.c - pm-fee pay, void, receipt, payments */
#include <stdio.h>
#include <stdlib.h>

#include "core/money.h"
#include "fee.h"
#include "fee/pay.h"
#include "owner/unit.h"

enum { OPT_METHOD = 0x100, OPT_ITEM, OPT_PAYER, OPT_REF, OPT_DATE, OPT_NOCREDIT, OPT_REASON,
       OPT_FROM, OPT_TO };

struct args {
	const char *pos[2];
	int npos, want, min;
	struct pm_fee_pay p;
	const char **items;
	const char *reason, *from, *to;
	char first[PM_DATE_BUFSZ], last[PM_DATE_BUFSZ];
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_METHOD: a->p.method = arg; break;
	case OPT_ITEM: a->items[a->p.nitems++] = arg; break;
	case OPT_PAYER: a->p.payer = arg; break;
	case OPT_REF: a->p.ref = arg; break;
	case OPT_DATE: a->p.date = arg; break;
	case OPT_NOCREDIT: a->p.no_credit = 1; break;
	case OPT_REASON: a->reason = arg; break;
	case OPT_FROM: a->from = pm_date_fmt(pm_cli_date(state, "--from", arg), a->first); break;
	case OPT_TO: a->to = pm_date_fmt(pm_cli_date(state, "--to", arg), a->last); break;
	case ARGP_KEY_ARG:
		if (a->npos >= a->want)
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

int
fee_pay(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"method", OPT_METHOD, N_("METHOD"), 0, N_("cash, transfer, wechat, alipay or card (现金 转账 微信 支付宝 刷卡)"), 0},
		{"item", OPT_ITEM, N_("ITEM"), 0, N_("pay only this item's lines (repeat for more)"), 0},
		{"payer", OPT_PAYER, N_("TEXT"), 0, N_("who paid, when not the owner"), 0},
		{"ref", OPT_REF, N_("TEXT"), 0, N_("the bank's or app's transaction number: a second payment with it is not taken"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day it was paid (default today)"), 0},
		{"no-credit", OPT_NOCREDIT, NULL, 0, N_("refuse more than is owed instead of keeping it as credit"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT AMOUNT --method METHOD"),
	    N_("Take a payment: it pays the unit's oldest open lines first (or the items "
	       "chosen); what is left is the unit's credit.  Prints the receipt number."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_fee_paid r;
	struct pm_err err = {0};
	struct pm_db *db;
	char **av;
	int rc;

	a.want = a.min = 2;
	if (!(a.items = calloc((size_t)argc + 1, sizeof *a.items)))
		return PM_EXIT_OSERR;
	av = fee_negatives(&argc, argv);
	pm_cli_parse(&argp, argc, av, &a);
	a.p.amount = a.pos[1];
	a.p.items = a.items;
	if (!a.p.method) {
		fprintf(stderr, _("%s: give --method (cash, transfer, wechat, alipay or card)\n"),
		    pm_cli.prog);
		rc = PM_EXIT_USAGE;
	} else if ((rc = pm_cli_begin(&db)) == 0) {
		rc = pm_unit_find(db, a.pos[0], &a.p.unit_id, NULL, &err) < 0 ||
		    pm_fee_pay(db, &a.p, &r, &err) < 0;
		if ((rc = pm_cli_end(db, rc, 0, &err)) == 0) {
			char x[PM_DEC_BUFSZ], y[PM_DEC_BUFSZ], z[PM_DEC_BUFSZ];

			/* the number alone on stdout, for scripts (r=$(pm-fee pay ...));
			 * what it did, for the clerk, on stderr */
			printf("%s\n", r.receipt);
			if (r.existing)
				pm_cli_warn(_("%s: recorded before with this reference; nothing written"),
				    r.receipt);
			else
				pm_cli_warn(_("%s: %s received, %s to bills, %s credit"), r.receipt,
				    pm_money_fmt(r.amount, x), pm_money_fmt(r.allocated, y),
				    pm_money_fmt(r.credit, z));
		}
	}
	if (av != argv)
		free(av);
	free(a.items);
	return rc;
}

int
fee_void(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"reason", OPT_REASON, N_("TEXT"), 0, N_("why (required)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("RECEIPT --reason TEXT"),
	    N_("Void a mistaken payment: it stays on record, its lines owe again, and the void "
	       "shows in the journal on the day it is made."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.want = a.min = 1;
	a.items = NULL;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_fee_void(db, a.pos[0], a.reason, &err) < 0, 0, &err);
}

static int
receipt_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;

	return pm_fee_receipt(db, a->pos[0], out, err);
}

int
fee_receipt(int argc, char **argv)
{
	static const struct argp argp = {NULL, parse, N_("RECEIPT"),
	    N_("Print a receipt: as text to hand over, or with --format as rows."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_buf text = PM_BUF_INIT;
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.want = a.min = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if (pm_cli.out.format != PM_FMT_DEFAULT || pm_cli.out.excel)
		return fee_output(receipt_fn, &a, 0, 0);
	if ((rc = pm_cli_open(&db)))
		return rc;
	rc = pm_fee_receipt_text(db, a.pos[0], &text, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_buf_free(&text);
		return pm_cli_fail(&err);
	}
	fwrite(text.s, 1, text.len, stdout);
	pm_buf_free(&text);
	return 0;
}

static int
payments_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;
	struct pm_fee_pay_filter f = {0};

	if (a->npos && pm_unit_find(db, a->pos[0], &f.unit_id, NULL, err) < 0)
		return -1;
	f.first = a->from;
	f.last = a->to;
	f.method = a->p.method;
	return pm_fee_payments(db, &f, out, err);
}

int
fee_payments(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"from", OPT_FROM, N_("DATE"), 0, N_("paid on or after"), 0},
		{"to", OPT_TO, N_("DATE"), 0, N_("paid on or before"), 0},
		{"method", OPT_METHOD, N_("METHOD"), 0, N_("only this method"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("[UNIT]"),
	    N_("List payments, with what they paid and any void."), pm_cli_children, NULL,
	    PM_TEXTDOMAIN};
	struct args a = {0};

	a.want = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	return fee_output(payments_fn, &a, 0, 0);
}
