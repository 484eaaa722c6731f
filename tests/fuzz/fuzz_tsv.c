/*
 * fuzz_tsv.c - what export writes as TSV (or CSV), import reads back
 *
 * Input: one option byte (bit 0: TSV or CSV; bit 1: the first line is a
 * header the reader must detect TSV from), then fields separated by
 * 0x1F and rows by 0x1E.  Fields that are not valid UTF-8, or hold a
 * NUL, are dropped from the input; a row whose cells are all blank is
 * given a non-blank first cell (the reader skips blank rows, and the
 * export never writes one: every row has a unit code).
 *
 * Property: the rows written by the real writer (lib/core/out.c) and
 * read by the real reader (lib/core/csvin.c) come back field for field,
 * byte for byte: tabs, line breaks, CR, quotes, backslashes, commas.
 */
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/csvin.h"
#include "core/out.h"
#include "core/utf8.h"
#include "fuzz.h"

#define COLS 3
#define ROWS_MAX 64

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int
blank(const char *s)
{
	size_t n = strlen(s);

	pm_text_trim(&s, &n);
	return n == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct pm_col cols[COLS] = {
		{"unit", "unit", PM_COL_CODE, 0},
		{"name", "name", PM_COL_TEXT, 0},
		{"remark", "remark", PM_COL_TEXT, 0},
	};
	struct pm_outopts oo = {0};
	struct pm_csvin_opts io = {"utf-8", 0, 0};
	char *cell[ROWS_MAX][COLS];
	struct pm_err err = {0};
	struct pm_out *out;
	struct pm_csvin *in;
	struct pm_row *row;
	const uint8_t *p, *end = data + size;
	char *text = NULL, path[64];
	size_t textlen = 0, nrows = 0, r, c;
	FILE *fp;
	int fd, rc;

	if (size < 1)
		return 0;
	oo.format = data[0] & 1 ? PM_FMT_TSV : PM_FMT_CSV;
	io.delim = data[0] & 2 ? 0 : (data[0] & 1 ? '\t' : ',');
	memset(cell, 0, sizeof cell);
	p = data + 1;
	while (p < end && nrows < ROWS_MAX) {
		for (c = 0; c < COLS; c++) {
			const uint8_t *q = p;

			while (q < end && *q != 0x1F && *q != 0x1E)
				q++;
			if (pm_utf8_check((const char *)p, (size_t)(q - p), NULL) == 0 &&
			    !memchr(p, '\0', (size_t)(q - p)))
				cell[nrows][c] = strndup((const char *)p, (size_t)(q - p));
			else
				cell[nrows][c] = strdup("");
			if (!cell[nrows][c])
				abort();
			p = q < end && *q == 0x1F ? q + 1 : q;
			if (q >= end || *q == 0x1E)
				break;
		}
		for (c = c + 1; c < COLS; c++)
			if (!(cell[nrows][c] = strdup("")))
				abort();
		if (blank(cell[nrows][0]) && blank(cell[nrows][1]) && blank(cell[nrows][2])) {
			free(cell[nrows][0]);
			if (!(cell[nrows][0] = strdup("1-1-101")))
				abort();
		}
		nrows++;
		if (p < end && *p == 0x1E)
			p++;
	}

	if (!(fp = open_memstream(&text, &textlen)))
		abort();
	if (!(out = pm_out_new(fp, &oo, &err)))
		abort();
	pm_out_begin(out, NULL, cols, COLS, 0);
	for (r = 0; r < nrows; r++)
		pm_out_row(out, (const char *const *)cell[r]);
	pm_out_end(out);
	FUZZ_CHECK(pm_out_finish(out, &err) == 0);
	if (fclose(fp) != 0)
		abort();

	if ((fd = fuzz_file((const uint8_t *)text, textlen, path)) < 0)
		abort();
	if (!(in = pm_csvin_open(path, &io, &err)))
		abort();
	/* the header, then the rows as written */
	FUZZ_CHECK(pm_csvin_read(in, &row, &err) == 1);
	FUZZ_CHECK(row->n == COLS && row->f[0].len == 4 && !memcmp(row->f[0].s, "unit", 4));
	for (r = 0; r < nrows; r++) {
		FUZZ_CHECK(pm_csvin_read(in, &row, &err) == 1);
		FUZZ_CHECK(row->n == COLS);
		for (c = 0; c < COLS; c++) {
			FUZZ_CHECK(row->f[c].len == strlen(cell[r][c]));
			FUZZ_CHECK(!memcmp(row->f[c].s, cell[r][c], row->f[c].len));
		}
	}
	rc = pm_csvin_read(in, &row, &err);
	FUZZ_CHECK(rc == 0);
	pm_csvin_close(in);
	close(fd);
	for (r = 0; r < nrows; r++)
		for (c = 0; c < COLS; c++)
			free(cell[r][c]);
	free(text);
	pm_err_clear(&err);
	return 0;
}
