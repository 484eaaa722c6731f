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

/* The registers: vehicles, pets, keys, visits, vacant units */
int owner_vehicle(int argc, char **argv);
int owner_pet(int argc, char **argv);
int owner_key(int argc, char **argv);
int owner_expiring(int argc, char **argv);
int owner_visit(int argc, char **argv);
int owner_visits(int argc, char **argv);
int owner_vacant(int argc, char **argv);
int owner_inspect(int argc, char **argv);
int owner_register(int argc, char **argv);

/* What the listing verbs share (registers.c).  owner_read_open opens the
 * database and a writer on stdout, recording a --reveal in the audit
 * log as `what`; title heads an html document.  owner_read_close closes
 * both and reports.  (Writes use pm_cli_begin/pm_cli_end.) */
int owner_read_open(struct pm_db **db, struct pm_out **out, const char *what,
		    const char *title);
int owner_read_close(struct pm_db *db, struct pm_out *out, int failed, struct pm_err *err);
/* The UNIT argument: one only, and required. */
void owner_arg_unit(struct argp_state *state, const char **unit, const char *arg);
void owner_need_unit(struct argp_state *state, const char *unit);
/* A span of whole days, "30d" or "2w", for --expiring and --within. */
int owner_span_days(struct argp_state *state, const char *opt, const char *arg);

#endif
