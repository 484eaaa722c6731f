/* log.c - pm-admin log: read the audit trail */
#include "admin.h"
#include "core/audit.h"

enum { OPT_SINCE = 0x100, OPT_UNTIL, OPT_WHO, OPT_PROG, OPT_RECORD, OPT_LIMIT };

static const struct argp_option options[] = {
	{"since", OPT_SINCE, N_("DATE"), 0, N_("only entries on or after DATE"), 0},
	{"until", OPT_UNTIL, N_("DATE"), 0, N_("only entries on or before DATE"), 0},
	{"who", OPT_WHO, N_("NAME"), 0, N_("only entries by this login or clerk"), 0},
	{"prog", OPT_PROG, N_("BINARY"), 0, N_("only entries written by this binary (pm-fee, ...)"), 0},
	{"record", OPT_RECORD, N_("TEXT"), 0, N_("only entries whose record contains TEXT"), 0},
	{"limit", OPT_LIMIT, N_("N"), 0, N_("at most N entries"), 0},
	{NULL, 0, NULL, 0, NULL, 0},
};

struct args {
	struct pm_audit_filter f;
	char since[PM_DATE_BUFSZ], until[PM_DATE_BUFSZ];
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_SINCE:
		a->f.since = pm_date_fmt(pm_cli_date(state, "--since", arg), a->since);
		break;
	case OPT_UNTIL:
		a->f.until = pm_date_fmt(pm_cli_date(state, "--until", arg), a->until);
		break;
	case OPT_WHO: a->f.who = arg; break;
	case OPT_PROG: a->f.prog = arg; break;
	case OPT_RECORD: a->f.record = arg; break;
	case OPT_LIMIT: a->f.limit = pm_cli_long(state, "--limit", arg, 1, 1000000000L); break;
	case ARGP_KEY_ARG: argp_error(state, _("unexpected argument '%s'"), arg); break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
admin_log(int argc, char **argv)
{
	static const struct argp argp = {options, parse, "",
	    N_("The audit log: every write, with when, who, which binary and verb, "
	       "which record and what changed; oldest first."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	rc = pm_audit_list(db, &a.f, out, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	return pm_cli_finish(out);
}
