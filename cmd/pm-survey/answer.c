/* answer.c - pm-survey answer, import */
#include <stdio.h>
#include <string.h>

#include "survey/survey.h"
#include "verbs.h"

int
survey_answer(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"quarter", OPT_QUARTER, N_("QUARTER"), 0, N_("the round (default: the latest)"), 0},
		SV_ROUND_OPTION,
		{"problem", OPT_PROBLEM, N_("TEXT"), 0,
		 N_("a problem raised: ITEM:CAUSE:DETAIL[:WORDS], CAUSE one of 人 机 料 法 环 "
		    "(man machine material method environment); repeat for more"), 0},
		{"suggestion", OPT_SUGGESTION, N_("TEXT"), 0, N_("the owner's suggestion"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day of the answers (default: today)"), 0},
		{"replace", OPT_REPLACE, NULL, 0, N_("enter a form answered before again"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, sv_parse, N_("UNIT [ITEM=SCORE...]"),
	    N_("Enter the answers on the form of UNIT: a score per item (客服=满意, "
	       "repairs=不满意; 1 to 5 on a five-point form) and the problems raised."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_strv scores = PM_STRV_INIT;
	struct pm_survey_answer an = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	size_t i;
	int rc;

	a.max_pos = -1;
	a.min_pos = 1;
	a.pos_name = N_("the UNIT");
	pm_cli_parse(&argp, argc, argv, &a);
	for (i = 1; i < a.pos.n; i++)
		if (pm_strv_add(&scores, a.pos.v[i], strlen(a.pos.v[i])) < 0) {
			pm_err_oom(&err);
			rc = pm_cli_fail(&err);
			goto done;
		}
	an.round = SV_ROUND_KEY(&a);
	an.unit = a.pos.v[0];
	an.scores = &scores;
	an.problems = &a.problems;
	an.suggestion = a.suggestion;
	an.date = a.date;
	an.replace = a.replace;
	if ((rc = pm_cli_begin(&db)))
		goto done;
	rc = pm_survey_answer(db, &an, &err);
	rc = pm_cli_end(db, rc < 0, 0, &err);
done:
	pm_strv_free(&scores);
	sv_args_free(&a);
	return rc;
}

/* Each refused row on stderr, as it is found. */
static void
report_row(void *ctx, const char *message)
{
	(void)ctx;
	pm_cli_warn("%s", message);
}

int
survey_import(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"quarter", OPT_QUARTER, N_("QUARTER"), 0, N_("the round (default: the latest)"), 0},
		SV_ROUND_OPTION,
		{"encoding", OPT_ENCODING, N_("ENCODING"), 0,
		 N_("the file's encoding (default: detected; utf-8, gb18030, utf-16 ...)"), 0},
		{"dry-run", OPT_DRY_RUN, NULL, 0, N_("check everything, write nothing"), 0},
		{"replace", OPT_REPLACE, NULL, 0, N_("forms answered before are entered again"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, sv_parse, N_("FILE"),
	    N_("Import answers typed up in Excel (CSV or TSV; - for stdin): a row per form with "
	       "the unit (房号), a column per item (客服, 安保 ...), and the problem raised: "
	       "问题类别, 原因类别 (人 机 料 法 环), 具体原因, 问题描述; 建议, 日期.  All or "
	       "nothing."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_survey_import im;
	struct pm_err err = {0};
	struct pm_db *db;
	size_t i;
	int rc;

	memset(&im, 0, sizeof im);
	a.max_pos = 1;
	a.min_pos = 1;
	a.pos_name = N_("the FILE");
	pm_cli_parse(&argp, argc, argv, &a);
	im.round = SV_ROUND_KEY(&a);
	im.path = a.pos.v[0];
	im.csv.encoding = a.encoding;
	im.replace = a.replace;
	im.report = report_row;
	if ((rc = pm_cli_begin(&db)))
		goto done;
	rc = pm_survey_import_file(db, &im, &err);
	for (i = 0; rc == 0 && i < im.ignored.n; i++)
		pm_cli_warn(_("%s: column '%s' ignored"), im.path, im.ignored.v[i]);
	if (rc == 0 && a.dry_run) {
		pm_db_close(db);
		printf(_("%lld form(s) and %lld problem(s) checked; nothing written (--dry-run)\n"),
		    (long long)im.forms, (long long)im.problems);
		goto done;
	}
	if ((rc = pm_cli_end(db, rc < 0, 0, &err)))
		goto done;
	printf(_("%lld form(s) and %lld problem(s) imported\n"), (long long)im.forms,
	    (long long)im.problems);
done:
	pm_survey_import_free(&im);
	sv_args_free(&a);
	return rc;
}
