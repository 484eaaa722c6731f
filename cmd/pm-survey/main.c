/* pm-survey - the quarterly owner evaluation (业主评议): forms, sampling,
 * handing out and collecting, answers, Pareto and cause-and-effect
 * analysis, the quarterly report */
#include "verbs.h"

const char *argp_program_version = "pm-survey (pm-tools) " PM_VERSION;
const char *argp_program_bug_address = PM_BUG_ADDRESS;

static const struct pm_verb verbs[] = {
	{"template", survey_template, N_("the evaluation form: list, show, add a version")},
	{"new", survey_new, N_("open the round of a quarter")},
	{"list", survey_list, N_("the rounds and how far each has got")},
	{"show", survey_show, N_("the forms of a round: who has them, which are back")},
	{"sample", survey_sample, N_("choose the units that get a form")},
	{"issue", survey_issue, N_("record forms handed out, by whom, to be collected by whom")},
	{"collect", survey_collect, N_("record forms back")},
	{"due", survey_due, N_("forms not back by the due date (exit 1 with --check)")},
	{"answer", survey_answer, N_("enter the answers on one form")},
	{"import", survey_import, N_("import answers typed up in Excel")},
	{"score", survey_score, N_("response rate and satisfaction, per item and building")},
	{"pareto", survey_pareto, N_("problems by category: the vital few (排列图)")},
	{"causes", survey_causes, N_("cause and effect: 人机料法环 (因果图)")},
	{"report", survey_report, N_("the quarterly summary or the annual review")},
	{NULL, NULL, NULL},
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs,
	    N_("The quarterly owner evaluation: forms, sample, collection, analysis."));
}
