/* work.c - pm-reno worker, pay, pass, passes, start */
#include <stdio.h>

#include "core/money.h"
#include "reno.h"
#include "reno/reno.h"

static int
worker_add(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"id", O_ID, N_("TEXT"), 0, N_("the worker's ID number (checked)"), 0},
		{"phone", O_PHONE, N_("TEXT"), 0, N_("phone"), 0},
		{"trade", O_TRADE, N_("TEXT"), 0, N_("trade: 木工, 水电, 泥瓦 ..."), 0},
		{"photo", O_PHOTO, N_("FILE"), 0, N_("a photo"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_reno_worker w = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t id;
	int rc;

	reno_parse(options, N_("PERMIT TEXT --id TEXT"),
	    N_("Register a worker (施工人员登记) with a valid ID number."), argc, argv, &a, 2, 2);
	if ((rc = pm_cli_begin(&db)) == 0) {
		w.name = a.pos[1];
		w.id_no = a.id_no;
		w.phone = a.phone;
		w.trade = a.trade;
		w.photo = a.photo;
		rc = pm_reno_find(db, a.pos[0], &id, &err) < 0 ||
		    pm_reno_worker_add(db, id, &w, &err) < 0;
		rc = pm_cli_end(db, rc, 0, &err);
	}
	reno_args_free(&a);
	return rc;
}

static int
workers_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct reno_args *a = arg;
	int64_t id;

	if (pm_reno_find(db, a->pos[0], &id, err) < 0)
		return -1;
	return pm_reno_workers(db, id, out, err);
}

