/*
 * moves.h - moving in (入住/入夥) and moving out
 *
 * A move-in at the desk is a checklist (the seeds' 入夥 procedure): the
 * documents handed over and signed for (the setting movein.documents),
 * keys handed over and signed for, the water, electricity, gas and hot-water
 * readings that metered billing starts from, the house inspection passed
 * or failed with its defects and a deadline to put them right, and the
 * delegated services asked for.  What is missing can be added later
 * (pm_movein with amend); pm_movein_pending lists every move-in with
 * something missing and every rectification past its deadline.
 *
 * A move-out records the date, the readings, the keys returned, and
 * issues a goods release permit (放行条) with a readable number,
 * F2026-000001.
 */
#ifndef PM_MOVES_H
#define PM_MOVES_H

#include "core/db.h"
#include "core/err.h"
#include "core/keyword.h"
#include "core/out.h"
#include "core/seq.h"

/* House inspection results: passed 合格, failed 不合格. */
extern const struct pm_keyword pm_movein_inspections[];
/* Shown, not typed: movein, moveout; a register's start, end, ended. */
extern const struct pm_keyword pm_move_events[];

struct pm_movein_in {
	const char *unit;
	const char *date;          /* NULL: today */
	int batch;                 /* 集中入夥 */
	const char *owner;         /* who moved in: a current owner's name, NULL: the first */
	const char *signed_docs;   /* comma-separated, "all" for the whole checklist */
	const char *keys;
	int keys_signed;
	const char *water, *electricity, *gas, *hot_water;   /* readings, "1234.5" */
	const char *inspection;    /* passed | failed (合格 | 不合格) */
	const char *defects;
	const char *rectify_by;    /* a date; default 15 days after a failed inspection */
	const char *rectified;     /* the date the defects were put right (amend) */
	const char *services;
	const char *by;            /* the clerk (staff name) */
	const char *remark;
	int amend;                 /* complete the unit's latest desk move-in instead */
};

/* Record (or amend) a move-in.  65 when the unit is unsold, already
 * moved into (without amend), or a value is bad. */
int pm_movein(struct pm_db *db, const struct pm_movein_in *m, struct pm_err *err);

/* Desk move-ins with something missing, and rectifications overdue. */
int pm_movein_pending(struct pm_db *db, struct pm_out *out, struct pm_err *err);

struct pm_moveout_in {
	const char *unit;
	const char *date;
	const char *goods;         /* what leaves: on the permit */
	const char *keys;          /* keys returned */
	const char *water, *electricity, *gas, *hot_water;
	const char *by;
	const char *remark;
};

/* Record a move-out; permit gets the release permit's number. */
int pm_moveout(struct pm_db *db, const struct pm_moveout_in *m, char permit[PM_SEQ_BUFSZ],
	       struct pm_err *err);

/* The goods release permit (放行条) numbered permit, as a document:
 * print it with -o html. */
int pm_moveout_permit(struct pm_db *db, const char *permit, struct pm_out *out,
		      struct pm_err *err);

/* The move-in sign-off sheet (入住签收单) of the unit's latest desk
 * move-in: what was handed over and signed for, document by document. */
int pm_movein_sheet(struct pm_db *db, const char *unit, struct pm_out *out, struct pm_err *err);

/* Goods release permit numbers (放行条) of move-outs starting with
 * prefix, for shell completion: the latest first. */
int pm_moveout_permit_complete(struct pm_db *db, const char *prefix, struct pm_out *out,
			       struct pm_err *err);

#endif
