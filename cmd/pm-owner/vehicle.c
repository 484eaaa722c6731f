/* vehicle.c - pm-owner vehicle add|remove|list, and expiring */
#include "owner.h"
#include "owner/registers.h"

enum { OPT_PLATE = 0x100, OPT_SPACE, OPT_PASS, OPT_EXPIRES, OPT_DATE, OPT_UNIT, OPT_EXPIRING,
       OPT_ALL, OPT_WITHIN, OPT_CHECK };

struct args {
	const char *unit;
	struct pm_vehicle v;
	struct pm_date expires, date;
	int has_date;
	int within;      /* days, or PM_NO_EXPIRY */
	int all, check;
	int need_unit;   /* UNIT is the argument (add), not --unit */
	int need_plate;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_PLATE: a->v.plate = arg; break;
	case OPT_SPACE: a->v.space = arg; break;
	case OPT_PASS: a->v.pass_no = arg; break;
	case OPT_EXPIRES:
		a->expires = pm_cli_date(state, "--expires", arg);
		a->v.expires = &a->expires;
		break;
	case OPT_DATE:
		a->date = pm_cli_date(state, "--date", arg);
		a->has_date = 1;
		break;
	case OPT_UNIT: a->unit = arg; break;
	case OPT_EXPIRING: a->within = owner_span_days(state, "--expiring", arg); break;
	case OPT_WITHIN: a->within = owner_span_days(state, "--within", arg); break;
	case OPT_ALL: a->all = 1; break;
	case OPT_CHECK: a->check = 1; break;
	case ARGP_KEY_ARG:
		if (!a->need_unit)
			argp_error(state, _("unexpected argument '%s'"), arg);
		owner_arg_unit(state, &a->unit, arg);
		break;
	case ARGP_KEY_END:
		if (a->need_unit)
			owner_need_unit(state, a->unit);
		if (a->need_plate && !a->v.plate)
			argp_error(state, _("which vehicle? give --plate TEXT"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static int
vehicle_add(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"plate", OPT_PLATE, N_("TEXT"), 0, N_("the number plate, e.g. 京A12345 (required)"), 0},
		{"space", OPT_SPACE, N_("TEXT"), 0, N_("the parking space, e.g. B2-101"), 0},
		{"pass", OPT_PASS, N_("N"), 0, N_("the vehicle pass (出入证) number"), 0},
		{"expires", OPT_EXPIRES, N_("DATE"), 0, N_("the pass's last valid day"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT --plate TEXT"),
	    N_("Register a vehicle of the unit, with its parking space and pass.  A plate "
	       "registered and not removed cannot be registered again."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.need_unit = a.need_plate = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_vehicle_add(db, a.unit, &a.v, &err) < 0, 0, &err);
}

static int
vehicle_remove(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"plate", OPT_PLATE, N_("TEXT"), 0, N_("the number plate (required)"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day it left (default today)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("--plate TEXT"),
	    N_("Record that a vehicle is gone: its pass no longer counts and the plate may "
	       "be registered again.  The record stays in the household archive."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.need_plate = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_vehicle_remove(db, a.v.plate, a.has_date ? &a.date : NULL,
	    &err) < 0, 0, &err);
}

static int
vehicle_list(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"unit", OPT_UNIT, N_("UNIT"), 0, N_("only this unit's vehicles"), 0},
		{"expiring", OPT_EXPIRING, N_("SPAN"), 0, N_("only passes expiring within SPAN (30d, 2w), or expired"), 0},
		{"all", OPT_ALL, NULL, 0, N_("removed vehicles too"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, "",
	    N_("List the registered vehicles: unit, plate, parking space, pass and its expiry."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	a.within = PM_NO_EXPIRY;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = owner_read_open(&db, &out, "vehicle list", _("Vehicles"))))
		return rc;
	return owner_read_close(db, out, pm_vehicle_list(db, a.unit, a.within, a.all, out, &err) < 0,
	    &err);
}

static const struct pm_verb subs[] = {
	{"add", vehicle_add, N_("register a vehicle of a unit")},
	{"remove", vehicle_remove, N_("record that a vehicle is gone")},
	{"list", vehicle_list, N_("list the vehicles")},
	{NULL, NULL, NULL},
};

int
owner_vehicle(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, subs, N_("Vehicles of units: plates, parking spaces, passes."),
	    "list");
}

int
owner_expiring(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"within", OPT_WITHIN, N_("SPAN"), 0, N_("what expires within SPAN (default 30d), or has expired"), 0},
		{"check", OPT_CHECK, NULL, 0, N_("exit 1 when anything is listed"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, "",
	    N_("Vehicle passes and pet licences that expire within a span or have expired, "
	       "one list for the reminder letters: unit, owner, phone (masked unless "
	       "--reveal), what, plate or pet, number, expiry and days left."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	long rows = 0;
	int rc;

	a.within = 30;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = owner_read_open(&db, &out, "owner expiring", _("Passes and licences expiring"))))
		return rc;
	rc = owner_read_close(db, out, pm_expiring_list(db, a.within, &rows, out, &err) < 0, &err);
	return rc == 0 && a.check && rows ? PM_EXIT_FOUND : rc;
}
