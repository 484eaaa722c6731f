/* key.c - pm-owner key in|out|list: keys in the desk's custody */
#include "owner.h"
#include "owner/registers.h"

enum { OPT_WHAT = 0x100, OPT_FROM, OPT_TO, OPT_BY, OPT_UNIT, OPT_HELD };

struct args {
	const char *unit;
	struct pm_key k;
	int held;
	int need_unit;   /* UNIT is the argument (in, out), not --unit */
	int need_what;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_WHAT: a->k.what = arg; break;
	case OPT_FROM: case OPT_TO: a->k.whom = arg; break;
	case OPT_BY: a->k.staff = arg; break;
	case OPT_UNIT: a->unit = arg; break;
	case OPT_HELD: a->held = 1; break;
	case ARGP_KEY_ARG:
		if (!a->need_unit)
			argp_error(state, _("unexpected argument '%s'"), arg);
		owner_arg_unit(state, &a->unit, arg);
		break;
	case ARGP_KEY_END:
		if (a->need_unit)
			owner_need_unit(state, a->unit);
		if (a->need_what && !a->k.what)
			argp_error(state, _("which key? give --what TEXT"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static int
key_in(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"what", OPT_WHAT, N_("TEXT"), 0, N_("which key, e.g. 入户门钥匙2把 (required)"), 0},
		{"from", OPT_FROM, N_("TEXT"), 0, N_("who handed it over"), 0},
		{"by", OPT_BY, N_("STAFF"), 0, N_("who took it into custody (default: $PM_USER)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT --what TEXT"),
	    N_("Take a key of the unit into the desk's custody (钥匙托管), now.  A key already "
	       "held is refused."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.need_unit = a.need_what = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_key_in(db, a.unit, &a.k, &err) < 0, 0, &err);
}

static int
key_out(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"what", OPT_WHAT, N_("TEXT"), 0, N_("only this key (default: every key of the unit held)"), 0},
		{"to", OPT_TO, N_("TEXT"), 0, N_("who it was handed back to"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT"),
	    N_("Hand keys of the unit back out of custody, now."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc, n;

	a.need_unit = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_key_out(db, a.unit, &a.k, &n, &err) < 0, 0, &err);
}

static int
key_list(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"unit", OPT_UNIT, N_("UNIT"), 0, N_("only this unit's keys"), 0},
		{"held", OPT_HELD, NULL, 0, N_("only keys still in custody"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, "",
	    N_("List keys taken into custody and handed back, newest first."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = owner_read_open(&db, &out, "key list", _("Keys in custody"))))
		return rc;
	return owner_read_close(db, out, pm_key_list(db, a.unit, a.held, out, &err) < 0, &err);
}

static const struct pm_verb subs[] = {
	{"in", key_in, N_("take a key into custody")},
	{"out", key_out, N_("hand keys back")},
	{"list", key_list, N_("list keys in custody and handed back")},
	{NULL, NULL, NULL},
};

int
owner_key(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, subs, N_("Keys of units in the desk's custody (钥匙托管)."),
	    "list");
}
