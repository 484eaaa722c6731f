/* visit.c - pm-owner visit and visits: household visits (走访) */
#include "owner.h"
#include "owner/registers.h"

enum { OPT_BY = 0x100, OPT_MET, OPT_NOTES, OPT_DATE, OPT_MONTH, OPT_CHECK };

struct args {
	const char *unit;
	struct pm_visit v;
	struct pm_date date;
	struct pm_period month;
	int has_month, check;
};

static error_t
visit_parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_BY: a->v.staff = arg; break;
	case OPT_MET: a->v.met = arg; break;
	case OPT_NOTES: a->v.notes = arg; break;
	case OPT_DATE:
		a->date = pm_cli_date(state, "--date", arg);
		a->v.date = &a->date;
		break;
	case ARGP_KEY_ARG: owner_arg_unit(state, &a->unit, arg); break;
	case ARGP_KEY_END:
		owner_need_unit(state, a->unit);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
owner_visit(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"by", OPT_BY, N_("STAFF"), 0, N_("the butler who visited (default: $PM_USER)"), 0},
		{"met", OPT_MET, N_("TEXT"), 0, N_("whom they met"), 0},
		{"notes", OPT_NOTES, N_("TEXT"), 0, N_("what was said: opinions, requests"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day of the visit (default today)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, visit_parse, N_("UNIT --by STAFF"),
	    N_("Record a visit to a household (走访, 客户访谈记录).  The visitor is a butler, "
	       "clerk, supervisor or manager on the staff."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_visit_add(db, a.unit, &a.v, &err) < 0, 0, &err);
}

static error_t
visits_parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_MONTH:
		a->month = pm_cli_period(state, "--month", arg, PM_PERIOD_MONTH);
		a->has_month = 1;
		break;
	case OPT_CHECK: a->check = 1; break;
	case ARGP_KEY_ARG: argp_error(state, _("unexpected argument '%s'"), arg); break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
owner_visits(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"month", OPT_MONTH, N_("MONTH"), 0, N_("the month, e.g. 2026-11 (default this month)"), 0},
		{"check", OPT_CHECK, NULL, 0, N_("exit 1 when a butler is short of the target"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, visits_parse, "",
	    N_("The month's household visits per person: every butler (visits or not) and "
	       "anyone else who visited; visits, households, and for butlers the target "
	       "(setting visit.monthly_target) and how many households short."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc, short_of = 0;

	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.has_month) {
		struct pm_date today;

		if (pm_today(&today, &err) < 0)
			return pm_cli_fail(&err);
		a.month = pm_period_of(PM_PERIOD_MONTH, today);
	}
	if ((rc = owner_read_open(&db, &out, "owner visits", _("Household visits"))))
		return rc;
	rc = owner_read_close(db, out, pm_visit_month(db, &a.month, &short_of, out, &err) < 0, &err);
	return rc == 0 && a.check && short_of ? PM_EXIT_FOUND : rc;
}
