/*
 * settings.h - the estate's knobs: deadlines, targets, the time zone
 *
 * Every setting has a name, a type, a default (DESIGN.md's and the
 * seeds') and a one-line description, all in one table in settings.c.
 * The database stores only values that differ from the default, so a
 * new release can improve a default for every estate that kept it.
 * Domains read them with pm_setting_get_int() and friends; pm-admin
 * settings lists and sets them, checking each value against its type.
 */
#ifndef PM_SETTINGS_H
#define PM_SETTINGS_H

#include <stdint.h>

#include "db.h"
#include "err.h"

enum pm_setting_type {
	PM_SET_INT,    /* a whole number within [min, max] */
	PM_SET_TEXT,   /* one line of text */
	PM_SET_LIST,   /* comma-separated items */
	PM_SET_ZONE,   /* an Olson time zone name */
	PM_SET_ENUM,   /* one of the comma-separated choices in `choices` */
	PM_SET_MAIL_LOCAL, /* the part of a mail address before the @ (mailaddr.h) */
	PM_SET_DOMAIN, /* a mail domain (mailaddr.h) */
};

/* TEXT and LIST values are one line of at most this many characters */
#define PM_SETTING_TEXT_MAX 2000

struct pm_setting {
	const char *name;
	enum pm_setting_type type;
	const char *def;
	const char *help;      /* N_()-marked */
	int64_t min, max;      /* for PM_SET_INT */
	const char *choices;   /* for PM_SET_ENUM */
};

/* The table, ended by a NULL name. */
extern const struct pm_setting pm_settings[];

const struct pm_setting *pm_setting_find(const char *name);

/* The value (stored or default) of a known setting; *value is malloc'ed.
 * -1 for an unknown name (a bug: 70) or a database error. */
int pm_setting_get(struct pm_db *db, const char *name, char **value, struct pm_err *err);
int pm_setting_get_int(struct pm_db *db, const char *name, int64_t *value, struct pm_err *err);

/* Is value acceptable for s?  NULL when yes, else a reason. */
const char *pm_setting_check(const struct pm_setting *s, const char *value);

/* Store value (checked first; 65 when refused), inside the caller's
 * transaction.  Setting the default removes the stored row.  *old gets
 * the previous value (malloc'ed) when old is not NULL. */
int pm_setting_set(struct pm_db *db, const char *name, const char *value,
		   char **old, struct pm_err *err);

/* Is the setting stored (1) or at its default (0)? */
int pm_setting_is_set(struct pm_db *db, const char *name, int *set, struct pm_err *err);

/* Call bad() for every stored value its setting's type refuses (one
 * stored by hand, or before the type was checked); bad() returning -1
 * stops the walk with -1, err set by it. */
int pm_settings_verify(struct pm_db *db,
		       int (*bad)(void *arg, const char *name, const char *why),
		       void *arg, struct pm_err *err);

#endif
