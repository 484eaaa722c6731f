/* pm-reno - renovation permits: application, two reviews, workers and
 * passes, inspections and rectification notices, acceptance, refund */
#include "reno.h"

const char *argp_program_version = "pm-reno (pm-tools) " PM_VERSION;
const char *argp_program_bug_address = PM_BUG_ADDRESS;

static const struct pm_verb verbs[] = {
	{"apply", reno_apply, N_("hand in a renovation application")},
	{"review", reno_review, N_("the first (engineer) or second (manager) review")},
	{"resubmit", reno_resubmit, N_("resubmit a rejected application, amended")},
	{"worker", reno_worker, N_("workers: add, list")},
	{"pay", reno_pay, N_("take the fees and the deposit (through pm-fee)")},
	{"pass", reno_pass, N_("temporary passes: issue, return, lost")},
	{"passes", reno_passes, N_("the pass register; --active for the gate")},
	{"start", reno_start, N_("work may start")},
	{"inspect", reno_inspect, N_("record a site inspection: ok or a violation")},
	{"notice", reno_notice, N_("a rectification notice for a violation; --print one")},
	{"rectified", reno_rectified, N_("a notice has been put right")},
	{"extend", reno_extend, N_("a new planned end; the passes follow")},
	{"finish", reno_finish, N_("the acceptance inspection")},
	{"refund", reno_refund, N_("refund the deposit less deductions")},
	{"list", reno_list, N_("renovations by status")},
	{"due", reno_due, N_("what is late (exit 1 with --check)")},
	{"log", reno_log, N_("the whole history of one renovation")},
	{"files", reno_files, N_("the drawings, ID copies and photos of a renovation")},
	{"summary", reno_summary, N_("a month's figures")},
	{NULL, NULL, NULL},
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs,
	    N_("Renovation permits: from the application, through two reviews, workers' passes, "
	       "inspections and rectification notices, to the refund of the deposit."));
}
