/* item.c - pm-fee item add|list|rate|rates|retire */
#include "fee.h"
#include "fee/item.h"

enum { OPT_NAME = 0x100, OPT_BASIS, OPT_CYCLE, OPT_SEASON, OPT_METER, OPT_TYPES, OPT_AGENT,
       OPT_RATE, OPT_SINCE, OPT_ALL, OPT_FROM };

struct args {
	struct pm_fee_item it;
	const char *pos[2];
	int npos, want, all;
	const char *from;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_NAME: a->it.name = arg; break;
	case OPT_BASIS: a->it.basis = arg; break;
	case OPT_CYCLE: a->it.cycle = arg; break;
	case OPT_SEASON: a->it.season = arg; break;
	case OPT_METER: a->it.meter = arg; break;
	case OPT_TYPES: a->it.types = arg; break;
	case OPT_AGENT: a->it.agent = 1; break;
	case OPT_RATE: a->it.rate = arg; break;
	case OPT_SINCE: a->it.since = arg; break;
	case OPT_ALL: a->all = 1; break;
	case OPT_FROM: a->from = arg; break;
	case ARGP_KEY_ARG:
		if (a->npos >= a->want)
			argp_error(state, _("unexpected argument '%s'"), arg);
		a->pos[a->npos++] = arg;
		break;
	case ARGP_KEY_END:
		if (a->npos < a->want)
			argp_error(state, _("missing arguments (see --help)"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static int
item_add(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"name", OPT_NAME, N_("TEXT"), 0, N_("the item's name, as bills print it (物业费)"), 0},
		{"basis", OPT_BASIS, N_("BASIS"), 0, N_("area (per m² of building area), unit, space (per parking space), meter, or fixed (a one-off charge)"), 0},
		{"cycle", OPT_CYCLE, N_("CYCLE"), 0, N_("monthly (default), quarterly, yearly, season (heating), or once (fixed charges)"), 0},
		{"season", OPT_SEASON, N_("MONTHS"), 0, N_("a season's first and last month, like 11-03"), 0},
		{"meter", OPT_METER, N_("METER"), 0, N_("water, electricity, gas or hotwater, for a meter item"), 0},
		{"types", OPT_TYPES, N_("TYPES"), 0, N_("unit types billed, comma-separated (default residential)"), 0},
		{"agent", OPT_AGENT, NULL, 0, N_("collected on behalf of others (代收: utilities, ...)"), 0},
		{"rate", OPT_RATE, N_("AMOUNT"), 0, N_("yuan per m², unit, space or meter unit, per period (up to 4 decimals)"), 0},
		{"since", OPT_SINCE, N_("MONTH"), 0, N_("the first month the rate applies (default this month)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("ITEM --name TEXT --basis BASIS --rate AMOUNT"),
	    N_("Add a fee item with its first rate."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.want = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	a.it.code = a.pos[0];
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_fee_item_add(db, &a.it, &err) < 0, 0, &err);
}

static int
item_rate(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"since", OPT_SINCE, N_("MONTH"), 0, N_("the first month the rate applies (default this month)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("ITEM AMOUNT"),
	    N_("Give an item a new rate from a month on; earlier periods keep theirs."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.want = 2;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_fee_item_rate(db, a.pos[0], a.pos[1], a.it.since, &err) < 0, 0, &err);
}

static int
item_retire(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"from", OPT_FROM, N_("MONTH"), 0, N_("the first month no longer billed (default this month)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("ITEM"),
	    N_("Stop billing an item from a month on."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.want = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_fee_item_retire(db, a.pos[0], a.from, &err) < 0, 0, &err);
}

static int
list_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;

	return pm_fee_item_list(db, a->all, out, err);
}

static int
item_list(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"all", OPT_ALL, NULL, 0, N_("include retired items"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, "",
	    N_("List the fee items with the rate in force today."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	pm_cli_parse(&argp, argc, argv, &a);
	return fee_output(list_fn, &a, 0, 0);
}

static int
rates_fn(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err)
{
	struct args *a = arg;

	return pm_fee_item_rates(db, a->pos[0], out, err);
}

static int
item_rates(int argc, char **argv)
{
	static const struct argp argp = {NULL, parse, N_("ITEM"),
	    N_("An item's rates over time."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};

	a.want = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	return fee_output(rates_fn, &a, 0, 0);
}

static const struct pm_verb subs[] = {
	{"add", item_add, N_("add a fee item with its first rate")},
	{"list", item_list, N_("list fee items and their current rates")},
	{"rate", item_rate, N_("a new rate from a month on")},
	{"rates", item_rates, N_("an item's rate history")},
	{"retire", item_retire, N_("stop billing an item")},
	{NULL, NULL, NULL},
};

int
fee_item(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, subs, N_("Fee items and their rates."), "list");
}
