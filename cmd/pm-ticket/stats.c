/* stats.c - pm-ticket stats, sample */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"
#include "ticket.h"
#include "ticket/ticket.h"

enum { OPT_WEEK = 0x100, OPT_MONTH, OPT_SUMMARY, OPT_SEED };

struct stats_args {
	struct pm_period p;
	int have, summary, have_seed;
	long n;
	uint64_t seed;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct stats_args *a = state->input;

	switch (key) {
	case OPT_WEEK:
		a->p = pm_cli_period(state, "--week", arg, PM_PERIOD_WEEK);
		a->have = 1;
		break;
	case OPT_MONTH:
		a->p = pm_cli_period(state, "--month", arg, PM_PERIOD_MONTH);
		a->have = 1;
		break;
	case OPT_SUMMARY: a->summary = 1; break;
	case 'n': a->n = pm_cli_long(state, "-n", arg, 1, 100000); break;
	case OPT_SEED: {
		char *end;

		errno = 0;
		a->seed = strtoull(arg, &end, 10);
		if (!*arg || *end || errno || *arg == '-')
			argp_error(state, _("--seed: '%s' is not a whole number"), arg);
		a->have_seed = 1;
		break;
	}
	case ARGP_KEY_ARG: argp_error(state, _("unexpected argument '%s'"), arg); break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/* The period given, or the one holding today. */
static int
period(struct stats_args *a, enum pm_period_kind kind)
{
	struct pm_err err = {0};
	struct pm_date today;

	if (a->have)
		return 0;
	if (pm_today(&today, &err) < 0)
		return pm_cli_fail(&err);
	a->p = pm_period_of(kind, today);
	return 0;
}

static int
do_stats(struct pm_db *db, const void *arg, struct pm_out *out, struct pm_err *err)
{
	return pm_ticket_stats(db, &((const struct stats_args *)arg)->p, out, err);
}

int
ticket_stats(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"week", OPT_WEEK, N_("WEEK"), 0, N_("an ISO week, like 2026-W48 (default: this week)"), 0},
		{"month", OPT_MONTH, N_("MONTH"), 0, N_("a month, like 2026-11"), 0},
		{"summary", OPT_SUMMARY, NULL, 0, N_("the complaint summary in words instead"), 0},
		{NULL, 0, NULL, 0, NULL, 0},
	};
	static const struct argp argp = {options, parse, "",
	    N_("Statistics of a week or month as rows of metric, key, value: tickets by kind, "
	       "category and building, handled the same day, callbacks on time, satisfaction, "
	       "complaints answered on time and per 100 households, rework."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct stats_args a = {0};
	struct pm_buf text = PM_BUF_INIT;
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.summary) {
		if ((rc = pm_cli_open(&db)))
			return rc;
		pm_db_close(db);  /* the zone is set: "this week" is the estate's */
		if ((rc = period(&a, PM_PERIOD_WEEK)))
			return rc;
		return ticket_listing(do_stats, &a, NULL);
	}
	if ((rc = pm_cli_open(&db)))
		return rc;
	if ((rc = period(&a, PM_PERIOD_WEEK)) == 0) {
		if (pm_ticket_summary(db, &a.p, &text, &err) < 0)
			rc = pm_cli_fail(&err);
		else  /* a short write leaves stdout in error: pm_cli_main reports it */
			(void)!fwrite(text.s, 1, text.len, stdout);
	}
	pm_db_close(db);
	pm_buf_free(&text);
	return rc;
}

static int
do_sample(struct pm_db *db, const void *arg, struct pm_out *out, struct pm_err *err)
{
	const struct stats_args *a = arg;

	return pm_ticket_sample(db, &a->p, a->n, a->seed, out, err);
}

int
ticket_sample(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"month", OPT_MONTH, N_("MONTH"), 0, N_("callbacks made in this month (default: this month)"), 0},
		{NULL, 'n', N_("N"), 0, N_("how many (default 10)"), 0},
		{"seed", OPT_SEED, N_("N"), 0, N_("the random seed: the same seed, the same sample (default: the month, as 202611)"), 0},
		{NULL, 0, NULL, 0, NULL, 0},
	};
	static const struct argp argp = {options, parse, "",
	    N_("A reproducible random sample of a month's callbacks for the manager to re-check "
	       "(record the result with pm-ticket recheck)."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct stats_args a = {0};
	struct pm_db *db;
	int rc;

	a.n = 10;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	pm_db_close(db);  /* the zone is set: "this month" is the estate's */
	if ((rc = period(&a, PM_PERIOD_MONTH)))
		return rc;
	if (!a.have_seed)
		a.seed = (uint64_t)a.p.year * 100 + (uint64_t)a.p.num;
	{
		char record[64];

		snprintf(record, sizeof record, "callback sample %s", pm_period_fmt(a.p, (char[PM_PERIOD_BUFSZ]){0}));
		return ticket_listing(do_sample, &a, record);
	}
}
