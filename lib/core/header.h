/*
 * header.h - matching a CSV header row to the fields an importer knows
 *
 * Every import takes English field names and the Chinese names Excel
 * rolls really carry (房号 = unit, 姓名 = name, 电话 = phone, 建筑面积 =
 * building_area, ...).  Matching ignores case, surrounding white space
 * (utf8.h's rule) and a BOM.  --map 'header=field' adds a mapping for a
 * header nobody foresaw.  A header that maps to nothing is reported and
 * its column ignored; two headers for one field, or a missing required
 * field, refuse the file (65).
 */
#ifndef PM_HEADER_H
#define PM_HEADER_H

#include <stddef.h>

#include "csvin.h"
#include "err.h"
#include "keys.h"

struct pm_field_def {
	const char *name;     /* English key, as in csv output */
	const char *aliases;  /* '|'-separated other names, or NULL */
	int required;
};

struct pm_header {
	long *col;             /* col[field] = column index, or -1 */
	size_t nfields;
	size_t ncols;          /* columns in the header row */
	struct pm_strv names;  /* the header cells as written (trimmed) */
	struct pm_strv unknown;/* header cells that map to no field */
};

/* Map header (the first row) to defs (ended by a NULL name).  maps holds
 * "header=field" strings (may be NULL).  h is filled; free it with
 * pm_header_free() whatever the result.  file names the input in errors. */
int pm_header_map(const struct pm_row *header, const struct pm_field_def *defs,
		  const struct pm_strv *maps, const char *file, struct pm_header *h,
		  struct pm_err *err);

/* The cell of field f in row, or NULL when the file has no such column
 * or the row is too short.  *n gets its length.  A cell ="DIGITS" (a
 * long number kept as text by a spreadsheet or an --excel export) is
 * given as DIGITS. */
const char *pm_header_cell(const struct pm_header *h, const struct pm_row *row, size_t f,
			   size_t *n);

void pm_header_free(struct pm_header *h);

#endif
