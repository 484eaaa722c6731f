/* new.c - pm-ticket new, attach, photo */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "ticket.h"
#include "ticket/ticket.h"

enum {
	OPT_KIND = 0x100, OPT_CATEGORY, OPT_UNIT, OPT_BUILDING, OPT_LOCATION, OPT_REPORTER,
	OPT_PHONE, OPT_CHANNEL, OPT_PRIORITY, OPT_DETAIL, OPT_ATTACH, OPT_BY,
};

struct new_args {
	struct pm_ticket_new t;
	const char **attach;
	size_t nattach;
	struct pm_buf summary;
};

static error_t
new_parse(int key, char *arg, struct argp_state *state)
{
	struct new_args *a = state->input;

	switch (key) {
	case OPT_KIND: a->t.kind = arg; break;
	case OPT_CATEGORY: a->t.category = arg; break;
	case OPT_UNIT: a->t.unit = arg; break;
	case OPT_BUILDING: a->t.building = arg; break;
	case OPT_LOCATION: a->t.location = arg; break;
	case OPT_REPORTER: a->t.reporter = arg; break;
	case OPT_PHONE: a->t.phone = arg; break;
	case OPT_CHANNEL: a->t.channel = arg; break;
	case OPT_PRIORITY: a->t.priority = arg; break;
	case OPT_DETAIL: a->t.detail = arg; break;
	case OPT_BY: a->t.by = arg; break;
	case OPT_ATTACH: a->attach[a->nattach++] = arg; break;
	case ARGP_KEY_ARG:
		if (a->summary.len)
			pm_buf_addc(&a->summary, ' ');
		pm_buf_adds(&a->summary, arg);
		break;
	case ARGP_KEY_END:
		if (!a->summary.len)
			argp_error(state, _("say what the matter is: give the SUMMARY"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
ticket_new(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"kind", OPT_KIND, N_("KIND"), 0, N_("repair (default), complaint, suggestion, inquiry, errand, emergency (or 报修, 投诉, 建议, 咨询, 委托代办, 紧急)"), 0},
		{"category", OPT_CATEGORY, N_("CATEGORY"), 0, N_("safety, leak, electrical, plumbing, public, inhome, elevator, doors, greenery, cleaning, parking, noise, security, fees, other (or 安全设施, 渗漏 ...); needed for a repair"), 0},
		{"unit", OPT_UNIT, N_("UNIT"), 0, N_("the unit (optional for public areas)"), 0},
		{"building", OPT_BUILDING, N_("TEXT"), 0, N_("the building, when there is no unit (for statistics)"), 0},
		{"location", OPT_LOCATION, N_("TEXT"), 0, N_("where, in words"), 0},
		{"reporter", OPT_REPORTER, N_("TEXT"), 0, N_("who reported it"), 0},
		{"phone", OPT_PHONE, N_("PHONE"), 0, N_("the reporter's phone"), 0},
		{"channel", OPT_CHANNEL, N_("CHANNEL"), 0, N_("desk (default), phone, hotline, box, online, patrol (or 前台, 电话, 热线, 意见箱 ...)"), 0},
		{"priority", OPT_PRIORITY, N_("PRIORITY"), 0, N_("low, normal (default), high, urgent"), 0},
		{"detail", OPT_DETAIL, N_("TEXT"), 0, N_("more about it"), 0},
		{"attach", OPT_ATTACH, N_("FILE"), 0, N_("attach a photo or scan (again for more)"), 0},
		{"by", OPT_BY, N_("STAFF"), 0, N_("who took it and so owns its callback (default: $PM_USER)"), 0},
		{NULL, 0, NULL, 0, NULL, 0},
	};
	static const struct argp argp = {options, new_parse, N_("SUMMARY"),
	    N_("Take a ticket; prints its number."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct new_args a;
	struct pm_err err = {0};
	struct pm_db *db;
	char no[24];
	int rc;

	memset(&a, 0, sizeof a);
	if (!(a.attach = calloc((size_t)argc + 1, sizeof *a.attach))) {
		pm_cli_warn("%s", _("out of memory"));
		return PM_EXIT_OSERR;
	}
	pm_cli_parse(&argp, argc, argv, &a);
	a.t.attach = a.attach;
	a.t.summary = pm_buf_str(&a.summary);
	if ((rc = pm_cli_begin(&db)) == 0) {
		rc = pm_cli_end(db, pm_ticket_new(db, &a.t, no, &err) < 0, 0, &err);
		/* the number is what the clerk tells the caller: when it
		 * cannot be printed, stderr still says it */
		if (rc == 0 && (printf("%s\n", no) < 0 || fflush(stdout) != 0)) {
			pm_cli_warn(_("ticket %s was saved, but its number could not be written: %s"),
			    no, strerror(errno ? errno : EIO));
			rc = PM_EXIT_IO;
		}
	}
	free(a.attach);
	pm_buf_free(&a.summary);
	return rc;
}

struct attach_args {
	const char *ticket, *file, *by;
	int nargs;
};

static error_t
attach_parse(int key, char *arg, struct argp_state *state)
{
	struct attach_args *a = state->input;

	switch (key) {
	case OPT_BY: a->by = arg; break;
	case ARGP_KEY_ARG:
		if (a->nargs == 0)
			a->ticket = arg;
		else if (a->nargs == 1)
			a->file = arg;
		else
			argp_error(state, _("unexpected argument '%s'"), arg);
		a->nargs++;
		break;
	case ARGP_KEY_END:
		if (a->nargs != 2)
			argp_error(state, _("give the TICKET and the FILE"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
ticket_attach(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"by", OPT_BY, N_("STAFF"), 0, N_("who attaches it (default: $PM_USER)"), 0},
		{NULL, 0, NULL, 0, NULL, 0},
	};
	static const struct argp argp = {options, attach_parse, N_("TICKET FILE"),
	    N_("Attach a photo or scan (FILE, or - for stdin) to a ticket; it is kept in the "
	       "database, so a backup keeps it."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct attach_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, pm_ticket_attach(db, a.ticket, a.file, a.by, &err) < 0, 0, &err);
}

int
ticket_photo(int argc, char **argv)
{
	static const struct argp argp = {NULL, attach_parse, N_("TICKET N"),
	    N_("Write attachment N of a ticket (see pm-ticket show) to stdout."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct attach_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	char *data, *end;
	size_t len;
	long long id;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	id = strtoll(a.file, &end, 10);
	if (*end || id <= 0) {
		pm_cli_warn(_("'%s' is not an attachment number"), a.file);
		return PM_EXIT_USAGE;
	}
	if ((rc = pm_cli_open(&db)))
		return rc;
	rc = pm_ticket_attachment(db, a.ticket, id, &data, &len, &err);
	pm_db_close(db);
	if (rc < 0)
		return pm_cli_fail(&err);
	return pm_cli_put(data, len);
}
