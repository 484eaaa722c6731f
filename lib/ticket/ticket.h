/*
 * ticket.h - repairs, complaints and requests: their life, their
 * deadlines, the desk's lists and reports, and the butlers' patrols
 *
 * A ticket is numbered T2026-000123 when it is taken.  Whoever takes it
 * (taken_by) owns its callback (谁接单谁回访) until it is handed over
 * explicitly.  Its life is a sequence of steps, each an event row with
 * who did it and who recorded it:
 *
 *   new -> dispatch -> accept -> start -> finish -> callback -> close
 *
 * dispatch, accept and start may be skipped (a desk answers an inquiry
 * itself); a callback comes only after a finish; a repair or emergency
 * closes only after its callback, a complaint only after its reply; a
 * closed ticket may be reopened.  An unsatisfied callback sends the
 * ticket back to its repair staff with a rework notice; the next finish
 * puts it right.  A step out of order is refused (65) with nothing
 * written.
 *
 * Deadlines (settings; computed in the estate's zone when the step that
 * starts them is recorded, as local times):
 *   callback  finish + callback.safety_days (safety), .leak_days (leak),
 *             .other_days (any other category): repairs and emergencies
 *   reply     receipt + complaint.reply_hours: complaints
 *   rework    unsatisfied callback + rework.hours: done by the next finish
 *
 * Every function here that writes must be called inside the caller's
 * pm_db_begin() ... pm_db_commit(); it checks the state it depends on
 * itself (so after BEGIN), writes the event and the audit row, and on
 * error returns -1 with err set, having written nothing the caller's
 * rollback will not undo.
 */
#ifndef PM_TICKET_H
#define PM_TICKET_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/db.h"
#include "core/err.h"
#include "core/keyword.h"
#include "core/out.h"
#include "core/time.h"

extern const struct pm_keyword pm_ticket_kinds[];
extern const struct pm_keyword pm_ticket_categories[];
extern const struct pm_keyword pm_ticket_channels[];
extern const struct pm_keyword pm_ticket_priorities[];
extern const struct pm_keyword pm_ticket_statuses[];
extern const struct pm_keyword pm_callback_results[];
extern const struct pm_keyword pm_recheck_results[];
/* Shown, not typed: history steps, due items, due states (due.c). */
extern const struct pm_keyword pm_ticket_steps[];
extern const struct pm_keyword pm_ticket_due_items[];
extern const struct pm_keyword pm_due_states[];
extern const struct pm_keyword pm_ticket_stats_words[];

/* What pm_ticket_new() records.  Keywords may be English or Chinese;
 * NULL takes the default (kind repair, channel desk, priority normal). */
struct pm_ticket_new {
	const char *kind, *category, *channel, *priority;
	const char *unit;       /* as typed; NULL for none */
	const char *building;   /* where a ticket without a unit is, for statistics */
	const char *location;
	const char *reporter, *phone;
	const char *summary;    /* required */
	const char *detail;
	const char *by;         /* who took it: a current staff member */
	const char *const *attach; /* files to attach, NULL-terminated; may be NULL */
	int64_t patrol_id;      /* the patrol that found it, or 0 */
};

/* Take a ticket.  no gets its number.  64 when the summary, the taker or
 * (for a repair) the category is missing; 65 for a bad keyword, unit,
 * phone or staff name; 66 when an attachment cannot be read. */
int pm_ticket_new(struct pm_db *db, const struct pm_ticket_new *t, char no[24],
		  struct pm_err *err);

/* Attach a file ("-" is stdin) to ticket no. */
int pm_ticket_attach(struct pm_db *db, const char *no, const char *path, const char *by,
		     struct pm_err *err);

enum pm_ticket_step {
	PM_STEP_DISPATCH,  /* to a department and a person */
	PM_STEP_ACCEPT,    /* the person accepts it */
	PM_STEP_START,     /* work starts */
	PM_STEP_FINISH,    /* what was done, materials */
	PM_STEP_REPLY,     /* a complaint is answered */
	PM_STEP_CALLBACK,  /* result and notes */
	PM_STEP_CLOSE,
	PM_STEP_REOPEN,    /* why */
	PM_STEP_HANDOVER,  /* the callback passes to another person */
};

struct pm_ticket_step_args {
	enum pm_ticket_step step;
	const char *by;        /* who does the step: a current staff member */
	const char *to;        /* dispatch and handover: the person */
	const char *dept;      /* dispatch: the department (default: the person's) */
	const char *text;      /* what was done, the reply, notes, the reason */
	const char *materials; /* finish */
	const char *result;    /* callback: satisfied, basic, unsatisfied (or 满意 ...) */
};

/* Record one step of ticket no. */
int pm_ticket_step(struct pm_db *db, const char *no, const struct pm_ticket_step_args *a,
		   struct pm_err *err);

/* The step's name ("dispatch"), for messages and the man page. */
const char *pm_ticket_step_name(enum pm_ticket_step step);

