/* list.c - pm-owner list, export, show */
#include <stdio.h>
#include <stdlib.h>

#include "owner.h"
#include "core/audit.h"
#include "owner/archive.h"
#include "owner/owner.h"
#include "owner/roll.h"
#include "owner/unit.h"

enum { OPT_BUILDING = 0x100, OPT_TYPE, OPT_STATUS, OPT_MOVED_IN, OPT_NOT_MOVED_IN,
       OPT_VACANT, OPT_RENTED, OPT_OWNER, OPT_PHONE };

static const struct argp_option list_options[] = {
	{"building", OPT_BUILDING, N_("B"), 0, N_("only building B"), 0},
	{"type", OPT_TYPE, N_("TYPE"), 0, N_("only units of this type: residential, shop, garage, parking, storage, office, other (or 住宅 ...)"), 0},
	{"status", OPT_STATUS, N_("STATUS"), 0, N_("only units that are unsold, vacant, occupied or rented (or 空置 ...)"), 0},
	{"moved-in", OPT_MOVED_IN, NULL, 0, N_("only units moved into (occupied or rented)"), 0},
	{"not-moved-in", OPT_NOT_MOVED_IN, NULL, 0, N_("only units nobody has moved into"), 0},
	{"vacant", OPT_VACANT, NULL, 0, N_("same as --status vacant"), 0},
	{"rented", OPT_RENTED, NULL, 0, N_("same as --status rented"), 0},
	{"owner", OPT_OWNER, N_("NAME"), 0, N_("only units a current owner's name contains NAME"), 0},
	{"phone", OPT_PHONE, N_("PHONE"), 0, N_("only units whose owner has this phone, or these last four digits"), 0},
	{NULL, 0, NULL, 0, NULL, 0},
};

static error_t
list_parse(int key, char *arg, struct argp_state *state)
{
	struct pm_unit_filter *f = state->input;

	switch (key) {
	case OPT_BUILDING: f->building = arg; break;
	case OPT_TYPE: f->type = arg; break;
	case OPT_STATUS: f->status = arg; break;
	case OPT_MOVED_IN: f->moved_in = 1; break;
	case OPT_NOT_MOVED_IN: f->moved_in = -1; break;
	case OPT_VACANT: f->status = "vacant"; break;
	case OPT_RENTED: f->status = "rented"; break;
	case OPT_OWNER: f->owner = arg; break;
	case OPT_PHONE: f->phone = arg; break;
	case ARGP_KEY_ARG: argp_error(state, _("unexpected argument '%s'"), arg); break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
owner_list(int argc, char **argv)
{
	static const struct argp argp = {list_options, list_parse, "",
	    N_("List units with their type, areas, status (unsold, vacant, occupied, rented), "
	       "current owners and move-in date.  Phone numbers are masked unless --reveal."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct pm_unit_filter f = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	pm_cli_parse(&argp, argc, argv, &f);
	if ((rc = owner_read_open(&db, &out, "owner list", _("Units"))))
		return rc;
	return owner_read_close(db, out, pm_owner_list(db, &f, out, &err) < 0, &err);
}

static error_t
noargs(int key, char *arg, struct argp_state *state)
{
	if (key == ARGP_KEY_ARG)
		argp_error(state, _("unexpected argument '%s'"), arg);
	return ARGP_ERR_UNKNOWN;
}

int
owner_export(int argc, char **argv)
{
	static const struct argp argp = {NULL, noargs, "",
	    N_("Write the owner roll: one row per current owner of each unit, in the columns "
	       "import reads.  Give --reveal for a roll to import again (masked numbers "
	       "do not import)."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	pm_cli_parse(&argp, argc, argv, NULL);
	if ((rc = owner_read_open(&db, &out, "owner export", _("Owner roll"))))
		return rc;
	return owner_read_close(db, out, pm_roll_export(db, out, &err) < 0, &err);
}

static error_t
show_parse(int key, char *arg, struct argp_state *state)
{
	const char **unit = state->input;

	switch (key) {
	case ARGP_KEY_ARG:
		if (*unit)
			argp_error(state, _("one unit at a time"));
		*unit = arg;
		break;
	case ARGP_KEY_END:
		if (!*unit)
			argp_error(state, _("which unit? give UNIT, e.g. 3-2-1501"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
owner_show(int argc, char **argv)
{
	static const struct argp argp = {NULL, show_parse, N_("UNIT"),
	    N_("The household archive (一户一档): the unit, its owners and their history, "
	       "tenants, residents, moves, vehicles, pets, keys, visits, and what the other "
	       "binaries keep of it."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	const char *unit = NULL;
	char *code = NULL, *title;
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int64_t id;
	int rc;

	pm_cli_parse(&argp, argc, argv, &unit);
	if ((rc = pm_cli_open(&db)))
		return rc;
	if (pm_unit_find(db, unit, &id, &code, &err) < 0) {
		pm_db_close(db);
		return pm_cli_fail(&err);
	}
	pm_db_close(db);
	if (asprintf(&title, _("Household archive %s"), code) < 0) {
		free(code);
		return PM_EXIT_OSERR;
	}
	rc = owner_read_open(&db, &out, code, title);
	if (rc == 0)
		rc = owner_read_close(db, out, pm_archive_write(db, id, out, &err) < 0, &err);
	free(title);
	free(code);
	return rc;
}
