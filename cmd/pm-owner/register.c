/* register.c - pm-owner register ownership|rental: the monthly
 * registers (产权清册, 租赁清册) */
#include "owner.h"
#include "owner/registers.h"

enum { OPT_MONTH = 0x100, OPT_CHANGES };

struct args {
	struct pm_period month;
	int has_month, changes;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_MONTH:
		a->month = pm_cli_period(state, "--month", arg, PM_PERIOD_MONTH);
		a->has_month = 1;
		break;
	case OPT_CHANGES: a->changes = 1; break;
	case ARGP_KEY_ARG: argp_error(state, _("unexpected argument '%s'"), arg); break;
	case ARGP_KEY_END:
		if (!a->has_month)
			argp_error(state, _("which month? give --month MONTH, e.g. 2026-11"));
		break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp_option options[] = {
	{"month", OPT_MONTH, N_("MONTH"), 0, N_("the month, e.g. 2026-11 (required)"), 0},
	{"changes", OPT_CHANGES, NULL, 0, N_("list the changes within the month instead"), 0},
	{NULL, 0, NULL, 0, NULL, 0},
};

static int
run(int argc, char **argv, const struct argp *argp, enum pm_register which, const char *what)
{
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	static const char *const sign[] = {N_("Prepared by"), N_("Checked by"), N_("Date")};
	char last[PM_DATE_BUFSZ], first[PM_DATE_BUFSZ], note[160];
	const char *title;
	int rc;

	pm_cli_parse(argp, argc, argv, &a);
	title = which == PM_REGISTER_OWNERSHIP ? _("Ownership register (产权清册)")
	    : _("Rental register (租赁清册)");
	if ((rc = owner_read_open(&db, &out, what, title)))
		return rc;
	/* on paper the register says which month it is handed up for */
	pm_date_fmt(a.month.first, first);
	pm_date_fmt(a.month.last, last);
	if (a.changes) {
		char from[48];

		/* pm_out_date's result lasts until its next call: copy one */
		snprintf(from, sizeof from, "%s", pm_out_date(out, first));
		snprintf(note, sizeof note, _("Changes from %s to %s"), from, pm_out_date(out, last));
	} else {
		snprintf(note, sizeof note, _("As of %s"), pm_out_date(out, last));
	}
	pm_out_note(out, note);
	rc = pm_register_write(db, which, &a.month, a.changes, out, &err);
	if (rc == 0)
		rc = pm_out_signatures(out, sign, 3);
	return owner_read_close(db, out, rc < 0, &err);
}

static int
register_ownership(int argc, char **argv)
{
	static const struct argp argp = {options, parse, N_("--month MONTH"),
	    N_("The ownership register (产权清册) as of the month's last day: every unit with "
	       "its type, usable, building and land-share areas, status, facilities, parking, "
	       "owners and since when.  With --changes: the owners who started or ceased to "
	       "own a unit within the month."), pm_cli_children, NULL, PM_TEXTDOMAIN};

	return run(argc, argv, &argp, PM_REGISTER_OWNERSHIP, "register ownership");
}

static int
register_rental(int argc, char **argv)
{
	static const struct argp argp = {options, parse, N_("--month MONTH"),
	    N_("The rental register (租赁清册) as of the month's last day: the leases in force, "
	       "with tenant, phone (masked unless --reveal), from and to, unit and decoration.  "
	       "With --changes: the leases that began, ran out or were ended within the month."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};

	return run(argc, argv, &argp, PM_REGISTER_RENTAL, "register rental");
}

static const struct pm_verb subs[] = {
	{"ownership", register_ownership, N_("the ownership register (产权清册)")},
	{"rental", register_rental, N_("the rental register (租赁清册)")},
	{NULL, NULL, NULL},
};

int
owner_register(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, subs, N_("The monthly ownership and rental registers."), NULL);
}
