/* reading.c - pm-fee reading add|import|list */
#include <stdlib.h>

#include "fee.h"
#include "fee/reading.h"
#include "owner/unit.h"

enum { OPT_DATE = 0x100, OPT_CHANGE, OPT_ENCODING, OPT_DRY, OPT_METER };

struct args {
	const char *pos[3];
	int npos, want, min;
	const char *date, *encoding, *meter;
	int change, dry;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_DATE: a->date = arg; break;
	case OPT_CHANGE: a->change = 1; break;
	case OPT_ENCODING: a->encoding = arg; break;
	case OPT_DRY: a->dry = 1; break;
	case OPT_METER: a->meter = arg; break;
	case ARGP_KEY_ARG:
		if (a->npos >= a->want)
			argp_error(state, _("unexpected argument '%s'"), arg);
		a->pos[a->npos++] = arg;
		break;
	case ARGP_KEY_END:
		if (a->npos < a->min)
			argp_error(state, _("missing arguments (see --help)"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static int
reading_add(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"date", OPT_DATE, N_("DATE"), 0, N_("the day it was read (default today)"), 0},
		{"meter-change", OPT_CHANGE, NULL, 0, N_("a new meter, starting at this reading"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("UNIT METER VALUE"),
	    N_("Record a meter reading (METER: water, electricity, gas, hotwater, or 水 电 燃气 "
	       "热水)."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_fee_reading r = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.want = a.min = 3;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	r.meter = a.pos[1];
	r.value = a.pos[2];
	r.date = a.date;
	r.change = a.change;
	rc = pm_unit_find(db, a.pos[0], &r.unit_id, NULL, &err) < 0 ||
	    pm_fee_reading_add(db, &r, &err) < 0;
	return pm_cli_end(db, rc, 0, &err);
}

static void
bad_row(void *arg, const char *msg)
{
	(void)arg;
	pm_cli_warn("%s", msg);
}

static int
reading_import(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"encoding", OPT_ENCODING, N_("ENCODING"), 0, N_("the file's encoding (default: detected)"), 0},
		{"dry-run", OPT_DRY, NULL, 0, N_("check every row, write nothing"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("FILE"),
	    N_("Record the readings of a CSV or TSV file (columns unit, meter, value, and "
	       "optionally date and change; 房号 表 读数 日期 换表 too); all or nothing."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	long rows = 0;
	int rc;

	a.want = a.min = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	rc = pm_fee_reading_import(db, a.pos[0], a.encoding, &rows, bad_row, NULL, &err) < 0;
	if ((rc = pm_cli_end(db, rc, a.dry, &err)))
		return rc;
	printf(a.dry ? _("%ld readings checked, nothing written\n") : _("%ld readings recorded\n"), rows);
	return 0;
}

static int
list_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;
	int64_t unit = 0;

	if (a->npos && pm_unit_find(db, a->pos[0], &unit, NULL, err) < 0)
		return -1;
	return pm_fee_reading_list(db, unit, a->meter, out, err);
}

static int
reading_list(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"meter", OPT_METER, N_("METER"), 0, N_("only this meter"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("[UNIT]"),
	    N_("List readings, newest first."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	a.want = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	return fee_output(list_fn, &a, 0, 0);
}

static const struct pm_verb subs[] = {
	{"add", reading_add, N_("record a meter reading")},
	{"import", reading_import, N_("record the readings of a CSV file")},
	{"list", reading_list, N_("list readings")},
	{NULL, NULL, NULL},
};

int
fee_reading(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, subs, N_("Meter readings."), "list");
}
