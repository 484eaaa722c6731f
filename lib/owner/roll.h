/*
 * roll.h - the owner roll (业主花名册): its columns, reading a row, and
 * the bulk import and export of whole rolls
 *
 * A roll is one row per owner of a unit: unit, areas, type, owner name,
 * phone, ID number, move-in date, remark, and optional use, facilities,
 * parking, land share, since and share columns.  Headers may be English
 * (the csv names below) or the Chinese an Excel roll carries; see
 * roll_parse.c for the aliases.
 *
 * Import rules (pm-owner(1) IMPORT):
 *   - every invalid cell is reported as FILE:LINE: column: reason, all of
 *     them; the import is all or nothing unless skip_bad;
 *   - a unit is matched by its normalized code; a person by ID number,
 *     else by name and phone, else by name among the unit's owners;
 *   - re-importing updates in place: nothing is duplicated, and an empty
 *     cell never erases what the database holds;
 *   - the same unit twice in one roll with the same unit data is a
 *     co-owner; with different data it is an error;
 *   - a row with no owner columns filled is a unit not yet sold;
 *   - a different owner than the database's is a change of ownership:
 *     the old rows are ended, never overwritten.
 */
#ifndef PM_ROLL_H
#define PM_ROLL_H

#include <stdint.h>

#include "core/buf.h"
#include "core/csvin.h"
#include "core/db.h"
#include "core/err.h"
#include "core/header.h"
#include "core/keys.h"
#include "core/out.h"
#include "core/time.h"

enum roll_field {
	RF_UNIT, RF_BUILDING_AREA, RF_USABLE_AREA, RF_LAND_AREA, RF_TYPE, RF_USE,
	RF_FACILITIES, RF_PARKING, RF_NAME, RF_PHONE, RF_ID_NO, RF_MOVE_IN,
	RF_SINCE, RF_SHARE, RF_REMARK, RF_COUNT
};

extern const struct pm_field_def pm_roll_fields[];

/* One row, checked and normalized.  has_* say the file has the column
 * and the cell is not empty. */
struct roll_rec {
	struct pm_buf code, building, entrance, room;
	int floor;
	const char *type;
	int64_t area[3];          /* building, usable, land; m2 x 100 */
	int has_area[3];
	struct pm_buf area_why[3];  /* an area above the limit, with its value */
	struct pm_buf use, facilities, parking, remark;
	int has_use, has_facilities, has_parking, has_remark;
	struct pm_buf name, phone, landline, id_no;
	int has_person;           /* any owner column filled */
	char move_in[PM_DATE_BUFSZ], since[PM_DATE_BUFSZ];
	int64_t share;            /* basis points; 0 when not given */
};

struct roll_problem {
	enum roll_field field;
	const char *reason;       /* static or translated; valid until the next parse */
};

/* Parse row into rec (reused between rows).  Returns the number of
 * problems written to probs (at most RF_COUNT). */
int roll_parse(const struct pm_header *h, const struct pm_row *row, struct roll_rec *rec,
	       struct roll_problem *probs);
void roll_rec_free(struct roll_rec *rec);

struct pm_roll_opts {
	const char *path;             /* "-" for stdin */
	const char *encoding;         /* NULL: detect */
	int delim;                    /* 0: detect */
	int dry_run;                  /* check and count, write nothing */
	int skip_bad;                 /* commit the good rows */
	const struct pm_strv *maps;   /* "header=field" */
	/* called with the rows read so far every 4096 rows, or NULL */
	void (*progress)(void *ctx, long rows);
	void *progress_ctx;
};

struct pm_roll_stats {
	long rows, blank, rejected;
	long units_added, units_updated, units_unchanged;
	long people_added, people_updated, people_unchanged;
};

/* A refused row (or, with warning set, a note such as an unknown column). */
struct pm_roll_problem {
	const char *file;
	long line;
	const char *column;             /* as written in the header; NULL for the row */
	const char *reason;
	int warning;
	const struct pm_row *row;       /* NULL for a header note */
	const struct pm_header *header;
};

/* Called for each problem; returns -1 to stop the import (its own I/O
 * failed), with err set by the caller's means. */
typedef int (*pm_roll_report)(void *ctx, const struct pm_roll_problem *p);

/* Import a roll.  0: all rows good, committed (or, dry_run, rolled back);
 * 1: rows were refused (reported), committed only with skip_bad; -1:
 * the import failed as a whole (err set), nothing written. */
int pm_roll_import(struct pm_db *db, const struct pm_roll_opts *o, struct pm_roll_stats *st,
		   pm_roll_report report, void *ctx, struct pm_err *err);

/* Write the roll of current owners (one row per owner; a row with no
 * owner for an unsold unit) that pm_roll_import reads back to the same
 * records.  Phone and ID columns are masked unless the output reveals. */
int pm_roll_export(struct pm_db *db, struct pm_out *out, struct pm_err *err);

#endif
