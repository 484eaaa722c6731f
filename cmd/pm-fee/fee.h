/* fee.h - pm-fee's verbs and what they share */
#ifndef PM_FEE_CMD_H
#define PM_FEE_CMD_H

#include <stddef.h>
#include <stdint.h>

#include "common/cli.h"
#include "core/i18n.h"

int fee_item(int argc, char **argv);
int fee_reading(int argc, char **argv);
int fee_bill(int argc, char **argv);
int fee_bills(int argc, char **argv);
int fee_charge(int argc, char **argv);
int fee_adjust(int argc, char **argv);
int fee_pay(int argc, char **argv);
int fee_void(int argc, char **argv);
int fee_receipt(int argc, char **argv);
int fee_payments(int argc, char **argv);
int fee_arrears(int argc, char **argv);
int fee_statement(int argc, char **argv);
int fee_rate(int argc, char **argv);
int fee_journal(int argc, char **argv);
int fee_handover(int argc, char **argv);
int fee_close(int argc, char **argv);
int fee_totals(int argc, char **argv);
int fee_check(int argc, char **argv);
int fee_deposit(int argc, char **argv);

/* Open the database and begin the command's one transaction: 0, or the
 * exit status after reporting. */

/* End it: commit unless failed (or rollback when dry), close, and
 * return the exit status (reporting err when failed). */

/* A command that writes rows: open (and begin when write), make the
 * writer, run fn, end.  Returns the exit status; *found (when not NULL)
 * is what fn left in it, for --check verbs. */
typedef int (*fee_out_fn)(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err);
int fee_output(fee_out_fn fn, void *arg, int write, int dry);

/* Unit arguments: codes as typed, or "-" for a CSV on stdin (its unit
 * column).  *ids is malloc'ed. */
int fee_units(struct pm_db *db, char *const *args, size_t n, int64_t **ids, size_t *nids,
	      struct pm_err *err);

/* Let negative amounts be arguments: "-50" in argv, when it is not an
 * option's value, moves behind a "--" so that argp reads it as an
 * argument.  Returns the argv to parse (malloc'ed when it differs from
 * argv: free that array, not its strings) and updates *argc. */
char **fee_negatives(int *argc, char **argv);

#endif
