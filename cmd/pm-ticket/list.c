/* list.c - pm-ticket show, list, today */
#include <string.h>

#include "ticket.h"
#include "ticket/ticket.h"

enum { OPT_KIND = 0x100, OPT_CATEGORY, OPT_STATUS, OPT_CHANNEL, OPT_UNIT, OPT_BUILDING,
       OPT_PERSON, OPT_SINCE, OPT_UNTIL, OPT_OVERDUE, OPT_LIMIT, OPT_DATE, OPT_ALL };

struct list_args {
	struct pm_ticket_filter f;
	const char *ticket, *date;
	int all, want_ticket;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct list_args *a = state->input;

	switch (key) {
	case OPT_KIND: a->f.kind = arg; break;
	case OPT_CATEGORY: a->f.category = arg; break;
	case OPT_STATUS: a->f.status = arg; break;
	case OPT_CHANNEL: a->f.channel = arg; break;
	case OPT_UNIT: a->f.unit = arg; break;
	case OPT_BUILDING: a->f.building = arg; break;
	case OPT_PERSON: a->f.person = arg; break;
	case OPT_SINCE: pm_cli_date(state, "--since", arg); a->f.since = arg; break;
	case OPT_UNTIL: pm_cli_date(state, "--until", arg); a->f.until = arg; break;
	case OPT_OVERDUE: a->f.overdue = 1; break;
	case OPT_LIMIT: a->f.limit = pm_cli_long(state, "--limit", arg, 1, 1000000000L); break;
	case OPT_DATE: pm_cli_date(state, "--date", arg); a->date = arg; break;
	case OPT_ALL: a->all = 1; break;
	case ARGP_KEY_ARG:
		if (!a->want_ticket || a->ticket)
			argp_error(state, _("unexpected argument '%s'"), arg);
		a->ticket = arg;
		break;
	case ARGP_KEY_END:
		if (a->want_ticket && !a->ticket)
			argp_error(state, _("which ticket? give TICKET"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static int
do_show(struct pm_db *db, const void *arg, struct pm_out *out, struct pm_err *err)
{
	return pm_ticket_show(db, arg, out, err);
}

int
ticket_show(int argc, char **argv)
{
	static const struct argp argp = {NULL, parse, N_("TICKET"),
	    N_("A ticket with its whole timeline: the ticket, its events (who did what, when), "
	       "callbacks, rework notices and attachments."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct list_args a = {0};

	a.want_ticket = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	return ticket_listing(do_show, a.ticket, a.ticket);
}

static int
do_list(struct pm_db *db, const void *arg, struct pm_out *out, struct pm_err *err)
{
	return pm_ticket_list(db, arg, out, err);
}

int
ticket_list(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"kind", OPT_KIND, N_("KIND"), 0, N_("only this kind (repair, complaint, ... or 报修 ...)"), 0},
		{"category", OPT_CATEGORY, N_("CATEGORY"), 0, N_("only this category"), 0},
		{"status", OPT_STATUS, N_("STATUS"), 0, N_("open (not closed), dispatched, accepted, working, finished, called, rework, closed"), 0},
		{"channel", OPT_CHANNEL, N_("CHANNEL"), 0, N_("only what came in this way"), 0},
		{"unit", OPT_UNIT, N_("UNIT"), 0, N_("only this unit's; - for the unit column of a CSV on stdin"), 0},
		{"building", OPT_BUILDING, N_("TEXT"), 0, N_("only this building's"), 0},
		{"person", OPT_PERSON, N_("STAFF"), 0, N_("only those this person took, calls back or was sent"), 0},
		{"by", OPT_PERSON, N_("STAFF"), OPTION_ALIAS, NULL, 0},
		{"since", OPT_SINCE, N_("DATE"), 0, N_("received on or after"), 0},
		{"until", OPT_UNTIL, N_("DATE"), 0, N_("received on or before"), 0},
		{"overdue", OPT_OVERDUE, NULL, 0, N_("only those with a deadline passed"), 0},
		{"limit", OPT_LIMIT, N_("N"), 0, N_("at most N tickets"), 0},
		{NULL, 0, NULL, 0, NULL, 0},
	};
	static const struct argp argp = {options, parse, "",
	    N_("List tickets, oldest first."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct list_args a = {0};
	static const char *const none[] = {NULL};
	struct pm_strv units = PM_STRV_INIT;
	struct pm_err err = {0};
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if (a.f.unit && !strcmp(a.f.unit, "-")) {
		/* the unit column of a CSV on stdin: pm-owner list ... | pm-ticket list --unit - */
		if (pm_keys_read("-", pm_keys_unit, &units, &err) < 0)
			return pm_cli_fail(&err);
		a.f.unit = NULL;
		a.f.units = (const char *const *)units.v;
		a.f.n_units = units.n;
		if (!units.n)
			a.f.units = none;  /* no units: no tickets */
	}
	rc = ticket_listing(do_list, &a.f, NULL);
	pm_strv_free(&units);
	return rc;
}

static int
do_today(struct pm_db *db, const void *arg, struct pm_out *out, struct pm_err *err)
{
	const struct list_args *a = arg;

	return pm_ticket_today(db, a->date, a->all, out, err);
}

int
ticket_today(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"date", OPT_DATE, N_("DATE"), 0, N_("another day's (default today)"), 0},
		{"all", OPT_ALL, NULL, 0, N_("the finished ones too"), 0},
		{NULL, 0, NULL, 0, NULL, 0},
	};
	static const struct argp argp = {options, parse, "",
	    N_("The day's tickets not yet finished: what is left to clear today (日清日结)."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct list_args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	return ticket_listing(do_today, &a, NULL);
}
