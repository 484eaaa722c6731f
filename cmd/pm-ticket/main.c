/* pm-ticket - repairs, complaints and requests: dispatch, callbacks on
 * deadline, reminders, patrols, weekly statistics */
#include "ticket.h"

const char *argp_program_version = "pm-ticket (pm-tools) " PM_VERSION;
const char *argp_program_bug_address = PM_BUG_ADDRESS;

static const struct pm_verb verbs[] = {
	{"new", ticket_new, N_("take a repair call, complaint, suggestion, inquiry or errand")},
	{"dispatch", ticket_dispatch, N_("send tickets to a department and a person")},
	{"accept", ticket_accept, N_("the person sent to accepts the ticket")},
	{"start", ticket_start, N_("work on the ticket starts")},
	{"finish", ticket_finish, N_("the work is done: what was done, materials")},
	{"reply", ticket_reply, N_("answer a complaint")},
	{"callback", ticket_callback, N_("record the callback to the household")},
	{"close", ticket_close, N_("close tickets that are called back")},
	{"reopen", ticket_reopen, N_("reopen a closed ticket")},
	{"handover", ticket_handover, N_("hand a ticket's callback over to someone else")},
	{"attach", ticket_attach, N_("attach a photo or scan to a ticket")},
	{"photo", ticket_photo, N_("write an attachment to stdout")},
	{"show", ticket_show, N_("a ticket with its whole timeline")},
	{"list", ticket_list, N_("list tickets by kind, category, status, unit, person, date")},
	{"today", ticket_today, N_("the day's tickets not yet finished")},
	{"due", ticket_due, N_("callbacks, replies and rework falling due or overdue")},
	{"remind", ticket_remind, N_("reminder mail, one message per person, for cron")},
	{"stats", ticket_stats, N_("weekly or monthly statistics and the complaint summary")},
	{"sample", ticket_sample, N_("a random sample of callbacks for the manager's re-check")},
	{"recheck", ticket_recheck, N_("record the manager's re-check of a callback")},
	{"patrol", ticket_patrol, N_("record a patrol and what it found")},
	{"patrols", ticket_patrols, N_("patrols of a day, areas not patrolled, counts per month")},
	{NULL, NULL, NULL},
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs,
	    N_("Repairs, complaints and requests: dispatch, callbacks, deadlines, patrols."));
}
