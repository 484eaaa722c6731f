/* owner.h - pm-owner's verbs */
#ifndef PM_OWNER_CMD_H
#define PM_OWNER_CMD_H

#include "common/cli.h"
#include "core/i18n.h"

int owner_import(int argc, char **argv);
int owner_export(int argc, char **argv);
int owner_list(int argc, char **argv);
int owner_show(int argc, char **argv);
int owner_unit(int argc, char **argv);
int owner_transfer(int argc, char **argv);
int owner_lease(int argc, char **argv);
int owner_resident(int argc, char **argv);
int owner_movein(int argc, char **argv);
int owner_moveout(int argc, char **argv);
int owner_permit(int argc, char **argv);

#endif
