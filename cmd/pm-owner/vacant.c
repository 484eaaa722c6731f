/* vacant.c - pm-owner vacant and inspect: the vacant-unit list
 * (空置房清单) and its inspections */
#include <errno.h>
#include <string.h>

#include "owner.h"
#include "core/keys.h"
#include "owner/registers.h"

enum { OPT_BUILDING = 0x100, OPT_OVERDUE, OPT_CHECK, OPT_BY, OPT_CLEANED, OPT_PROBLEMS,
       OPT_DATE };

struct args {
	const char *building;
	int overdue, check;
	struct pm_strv units;   /* UNIT arguments; "-" reads them from stdin */
	struct pm_inspection in;
	struct pm_date date;
};

static error_t
vacant_parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_BUILDING: a->building = arg; break;
	case OPT_OVERDUE: a->overdue = 1; break;
	case OPT_CHECK: a->check = 1; break;
	case ARGP_KEY_ARG: argp_error(state, _("unexpected argument '%s'"), arg); break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
owner_vacant(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"building", OPT_BUILDING, N_("B"), 0, N_("only building B"), 0},
		{"overdue", OPT_OVERDUE, NULL, 0, N_("only units due for inspection: not inspected within vacant.inspect_days (7), or never"), 0},
		{"check", OPT_CHECK, NULL, 0, N_("exit 1 when any unit is listed"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, vacant_parse, "",
	    N_("The vacant-unit list (空置房清单): units owned but neither moved into nor let, "
	       "with their last inspection (date, by whom, cleaned, problems) and the day the "
	       "next is due."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	long rows = 0;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = owner_read_open(&db, &out, "owner vacant", _("Vacant units"))))
		return rc;
	rc = owner_read_close(db, out, pm_vacant_list(db, a.building, a.overdue, &rows, out, &err) < 0,
	    &err);
	return rc == 0 && a.check && rows ? PM_EXIT_FOUND : rc;
}

static error_t
inspect_parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_BY: a->in.staff = arg; break;
	case OPT_CLEANED: a->in.cleaned = 1; break;
	case OPT_PROBLEMS: a->in.problems = arg; break;
	case OPT_DATE:
		a->date = pm_cli_date(state, "--date", arg);
		a->in.date = &a->date;
		break;
	case ARGP_KEY_ARG:
		if (pm_strv_add(&a->units, arg, strlen(arg)) < 0)
			argp_failure(state, PM_EXIT_OSERR, ENOMEM, "UNIT");
		break;
	case ARGP_KEY_END:
		if (!a->units.n)
			argp_error(state, _("which unit? give UNIT, e.g. 3-2-1501, or - to read a unit column"));
		break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
owner_inspect(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"by", OPT_BY, N_("STAFF"), 0, N_("who inspected (default: $PM_USER)"), 0},
		{"cleaned", OPT_CLEANED, NULL, 0, N_("the unit was cleaned"), 0},
		{"problems", OPT_PROBLEMS, N_("TEXT"), 0, N_("what was found: leaks, damp, broken glass"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day of the inspection (default today)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, inspect_parse, N_("UNIT... | -"),
	    N_("Record an inspection of vacant units (空置房打扫检查记录), one or several of "
	       "a round; - reads the unit column of a CSV on standard input (pm-owner vacant "
	       "--overdue | pm-owner inspect - --by NAME).  A unit that was not vacant that "
	       "day is refused, and then none is recorded."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_strv units = PM_STRV_INIT;
	struct pm_err err = {0};
	struct pm_db *db;
	size_t i;
	int rc, failed = 0;

	pm_cli_parse(&argp, argc, argv, &a);
	for (i = 0; i < a.units.n && !failed; i++) {
		if (strcmp(a.units.v[i], "-"))
			failed = pm_strv_add(&units, a.units.v[i], strlen(a.units.v[i])) < 0 ?
			    pm_err_oom(&err) : 0;
		else
			failed = pm_keys_read("-", pm_keys_unit, &units, &err);
	}
	pm_strv_free(&a.units);
	if (failed) {
		pm_strv_free(&units);
		return pm_cli_fail(&err);
	}
	if ((rc = pm_cli_begin(&db))) {
		pm_strv_free(&units);
		return rc;
	}
	for (i = 0; i < units.n && !failed; i++)
		failed = pm_inspect_add(db, units.v[i], &a.in, &err) < 0;
	pm_strv_free(&units);
	return pm_cli_end(db, failed, 0, &err);
}
