/*
 * out.h - the one writer of tabular output: csv, tsv, table, json
 *
 * A command describes its columns once (stable snake_case keys for CSV
 * and JSON, a translatable label for table headers, a type) and hands
 * over rows of strings.  The writer does the rest:
 *
 *   csv    RFC 4180: header first, a field quoted only when it holds a
 *          comma, quote or line break, CRLF-free unless --excel.
 *   tsv    tab-separated as Excel writes it: a field is quoted only
 *          when it holds a tab, quote or line break, its quotes
 *          doubled, so pm-owner import reads back the same bytes.
 *   table  columns aligned by display width (Chinese is two columns
 *          wide), numbers right-aligned, line breaks shown as spaces.
 *          Headers translated.  Buffered: the widths need every row.
 *          Fits COLUMNS, else the terminal's width (no limit in a pipe
 *          or a file): the widest PM_COL_TEXT columns are cut, by
 *          display width with "…", down to 8 columns, then the gap
 *          narrows to one blank; other types are never cut.  One row
 *          of a single table or of a section is "Label: value" lines,
 *          long values wrapped; a section without rows is left out and
 *          named on an "Empty: ..." line at the end.
 *   json   an array of objects (or, with sections, an object of them);
 *          numbers bare, NULL as null.
 *   html   a whole document to print on A4: the title and the estate's
 *          name on top, each table (a single record as label/value
 *          rows), signature lines where the command asks for them;
 *          Chinese fonts named with fallbacks.  Headers translated.
 *
 *   xlsx   a workbook (out_xlsx.h): text cells for codes, phones and ID
 *          numbers, numbers for money and quantities, the header in
 *          the reader's language, frozen; one worksheet per table.
 *          Binary: refused onto a terminal.
 *   --no-header   no header row (csv, tsv, table)
 *   --excel       what Excel on a Chinese Windows desk opens right: a
 *                 UTF-8 BOM, CRLF line ends, and a text cell starting
 *                 with = + - @ tab or CR prefixed with ' so it is not
 *                 run as a formula (numeric columns are not touched).
 *   --reveal      phone and ID columns in full; masked otherwise.
 *
 * Every write is checked; pm_out_finish() flushes and reports a failed
 * write (a full disk) as PM_EXIT_IO, so a short file never exits 0.
 */
#ifndef PM_OUT_H
#define PM_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

struct pm_db;
struct pm_stmt;

enum pm_format { PM_FMT_DEFAULT, PM_FMT_CSV, PM_FMT_TSV, PM_FMT_TABLE, PM_FMT_JSON,
		 PM_FMT_HTML, PM_FMT_XLSX };

enum pm_coltype {
	PM_COL_TEXT,   /* free text: Excel-guarded */
	PM_COL_INT,    /* a whole number */
	PM_COL_DEC,    /* an int64 scaled by 10^scale, printed with scale decimals */
	PM_COL_MONEY,  /* fen, printed as yuan with two decimals */
	PM_COL_PHONE,  /* masked unless --reveal */
	PM_COL_IDNO,   /* masked unless --reveal */
	PM_COL_CODE,   /* a code, date or keyword: never a formula, not guarded */
};

struct pm_col {
	const char *key;    /* csv/json name: stable, English, snake_case */
	const char *label;  /* table header, N_()-marked */
	enum pm_coltype type;
	int scale;          /* for PM_COL_DEC */
};

struct pm_outopts {
	enum pm_format format;
	int no_header;
	int excel;
	int reveal;
	const char *title;    /* html: the document's heading, or NULL */
	const char *estate;   /* html: the estate's name above it, or NULL */
};

struct pm_out;
struct pm_db;

/* A writer on fp (not closed by it).  PM_FMT_DEFAULT becomes table on a
 * terminal and csv otherwise. */
struct pm_out *pm_out_new(FILE *fp, const struct pm_outopts *o, struct pm_err *err);

/* Parse a --format value (csv, tsv, table, json, or 表格 ...); -1 if unknown. */
int pm_format_parse(const char *s, enum pm_format *f);
enum pm_format pm_out_format(const struct pm_out *out);

/* Start a table.  section is NULL for the only table of a command, or a
 * name for one of several (pm-owner show): json then writes an object
 * keyed by section names, csv and table a "[name]" line before each.
 * With single set, json writes one object instead of an array. */
int pm_out_begin(struct pm_out *out, const char *section, const struct pm_col *cols,
		 size_t ncols, int single);

/* In every table, show the values of columns named key by their Chinese
 * names (a keyword table's zh) where dates and money go Chinese too: in
 * a table or document under Chinese messages.  csv and json keep the
 * key.  A key may have several tables (status: of units, of tickets);
 * a value is looked up in each in turn.  Registered once at start-up
 * (cmd/common/cli.c); -1 when the registry is full. */
struct pm_keyword;
int pm_out_keywords(const char *key, const struct pm_keyword *table);

/* One row: ncols strings, NULL for no value.  Values of PM_COL_DEC and
 * PM_COL_MONEY columns are the integer (fen) as a decimal string. */
int pm_out_row(struct pm_out *out, const char *const *values);

/* One row from the current row of st: column i of the table from column
 * i of the statement (integers for MONEY and DEC columns). */
int pm_out_stmt(struct pm_out *out, struct pm_stmt *st);

/* Write every row of st (stepping it to the end); database errors go to
 * err as pm_db_fail would (74 for a full disk, 75 busy...). */
int pm_out_stmt_all(struct pm_out *out, struct pm_stmt *st, struct pm_err *err);

/* Shell completion: write the one column sql selects, a table keyed key.
 * sql gets the word typed so far as ?1 and the end of its prefix range as
 * ?2, so "WHERE code >= ?1 AND code < ?2" finds exactly the values
 * starting with it on the column's index (?2 is ?1 and a 0xff byte,
 * above every byte of UTF-8).  Every match is written: no cap. */
int pm_out_complete(struct pm_out *out, struct pm_db *db, const char *sql, const char *key,
		    const char *prefix, struct pm_err *err);

/* End the current table (the table format prints it now). */
int pm_out_end(struct pm_out *out);

/* Close the document, flush, and report any write error.  Frees out. */
int pm_out_finish(struct pm_out *out, struct pm_err *err);

/* Free without writing anything more (on an error path). */
void pm_out_free(struct pm_out *out);

/* A date ("2026-11-30", or with a time) as the output's cells show it, for
 * a document's prose: 2026年11月30日 in a Chinese table or document, else
 * unchanged.  Valid until the next call on out. */
const char *pm_out_date(struct pm_out *out, const char *iso);

/* html only (a no-op otherwise): a line of text under the title, and a
 * row of signature lines ("业主签字", "经办人", ...) with a date. */
int pm_out_note(struct pm_out *out, const char *text);
int pm_out_signatures(struct pm_out *out, const char *const *labels, size_t n);

/* html only: start a new page (a page break before all but the first)
 * headed by the estate's name and title: letters, one per household. */
int pm_out_page(struct pm_out *out, const char *title);

/* Set the html title after creation (the command knows it late). */
void pm_out_title(struct pm_out *out, const char *title, const char *estate);

/* Helpers for commands that print one value or a message block. */
int pm_out_failed(const struct pm_out *out);

#endif
