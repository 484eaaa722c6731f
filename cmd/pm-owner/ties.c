/* ties.c - pm-owner transfer, lease add|end|cancel, resident add|remove, unit add|set */
#include <stdio.h>
#include <string.h>

#include "owner.h"
#include "owner/ties.h"
#include "owner/unit.h"

enum {
	OPT_TO = 0x100, OPT_PHONE, OPT_ID_NO, OPT_DATE, OPT_HOW, OPT_SHARE, OPT_CO_OWNER,
	OPT_TENANT, OPT_START, OPT_END, OPT_DECORATION, OPT_REMARK, OPT_NAME, OPT_RELATION,
	OPT_SINCE, OPT_REASON, OPT_TYPE, OPT_AREA, OPT_USABLE, OPT_LAND, OPT_USE, OPT_FACILITIES, OPT_PARKING,
};

struct args {
	const char *unit;
	struct pm_transfer t;
	struct pm_lease_in l;
	struct pm_resident_in r;
	struct pm_unit_in u;
	const char *date, *name, *reason;
};

#define PERSON_OPTIONS \
	{"phone", OPT_PHONE, N_("PHONE"), 0, N_("their phone (mobile or landline)"), 0}, \
	{"id-no", OPT_ID_NO, N_("ID"), 0, N_("their resident ID number"), 0}

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_TO: a->t.to.name = arg; break;
	case OPT_TENANT: a->l.tenant.name = arg; break;
	case OPT_NAME: a->r.who.name = a->name = arg; break;
	case OPT_PHONE: a->t.to.phone = a->l.tenant.phone = a->r.who.phone = arg; break;
	case OPT_ID_NO: a->t.to.id_no = a->l.tenant.id_no = a->r.who.id_no = arg; break;
	case OPT_DATE: a->t.date = a->date = arg; break;
	case OPT_HOW: a->t.how = arg; break;
	case OPT_SHARE: a->t.share = arg; break;
	case OPT_CO_OWNER: a->t.co_owner = 1; break;
	case OPT_START: a->l.start = arg; break;
	case OPT_END: a->l.end = arg; break;
	case OPT_DECORATION: a->l.decoration = arg; break;
	case OPT_REMARK: a->l.remark = a->u.remark = arg; break;
	case OPT_RELATION: a->r.relation = arg; break;
	case OPT_SINCE: a->r.since = arg; break;
	case OPT_REASON: a->reason = arg; break;
	case OPT_TYPE: a->u.type = arg; break;
	case OPT_AREA: a->u.area[0] = arg; break;
	case OPT_USABLE: a->u.area[1] = arg; break;
	case OPT_LAND: a->u.area[2] = arg; break;
	case OPT_USE: a->u.use = arg; break;
	case OPT_FACILITIES: a->u.facilities = arg; break;
	case OPT_PARKING: a->u.parking = arg; break;
	case ARGP_KEY_ARG:
		if (a->unit)
			argp_error(state, _("one unit at a time"));
		a->unit = arg;
		break;
	case ARGP_KEY_END:
		if (!a->unit)
			argp_error(state, _("which unit? give UNIT, e.g. 3-2-1501"));
		a->t.unit = a->l.unit = a->r.unit = a->u.code = a->unit;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static int
do_transfer(struct pm_db *db, void *arg, struct pm_err *err)
{
	return pm_owner_transfer(db, &((struct args *)arg)->t, err);
}

