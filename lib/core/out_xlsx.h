/*
 * out_xlsx.h - the xlsx writer behind out.c's -o xlsx (internal)
 *
 * A workbook as a Chinese desk wants it from a listing: text cells for
 * codes, phone and ID numbers (so a spreadsheet never turns
 * 110105199001011232 into 1.10105E+17), numbers for money and areas
 * with their decimals, the header in the reader's language and frozen,
 * each column as wide as its widest cell.  One worksheet per table.
 *
 * libxlsxwriter writes to a file name, not a stream: the workbook is
 * built in a temporary file under $TMPDIR and copied to the output when
 * it is finished.
 */
#ifndef PM_OUT_XLSX_H
#define PM_OUT_XLSX_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"
#include "out.h"

struct pm_xlsx;

struct pm_xlsx *pm_xlsx_new(struct pm_err *err);
/* A new worksheet named name (translated; made valid and unique),
 * with the columns' translated labels as a frozen header row unless
 * no_header. */
int pm_xlsx_sheet(struct pm_xlsx *x, const char *name, const struct pm_col *cols, size_t ncols,
		  int no_header);
/* Column i of the current row: raw is the value as stored (fen for
 * money), shown as a person reads it (masked, labelled); numbers are
 * written from raw, the rest from shown. */
int pm_xlsx_cell(struct pm_xlsx *x, size_t i, const char *raw, const char *shown);
/* The row is complete. */
int pm_xlsx_next_row(struct pm_xlsx *x);
/* Close the workbook and copy it to fp; frees x.  -1 with err set. */
int pm_xlsx_finish(struct pm_xlsx *x, FILE *fp, struct pm_err *err);
/* Drop the workbook (on an error path); frees x. */
void pm_xlsx_free(struct pm_xlsx *x);

#endif
