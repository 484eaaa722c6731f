/* admin.h - pm-admin's verbs */
#ifndef PM_ADMIN_CMD_H
#define PM_ADMIN_CMD_H

#include "common/cli.h"
#include "core/i18n.h"

int admin_init(int argc, char **argv);
int admin_migrate(int argc, char **argv);
int admin_backup(int argc, char **argv);
int admin_restore(int argc, char **argv);
int admin_check(int argc, char **argv);
int admin_log(int argc, char **argv);
int admin_settings(int argc, char **argv);
int admin_staff(int argc, char **argv);

#endif
