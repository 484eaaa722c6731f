/* round.c - pm-survey new, list, show */
#include <stdio.h>

#include "survey/survey.h"
#include "verbs.h"

static const struct argp_option round_options[] = {
	{"quarter", OPT_QUARTER, N_("QUARTER"), 0, N_("the round (default: the latest)"), 0},
	SV_ROUND_OPTION,
	{NULL, 0, NULL, 0, NULL, 0},
};

int
survey_new(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"quarter", OPT_QUARTER, N_("QUARTER"), 0, N_("the quarter, like 2026Q4 (required)"), 0},
		{"butler", OPT_BUTLER, N_("STAFF"), 0,
		 N_("instead, a butler's own survey: the butler whose round it is"), 0},
		{"name", OPT_NAME, N_("TEXT"), 0,
		 N_("the name of the butler's round (default: BUTLER-YYYY-MM of the issue date)"), 0},
		{"issue", OPT_ISSUE, N_("DATE"), 0,
		 N_("the day the forms go out (default: the 15th of the quarter's last month; "
		    "a butler's round: today)"), 0},
		{"due", OPT_DUE, N_("DATE"), 0,
		 N_("the day they are due back (default: issue + survey.collect_days)"), 0},
		{"form", OPT_FORM, N_("TEXT"), 0,
		 N_("the form: NAME or NAME:VERSION (default: the latest \"default\")"), 0},
		{"template", OPT_FORM, N_("TEXT"), OPTION_ALIAS, NULL, 0},
		{"ratio", OPT_RATIO, N_("N"), 0,
		 N_("percent of moved-in units to sample (default: survey.ratio_percent)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, sv_parse,
	    "--quarter QUARTER\n--butler STAFF [--name TEXT]",
	    N_("Open the round of a quarter: when the forms go out and are due back, which "
	       "form, what share of units.  With --butler, a butler's own satisfaction "
	       "survey instead, on the units the butler lists."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_survey_round_opts o = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	char key[PM_SURVEY_KEY_BUFSZ], issue[16], due[16];
	const char *usage = NULL;
	int rc;

	a.max_pos = 0;
	pm_cli_parse(&argp, argc, argv, &a);
	sv_args_free(&a);
	if (a.quarter && a.butler)
		usage = _("give --quarter or --butler, not both");
	else if (a.name && !a.butler)
		usage = _("--name is for a butler's round (--butler)");
	else if (a.ratio && a.butler)
		usage = _("--ratio is for the quarterly round: a butler's round takes the units listed");
	else if (!a.quarter && !a.butler)
		usage = _("which quarter? give --quarter QUARTER, like 2026Q4");
	if (usage) {
		pm_cli_warn("%s", usage);
		return PM_EXIT_USAGE;
	}
	o.quarter = a.quarter;
	o.butler = a.butler;
	o.name = a.name;
	o.issue_on = a.issue;
	o.due_on = a.due;
	o.tmpl = a.form;
	o.ratio = (int)a.ratio;
	if ((rc = pm_cli_begin(&db)))
		return rc;
	rc = pm_survey_round_new(db, &o, key, issue, due, &err);
	if ((rc = pm_cli_end(db, rc < 0, 0, &err)))
		return rc;
	printf(_("%s: forms out %s, due back %s\n"), key, issue, due);
	return 0;
}

int
survey_list(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"year", OPT_YEAR, N_("N"), 0, N_("only the rounds of this year"), 0},
		{"butler", OPT_BUTLER, N_("STAFF"), 0, N_("only the rounds of this butler"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, sv_parse, "",
	    N_("The rounds, quarterly and butlers' own, newest first: kind, dates, form, "
	       "sample and how many forms are out, back and answered."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
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
	rc = pm_survey_round_list(db, (int)a.year, a.butler, out, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	return pm_cli_finish(out);
}

int
survey_show(int argc, char **argv)
{
	static const struct argp argp = {round_options, sv_parse, "",
	    N_("The forms of a round: the unit, who handed it out and when, who collects it, "
	       "when it came back."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
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
	rc = pm_survey_round_show(db, SV_ROUND_KEY(&a), out, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	return pm_cli_finish(out);
}
