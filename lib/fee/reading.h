/*
 * reading.h - meter readings (抄表): water, electricity, gas, hot water
 *
 * Readings are x100 (1234.50 m3 is 123450) and go in date order per unit
 * and meter.  The move-in readings pm-owner records are the baseline: a
 * reading lower than the last one (or than the baseline) is refused
 * unless it is marked as a meter change, which starts a new meter at
 * that value (consumption before it ended with the reading before).
 */
#ifndef PM_FEE_READING_H
#define PM_FEE_READING_H

#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/out.h"

struct pm_fee_reading {
	int64_t unit_id;
	const char *meter;   /* pm_fee_meters key or alias */
	const char *value;   /* as typed: "1234.5" */
	const char *date;    /* NULL: today */
	int change;          /* a new meter starting at value */
};

/* Record one reading; 65 with the reason when refused. */
int pm_fee_reading_add(struct pm_db *db, const struct pm_fee_reading *r, struct pm_err *err);

/* Record every reading of a CSV or TSV (columns unit, meter, value, and
 * optionally date and change; Chinese headers 房号 表 读数 日期 换表
 * too).  Every bad row is handed to bad as "FILE:LINE: column: reason"
 * and the rest are still checked; then 65 "N rows refused", and the
 * caller rolls back.  A database error stops at once.  *rows counts
 * the readings recorded (or checked). */
int pm_fee_reading_import(struct pm_db *db, const char *path, const char *encoding, long *rows,
			  void (*bad)(void *arg, const char *msg), void *arg, struct pm_err *err);

/* List readings, newest first: of one unit (unit_id > 0) or all, of one
 * meter or all. */
int pm_fee_reading_list(struct pm_db *db, int64_t unit_id, const char *meter, struct pm_out *out,
			struct pm_err *err);

/* What a metered bill line for a period needs: the consumption from the
 * start (the previous bill's closing reading after_id, else the move-in
 * baseline, else the first reading) to the last reading dated from..to.
 * *found 0 when there is no such reading or nothing after the start. */
struct pm_fee_usage {
	int found;
	int64_t prev, cur, qty, reading_id;
};
int pm_fee_usage(struct pm_db *db, int64_t unit_id, const char *meter, int64_t after_id,
		 const char *from, const char *to, struct pm_fee_usage *u, struct pm_err *err);

#endif
