/* owner.h - pm-owner's verbs */
#ifndef PM_OWNER_CMD_H
#define PM_OWNER_CMD_H

#include "common/cli.h"
#include "core/i18n.h"

int owner_import(int argc, char **argv);
int owner_export(int argc, char **argv);
int owner_list(int argc, char **argv);
int owner_show(int argc, char **argv);

#endif
