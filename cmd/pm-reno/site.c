/* site.c - pm-reno inspect, notice, rectified, extend, finish, refund */
#include <stdio.h>
#include <stdlib.h>

#include "core/money.h"
#include "reno.h"
#include "reno/reno.h"

/* A write on one renovation named by its permit: fn does the work. */
typedef int (*step_fn)(struct pm_db *db, int64_t id, struct reno_args *a, struct pm_err *err);

static int
step(struct reno_args *a, step_fn fn)
{
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t id;
	int rc;

	if ((rc = pm_cli_begin(&db)) == 0) {
		rc = pm_reno_find(db, a->pos[0], &id, &err) < 0 || fn(db, id, a, &err) < 0;
		rc = pm_cli_end(db, rc, 0, &err);
	}
	reno_args_free(a);
	return rc;
}

static int
inspect_fn(struct pm_db *db, int64_t id, struct reno_args *a, struct pm_err *err)
{
	return pm_reno_inspect(db, id, a->by, a->violation, a->violation ? a->found : a->note,
	    a->photo, err);
}

int
reno_inspect(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"by", O_BY, N_("STAFF"), 0, N_("who inspected (required)"), 0},
		{"violation", O_VIOLATION, N_("KIND"), 0, N_("a violation: structure, facade, hours, waste, fire, pipes, noise, unregistered, other (拆改结构 违时施工 ...)"), 0},
		{"found", O_FOUND, N_("TEXT"), 0, N_("what was found (required with --violation)"), 0},
		{"note", O_NOTE, N_("TEXT"), 0, N_("a remark on an inspection that found nothing wrong"), 0},
		{"photo", O_PHOTO, N_("FILE"), 0, N_("a photo"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;

	reno_parse(options, N_("PERMIT --by STAFF [--violation KIND --found TEXT]"),
	    N_("Record a site inspection: all in order, or a violation and what was found."),
	    argc, argv, &a, 1, 1);
	return step(&a, inspect_fn);
}

static char notice_no[PM_SEQ_BUFSZ];

static int
notice_fn(struct pm_db *db, int64_t id, struct reno_args *a, struct pm_err *err)
{
	return pm_reno_notice(db, id, a->deadline, a->text, notice_no, err);
}

int
reno_notice(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"deadline", O_DEADLINE, N_("DATE"), 0, N_("put right by (required)"), 0},
		{"text", O_TEXT, N_("TEXT"), 0, N_("what to put right (default: the violation found)"), 0},
		{"print", O_PRINT, NULL, 0, N_("print the notice N instead"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_buf text = PM_BUF_INIT;
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	reno_parse(options, N_("PERMIT --deadline DATE\n--print N"),
	    N_("Give a numbered rectification notice (违规整改通知书) for the latest violation found, "
	       "with a deadline; prints its number.  --print prints a notice to hand over."),
	    argc, argv, &a, 1, 1);
	if (!a.print) {
		if (!a.deadline) {
			fprintf(stderr, _("%s: give --deadline DATE\n"), pm_cli.prog);
			reno_args_free(&a);
			return PM_EXIT_USAGE;
		}
		/* the number is printed once the notice is committed */
		if ((rc = step(&a, notice_fn)) == 0)
			printf("%s\n", notice_no);
		return rc;
	}
	if (pm_cli.out.format != PM_FMT_DEFAULT && (rc = pm_cli_open(&db)) == 0) {
		/* -o html (or any format): the notice as a document */
		struct pm_out *out = pm_cli_out();

		rc = out ? pm_reno_notice_document(db, a.pos[0], out, &err) : -1;
		pm_db_close(db);
		if (rc < 0) {
			pm_out_free(out);
			rc = pm_cli_fail(&err);
		} else {
			rc = pm_cli_finish(out);
		}
	} else if ((rc = pm_cli_open(&db)) == 0) {
		rc = pm_reno_notice_text(db, a.pos[0], &text, &err);
		pm_db_close(db);
		if (rc < 0)
			rc = pm_cli_fail(&err);
		else
			fwrite(text.s, 1, text.len, stdout);
	}
	pm_buf_free(&text);
	reno_args_free(&a);
	return rc;
}

int
reno_rectified(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"by", O_BY, N_("STAFF"), 0, N_("who checked it (required)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	reno_parse(options, N_("N --by STAFF"), N_("A rectification notice has been put right."),
	    argc, argv, &a, 1, 1);
	if ((rc = pm_cli_begin(&db)) == 0) {
		rc = pm_reno_rectified(db, a.pos[0], a.by, &err) < 0;
		rc = pm_cli_end(db, rc, 0, &err);
	}
	reno_args_free(&a);
	return rc;
}

static int
extend_fn(struct pm_db *db, int64_t id, struct reno_args *a, struct pm_err *err)
{
	return pm_reno_extend(db, id, a->until, a->nreason ? a->reason[0] : NULL, err);
}

int
reno_extend(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"until", O_UNTIL, N_("DATE"), 0, N_("the new planned end (required)"), 0},
		{"reason", O_REASON, N_("TEXT"), 0, N_("why"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;

	reno_parse(options, N_("PERMIT --until DATE"),
	    N_("A new planned end: the passes out are valid until it too."), argc, argv, &a, 1, 1);
	return step(&a, extend_fn);
}

static int
finish_fn(struct pm_db *db, int64_t id, struct reno_args *a, struct pm_err *err)
{
	return pm_reno_finish(db, id, a->by, a->note, err);
}

int
reno_finish(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"by", O_BY, N_("STAFF"), 0, N_("who accepted the work (engineer, supervisor or manager)"), 0},
		{"note", O_NOTE, N_("TEXT"), 0, N_("a remark"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;

	reno_parse(options, N_("PERMIT --by STAFF"),
	    N_("The acceptance inspection: refused while a pass is out or a notice is open."),
	    argc, argv, &a, 1, 1);
	return step(&a, finish_fn);
}

int
reno_refund(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"method", O_METHOD, N_("METHOD"), 0, N_("how it is paid back (required)"), 0},
		{"deduct", O_DEDUCT, N_("AMOUNT"), 0, N_("keep AMOUNT back (repeat; each with its --reason)"), 0},
		{"reason", O_REASON, N_("TEXT"), 0, N_("why the deduction before it"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct pm_deduction *ded;
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t id, refunded = 0;
	int i, rc;

	reno_parse(options, N_("PERMIT --method METHOD [--deduct AMOUNT --reason TEXT]..."),
	    N_("Refund the deposit, once, after the work is accepted: less deductions, each with "
	       "its reason."), argc, argv, &a, 1, 1);
	if (!a.method || a.ndeduct != a.nreason) {
		fprintf(stderr, _("%s: give --method, and each --deduct its --reason\n"), pm_cli.prog);
		reno_args_free(&a);
		return PM_EXIT_USAGE;
	}
	if (!(ded = calloc((size_t)a.ndeduct + 1, sizeof *ded))) {
		reno_args_free(&a);
		return PM_EXIT_OSERR;
	}
	for (i = 0; i < a.ndeduct; i++) {
		ded[i].amount = a.deduct[i];
		ded[i].reason = a.reason[i];
	}
	if ((rc = pm_cli_begin(&db)) == 0) {
		rc = pm_reno_find(db, a.pos[0], &id, &err) < 0 ||
		    pm_reno_refund(db, id, ded, (size_t)a.ndeduct, a.method, &refunded, &err) < 0;
		if ((rc = pm_cli_end(db, rc, 0, &err)) == 0) {
			char m[PM_DEC_BUFSZ];

			printf(_("%s: %s refunded\n"), a.pos[0], pm_money_fmt(refunded, m));
		}
	}
	free(ded);
	reno_args_free(&a);
	return rc;
}