static int
worker_list(int argc, char **argv)
{
	static const struct argp_option options[] = {{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	int rc;

	reno_parse(options, N_("PERMIT"), N_("The workers of a renovation."), argc, argv, &a, 1, 1);
	rc = reno_output(workers_fn, &a);
	reno_args_free(&a);
	return rc;
}

static const struct pm_verb worker_subs[] = {
	{"add", worker_add, N_("register a worker")},
	{"list", worker_list, N_("list a renovation's workers")},
	{NULL, NULL, NULL},
};

int
reno_worker(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, worker_subs, N_("Workers of a renovation."), NULL);
}

int
reno_pay(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"deposit", O_DEPOSIT, N_("AMOUNT"), 0, N_("the deposit (required)"), 0},
		{"fee", O_FEE, N_("AMOUNT"), 0, N_("the renovation fees, charged and paid at once"), 0},
		{"item", O_ITEM, N_("ITEM"), 0, N_("the fee item (default reno; see pm-fee item)"), 0},
		{"method", O_METHOD, N_("METHOD"), 0, N_("cash, transfer, wechat, alipay or card (required)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_reno_paid r;
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t id;
	int rc;

	reno_parse(options, N_("PERMIT --deposit AMOUNT --method METHOD [--fee AMOUNT]"),
	    N_("The contractor pays the fees and the deposit, into pm-fee's ledger.  Prints the "
	       "deposit's number and the fee's receipt."), argc, argv, &a, 1, 1);
	if (!a.deposit || !a.method) {
		fprintf(stderr, _("%s: give --deposit AMOUNT and --method METHOD\n"), pm_cli.prog);
		reno_args_free(&a);
		return PM_EXIT_USAGE;
	}
	if ((rc = pm_cli_begin(&db)) == 0) {
		rc = pm_reno_find(db, a.pos[0], &id, &err) < 0 ||
		    pm_reno_pay(db, id, a.deposit, a.fee, a.item, a.method, &r, &err) < 0;
		if ((rc = pm_cli_end(db, rc, 0, &err)) == 0)
			printf("%s%s%s\n", r.deposit, *r.receipt ? " " : "", r.receipt);
	}
	reno_args_free(&a);
	return rc;
}

static int
pass_issue(int argc, char **argv)
{
	static const struct argp_option options[] = {{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_err err = {0};
	struct pm_db *db;
	char no[PM_SEQ_BUFSZ];
	int64_t id;
	int rc;

	reno_parse(options, N_("PERMIT TEXT"),
	    N_("Issue a temporary pass (临时出入证) to a registered worker, valid until the planned "
	       "end.  Prints its number."), argc, argv, &a, 2, 2);
	if ((rc = pm_cli_begin(&db)) == 0) {
		rc = pm_reno_find(db, a.pos[0], &id, &err) < 0 ||
		    pm_reno_pass_issue(db, id, a.pos[1], no, &err) < 0;
		if ((rc = pm_cli_end(db, rc, 0, &err)) == 0)
			printf("%s\n", no);
	}
	reno_args_free(&a);
	return rc;
}

static int
pass_close(int argc, char **argv, int lost)
{
	static const struct argp_option options[] = {
		{"note", O_NOTE, N_("TEXT"), 0, N_("a remark"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	reno_parse(options, N_("N"), lost ? N_("Record that a pass was lost.")
	    : N_("Record that a pass was handed back."), argc, argv, &a, 1, 1);
	if ((rc = pm_cli_begin(&db)) == 0) {
		rc = (lost ? pm_reno_pass_lost(db, a.pos[0], a.note, &err)
		    : pm_reno_pass_return(db, a.pos[0], &err)) < 0;
		rc = pm_cli_end(db, rc, 0, &err);
	}
	reno_args_free(&a);
	return rc;
}

static int
pass_return(int argc, char **argv)
{
	return pass_close(argc, argv, 0);
}

static int
pass_lost(int argc, char **argv)
{
	return pass_close(argc, argv, 1);
}

/* The pass as a card to print and hand to the worker (-o html). */
static int
pass_print(int argc, char **argv)
{
	static const struct argp_option options[] = {{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	reno_parse(options, N_("N"), N_("Print a temporary pass (临时出入证) to hand to the worker; "
	    "-o html for paper."), argc, argv, &a, 1, 1);
	if ((rc = pm_cli_open(&db)) == 0) {
		if (!(out = pm_cli_out())) {
			rc = PM_EXIT_OSERR;
		} else if (pm_reno_pass_document(db, a.pos[0], out, &err) < 0) {
			pm_out_free(out);
			rc = pm_cli_fail(&err);
		} else {
			rc = pm_cli_finish(out);
		}
		pm_db_close(db);
	}
	reno_args_free(&a);
	return rc;
}

static const struct pm_verb pass_subs[] = {
	{"issue", pass_issue, N_("issue a pass to a worker")},
	{"print", pass_print, N_("print a pass to hand over")},
	{"return", pass_return, N_("a pass is handed back")},
	{"lost", pass_lost, N_("a pass was lost")},
	{NULL, NULL, NULL},
};

int
reno_pass(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, pass_subs, N_("Temporary passes."), NULL);
}

static int
passes_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct reno_args *a = arg;
	int64_t id = 0;

	if (a->npos && pm_reno_find(db, a->pos[0], &id, err) < 0)
		return -1;
	return pm_reno_passes(db, id, a->active, out, err);
}

int
reno_passes(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"active", O_ACTIVE, NULL, 0, N_("only passes out and valid today: the list for the gate"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	int rc;

	reno_parse(options, N_("[PERMIT]"),
	    N_("The pass issue and return register; --active is the CSV for the gate guards."),
	    argc, argv, &a, 1, 0);
	rc = reno_output(passes_fn, &a);
	reno_args_free(&a);
	return rc;
}

int
reno_start(int argc, char **argv)
{
	static const struct argp_option options[] = {{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t id;
	int rc;

	reno_parse(options, N_("PERMIT"),
	    N_("Work may start: the owner and the site supervisor are told."), argc, argv, &a, 1, 1);
	if ((rc = pm_cli_begin(&db)) == 0) {
		rc = pm_reno_find(db, a.pos[0], &id, &err) < 0 || pm_reno_start(db, id, &err) < 0;
		rc = pm_cli_end(db, rc, 0, &err);
	}
	reno_args_free(&a);
	return rc;
}
