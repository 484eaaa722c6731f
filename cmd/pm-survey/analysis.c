/* analysis.c - pm-survey score, pareto, causes, report */
#include <stdio.h>
#include <string.h>

#include "survey/survey.h"
#include "verbs.h"

/* The scope of --quarter, --round or --year; with none, the latest
 * quarterly round. */
static int
scope(const struct sv_args *a, struct pm_db *db, struct pm_survey_scope *sc, struct pm_err *err)
{
	char y[8];

	if (a->round)
		return pm_survey_scope_round(db, a->round, sc, err);
	if (a->year) {
		snprintf(y, sizeof y, "%04ld", a->year);
		return pm_survey_scope_parse(y, sc, err);
	}
	if (a->quarter)
		return pm_survey_scope_parse(a->quarter, sc, err);
	{
		struct pm_survey_score s;

		/* the latest round's quarter */
		if (pm_survey_score_get(db, NULL, &s, err) < 0)
			return -1;
		snprintf(y, sizeof y, "%.7s", s.quarter);
		pm_survey_score_free(&s);
		return pm_survey_scope_parse(y, sc, err);
	}
}

int
survey_score(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"quarter", OPT_QUARTER, N_("QUARTER"), 0, N_("the round (default: the latest)"), 0},
		SV_ROUND_OPTION,
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, sv_parse, "",
	    N_("The response rate; satisfaction per item and overall, against the previous "
	       "quarter (not for a butler's round); and by building.  Satisfaction = "
	       "(satisfied + fair) / answers."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_survey_score s;
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	a.max_pos = 0;
	pm_cli_parse(&argp, argc, argv, &a);
	sv_args_free(&a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	rc = pm_survey_score_get(db, SV_ROUND_KEY(&a), &s, &err);
	pm_db_close(db);
	if (rc < 0)
		return pm_cli_fail(&err);
	if (!(out = pm_cli_out())) {
		pm_survey_score_free(&s);
		return PM_EXIT_OSERR;
	}
	pm_survey_score_write(&s, out);
	pm_survey_score_free(&s);
	return pm_cli_finish(out);
}

static int
write_svg(const char *path, const struct pm_buf *svg)
{
	struct pm_buf doc = PM_BUF_INIT;
	struct pm_err err = {0};
	int rc;

	if (pm_buf_adds(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") < 0 ||
	    pm_buf_add(&doc, svg->s ? svg->s : "", svg->len) < 0) {
		pm_buf_free(&doc);
		pm_err_oom(&err);
		return pm_cli_fail(&err);
	}
	rc = sv_write_file(path, doc.s, doc.len);
	pm_buf_free(&doc);
	return rc;
}

static const struct argp_option scope_options[] = {
	{"quarter", OPT_QUARTER, N_("QUARTER"), 0, N_("the round (default: the latest)"), 0},
	SV_ROUND_OPTION,
	{"year", OPT_YEAR, N_("N"), 0, N_("every quarterly round of the year"), 0},
	{"svg", OPT_SVG, N_("FILE"), 0, N_("also draw the chart as SVG into FILE (- for stdout, "
				       "instead of the table)"), 0},
	{"item", OPT_ITEM, N_("ITEM"), 0, N_("causes: only this category (key or label)"), 0},
	{NULL, 0, NULL, 0, NULL, 0},
};

int
survey_pareto(int argc, char **argv)
{
	static const struct argp argp = {scope_options, sv_parse, "",
	    N_("Problems by category, most first, with share and cumulative share; the vital "
	       "few are the fewest categories that reach 80% (a category tied with the last "
	       "of them is one too).  --svg draws the Pareto chart."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_survey_scope sc;
	struct pm_survey_pareto p;
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	a.max_pos = 0;
	pm_cli_parse(&argp, argc, argv, &a);
	sv_args_free(&a);
	if (a.item) {
		pm_cli_warn("%s", _("--item is for causes"));
		return PM_EXIT_USAGE;
	}
	if ((rc = pm_cli_open(&db)))
		return rc;
	rc = scope(&a, db, &sc, &err) < 0 ? -1 : pm_survey_pareto_get(db, &sc, &p, &err);
	pm_db_close(db);
	if (rc < 0)
		return pm_cli_fail(&err);
	if (a.svg) {
		struct pm_buf svg = PM_BUF_INIT;
		char title[128];

		snprintf(title, sizeof title, _("%s problems by category (Pareto chart)"), sc.name);
		if (pm_survey_pareto_svg(&p, title, &svg) < 0) {
			pm_buf_free(&svg);
			pm_survey_pareto_free(&p);
			pm_err_oom(&err);
			return pm_cli_fail(&err);
		}
		rc = write_svg(a.svg, &svg);
		pm_buf_free(&svg);
		if (rc || !strcmp(a.svg, "-")) {
			pm_survey_pareto_free(&p);
			return rc;
		}
	}
	if (!(out = pm_cli_out())) {
		pm_survey_pareto_free(&p);
		return PM_EXIT_OSERR;
	}
	pm_survey_pareto_write(&p, out);
	pm_survey_pareto_free(&p);
	return pm_cli_finish(out);
}

int
survey_causes(int argc, char **argv)
{
	static const struct argp argp = {scope_options, sv_parse, "",
	    N_("The cause-and-effect tree: each category (or --item), its problems by "
	       "人 机 料 法 环 (man, machine, material, method, environment) and the specific "
	       "causes.  --svg draws the fishbone of --item, or of the top category."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_survey_scope sc;
	struct pm_survey_causes c;
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	a.max_pos = 0;
	pm_cli_parse(&argp, argc, argv, &a);
	sv_args_free(&a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	rc = scope(&a, db, &sc, &err) < 0 ? -1 : pm_survey_causes_get(db, &sc, a.item, &c, &err);
	pm_db_close(db);
	if (rc < 0)
		return pm_cli_fail(&err);
	if (a.svg) {
		struct pm_buf svg = PM_BUF_INIT;
		char title[256];

		if (!c.n) {
			pm_survey_causes_free(&c);
			pm_err_set(&err, PM_EXIT_DATA, _("%s has no problems to draw"), sc.name);
			return pm_cli_fail(&err);
		}
		snprintf(title, sizeof title, _("%s %s: cause and effect (%lld problems)"), sc.name,
		    c.effects[0].label, (long long)c.effects[0].count);
		if (pm_survey_fishbone_svg(&c.effects[0], title, &svg) < 0) {
			pm_buf_free(&svg);
			pm_survey_causes_free(&c);
			pm_err_oom(&err);
			return pm_cli_fail(&err);
		}
		rc = write_svg(a.svg, &svg);
		pm_buf_free(&svg);
		if (rc || !strcmp(a.svg, "-")) {
			pm_survey_causes_free(&c);
			return rc;
		}
	}
	if (!(out = pm_cli_out())) {
		pm_survey_causes_free(&c);
		return PM_EXIT_OSERR;
	}
	pm_survey_causes_write(&c, out);
	pm_survey_causes_free(&c);
	return pm_cli_finish(out);
}

int
survey_report(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"quarter", OPT_QUARTER, N_("QUARTER"), 0, N_("the quarterly summary analysis of this round"), 0},
		{"year", OPT_YEAR, N_("N"), 0, N_("the annual review of this year"), 0},
		{"html", OPT_HTML, NULL, 0, N_("HTML instead of Markdown"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, sv_parse, "--quarter QUARTER | --year N",
	    N_("The summary analysis for head office, charts included: the quarter's response, "
	       "satisfaction, Pareto and cause-and-effect analysis; or the year's review."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_survey_scope sc;
	struct pm_buf doc = PM_BUF_INIT;
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.max_pos = 0;
	pm_cli_parse(&argp, argc, argv, &a);
	sv_args_free(&a);
	if (!a.quarter && !a.year) {
		pm_cli_warn("%s", _("which report? give --quarter QUARTER or --year N"));
		return PM_EXIT_USAGE;
	}
	if ((rc = pm_cli_open(&db)))
		return rc;
	rc = scope(&a, db, &sc, &err) < 0 ? -1
	    : pm_survey_report(db, &sc, a.html ? PM_SURVEY_HTML : PM_SURVEY_MARKDOWN, &doc, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_buf_free(&doc);
		return pm_cli_fail(&err);
	}
	rc = sv_write_file("-", doc.s ? doc.s : "", doc.len);
	pm_buf_free(&doc);
	return rc;
}