/* The whole ticket: sections "ticket" (one object), "events" (the
 * timeline), "callbacks", "rework" and "attachments". */
int pm_ticket_show(struct pm_db *db, const char *no, struct pm_out *out, struct pm_err *err);

/* The data of attachment id of ticket no (malloc'ed, *len bytes). */
int pm_ticket_attachment(struct pm_db *db, const char *no, int64_t id, char **data,
			 size_t *len, struct pm_err *err);

struct pm_ticket_filter {
	const char *kind, *category, *status, *channel; /* keywords; status "open" = not closed */
	const char *unit;        /* as typed */
	const char *const *units; /* or several, as typed (n_units of them) */
	size_t n_units;
	const char *building;
	const char *person;      /* taker, callback owner or assignee */
	const char *since, *until; /* received, local dates inclusive; NULL open */
	int overdue;             /* only tickets with a deadline passed */
	long limit;              /* 0: all */
};

/* List tickets, oldest first. */
int pm_ticket_list(struct pm_db *db, const struct pm_ticket_filter *f, struct pm_out *out,
		   struct pm_err *err);

/* 日清日结: the tickets received on day (NULL: today) not yet finished,
 * or all of that day's with all. */
int pm_ticket_today(struct pm_db *db, const char *day, int all, struct pm_out *out,
		    struct pm_err *err);

struct pm_due_filter {
	int64_t within;   /* seconds from now; < 0: to the end of today */
	int overdue;      /* only what is past due */
	const char *by;   /* only this person's */
};

/* Callbacks, complaint replies and rework notices due within the span or
 * overdue, earliest first.  *overdue counts the overdue ones listed. */
int pm_ticket_due(struct pm_db *db, const struct pm_due_filter *f, struct pm_out *out,
		  long *overdue, struct pm_err *err);

/* The reminder digests: one mail message per person (per department with
 * by_dept) with something due, as an mbox stream (each message begins
 * with a "From " line) in msgs.  *count gets the number of messages.
 * Addresses are staff-ID@DOMAIN (departments DEPT@DOMAIN), DOMAIN the
 * mail.domain setting; the sender mail.from. */
/* What staff member name still owes: every callback, reply and rework
 * in their name, due or not, and every ticket dispatched to them and not
 * finished, as "T2026-000001 (callback)" items joined by ", " in list;
 * *n counts them.  For pm-admin staff leave's warning. */
int pm_ticket_open_work(struct pm_db *db, const char *name, struct pm_buf *list, long *n,
			struct pm_err *err);
int pm_ticket_remind(struct pm_db *db, const struct pm_due_filter *f, int by_dept,
		     struct pm_buf *msgs, long *count, struct pm_err *err);

/* Statistics for a week or month: rows of metric, key, value. */
int pm_ticket_stats(struct pm_db *db, const struct pm_period *p, struct pm_out *out,
		    struct pm_err *err);

/* The complaint summary of the period in words, in text. */
int pm_ticket_summary(struct pm_db *db, const struct pm_period *p, struct pm_buf *text,
		      struct pm_err *err);

/* A reproducible random sample of n callbacks made in the month, for the
 * manager's re-check: the same seed gives the same sample. */
int pm_ticket_sample(struct pm_db *db, const struct pm_period *month, long n, uint64_t seed,
		     struct pm_out *out, struct pm_err *err);

/* Record the re-check of ticket no's latest callback: confirmed or
 * disputed (属实, 不实), by a supervisor or manager. */
int pm_ticket_recheck(struct pm_db *db, const char *no, const char *result, const char *by,
		      const char *notes, struct pm_err *err);

/* The household archive's tickets section (archive.h). */
int pm_ticket_archive(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err);

/* Patrols (巡视). */
struct pm_patrol {
	const char *date;      /* NULL: today */
	const char *area;      /* required */
	const char *by;        /* required: a current staff member */
	const char *findings;  /* NULL: nothing found */
};

/* Record a patrol; *id gets its row (for pm_ticket_new's patrol_id). */
int pm_patrol_add(struct pm_db *db, const struct pm_patrol *p, int64_t *id, struct pm_err *err);

/* The patrols of a day (NULL: today), with any ticket they opened. */
int pm_patrol_list(struct pm_db *db, const char *day, struct pm_out *out, struct pm_err *err);

/* Areas not patrolled on day (NULL: today): the patrol.areas setting,
 * else the areas of current butlers.  *missing counts them. */
int pm_patrol_missing(struct pm_db *db, const char *day, struct pm_out *out, long *missing,
		      struct pm_err *err);

/* Patrols per person in a month: patrols, days patrolled, days missed
 * (of the month's days up to today). */
int pm_patrol_counts(struct pm_db *db, const struct pm_period *month, struct pm_out *out,
		     struct pm_err *err);

/* Ticket numbers starting with prefix, for shell completion: the ones
 * not closed first, then the latest received. */
int pm_ticket_complete(struct pm_db *db, const char *prefix, struct pm_out *out,
		       struct pm_err *err);

#endif
