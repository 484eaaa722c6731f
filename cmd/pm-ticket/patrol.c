/* patrol.c - pm-ticket patrol, patrols */
#include <stdio.h>

#include "ticket.h"
#include "ticket/ticket.h"

enum { OPT_AREA = 0x100, OPT_BY, OPT_DATE, OPT_FOUND, OPT_TICKET, OPT_KIND, OPT_CATEGORY,
       OPT_UNIT, OPT_PRIORITY, OPT_MISSING, OPT_MONTH, OPT_CHECK };

struct patrol_args {
	struct pm_patrol p;
	struct pm_ticket_new t;
	int ticket, missing, check, have_month;
	struct pm_period month;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct patrol_args *a = state->input;

	switch (key) {
	case OPT_AREA: a->p.area = arg; break;
	case OPT_BY: a->p.by = arg; break;
	case OPT_DATE: pm_cli_date(state, "--date", arg); a->p.date = arg; break;
	case OPT_FOUND: a->p.findings = arg; break;
	case OPT_TICKET: a->ticket = 1; break;
	case OPT_KIND: a->t.kind = arg; a->ticket = 1; break;
	case OPT_CATEGORY: a->t.category = arg; a->ticket = 1; break;
	case OPT_UNIT: a->t.unit = arg; a->ticket = 1; break;
	case OPT_PRIORITY: a->t.priority = arg; a->ticket = 1; break;
	case OPT_MISSING: a->missing = 1; break;
	case OPT_CHECK: a->check = 1; a->missing = 1; break;
	case OPT_MONTH:
		a->month = pm_cli_period(state, "--month", arg, PM_PERIOD_MONTH);
		a->have_month = 1;
		break;
	case ARGP_KEY_ARG: argp_error(state, _("unexpected argument '%s'"), arg); break;
	case ARGP_KEY_END:
		if (a->ticket && !a->p.findings)
			argp_error(state, _("a ticket from a patrol needs what was found: --found TEXT"));
		break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
ticket_patrol(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"area", OPT_AREA, N_("TEXT"), 0, N_("the area or route patrolled (required)"), 0},
		{"by", OPT_BY, N_("STAFF"), 0, N_("who patrolled (default: $PM_USER)"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day (default today)"), 0},
		{"found", OPT_FOUND, N_("TEXT"), 0, N_("what was found (default: nothing)"), 0},
		{"ticket", OPT_TICKET, NULL, 0, N_("open a ticket for the finding (prints its number)"), 0},
		{"kind", OPT_KIND, N_("KIND"), 0, N_("the ticket's kind (default repair)"), 0},
		{"category", OPT_CATEGORY, N_("CATEGORY"), 0, N_("the ticket's category"), 0},
		{"unit", OPT_UNIT, N_("UNIT"), 0, N_("the unit concerned, if any"), 0},
		{"priority", OPT_PRIORITY, N_("PRIORITY"), 0, N_("the ticket's priority"), 0},
		{NULL, 0, NULL, 0, NULL, 0},
	};
	static const struct argp argp = {options, parse, "",
	    N_("Record a patrol (巡视) of an area or route and what it found; with --ticket (or "
	       "--category ...) the finding opens a ticket that keeps the link."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct patrol_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	char no[24] = "";
	int64_t id;
	int rc, failed;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	failed = pm_patrol_add(db, &a.p, &id, &err) < 0;
	if (!failed && a.ticket) {
		a.t.channel = "patrol";
		a.t.summary = a.p.findings;
		a.t.by = a.p.by;
		a.t.location = a.p.area;
		a.t.patrol_id = id;
		failed = pm_ticket_new(db, &a.t, no, &err) < 0;
	}
	rc = pm_cli_end(db, failed, 0, &err);
	if (rc == 0 && *no)
		printf("%s\n", no);
	return rc;
}

int
ticket_patrols(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day (default today)"), 0},
		{"missing", OPT_MISSING, NULL, 0, N_("the areas not patrolled that day instead"), 0},
		{"check", OPT_CHECK, NULL, 0, N_("as --missing, and exit 1 when an area was not patrolled"), 0},
		{"month", OPT_MONTH, N_("MONTH"), 0, N_("patrols per person in the month instead"), 0},
		{NULL, 0, NULL, 0, NULL, 0},
	};
	static const struct argp argp = {options, parse, "",
	    N_("The patrols of a day; or the areas not patrolled (--missing: the patrol.areas "
	       "setting, else the current butlers' areas); or counts per person in a month."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct patrol_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	long missing = 0;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	if (a.have_month)
		rc = pm_patrol_counts(db, &a.month, out, &err);
	else if (a.missing)
		rc = pm_patrol_missing(db, a.p.date, out, &missing, &err);
	else
		rc = pm_patrol_list(db, a.p.date, out, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	if ((rc = pm_cli_finish(out)))
		return rc;
	return a.check && missing ? PM_EXIT_FOUND : 0;
}
