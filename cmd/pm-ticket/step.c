/* step.c - the steps of a ticket's life: dispatch, accept, start, finish,
 * reply, callback, close, reopen, handover; and the manager's recheck */
#include <stdlib.h>

#include "ticket.h"
#include "ticket/ticket.h"

enum { OPT_TO = 0x100, OPT_DEPT, OPT_BY, OPT_DONE, OPT_MATERIALS, OPT_TEXT, OPT_RESULT,
       OPT_NOTES, OPT_REASON };

struct step_args {
	struct pm_ticket_step_args s;
	char **tickets;
	size_t n;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct step_args *a = state->input;

	switch (key) {
	case OPT_TO: a->s.to = arg; break;
	case OPT_DEPT: a->s.dept = arg; break;
	case OPT_BY: a->s.by = arg; break;
	case OPT_MATERIALS: a->s.materials = arg; break;
	case OPT_RESULT: a->s.result = arg; break;
	case OPT_DONE:
	case OPT_TEXT:
	case OPT_NOTES:
	case OPT_REASON:
		a->s.text = arg;
		break;
	case ARGP_KEY_ARG:
		a->tickets[a->n++] = arg;
		break;
	case ARGP_KEY_END:
		if (!a->n)
			argp_error(state, _("which ticket? give TICKET... or - for a list on stdin"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

#define BY(what) {"by", OPT_BY, N_("STAFF"), 0, what, 0}
#define END {NULL, 0, NULL, 0, NULL, 0}

static const struct argp_option dispatch_opts[] = {
	{"to", OPT_TO, N_("STAFF"), 0, N_("the person who will do it"), 0},
	{"dept", OPT_DEPT, N_("DEPT"), 0, N_("the department (default: the person's)"), 0},
	BY(N_("who dispatches (default: $PM_USER)")), END};
static const struct argp_option work_opts[] = {
	BY(N_("who (default: the person it was dispatched to)")), END};
static const struct argp_option finish_opts[] = {
	{"done", OPT_DONE, N_("TEXT"), 0, N_("what was done (required)"), 0},
	{"materials", OPT_MATERIALS, N_("TEXT"), 0, N_("materials used"), 0},
	BY(N_("who did it (default: the person it was dispatched to, else $PM_USER)")), END};
static const struct argp_option reply_opts[] = {
	{"text", OPT_TEXT, N_("TEXT"), 0, N_("the answer given (required)"), 0},
	BY(N_("who answered (default: $PM_USER)")), END};
static const struct argp_option callback_opts[] = {
	{"result", OPT_RESULT, N_("RESULT"), 0, N_("satisfied, basic (basically satisfied) or unsatisfied (or 满意, 基本满意, 不满意)"), 0},
	{"notes", OPT_NOTES, N_("TEXT"), 0, N_("what the household said; the problem, when unsatisfied"), 0},
	BY(N_("who called (default: $PM_USER); must own the callback")), END};
static const struct argp_option close_opts[] = {
	{"notes", OPT_NOTES, N_("TEXT"), 0, N_("a closing note"), 0},
	BY(N_("who closes it (default: $PM_USER)")), END};
static const struct argp_option reopen_opts[] = {
	{"reason", OPT_REASON, N_("TEXT"), 0, N_("why it is reopened (required)"), 0},
	BY(N_("who reopens it (default: $PM_USER)")), END};
static const struct argp_option handover_opts[] = {
	{"to", OPT_TO, N_("STAFF"), 0, N_("who will do the callback"), 0},
	{"notes", OPT_NOTES, N_("TEXT"), 0, N_("why"), 0},
	BY(N_("who hands it over (default: $PM_USER)")), END};
static const struct argp_option recheck_opts[] = {
	{"result", OPT_RESULT, N_("RESULT"), 0, N_("confirmed or disputed (or 属实, 不实)"), 0},
	{"notes", OPT_NOTES, N_("TEXT"), 0, N_("what the re-check found"), 0},
	BY(N_("the supervisor or manager re-checking (default: $PM_USER)")), END};

/* Parse, then do the step on every ticket in one transaction. */
static int
run(int argc, char **argv, int recheck, enum pm_ticket_step step,
    const struct argp_option *opts, const char *doc)
{
	struct argp argp = {opts, parse, N_("TICKET... | -"), doc, pm_cli_children, NULL,
	    PM_TEXTDOMAIN};
	struct step_args a = {{0}, NULL, 0};
	struct pm_strv keys = PM_STRV_INIT;
	struct pm_err err = {0};
	struct pm_db *db;
	size_t i;
	int rc, failed = 0;

	if (!(a.tickets = calloc((size_t)argc + 1, sizeof *a.tickets))) {
		pm_cli_warn("%s", _("out of memory"));
		return PM_EXIT_OSERR;
	}
	a.s.step = step;
	pm_cli_parse(&argp, argc, argv, &a);
	rc = ticket_keys(a.tickets, a.n, &keys);
	free(a.tickets);
	if (rc)
		goto out;
	if ((rc = pm_cli_begin(&db)))
		goto out;
	for (i = 0; i < keys.n && !failed; i++) {
		if (recheck)
			failed = pm_ticket_recheck(db, keys.v[i], a.s.result, a.s.by, a.s.text, &err) < 0;
		else
			failed = pm_ticket_step(db, keys.v[i], &a.s, &err) < 0;
	}
	rc = pm_cli_end(db, failed, 0, &err);
out:
	pm_strv_free(&keys);
	return rc;
}

int
ticket_dispatch(int argc, char **argv)
{
	return run(argc, argv, 0, PM_STEP_DISPATCH, dispatch_opts,
	    N_("Send tickets to a department and a person (again to send them elsewhere)."));
}

int
ticket_accept(int argc, char **argv)
{
	return run(argc, argv, 0, PM_STEP_ACCEPT, work_opts,
	    N_("The person a ticket was dispatched to accepts it."));
}

int
ticket_start(int argc, char **argv)
{
	return run(argc, argv, 0, PM_STEP_START, work_opts, N_("Work on the tickets starts."));
}

int
ticket_finish(int argc, char **argv)
{
	return run(argc, argv, 0, PM_STEP_FINISH, finish_opts,
	    N_("The work is done.  A repair's callback falls due 2, 3 or 7 days later "
	       "(safety, leak, other: see the callback.* settings); a rework notice is put right."));
}

int
ticket_reply(int argc, char **argv)
{
	return run(argc, argv, 0, PM_STEP_REPLY, reply_opts,
	    N_("Answer a complaint (due within complaint.reply_hours of its receipt)."));
}

int
ticket_callback(int argc, char **argv)
{
	return run(argc, argv, 0, PM_STEP_CALLBACK, callback_opts,
	    N_("Record the callback to the household, after the work is finished.  Whoever "
	       "took the ticket does its callback unless it was handed over.  An unsatisfied "
	       "callback sends the ticket back to its repair staff with a rework notice due "
	       "within rework.hours."));
}

int
ticket_close(int argc, char **argv)
{
	return run(argc, argv, 0, PM_STEP_CLOSE, close_opts,
	    N_("Close tickets: repairs after their callback, complaints after their reply."));
}

int
ticket_reopen(int argc, char **argv)
{
	return run(argc, argv, 0, PM_STEP_REOPEN, reopen_opts,
	    N_("Reopen closed (or called-back) tickets; they go back to whoever they were "
	       "dispatched to."));
}

int
ticket_handover(int argc, char **argv)
{
	return run(argc, argv, 0, PM_STEP_HANDOVER, handover_opts,
	    N_("Hand the callback of tickets over to someone else."));
}

int
ticket_recheck(int argc, char **argv)
{
	return run(argc, argv, 1, PM_STEP_CLOSE, recheck_opts,
	    N_("Record the manager's re-check of the latest callback of tickets (see "
	       "pm-ticket sample)."));
}
