/*
 * seq.h - record numbers people say out loud
 *
 * Tickets, receipts, notices, permits: "T2026-000123".  A prefix letter
 * (or two), the year, and a number that counts up from 1 each year per
 * prefix.  Taken inside the caller's write transaction, so a number is
 * used once even with several writers, and a rolled-back command gives
 * its number back.
 */
#ifndef PM_SEQ_H
#define PM_SEQ_H

#include "db.h"
#include "err.h"

#define PM_SEQ_BUFSZ 24

/* Take the next number for prefix in year; buf gets "T2026-000123". */
int pm_seq_next(struct pm_db *db, const char *prefix, int year, char buf[PM_SEQ_BUFSZ],
		struct pm_err *err);

#endif