int
owner_transfer(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"to", OPT_TO, N_("NAME"), 0, N_("the new owner"), 0},
		PERSON_OPTIONS,
		{"date", OPT_DATE, N_("DATE"), 0, N_("when ownership passed (default today)"), 0},
		{"how", OPT_HOW, N_("HOW"), 0, N_("purchase, transfer, inheritance, gift or court (default transfer)"), 0},
		{"share", OPT_SHARE, N_("PERCENT"), 0, N_("the new owner's share"), 0},
		{"co-owner", OPT_CO_OWNER, NULL, 0, N_("add beside the current owners instead of replacing them"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT --to NAME"),
	    N_("Record a change of ownership (sale, inheritance, gift, court order): the current "
	       "owners' rows end on the date and the new owner's begin; the history is kept."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.t.to.name) {
		pm_cli_warn("%s", _("who is the new owner? give --to NAME"));
		return PM_EXIT_USAGE;
	}
	return pm_cli_write(do_transfer, &a);
}

static int
do_lease_add(struct pm_db *db, void *arg, struct pm_err *err)
{
	return pm_lease_add(db, &((struct args *)arg)->l, err);
}

static int
lease_add(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"tenant", OPT_TENANT, N_("NAME"), 0, N_("the tenant"), 0},
		PERSON_OPTIONS,
		{"start", OPT_START, N_("DATE"), 0, N_("the lease's first day"), 0},
		{"end", OPT_END, N_("DATE"), 0, N_("its last day (open-ended when left out)"), 0},
		{"decoration", OPT_DECORATION, N_("TEXT"), 0, N_("the state of the interior (内部装修情况)"), 0},
		{"remark", OPT_REMARK, N_("TEXT"), 0, N_("a remark"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT --tenant NAME --start DATE"),
	    N_("Record a lease (租赁) of the unit."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.l.tenant.name || !a.l.start) {
		pm_cli_warn("%s", _("a lease needs --tenant NAME and --start DATE"));
		return PM_EXIT_USAGE;
	}
	return pm_cli_write(do_lease_add, &a);
}

static int
do_lease_end(struct pm_db *db, void *arg, struct pm_err *err)
{
	struct args *a = arg;

	return pm_lease_end(db, a->unit, a->l.tenant.name, a->date, err);
}

static int
lease_end(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"tenant", OPT_TENANT, N_("NAME"), 0, N_("only this tenant's lease"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day it ends (default today)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT"),
	    N_("End the leases in force early (a lease that runs to its end date needs nothing)."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	return pm_cli_write(do_lease_end, &a);
}

static int
do_lease_cancel(struct pm_db *db, void *arg, struct pm_err *err)
{
	struct args *a = arg;

	return pm_lease_cancel(db, a->unit, a->l.tenant.name, a->reason, err);
}

static int
lease_cancel(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"tenant", OPT_TENANT, N_("NAME"), 0, N_("only this tenant's lease"), 0},
		{"reason", OPT_REASON, N_("TEXT"), 0, N_("why, added to the lease's remark"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT"),
	    N_("Cancel the leases that have not started yet (they start after today): "
	       "each is ended on its first day and is never in force."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	return pm_cli_write(do_lease_cancel, &a);
}

static const struct pm_verb lease_verbs[] = {
	{"add", lease_add, N_("record a lease")},
	{"end", lease_end, N_("end a lease early")},
	{"cancel", lease_cancel, N_("cancel a lease that has not started")},
	{NULL, NULL, NULL},
};

int
owner_lease(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, lease_verbs, N_("Tenants and their leases."), NULL);
}

static int
do_resident_add(struct pm_db *db, void *arg, struct pm_err *err)
{
	return pm_resident_add(db, &((struct args *)arg)->r, err);
}

static int
resident_add(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"name", OPT_NAME, N_("NAME"), 0, N_("the resident"), 0},
		{"relation", OPT_RELATION, N_("REL"), 0, N_("owner, spouse, child, parent, relative, tenant, nanny, other (or 配偶 ...)"), 0},
		PERSON_OPTIONS,
		{"since", OPT_SINCE, N_("DATE"), 0, N_("living there since (default today)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT --name NAME --relation REL"),
	    N_("Add a household member or other resident."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.r.who.name || !a.r.relation) {
		pm_cli_warn("%s", _("a resident needs --name NAME and --relation REL"));
		return PM_EXIT_USAGE;
	}
	return pm_cli_write(do_resident_add, &a);
}

static int
do_resident_remove(struct pm_db *db, void *arg, struct pm_err *err)
{
	struct args *a = arg;

	return pm_resident_remove(db, a->unit, a->name, a->date, err);
}

static int
resident_remove(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"name", OPT_NAME, N_("NAME"), 0, N_("the resident who left"), 0},
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day they left (default today)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT --name NAME"),
	    N_("Record that a resident left; the record is kept."), pm_cli_children, NULL,
	    PM_TEXTDOMAIN};
	struct args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.name) {
		pm_cli_warn("%s", _("who left? give --name NAME"));
		return PM_EXIT_USAGE;
	}
	return pm_cli_write(do_resident_remove, &a);
}

static const struct pm_verb resident_verbs[] = {
	{"add", resident_add, N_("add a household member or other resident")},
	{"remove", resident_remove, N_("record that a resident left")},
	{NULL, NULL, NULL},
};

int
owner_resident(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, resident_verbs, N_("Household members and other residents."), NULL);
}

static const struct argp_option unit_options[] = {
	{"type", OPT_TYPE, N_("TYPE"), 0, N_("residential, shop, garage, parking, storage, office, other (or 住宅 ...)"), 0},
	{"area", OPT_AREA, N_("M2"), 0, N_("building area (建筑面积)"), 0},
	{"usable-area", OPT_USABLE, N_("M2"), 0, N_("usable area (套内/使用面积)"), 0},
	{"land-area", OPT_LAND, N_("M2"), 0, N_("land share area (土地分摊面积)"), 0},
	{"use", OPT_USE, N_("TEXT"), 0, N_("use (用途)"), 0},
	{"facilities", OPT_FACILITIES, N_("TEXT"), 0, N_("ancillary facilities (附属设施)"), 0},
	{"parking", OPT_PARKING, N_("TEXT"), 0, N_("garage or parking use (车库使用情况)"), 0},
	{"remark", OPT_REMARK, N_("TEXT"), 0, N_("a remark"), 0},
	{NULL, 0, NULL, 0, NULL, 0},
};

static int
do_unit_add(struct pm_db *db, void *arg, struct pm_err *err)
{
	return pm_unit_add(db, &((struct args *)arg)->u, err);
}

static int
do_unit_set(struct pm_db *db, void *arg, struct pm_err *err)
{
	return pm_unit_set(db, &((struct args *)arg)->u, err);
}

static int
unit_add(int argc, char **argv)
{
	static const struct argp argp = {unit_options, parse, N_("UNIT"),
	    N_("Add a unit by hand (a roll import adds them in bulk)."), pm_cli_children, NULL,
	    PM_TEXTDOMAIN};
	struct args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	return pm_cli_write(do_unit_add, &a);
}

static int
unit_set(int argc, char **argv)
{
	static const struct argp argp = {unit_options, parse, N_("UNIT"),
	    N_("Change what is recorded of a unit."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	return pm_cli_write(do_unit_set, &a);
}

static const struct pm_verb unit_verbs[] = {
	{"add", unit_add, N_("add a unit")},
	{"set", unit_set, N_("change a unit's type, areas, use, facilities, parking")},
	{NULL, NULL, NULL},
};

int
owner_unit(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, unit_verbs, N_("Units added and changed by hand."), NULL);
}
