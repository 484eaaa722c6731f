/*
 * reno.h - renovation permits (装修管理), from the application to the
 * refund of the deposit
 *
 * The procedure the seeds set out, as states of a renovation:
 *
 *   apply       the owner, or a tenant with the owner's consent, hands in
 *               the application: contractor, scope, planned start and
 *               end, drawings and ID copies attached.       -> applied
 *   review      the equipment supervisor (role engineer) gives the first
 *               review, then the manager the second, within the setting
 *               reno.review_days (2) of the submission.  Either may
 *               reject with a reason.          -> reviewed -> approved
 *                                                          or rejected
 *   resubmit    a rejected application, amended, goes round again.
 *   worker      workers are registered with a valid ID number.
 *   pay         the contractor pays the fees and the deposit, through
 *               pm-fee's ledger (a one-off charge and its receipt, and a
 *               deposit of kind reno): there is no second ledger.
 *   pass        numbered temporary passes (临时出入证), valid until the
 *               planned end: none before approval and payment.
 *   start       work may start.                                -> started
 *   inspect     the site is inspected (reno.inspections_per_day a day):
 *               ok, or a violation of a kind with what was found.
 *   notice      a violation gets a numbered rectification notice with a
 *               deadline; rectified closes it.
 *   extend      a new planned end; the passes out follow it.
 *   finish      the acceptance inspection: refused while a pass is out
 *               or a notice is open.                          -> finished
 *   refund      the deposit less deductions with reasons, once. -> refunded
 *
 * Every step out of this order is refused with PM_EXIT_DATA (65) and a
 * message that says what must come first; nothing is written.  Every
 * step is logged (pm_reno_log) and audited.  Like pm-fee, each function
 * runs inside the caller's transaction and checks the state it needs
 * there, so two desks cannot both take the same step.
 *
 * Numbers said out loud: permits Z2026-000001, passes L2026-000001,
 * notices W2026-000001.
 */
#ifndef PM_RENO_H
#define PM_RENO_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/db.h"
#include "core/err.h"
#include "core/keyword.h"
#include "core/out.h"
#include "core/seq.h"
#include "fee/deposit.h"

extern const struct pm_keyword pm_reno_statuses[];
extern const struct pm_keyword pm_reno_violations[];
/* Shown, not typed: log events, late items of the due list, pass states,
 * summary lines. */
extern const struct pm_keyword pm_reno_events[];
extern const struct pm_keyword pm_reno_late[];
extern const struct pm_keyword pm_pass_states[];
extern const struct pm_keyword pm_reno_summary_lines[];

/* The renovation numbered typed ("Z2026-000001", case forgiven): *id. */
int pm_reno_find(struct pm_db *db, const char *typed, int64_t *id, struct pm_err *err);

struct pm_reno_apply {
	int64_t unit_id;
	const char *applicant;   /* a current owner's or tenant's name */
	const char *consent;     /* the owner's consent, required for a tenant */
	const char *contractor, *phone, *scope;
	const char *start, *end; /* planned, dates as typed */
	const char *const *attach;  /* files: drawings, ID copies */
	size_t nattach;
};

/* Apply; no gets the permit number. */
int pm_reno_apply(struct pm_db *db, const struct pm_reno_apply *a, char no[PM_SEQ_BUFSZ],
		  struct pm_err *err);

/* A review: second 0 for the first (by an engineer), 1 for the second
 * (by a manager); approve, or reject with a reason. */
int pm_reno_review(struct pm_db *db, int64_t id, int second, int approve, const char *reason,
		   const char *by, struct pm_err *err);

/* Resubmit a rejected application, with the fields of a that are set
 * (unit_id and applicant are ignored) changed. */
int pm_reno_resubmit(struct pm_db *db, int64_t id, const struct pm_reno_apply *a,
		     struct pm_err *err);

struct pm_reno_worker {
	const char *name, *id_no, *phone, *trade, *photo;
};
int pm_reno_worker_add(struct pm_db *db, int64_t id, const struct pm_reno_worker *w,
		       struct pm_err *err);
int pm_reno_workers(struct pm_db *db, int64_t id, struct pm_out *out, struct pm_err *err);

/* The contractor pays: the deposit (fen, > 0) into pm-fee's deposits,
 * and when fee > 0 a one-off charge of fee_item (default "reno") paid at
 * once, with its receipt. */
