/* due.c - pm-ticket due, remind */
#include <stdio.h>

#include "core/buf.h"
#include "ticket.h"
#include "ticket/ticket.h"

enum { OPT_WITHIN = 0x100, OPT_OVERDUE, OPT_BY, OPT_CHECK, OPT_DEPT };

struct due_args {
	struct pm_due_filter f;
	int check, dept;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct due_args *a = state->input;

	switch (key) {
	case OPT_WITHIN: a->f.within = pm_cli_span(state, "--within", arg); break;
	case OPT_OVERDUE: a->f.overdue = 1; break;
	case OPT_BY: a->f.by = arg; break;
	case OPT_CHECK: a->check = 1; break;
	case OPT_DEPT: a->dept = 1; break;
	case ARGP_KEY_ARG: argp_error(state, _("unexpected argument '%s'"), arg); break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

#define DUE_OPTIONS \
	{"within", OPT_WITHIN, N_("SPAN"), 0, N_("what falls due within SPAN from now (1d, 24h, 2w; default: by the end of today), and everything overdue"), 0}, \
	{"overdue", OPT_OVERDUE, NULL, 0, N_("only what is overdue"), 0}, \
	{"by", OPT_BY, N_("STAFF"), 0, N_("only this person's"), 0}

int
ticket_due(int argc, char **argv)
{
	static const struct argp_option options[] = {
		DUE_OPTIONS,
		{"check", OPT_CHECK, NULL, 0, N_("exit 1 when anything listed is overdue"), 0},
		{NULL, 0, NULL, 0, NULL, 0},
	};
	static const struct argp argp = {options, parse, "",
	    N_("Callbacks, complaint replies and rework notices falling due or overdue, earliest "
	       "first: the list a cron job mails every morning."), pm_cli_children, NULL,
	    PM_TEXTDOMAIN};
	struct due_args a = {{-1, 0, NULL}, 0, 0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	long overdue = 0;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	rc = pm_ticket_due(db, &a.f, out, &overdue, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	if ((rc = pm_cli_finish(out)))
		return rc;
	return a.check && overdue ? PM_EXIT_FOUND : 0;
}

int
ticket_remind(int argc, char **argv)
{
	static const struct argp_option options[] = {
		DUE_OPTIONS,
		{"dept", OPT_DEPT, NULL, 0, N_("one message per department instead of per person"), 0},
		{NULL, 0, NULL, 0, NULL, 0},
	};
	static const struct argp argp = {options, parse, "",
	    N_("Reminder mail for what falls due: one plain-text message per person, as an mbox "
	       "stream (formail -s sendmail -t splits it).  Addresses are staff-ID@DOMAIN, "
	       "DOMAIN the mail.domain setting."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct due_args a = {{-1, 0, NULL}, 0, 0};
	struct pm_buf msgs = PM_BUF_INIT;
	struct pm_err err = {0};
	struct pm_db *db;
	long count = 0;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	rc = pm_ticket_remind(db, &a.f, a.dept, &msgs, &count, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_buf_free(&msgs);
		return pm_cli_fail(&err);
	}
	/* a short write leaves stdout in error: pm_cli_main reports it (74) */
	if (msgs.len)
		(void)!fwrite(msgs.s, 1, msgs.len, stdout);
	pm_buf_free(&msgs);
	return 0;
}
