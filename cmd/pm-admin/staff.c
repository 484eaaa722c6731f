/* staff.c - pm-admin staff add|list|set|leave */
#include <stdio.h>

#include "admin.h"
#include "admin/staff.h"
#include "core/buf.h"
#include "ticket/ticket.h"

enum { OPT_DEPT = 0x100, OPT_ROLE, OPT_PHONE, OPT_AREA, OPT_JOINED, OPT_NAME, OPT_ALL, OPT_DATE };

struct args {
	struct pm_staff s;
	const char *who;   /* the NAME argument */
	int all;
	const char *date;
	int need_name;
	int need_change;   /* set: at least one field must be given */
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_DEPT: a->s.dept = arg; break;
	case OPT_ROLE: a->s.role = arg; break;
	case OPT_PHONE: a->s.phone = arg; break;
	case OPT_AREA: a->s.area = arg; break;
	case OPT_JOINED: a->s.joined = arg; break;
	case OPT_NAME: a->s.name = arg; break;
	case OPT_ALL: a->all = 1; break;
	case OPT_DATE: a->date = arg; break;
	case ARGP_KEY_ARG:
		if (!a->need_name || a->who)
			argp_error(state, _("unexpected argument '%s'"), arg);
		a->who = arg;
		break;
	case ARGP_KEY_END:
		if (a->need_name && !a->who)
			argp_error(state, _("give the staff member's NAME"));
		if (a->need_change && !a->s.name && !a->s.dept && !a->s.role && !a->s.phone &&
		    !a->s.area && !a->s.joined)
			argp_error(state, _("nothing to change: give --name, --dept, --role, --phone, --area or --joined"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

#define FIELD_OPTIONS \
	{"dept", OPT_DEPT, N_("DEPT"), 0, N_("department: service, engineering, security, cleaning, finance, management (or 客服部 ...)"), 0}, \
	{"role", OPT_ROLE, N_("ROLE"), 0, N_("role: clerk, butler, supervisor, manager, engineer, repair, security, cleaning, finance (or 管家 ...)"), 0}, \
	{"phone", OPT_PHONE, N_("PHONE"), 0, N_("phone number"), 0}, \
	{"area", OPT_AREA, N_("AREA"), 0, N_("buildings or route looked after"), 0}, \
	{"joined", OPT_JOINED, N_("DATE"), 0, N_("date joined (default today)"), 0}

static int
staff_add(int argc, char **argv)
{
	static const struct argp_option options[] = {FIELD_OPTIONS, {NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("NAME --dept DEPT --role ROLE"),
	    N_("Add someone to the staff register."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int64_t id;
	int rc;

	a.need_name = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	a.s.name = a.who;
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_staff_add(db, &a.s, &id, &err) < 0, 0, &err);
}

static int
staff_set(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"name", OPT_NAME, N_("NEW"), 0, N_("rename"), 0},
		FIELD_OPTIONS, {NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("NAME [--dept D] [--role R] ..."),
	    N_("Change what the register says of a current staff member."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	a.need_name = 1;
	a.need_change = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_staff_set(db, a.who, &a.s, &err) < 0, 0, &err);
}

static int
staff_leave(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"date", OPT_DATE, N_("DATE"), 0, N_("the last day (default today)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, N_("NAME"),
	    N_("Record that someone left; their records keep their name."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct pm_buf work = PM_BUF_INIT;
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	long open = 0;
	int rc;

	a.need_name = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	/* what they still hold goes nowhere by itself: say so, and how to
	 * hand it on */
	rc = pm_ticket_open_work(db, a.who, &work, &open, &err) < 0 ||
	    pm_staff_leave(db, a.who, a.date, &err) < 0;
	if ((rc = pm_cli_end(db, rc, 0, &err)) == 0 && open)
		pm_cli_warn(_("'%s' leaves with %ld open: %s; hand callbacks and replies over with "
		    "'pm-ticket handover TICKET --to NAME' and dispatch work again with "
		    "'pm-ticket dispatch TICKET --to NAME'"), a.who, open, pm_buf_str(&work));
	pm_buf_free(&work);
	return rc;
}

static int
staff_list(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"all", OPT_ALL, NULL, 0, N_("include those who left"), 0},
		{"role", OPT_ROLE, N_("ROLE"), 0, N_("only this role"), 0},
		{"dept", OPT_DEPT, N_("DEPT"), 0, N_("only this department"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, parse, "",
	    N_("List the staff."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_open(&db)) || (rc = pm_cli_audit_reveal(db, "staff", "revealed phone numbers")))
		return rc;
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	rc = pm_staff_list(db, a.all, a.s.role, a.s.dept, out, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	return pm_cli_finish(out);
}

static const struct pm_verb subs[] = {
	{"add", staff_add, N_("add someone to the register")},
	{"list", staff_list, N_("list the staff")},
	{"set", staff_set, N_("change someone's department, role, phone or area")},
	{"leave", staff_leave, N_("record that someone left")},
	{NULL, NULL, NULL},
};

int
admin_staff(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, subs, N_("The staff register."), "list");
}