struct pm_reno_paid {
	char deposit[PM_SEQ_BUFSZ];
	char receipt[PM_SEQ_BUFSZ];   /* "" when no fee was paid */
};
int pm_reno_pay(struct pm_db *db, int64_t id, int64_t deposit, int64_t fee, const char *fee_item,
		const char *method, struct pm_reno_paid *r, struct pm_err *err);

/* Passes: issued to a registered worker (by name), returned, or lost. */
int pm_reno_pass_issue(struct pm_db *db, int64_t id, const char *worker, char no[PM_SEQ_BUFSZ],
		       struct pm_err *err);
int pm_reno_pass_return(struct pm_db *db, const char *pass, struct pm_err *err);
int pm_reno_pass_lost(struct pm_db *db, const char *pass, const char *note, struct pm_err *err);

int pm_reno_start(struct pm_db *db, int64_t id, struct pm_err *err);

/* An inspection by staff member by: kind NULL for ok, else a violation
 * (pm_reno_violations) with what was found, and a photo file or NULL. */
int pm_reno_inspect(struct pm_db *db, int64_t id, const char *by, const char *kind,
		    const char *found, const char *photo, struct pm_err *err);

/* A rectification notice for the latest violation without one, with a
 * deadline; no gets its number. */
int pm_reno_notice(struct pm_db *db, int64_t id, const char *deadline, const char *text,
		   char no[PM_SEQ_BUFSZ], struct pm_err *err);
/* The notice as text to print and hand over. */
/* The notice, or a worker's temporary pass (临时出入证), as a document
 * to print: -o html gives an A4 page with the signature lines. */
int pm_reno_notice_document(struct pm_db *db, const char *notice, struct pm_out *out,
			    struct pm_err *err);
int pm_reno_pass_document(struct pm_db *db, const char *pass, struct pm_out *out,
			  struct pm_err *err);
int pm_reno_notice_text(struct pm_db *db, const char *notice, struct pm_buf *t,
			struct pm_err *err);
int pm_reno_rectified(struct pm_db *db, const char *notice, const char *by, struct pm_err *err);

int pm_reno_extend(struct pm_db *db, int64_t id, const char *until, const char *reason,
		   struct pm_err *err);
int pm_reno_finish(struct pm_db *db, int64_t id, const char *by, const char *note,
		   struct pm_err *err);
int pm_reno_refund(struct pm_db *db, int64_t id, const struct pm_deduction *ded, size_t n,
		   const char *method, int64_t *refunded, struct pm_err *err);

/* Lists. */
int pm_reno_list(struct pm_db *db, const char *status, int64_t unit_id, struct pm_out *out,
		 struct pm_err *err);
/* What is late on date (NULL: today): reviews past reno.review_days,
 * notices past their deadline, works past their planned end, sites with
 * fewer than reno.inspections_per_day inspections that day.  *found
 * counts the rows. */
int pm_reno_due(struct pm_db *db, const char *date, struct pm_out *out, long *found,
		struct pm_err *err);
/* The pass register (of one renovation when id > 0); active: only passes
 * out and valid today, for the gate. */
int pm_reno_passes(struct pm_db *db, int64_t id, int active, struct pm_out *out,
		   struct pm_err *err);
int pm_reno_log(struct pm_db *db, int64_t id, struct pm_out *out, struct pm_err *err);

/* The renovation's files, in the order they came: the drawings and ID
 * copies of the application (and of a resubmission), inspection photos,
 * workers' photos.  Each with its number, what it belongs to, its name,
 * when it was added and its size. */
int pm_reno_files(struct pm_db *db, int64_t id, struct pm_out *out, struct pm_err *err);

/* The bytes of file number file of renovation id (malloc'ed, *len
 * bytes); 65 when the renovation has no such file. */
int pm_reno_file(struct pm_db *db, int64_t id, int64_t file, char **data, size_t *len,
		 struct pm_err *err);

/* Shown, not typed: what a file belongs to (application, inspection,
 * worker). */
extern const struct pm_keyword pm_reno_file_kinds[];
/* A month's figures: applications, approvals, rejections, average review
 * time, violations by kind, notices, deposits taken, held, refunded. */
int pm_reno_summary(struct pm_db *db, const char *month, struct pm_out *out, struct pm_err *err);

/* The household archive's section (lib/owner/archive.c). */
int pm_reno_archive(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);

/* Renovation permit numbers starting with prefix, for shell completion:
 * the ones still open first, then the latest applied for. */
int pm_reno_complete(struct pm_db *db, const char *prefix, struct pm_out *out,
		     struct pm_err *err);

#endif
