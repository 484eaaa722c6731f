/* moves.c - pm-owner movein, moveout */
#include <stdio.h>

#include "owner.h"
#include "owner/moves.h"

enum {
	OPT_DATE = 0x100, OPT_BATCH, OPT_OWNER, OPT_SIGNED, OPT_KEYS, OPT_KEYS_SIGNED, OPT_WATER,
	OPT_ELEC, OPT_GAS, OPT_HOT_WATER, OPT_INSPECTION, OPT_DEFECTS, OPT_RECTIFY_BY, OPT_RECTIFIED, OPT_SERVICES,
	OPT_BY, OPT_REMARK, OPT_AMEND, OPT_PENDING, OPT_GOODS, OPT_SHEET,
};

struct args {
	struct pm_movein_in in;
	struct pm_moveout_in out;
	int pending, sheet;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_DATE: a->in.date = a->out.date = arg; break;
	case OPT_BATCH: a->in.batch = 1; break;
	case OPT_OWNER: a->in.owner = arg; break;
	case OPT_SIGNED: a->in.signed_docs = arg; break;
	case OPT_KEYS: a->in.keys = a->out.keys = arg; break;
	case OPT_KEYS_SIGNED: a->in.keys_signed = 1; break;
	case OPT_WATER: a->in.water = a->out.water = arg; break;
	case OPT_ELEC: a->in.electricity = a->out.electricity = arg; break;
	case OPT_GAS: a->in.gas = a->out.gas = arg; break;
	case OPT_HOT_WATER: a->in.hot_water = a->out.hot_water = arg; break;
	case OPT_INSPECTION: a->in.inspection = arg; break;
	case OPT_DEFECTS: a->in.defects = arg; break;
	case OPT_RECTIFY_BY: a->in.rectify_by = arg; break;
	case OPT_RECTIFIED: a->in.rectified = arg; break;
	case OPT_SERVICES: a->in.services = arg; break;
	case OPT_BY: a->in.by = a->out.by = arg; break;
	case OPT_REMARK: a->in.remark = a->out.remark = arg; break;
	case OPT_AMEND: a->in.amend = 1; break;
	case OPT_PENDING: a->pending = 1; break;
	case OPT_SHEET: a->sheet = 1; break;
	case OPT_GOODS: a->out.goods = arg; break;
	case ARGP_KEY_ARG:
		if (a->in.unit)
			argp_error(state, _("one unit at a time"));
		a->in.unit = a->out.unit = arg;
		break;
	case ARGP_KEY_END:
		if (!a->in.unit && !a->pending)
			argp_error(state, _("which unit? give UNIT, e.g. 3-2-1501 (or --pending)"));
		if (a->in.unit && a->pending)
			argp_error(state, _("--pending lists every unit: give no UNIT"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

#define READING_OPTIONS \
	{"water", OPT_WATER, N_("READING"), 0, N_("the water meter reading"), 0}, \
	{"electricity", OPT_ELEC, N_("READING"), 0, N_("the electricity meter reading"), 0}, \
	{"gas", OPT_GAS, N_("READING"), 0, N_("the gas meter reading"), 0}, \
	{"hot-water", OPT_HOT_WATER, N_("READING"), 0, N_("the hot water meter reading"), 0}

static int
do_movein(struct pm_db *db, void *arg, struct pm_err *err)
{
	return pm_movein(db, &((struct args *)arg)->in, err);
}

int
owner_movein(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day of moving in (default today)"), 0},
		{"batch", OPT_BATCH, NULL, 0, N_("part of a batch move-in (集中入夥)"), 0},
		{"owner", OPT_OWNER, N_("NAME"), 0, N_("which owner moves in (default the first)"), 0},
		{"signed", OPT_SIGNED, N_("DOCS"), 0, N_("documents handed over and signed for, comma-separated, or 'all'"), 0},
		{"keys", OPT_KEYS, N_("TEXT"), 0, N_("keys handed over"), 0},
		{"keys-signed", OPT_KEYS_SIGNED, NULL, 0, N_("the keys were signed for"), 0},
		READING_OPTIONS,
		{"inspection", OPT_INSPECTION, N_("RESULT"), 0, N_("house inspection: passed or failed (合格/不合格)"), 0},
		{"defects", OPT_DEFECTS, N_("TEXT"), 0, N_("what the inspection found"), 0},
		{"rectify-by", OPT_RECTIFY_BY, N_("DATE"), 0, N_("deadline for putting the defects right (default 15 days)"), 0},
		{"rectified", OPT_RECTIFIED, N_("DATE"), 0, N_("the defects were put right on DATE (with --amend)"), 0},
		{"services", OPT_SERVICES, N_("TEXT"), 0, N_("delegated services asked for (委托代办)"), 0},
		{"by", OPT_BY, N_("STAFF"), 0, N_("the clerk who handled it"), 0},
		{"remark", OPT_REMARK, N_("TEXT"), 0, N_("a remark"), 0},
		{"amend", OPT_AMEND, NULL, 0, N_("complete the unit's latest move-in instead of recording a new one"), 0},
		{"pending", OPT_PENDING, NULL, 0, N_("list move-ins with something missing, and overdue rectifications"), 0},
		{"sheet", OPT_SHEET, NULL, 0, N_("print the unit's move-in sign-off sheet (with -o html, for paper)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT [OPTION...]\n--pending"),
	    N_("Record a move-in (入住): documents, keys, meter readings, the house inspection and "
	       "delegated services.  --amend adds what was missing; --pending lists what still is."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if (!a.pending && !a.sheet)
		return pm_cli_write(do_movein, &a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	if (!(out = pm_cli_out_titled(db, a.sheet ? _("Move-in sign-off sheet") : _("Pending move-ins")))) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	rc = a.sheet ? pm_movein_sheet(db, a.in.unit, out, &err) : pm_movein_pending(db, out, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	return pm_cli_finish(out);
}

struct moveout_run {
	struct args *a;
	char permit[PM_SEQ_BUFSZ];
};

static int
do_moveout(struct pm_db *db, void *arg, struct pm_err *err)
{
	struct moveout_run *m = arg;

	return pm_moveout(db, &m->a->out, m->permit, err);
}

int
owner_moveout(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day of moving out (default today)"), 0},
		{"goods", OPT_GOODS, N_("TEXT"), 0, N_("the goods leaving, for the release permit"), 0},
		{"keys", OPT_KEYS, N_("TEXT"), 0, N_("keys returned"), 0},
		READING_OPTIONS,
		{"by", OPT_BY, N_("STAFF"), 0, N_("the clerk who handled it"), 0},
		{"remark", OPT_REMARK, N_("TEXT"), 0, N_("a remark"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT"),
	    N_("Record a move-out: the date, meter readings and keys returned, and issue the "
	       "goods release permit (放行条).  Prints the permit's number."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct moveout_run m = {&a, ""};
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_write(do_moveout, &m)))
		return rc;
	printf("%s\n", m.permit);
	return 0;
}

static error_t
permit_parse(int key, char *arg, struct argp_state *state)
{
	const char **number = state->input;

	switch (key) {
	case ARGP_KEY_ARG:
		if (*number)
			argp_error(state, _("one permit at a time"));
		*number = arg;
		break;
	case ARGP_KEY_END:
		if (!*number)
			argp_error(state, _("which permit? give its NUMBER, e.g. F2026-000001"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
owner_permit(int argc, char **argv)
{
	static const struct argp argp = {NULL, permit_parse, N_("PERMIT"),
	    N_("Print a goods release permit (放行条) issued at a move-out; -o html for paper."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	const char *number = NULL;
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	pm_cli_parse(&argp, argc, argv, &number);
	if ((rc = pm_cli_open(&db)))
		return rc;
	if (!(out = pm_cli_out_titled(db, _("Goods release permit")))) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	rc = pm_moveout_permit(db, number, out, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	return pm_cli_finish(out);
}
