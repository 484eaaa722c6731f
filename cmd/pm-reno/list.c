/* list.c - pm-reno list, due, log, files, summary */
#include <stdio.h>
#include <stdlib.h>

#include "owner/unit.h"
#include "reno.h"
#include "reno/reno.h"

static int
list_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct reno_args *a = arg;
	int64_t unit = 0;

	if (a->npos && pm_unit_find(db, a->pos[0], &unit, NULL, err) < 0)
		return -1;
	return pm_reno_list(db, a->status, unit, out, err);
}

int
reno_list(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"status", O_STATUS, N_("STATUS"), 0, N_("applied, reviewed, approved, rejected, started, finished or refunded"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	int rc;

	reno_parse(options, N_("[UNIT]"), N_("List renovations."), argc, argv, &a, 1, 0);
	rc = reno_output(list_fn, &a);
	reno_args_free(&a);
	return rc;
}

struct due {
	struct reno_args *a;
	long found;
};

static int
due_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct due *d = arg;

	return pm_reno_due(db, d->a->date, out, &d->found, err);
}

int
reno_due(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"date", O_DATE, N_("DATE"), 0, N_("as of this day (default today)"), 0},
		{"check", O_CHECK, NULL, 0, N_("exit 1 when anything is late (for cron)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	struct due d = {&a, 0};
	int rc;

	reno_parse(options, "",
	    N_("What is late: reviews past reno.review_days, notices past their deadline, works "
	       "past their planned end, sites without their inspections that day."),
	    argc, argv, &a, 0, 0);
	rc = reno_output(due_fn, &d);
	if (rc == 0 && a.check && d.found)
		rc = PM_EXIT_FOUND;
	reno_args_free(&a);
	return rc;
}

static int
log_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct reno_args *a = arg;
	int64_t id;

	if (pm_reno_find(db, a->pos[0], &id, err) < 0)
		return -1;
	return pm_reno_log(db, id, out, err);
}

int
reno_log(int argc, char **argv)
{
	static const struct argp_option options[] = {{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	int rc;

	reno_parse(options, N_("PERMIT"), N_("The renovation log: every step, who took it, when."),
	    argc, argv, &a, 1, 1);
	rc = reno_output(log_fn, &a);
	reno_args_free(&a);
	return rc;
}

static int
files_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct reno_args *a = arg;
	int64_t id;

	if (pm_reno_find(db, a->pos[0], &id, err) < 0)
		return -1;
	return pm_reno_files(db, id, out, err);
}

/* pm-reno files PERMIT N: the file's bytes on stdout, for the printer or
 * a viewer (like pm-ticket photo). */
static int
file_out(const char *permit, const char *n_s)
{
	struct pm_err err = {0};
	struct pm_db *db;
	char *data, *end;
	long long n;
	int64_t id;
	size_t len;
	int rc;

	n = strtoll(n_s, &end, 10);
	if (*end || n <= 0) {
		pm_cli_warn(_("'%s' is not a file number (see pm-reno files PERMIT)"), n_s);
		return PM_EXIT_USAGE;
	}
	if ((rc = pm_cli_open(&db)))
		return rc;
	rc = pm_reno_find(db, permit, &id, &err) < 0 ? -1
	    : pm_reno_file(db, id, n, &data, &len, &err);
	pm_db_close(db);
	if (rc < 0)
		return pm_cli_fail(&err);
	return pm_cli_put(data, len);
}

int
reno_files(int argc, char **argv)
{
	static const struct argp_option options[] = {{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	int rc;

	reno_parse(options, N_("PERMIT [N]"),
	    N_("The files of a renovation: the drawings and ID copies handed in with the "
	       "application, inspection photos and workers' photos.  With N, file N itself "
	       "on standard output."), argc, argv, &a, 2, 1);
	rc = a.npos == 2 ? file_out(a.pos[0], a.pos[1]) : reno_output(files_fn, &a);
	reno_args_free(&a);
	return rc;
}

static int
summary_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct reno_args *a = arg;

	return pm_reno_summary(db, a->month, out, err);
}

int
reno_summary(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"month", O_MONTH, N_("MONTH"), 0, N_("the month (required)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	struct reno_args a;
	int rc;

	reno_parse(options, N_("--month MONTH"),
	    N_("A month's figures: applications, approvals, rejections, average review time, "
	       "violations by kind, notices, deposits taken, held and refunded."),
	    argc, argv, &a, 0, 0);
	if (!a.month) {
		fprintf(stderr, _("%s: give --month (like 2026-11)\n"), pm_cli.prog);
		reno_args_free(&a);
		return PM_EXIT_USAGE;
	}
	rc = reno_output(summary_fn, &a);
	reno_args_free(&a);
	return rc;
}
