/*
 * internal.h - what the files of lib/ticket share; not for cmd
 */
#ifndef PM_TICKET_INTERNAL_H
#define PM_TICKET_INTERNAL_H

#include <stdint.h>

#include "core/buf.h"
#include "core/db.h"
#include "core/err.h"
#include "core/time.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

/* A ticket as the steps need it. */
struct tk {
	int64_t id;
	char no[24];
	char kind[16], category[16], status[16];
	int64_t taken_by, callback_by, assignee;
	int has_finished, has_callback_due, has_reply_due, replied;
};

/* Normalize a typed ticket number ("t2026-123" -> "T2026-000123") into
 * buf; 65 when it is not one. */
int tk_norm(const char *typed, char buf[24], struct pm_err *err);

/* Read ticket typed; 65 "no ticket 'x'" when there is none. */
int tk_load(struct pm_db *db, const char *typed, struct tk *t, struct pm_err *err);

/* The staff member name, or when NULL the declared clerk ($PM_USER):
 * 64 when neither is given, 65 when not current staff. */
int tk_staff(struct pm_db *db, const char *name, int64_t *id, struct pm_err *err);

/* Now as a local time text. */
int tk_now(char buf[PM_TIME_BUFSZ], struct pm_err *err);

/* A local time text plus days and hours (in the estate's zone). */
int tk_add(const char *when, int days, int64_t hours, char buf[PM_TIME_BUFSZ],
	   struct pm_err *err);

/* Append an event; staff_id 0 for none.  Every step of a ticket goes
 * through here, and here its time order is kept: 65, nothing written,
 * when at is before the ticket's latest event or after now. */
int tk_event(struct pm_db *db, int64_t ticket_id, const char *at, const char *what,
	     int64_t staff_id, const char *detail, struct pm_err *err);

/* The name of a staff row ("" when id is 0), malloc'ed. */
int tk_staff_name(struct pm_db *db, int64_t id, char **name, struct pm_err *err);

/* A checked free-text option: trimmed, control characters refused. */
int tk_text(const char *what, const char *s, struct pm_buf *out, struct pm_err *err);

/* Whole-number percent x10 of a over b, half up ("83.3"); "" when b is 0. */
void tk_percent(int64_t a, int64_t b, char buf[32]);

#endif
