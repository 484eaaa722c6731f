/*
 * fuzz_csvin.c - the CSV reader with its encoding detection
 *
 * Input: one option byte, then the file.  The option byte picks the
 * encoding option (detect, utf-8, gb18030, utf-16), the delimiter
 * (detect, ',', ';', tab) and keep_blank, so every path of
 * pm_csvin_open() and choose_encoding() is reached.
 *
 * Properties, for every input:
 *   - rows come with strictly increasing line numbers from 1, 1 to
 *     PM_CSV_MAX_FIELDS fields, no NUL byte, valid UTF-8 in every field;
 *   - an error is -1 with a message and a sysexits code, and the reader
 *     stays failed;
 * and when the whole file reads without error, the round trip:
 *   - writing the rows back as RFC 4180 CSV (every field quoted) and
 *     reading that again gives the same rows, field for field.
 */
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/csvin.h"
#include "core/utf8.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void
write_field(struct pm_buf *b, const struct pm_field *f, int first)
{
	size_t i;

	if (!first)
		pm_buf_addc(b, ',');
	pm_buf_addc(b, '"');
	for (i = 0; i < f->len; i++) {
		if (f->s[i] == '"')
			pm_buf_addc(b, '"');
		pm_buf_addc(b, f->s[i]);
	}
	pm_buf_addc(b, '"');
}

/* Read everything from path; the rows written to csv (when not NULL).
 * Returns 0 at a clean end, -1 after an error. */
static int
read_all(const char *path, const struct pm_csvin_opts *o, struct pm_buf *csv)
{
	struct pm_err err = {0};
	struct pm_csvin *in = pm_csvin_open(path, o, &err);
	struct pm_row *row;
	long last = 0;
	int rc;

	if (!in) {
		FUZZ_CHECK(err.code != 0);
		pm_err_clear(&err);
		return -1;
	}
	while ((rc = pm_csvin_read(in, &row, &err)) > 0) {
		size_t i, total = 0;

		FUZZ_CHECK(row->line > last);
		last = row->line;
		FUZZ_CHECK(row->n >= 1 && row->n <= PM_CSV_MAX_FIELDS);
		for (i = 0; i < row->n; i++) {
			size_t bad;

			FUZZ_CHECK(!memchr(row->f[i].s, '\0', row->f[i].len));
			FUZZ_CHECK(pm_utf8_check(row->f[i].s, row->f[i].len, &bad) == 0);
			total += row->f[i].len;
			if (csv)
				write_field(csv, &row->f[i], i == 0);
		}
		FUZZ_CHECK(total <= PM_CSV_MAX_RECORD);
		if (csv)
			pm_buf_adds(csv, "\r\n");
	}
	if (rc < 0) {
		FUZZ_CHECK(err.code >= 64 && err.code <= 78);
		FUZZ_CHECK(strlen(pm_err_msg(&err)) > 0);
		/* a failed reader stays failed */
		FUZZ_CHECK(pm_csvin_read(in, &row, &err) == -1);
	}
	FUZZ_CHECK(pm_csvin_blank_rows(in) >= 0);
	pm_err_clear(&err);
	pm_csvin_close(in);
	return rc < 0 ? -1 : 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encs[] = {NULL, "utf-8", "gb18030", "utf-16"};
	static const int delims[] = {0, ',', ';', '\t'};
	struct pm_csvin_opts o = {NULL, 0, 0};
	struct pm_buf first = PM_BUF_INIT, second = PM_BUF_INIT;
	char path[64];
	int fd;

	if (size < 1)
		return 0;
	o.encoding = encs[data[0] & 3];
	o.delim = delims[(data[0] >> 2) & 3];
	o.keep_blank = (data[0] >> 4) & 1;
	if ((fd = fuzz_file(data + 1, size - 1, path)) < 0)
		return 0;
	if (read_all(path, &o, &first) == 0 && first.len <= PM_CSV_MAX_RECORD) {
		struct pm_csvin_opts again = {"utf-8", ',', o.keep_blank};
		int fd2 = fuzz_file((const uint8_t *)pm_buf_str(&first), first.len, path);

		if (fd2 >= 0) {
			FUZZ_CHECK(read_all(path, &again, &second) == 0);
			FUZZ_CHECK(first.len == second.len);
			FUZZ_CHECK(!memcmp(pm_buf_str(&first), pm_buf_str(&second), first.len));
			close(fd2);
		}
	}
	close(fd);
	pm_buf_free(&first);
	pm_buf_free(&second);
	return 0;
}
