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
	{"vehicle", owner_vehicle, N_("vehicles, parking spaces and passes: add, remove, list")},
	{"pet", owner_pet, N_("pets and dog licences (养犬证): add, remove, list")},
	{"key", owner_key, N_("keys in custody (钥匙托管): in, out, list")},
	{"expiring", owner_expiring, N_("passes and dog licences expiring soon, for reminder letters")},
	{"visit", owner_visit, N_("record a household visit (走访)")},
	{"visits", owner_visits, N_("a month's visits per butler against the target")},
	{"vacant", owner_vacant, N_("the vacant-unit list (空置房清单) and inspections due")},
	{"inspect", owner_inspect, N_("record inspections of vacant units")},
	{"register", owner_register, N_("the monthly ownership and rental registers (产权清册, 租赁清册)")},
	{NULL, NULL, NULL},
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs,
	    N_("Units, owners and tenants, moving in and out, and the household archive."));
}
