/* pet.c - pm-owner pet add|remove|list */
#include "owner.h"
#include "owner/registers.h"

enum { OPT_KIND = 0x100, OPT_NAME, OPT_BREED, OPT_LICENCE, OPT_EXPIRES, OPT_DATE, OPT_UNIT,
       OPT_EXPIRING, OPT_ALL };

struct args {
	const char *unit;
	struct pm_pet p;
	struct pm_date expires, date;
	int has_date;
	int within;
	int all;
	int need_unit;   /* UNIT is the argument (add, remove), not --unit */
	int adding, removing;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_KIND: a->p.kind = arg; break;
	case OPT_NAME: a->p.name = arg; break;
	case OPT_BREED: a->p.breed = arg; break;
	case OPT_LICENCE: a->p.licence = arg; break;
	case OPT_EXPIRES:
		a->expires = pm_cli_date(state, "--expires", arg);
		a->p.expires = &a->expires;
		break;
	case OPT_DATE:
		a->date = pm_cli_date(state, "--date", arg);
		a->has_date = 1;
		break;
	case OPT_UNIT: a->unit = arg; break;
	case OPT_EXPIRING: a->within = owner_span_days(state, "--expiring", arg); break;
	case OPT_ALL: a->all = 1; break;
	case ARGP_KEY_ARG:
		if (!a->need_unit)
			argp_error(state, _("unexpected argument '%s'"), arg);
		owner_arg_unit(state, &a->unit, arg);
		break;
	case ARGP_KEY_END:
		if (a->need_unit)
			owner_need_unit(state, a->unit);
		if (a->adding && !a->p.licence && !a->p.name)
			argp_error(state, _("which pet? give --name TEXT or --licence TEXT"));
		if (a->removing && !a->p.licence == !a->p.name)
			argp_error(state, _("which pet? give --licence TEXT or --name TEXT (one of them)"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static int
pet_add(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"kind", OPT_KIND, N_("KIND"), 0, N_("dog (default), cat, bird or other (or 犬 ...)"), 0},
		{"name", OPT_NAME, N_("TEXT"), 0, N_("the pet's name"), 0},
		{"breed", OPT_BREED, N_("TEXT"), 0, N_("the breed"), 0},
		{"licence", OPT_LICENCE, N_("TEXT"), 0, N_("the dog licence (养犬证) number"), 0},
		{"expires", OPT_EXPIRES, N_("DATE"), 0, N_("the licence's last valid day"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT --name TEXT | --licence TEXT"),
	    N_("Register a pet of the unit, with its licence.  A licence number held by a "
	       "pet not removed cannot be given to another."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.need_unit = a.adding = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_pet_add(db, a.unit, &a.p, &err) < 0, 0, &err);
}

static int
pet_remove(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"licence", OPT_LICENCE, N_("TEXT"), 0, N_("the pet with this licence number"), 0},
		{"name", OPT_NAME, N_("TEXT"), 0, N_("the pet with this name"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day it left (default today)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT --licence TEXT | --name TEXT"),
	    N_("Record that a pet of the unit is gone; its licence number is free again.  "
	       "The record stays in the household archive."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.need_unit = a.removing = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_pet_remove(db, a.unit, a.p.licence, a.p.name,
	    a.has_date ? &a.date : NULL, &err) < 0, 0, &err);
}

static int
pet_list(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"unit", OPT_UNIT, N_("UNIT"), 0, N_("only this unit's pets"), 0},
		{"expiring", OPT_EXPIRING, N_("SPAN"), 0, N_("only licences expiring within SPAN (30d, 2w), or expired"), 0},
		{"all", OPT_ALL, NULL, 0, N_("removed pets too"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, "",
	    N_("List the registered pets: unit, kind, name, breed, licence and its expiry."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	a.within = PM_NO_EXPIRY;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = owner_read_open(&db, &out, "pet list", _("Pets"))))
		return rc;
	return owner_read_close(db, out, pm_pet_list(db, a.unit, a.within, a.all, out, &err) < 0,
	    &err);
}

static const struct pm_verb subs[] = {
	{"add", pet_add, N_("register a pet of a unit")},
	{"remove", pet_remove, N_("record that a pet is gone")},
	{"list", pet_list, N_("list the pets")},
	{NULL, NULL, NULL},
};

int
owner_pet(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, subs, N_("Pets of units and their licences (养犬证)."), "list");
}
