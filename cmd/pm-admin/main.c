/* pm-admin - the estate database itself: create, migrate, back up,
 * restore, check, read the audit log, settings, the staff register */
#include "admin.h"

const char *argp_program_version = "pm-admin (pm-tools) " PM_VERSION;
const char *argp_program_bug_address = PM_BUG_ADDRESS;

static const struct pm_verb verbs[] = {
	{"init", admin_init, N_("create (or upgrade) the estate database")},
	{"migrate", admin_migrate, N_("bring the schema up to date, or show its version")},
	{"backup", admin_backup, N_("copy the database safely while others use it")},
	{"restore", admin_restore, N_("put a backup back in place of the database, keeping the old one aside")},
	{"check", admin_check, N_("check the database's integrity (exit 1 on findings)")},
	{"log", admin_log, N_("read the audit log")},
	{"settings", admin_settings, N_("list, read and change settings")},
	{"staff", admin_staff, N_("the staff register: add, list, set, leave")},
	{NULL, NULL, NULL},
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs,
	    N_("The estate database: its file, schema, audit log, settings and staff."));
}
