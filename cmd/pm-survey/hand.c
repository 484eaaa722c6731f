/* hand.c - pm-survey issue, collect, due */
#include <stdio.h>

#include "survey/survey.h"
#include "verbs.h"

static int
hand(int argc, char **argv, const struct argp *argp, int collect)
{
	struct sv_args a = {0};
	struct pm_strv units = PM_STRV_INIT;
	struct pm_survey_hand h = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t count = 0;
	int rc;

	a.max_pos = -1;
	a.min_pos = collect;
	a.pos_name = N_("the UNITs, or - to read them from stdin");
	pm_cli_parse(argp, argc, argv, &a);
	if ((rc = sv_units(&a.pos, &units)))
		goto done;
	if (a.pos.n && !units.n) {
		pm_cli_warn("%s", _("no units on stdin"));
		rc = PM_EXIT_DATA;
		goto done;
	}
	h.round = SV_ROUND_KEY(&a);
	h.by = a.by;
	h.collector = a.collector;
	h.date = a.date;
	h.allow_repeat = a.repeat;
	if ((rc = pm_cli_begin(&db)))
		goto done;
	rc = collect ? pm_survey_collect(db, &h, &units, &count, &err)
		     : pm_survey_issue(db, &h, &units, &count, &err);
	if ((rc = pm_cli_end(db, rc < 0, 0, &err)))
		goto done;
	printf(collect ? _("%lld form(s) collected\n") : _("%lld form(s) issued\n"), (long long)count);
done:
	pm_strv_free(&units);
	sv_args_free(&a);
	return rc;
}

int
survey_issue(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"quarter", OPT_QUARTER, N_("QUARTER"), 0, N_("the round (default: the latest)"), 0},
		SV_ROUND_OPTION,
		{"by", OPT_BY, N_("STAFF"), 0,
		 N_("who hands the forms out (required; a butler's round: the butler)"), 0},
		{"collector", OPT_COLLECTOR, N_("STAFF"), 0, N_("who collects them (default: --by)"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day handed out (default: today)"), 0},
		{"allow-repeat", OPT_REPEAT, NULL, 0,
		 N_("a UNIT surveyed earlier in the year may have a form again"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, sv_parse, N_("UNIT... --by STAFF\n--by STAFF"),
	    N_("Record forms handed out: those of the UNITs given (- reads the unit column "
	       "of a CSV on stdin; a unit without a form gets one), or every form of the "
	       "round not yet out."), pm_cli_children, NULL, PM_TEXTDOMAIN};

	return hand(argc, argv, &argp, 0);
}

int
survey_collect(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"quarter", OPT_QUARTER, N_("QUARTER"), 0, N_("the round (default: the latest)"), 0},
		SV_ROUND_OPTION,
		{"by", OPT_BY, N_("STAFF"), 0, N_("who collected them (default: the collector named at issue)"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day they came back (default: today)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, sv_parse, N_("UNIT..."),
	    N_("Record the forms of the UNITs back (- reads the unit column of a CSV on stdin)."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};

	return hand(argc, argv, &argp, 1);
}

int
survey_due(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"quarter", OPT_QUARTER, N_("QUARTER"), 0, N_("only this round (default: every round)"), 0},
		SV_ROUND_OPTION,
		{"all", OPT_ALL, NULL, 0, N_("also the forms out and not yet due"), 0},
		{"check", OPT_CHECK, NULL, 0, N_("exit 1 when any form is overdue (for cron)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, sv_parse, "",
	    N_("Forms not back by their due date, with who has to collect them."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int64_t late = 0;
	int rc;

	a.max_pos = 0;
	pm_cli_parse(&argp, argc, argv, &a);
	sv_args_free(&a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	rc = pm_survey_due(db, SV_ROUND_KEY(&a), a.all, out, &late, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	if ((rc = pm_cli_finish(out)))
		return rc;
	return a.check && late ? PM_EXIT_FOUND : 0;
}
