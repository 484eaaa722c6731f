/* reno.h - pm-reno's verbs and what they share */
#ifndef PM_RENO_CMD_H
#define PM_RENO_CMD_H

#include <stdint.h>

#include "common/cli.h"
#include "core/i18n.h"

int reno_apply(int argc, char **argv);
int reno_review(int argc, char **argv);
int reno_resubmit(int argc, char **argv);
int reno_worker(int argc, char **argv);
int reno_pay(int argc, char **argv);
int reno_pass(int argc, char **argv);
int reno_passes(int argc, char **argv);
int reno_start(int argc, char **argv);
int reno_inspect(int argc, char **argv);
int reno_notice(int argc, char **argv);
int reno_rectified(int argc, char **argv);
int reno_extend(int argc, char **argv);
int reno_finish(int argc, char **argv);
int reno_refund(int argc, char **argv);
int reno_list(int argc, char **argv);
int reno_due(int argc, char **argv);
int reno_log(int argc, char **argv);
int reno_files(int argc, char **argv);
int reno_summary(int argc, char **argv);

/* Open the database and begin the command's transaction: 0, or the exit
 * status after reporting. */
/* Commit unless failed, close, return the exit status. */

/* A listing: open, make the writer, run fn, finish. */
typedef int (*reno_out_fn)(struct pm_db *db, void *arg, struct pm_out *out, struct pm_err *err);
int reno_output(reno_out_fn fn, void *arg);

/* Every option of every verb, and the one parser that fills them. */
enum {
	O_APPLICANT = 0x100, O_CONSENT, O_CONTRACTOR, O_PHONE, O_SCOPE, O_START, O_END, O_ATTACH,
	O_FIRST, O_SECOND, O_APPROVE, O_REJECT, O_BY, O_ID, O_TRADE, O_PHOTO, O_DEPOSIT, O_FEE,
	O_ITEM, O_METHOD, O_ACTIVE, O_VIOLATION, O_FOUND, O_DEADLINE, O_TEXT, O_PRINT, O_UNTIL,
	O_REASON, O_NOTE, O_DEDUCT, O_STATUS, O_DATE, O_CHECK, O_MONTH,
};

struct reno_args {
	char **pos;                /* positional arguments */
	int npos, want, min;       /* want < 0: any number */
	const char *applicant, *consent, *contractor, *phone, *scope, *start, *end;
	const char **attach;
	size_t nattach;
	int first, second, approve, active, print, check;
	const char *reject, *by, *id_no, *trade, *photo, *item, *method, *violation, *found;
	const char *deadline, *text, *until, *note, *status, *date, *month;
	const char **reason;
	int64_t *deduct;
	int ndeduct, nreason;
	int64_t deposit, fee;
};

/* Set up a (with room for argc positional arguments and repeated
 * options) and parse; argp exits 64 on a usage error.  Free with
 * reno_args_free(). */
void reno_parse(const struct argp_option *options, const char *args_doc, const char *doc,
		int argc, char **argv, struct reno_args *a, int want, int min);
void reno_args_free(struct reno_args *a);

/* Parse an amount option (argp_error on a bad one); > 0 unless zero_ok. */
int64_t reno_amount(struct argp_state *state, const char *opt, const char *arg, int zero_ok);

#endif
