/*
 * csvin.h - reading CSV and TSV as Excel and desks write them
 *
 * One reader for every import.  It decodes first, then parses:
 *
 *   encoding   a BOM decides (UTF-8, UTF-16LE, UTF-16BE); else the
 *              encoding option (utf-8, gbk, gb18030, utf-16, anything
 *              iconv knows); else the first 64 KiB decide: valid UTF-8
 *              is UTF-8, anything else is GB18030 (a superset of GBK).
 *              Bytes that are invalid in the chosen encoding stop the
 *              read with "invalid encoding": nothing is ever skipped.
 *   framing    libcsv in strict mode (CSV_STRICT | CSV_STRICT_FINI): a
 *              stray quote or an unterminated quoted field is an error
 *              with its line and byte, not a silently joined field.
 *              Line ends may be CRLF, LF or CR, mixed.  A first line
 *              "sep=;" sets the delimiter; UTF-16 files and files whose
 *              header has tabs but no commas are tab-separated.
 *   fields     exactly as written (libcsv's ASCII-only trimming is off;
 *              the cleaning rule of utf8.h is the importer's business).
 *              A NUL byte is an error, never a truncated string.
 *   rows       each with the physical line it starts on, counting the
 *              line breaks inside quoted fields.  Empty lines and rows
 *              whose fields are all blank are skipped and counted.
 *   limits     a record over PM_CSV_MAX_RECORD bytes or with more than
 *              PM_CSV_MAX_FIELDS fields is an error: memory stays bounded
 *              whatever the input.
 *
 * Errors are data errors (65), "cannot open" errors (66) or read errors
 * (74); each message starts "FILE:LINE: ".
 */
#ifndef PM_CSVIN_H
#define PM_CSVIN_H

#include <stddef.h>

#include "err.h"

#define PM_CSV_MAX_RECORD (1024 * 1024)
#define PM_CSV_MAX_FIELDS 1000

struct pm_csvin_opts {
	const char *encoding; /* NULL or "" to detect */
	int delim;            /* 0 to detect, else ',' ';' or '\t' */
	int keep_blank;       /* report all-blank rows instead of skipping them */
};

struct pm_field {
	const char *s; /* not NUL-terminated */
	size_t len;
};

struct pm_row {
	long line;            /* physical line the record starts on, from 1 */
	size_t n;             /* number of fields */
	struct pm_field *f;   /* valid until the next read */
};

struct pm_csvin;

/* Open path ("-" for stdin).  NULL with err set (66 when the file cannot
 * be opened or is a directory, 64 for an unknown encoding). */
struct pm_csvin *pm_csvin_open(const char *path, const struct pm_csvin_opts *opts,
			       struct pm_err *err);

/* Read the next row: 1 with *row set, 0 at the end, -1 with err set.
 * After an error the reader only returns -1. */
int pm_csvin_read(struct pm_csvin *in, struct pm_row **row, struct pm_err *err);

const char *pm_csvin_name(const struct pm_csvin *in);     /* for messages */
const char *pm_csvin_encoding(const struct pm_csvin *in); /* as decided */
int pm_csvin_delim(const struct pm_csvin *in);
long pm_csvin_blank_rows(const struct pm_csvin *in);

void pm_csvin_close(struct pm_csvin *in);

#endif
