/* registers.c - what the register verbs (vehicle, pet, key, visit,
 * vacant, inspect, expiring, register) share: opening the database for
 * one write transaction or for output, and the UNIT argument */
#include <limits.h>

#include "owner.h"

int
owner_read_open(struct pm_db **db, struct pm_out **out, const char *what, const char *title)
{
	int rc;

	if ((rc = pm_cli_open(db)) ||
	    (rc = pm_cli_audit_reveal(*db, what, "phone and ID numbers revealed")))
		return rc;
	if (!(*out = pm_cli_out_titled(*db, title))) {
		pm_db_close(*db);
		return PM_EXIT_OSERR;
	}
	return 0;
}

int
owner_read_close(struct pm_db *db, struct pm_out *out, int failed, struct pm_err *err)
{
	pm_db_close(db);
	if (failed) {
		pm_out_free(out);
		return pm_cli_fail(err);
	}
	return pm_cli_finish(out);
}

void
owner_arg_unit(struct argp_state *state, const char **unit, const char *arg)
{
	if (*unit)
		argp_error(state, _("unexpected argument '%s' (one unit at a time)"), arg);
	*unit = arg;
}

void
owner_need_unit(struct argp_state *state, const char *unit)
{
	if (!unit)
		argp_error(state, _("which unit? give UNIT, e.g. 3-2-1501"));
}

int
owner_span_days(struct argp_state *state, const char *opt, const char *arg)
{
	int64_t s = pm_cli_span(state, opt, arg);

	if (s % 86400)
		argp_error(state, _("%s: '%s' is not whole days (30d, 2w, 48h)"), opt, arg);
	else if (s / 86400 > 36600)
		argp_error(state, _("%s: '%s' is more than 100 years"), opt, arg);
	return (int)(s / 86400);
}
