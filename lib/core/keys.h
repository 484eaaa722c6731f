/*
 * keys.h - lists of record keys read from a pipe
 *
 * "pm-owner list --status occupied | pm-survey issue --quarter 2026Q4 -":
 * a verb that acts on many records reads a CSV (or TSV) on stdin and
 * takes the values of one column: the first header that matches one of
 * the names given ("unit", "房号", ...; case and spaces ignored).  A
 * single-column input whose first line is not such a header is a plain
 * list, one key per line, the first line included.
 */
#ifndef PM_KEYS_H
#define PM_KEYS_H

#include <stddef.h>

#include "err.h"

struct pm_strv {
	char **v;
	size_t n, cap;
};

#define PM_STRV_INIT {NULL, 0, 0}

int pm_strv_add(struct pm_strv *sv, const char *s, size_t n);  /* 0 or -1 (memory) */
void pm_strv_free(struct pm_strv *sv);

/* Append the keys in path ("-" for stdin) to out.  names ends with NULL.
 * 65 when no column matches, 66 when the file cannot be opened. */
int pm_keys_read(const char *path, const char *const *names, struct pm_strv *out,
		 struct pm_err *err);

/* The column names for units and for record numbers. */
extern const char *const pm_keys_unit[];
extern const char *const pm_keys_id[];

#endif
