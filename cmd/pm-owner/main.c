/* pm-owner - units, owners, tenants, residents, moving in and out, the
 * household archive, and bulk import of owner rolls */
#include "owner.h"

const char *argp_program_version = "pm-owner (pm-tools) " PM_VERSION;
const char *argp_program_bug_address = PM_BUG_ADDRESS;

static const struct pm_verb verbs[] = {
	{"import", owner_import, N_("import an owner roll (CSV or TSV, UTF-8, GBK or UTF-16)")},
	{"export", owner_export, N_("write the owner roll that import reads back")},
	{"list", owner_list, N_("list units with their status and owners")},
	{"show", owner_show, N_("one household's whole file (一户一档)")},
	{"unit", owner_unit, N_("add or change a unit by hand")},
	{"transfer", owner_transfer, N_("record a change of ownership; the history is kept")},
	{"lease", owner_lease, N_("tenants: record a lease, end one early")},
	{"resident", owner_resident, N_("household members: add, record leaving")},
	{"movein", owner_movein, N_("record a move-in and its checklist; list what is pending")},
	{"moveout", owner_moveout, N_("record a move-out and issue the goods release permit")},
	{"permit", owner_permit, N_("print a goods release permit")},
	{NULL, NULL, NULL},
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs,
	    N_("Units, owners and tenants, moving in and out, and the household archive."));
}
