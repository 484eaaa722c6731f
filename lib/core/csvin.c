/*
 * csvin.c - decode, split into physical lines, parse with libcsv
 *
 * Data flows  file -> raw -> (iconv or UTF-8 check) -> text -> one
 * physical line at a time -> libcsv -> fields of the current row.
 * Feeding libcsv a line at a time is what gives every row and every
 * error its line number, and it means at most one row completes per
 * call, so the push parser can sit behind a pull interface.
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "csvin.h"
#include "i18n.h"
#include "utf8.h"

#define CHUNK 65536

enum decoder { DEC_UTF8, DEC_ICONV };

struct pm_csvin {
	char *name;
	int fd;
	int eof;              /* the file is exhausted */
	int finished;         /* libcsv has been told the input ended */
	int failed;
	long blank;

	enum decoder dec;
	iconv_t cd;
	char enc[32];
	uint64_t offset;      /* bytes consumed from the file */

	char *raw;            /* undecoded bytes: raw[rawpos .. rawlen) */
	size_t rawpos, rawlen;

	struct pm_buf text;   /* decoded UTF-8 waiting to be fed: text.s[tpos ..) */
	size_t tpos;
	long decoded_lines;   /* line breaks decoded so far, for decoder errors */

	struct csv_parser csv;
	int csv_ready;
	int delim;
	int keep_blank;
	int header_seen;      /* the first line has been looked at (sep=) */
	long line;            /* physical line about to be fed, from 1 */
	long rec_line;        /* line the current record started on; 0 between records */
	size_t rec_bytes;

	struct pm_buf arena;  /* the fields of the row being built */
	size_t *offs;         /* start of each field in arena; lengths follow */
	size_t *lens;
	size_t nfields, capfields;
	int too_many, has_nul, oom;
	int row_done;

	struct pm_field *out;
	size_t capout;
	struct pm_row row;
};

static int
never_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
on_field(void *s, size_t len, void *data)
{
	struct pm_csvin *in = data;

	if (in->nfields >= PM_CSV_MAX_FIELDS) {
		in->too_many = 1;
		return;
	}
	if (in->nfields == in->capfields) {
		size_t cap = in->capfields ? in->capfields * 2 : 16;
		size_t *o = realloc(in->offs, cap * sizeof *o);
		size_t *l;

		if (!o) {
			in->oom = 1;
			return;
		}
		in->offs = o;
		l = realloc(in->lens, cap * sizeof *l);
		if (!l) {
			in->oom = 1;
			return;
		}
		in->lens = l;
		in->capfields = cap;
	}
	if (len && memchr(s, '\0', len))
		in->has_nul = 1;
	in->offs[in->nfields] = in->arena.len;
	in->lens[in->nfields] = len;
	if (pm_buf_add(&in->arena, s ? s : "", len) < 0) {
		in->oom = 1;
		return;
	}
	in->nfields++;
}

static void
on_row(int c, void *data)
{
	struct pm_csvin *in = data;

	(void)c;
	in->row_done = 1;
}

static int
fail(struct pm_csvin *in, struct pm_err *err, int code, long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int
fail(struct pm_csvin *in, struct pm_err *err, int code, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pm_err_vset(err, code, fmt, ap);
	va_end(ap);
	if (line > 0)
		pm_err_prefix(err, "%s:%ld", in->name, line);
	else
		pm_err_prefix(err, "%s", in->name);
	in->failed = 1;
	return -1;
}

/* Read more raw bytes; 0 at end of file. */
static ssize_t
fill_raw(struct pm_csvin *in, struct pm_err *err)
{
	ssize_t n;

	if (in->rawpos > 0) {
		memmove(in->raw, in->raw + in->rawpos, in->rawlen - in->rawpos);
		in->rawlen -= in->rawpos;
		in->rawpos = 0;
	}
	do
		n = read(in->fd, in->raw + in->rawlen, CHUNK - in->rawlen);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return fail(in, err, PM_EXIT_IO, 0, _("read error: %s"), strerror(errno));
	in->rawlen += (size_t)n;
	return n;
}

static void
count_lines(struct pm_csvin *in, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n')))
			in->decoded_lines++;
}

/* Move raw bytes into text, decoding.  Returns 1 when text grew or the
 * file ended, -1 on error. */
static int
decode_more(struct pm_csvin *in, struct pm_err *err)
{
	/* read only when little is pending: the buffer may still be full
	 * from choose_encoding(), and a read of 0 bytes is not the end */
	if (!in->eof && in->rawlen - in->rawpos < CHUNK / 2) {
		ssize_t got = fill_raw(in, err);

		if (got < 0)
			return -1;
		if (got == 0)
			in->eof = 1;
	}
	if (in->dec == DEC_UTF8) {
		/* checked line by line in feed_line(), where the line is known */
		if (pm_buf_add(&in->text, in->raw + in->rawpos, in->rawlen - in->rawpos) < 0)
			return fail(in, err, PM_EXIT_OSERR, 0, _("out of memory"));
		in->offset += in->rawlen - in->rawpos;
		in->rawpos = in->rawlen;
		return 1;
	}
	while (in->rawpos < in->rawlen) {
		char *ip = in->raw + in->rawpos, *op;
		size_t il = in->rawlen - in->rawpos, ol, before, r;

		if (pm_buf_grow(&in->text, il * 2 + 16) < 0)
			return fail(in, err, PM_EXIT_OSERR, 0, _("out of memory"));
		op = in->text.s + in->text.len;
		ol = in->text.cap - in->text.len - 1;
		before = ol;
		r = iconv(in->cd, &ip, &il, &op, &ol);
		count_lines(in, in->text.s + in->text.len, before - ol);
		in->text.len += before - ol;
		in->text.s[in->text.len] = '\0';
		in->offset += (size_t)(ip - (in->raw + in->rawpos));
		in->rawpos = (size_t)(ip - in->raw);
		if (r != (size_t)-1)
			continue;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL) {  /* incomplete sequence: wait for more */
			if (in->eof)
				return fail(in, err, PM_EXIT_DATA, in->decoded_lines + 1,
				    _("invalid encoding at byte %llu: the file ends inside a %s character"),
				    (unsigned long long)in->offset + 1, in->enc);
			break;
		}
		return fail(in, err, PM_EXIT_DATA, in->decoded_lines + 1,
		    _("invalid encoding at byte %llu: not %s (try --encoding)"),
		    (unsigned long long)in->offset + 1, in->enc);
	}
	return 1;
}

static int
setup_parser(struct pm_csvin *in, struct pm_err *err)
{
	if (csv_init(&in->csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return fail(in, err, PM_EXIT_OSERR, 0, _("out of memory"));
	in->csv_ready = 1;
	csv_set_space_func(&in->csv, never_space);
	csv_set_delim(&in->csv, (unsigned char)in->delim);
	return 0;
}

/* The first line decides the delimiter when nobody did: "sep=X" sets it
 * (and is not data), tabs without commas make it TSV. */
static int
first_line(struct pm_csvin *in, const char *s, size_t n, struct pm_err *err)
{
	size_t body = n;

	in->header_seen = 1;
	while (body && (s[body - 1] == '\n' || s[body - 1] == '\r'))
		body--;
	if (body == 5 && !strncasecmp(s, "sep=", 4)) {
		if (!strchr(",;\t|", s[4]))
			return fail(in, err, PM_EXIT_DATA, in->line,
			    _("unsupported separator in 'sep=' line"));
		in->delim = s[4];
		csv_set_delim(&in->csv, (unsigned char)in->delim);
		return 1;  /* consumed */
	}
	if (!in->delim) {
		in->delim = memchr(s, '\t', body) && !memchr(s, ',', body) ? '\t' : ',';
		csv_set_delim(&in->csv, (unsigned char)in->delim);
	}
	return 0;
}

static int
is_blank_row(struct pm_csvin *in)
{
	size_t i;

	for (i = 0; i < in->nfields; i++) {
		const char *s = in->arena.s + in->offs[i];
		size_t n = in->lens[i];

		pm_text_trim(&s, &n);
		if (n)
			return 0;
	}
	return 1;
}

/* Hand one physical line (with its line break, if any) to libcsv. */
static int
feed_line(struct pm_csvin *in, const char *s, size_t n, struct pm_err *err)
{
	size_t bad, done;
	int rc;

	if (in->dec == DEC_UTF8 && (rc = pm_utf8_check(s, n, &bad)) != 0)
		return fail(in, err, PM_EXIT_DATA, in->line,
		    rc > 0 ? _("invalid encoding at byte %zu of the line: the file ends inside a UTF-8 character")
			   : _("invalid encoding at byte %zu of the line: not UTF-8 (try --encoding gb18030)"),
		    bad + 1);
	if (!in->rec_line) {
		/* libcsv skips empty lines; so do we, without starting a record */
		if (n == 0 || s[0] == '\n' || s[0] == '\r') {
			in->line++;
			return 0;
		}
		if (!in->header_seen) {
			rc = first_line(in, s, n, err);
			if (rc < 0)
				return -1;
			if (rc > 0) {
				in->line++;
				return 0;
			}
		}
		in->rec_line = in->line;
		in->rec_bytes = 0;
	}
	in->rec_bytes += n;
	if (in->rec_bytes > PM_CSV_MAX_RECORD)
		return fail(in, err, PM_EXIT_DATA, in->rec_line,
		    _("record longer than %d bytes (a quote never closed?)"), PM_CSV_MAX_RECORD);
	done = csv_parse(&in->csv, s, n, on_field, on_row, in);
	if (done != n) {
		if (csv_error(&in->csv) == CSV_ENOMEM)
			return fail(in, err, PM_EXIT_OSERR, in->line, _("out of memory"));
		return fail(in, err, PM_EXIT_DATA, in->line,
		    _("malformed quoting at byte %zu: a quote inside an unquoted field, or text after a closing quote"),
		    done + 1);
	}
	in->line++;
	return 0;
}

/* Check the row just completed; 1 when it is to be returned. */
static int
finish_row(struct pm_csvin *in, struct pm_err *err)
{
	size_t i;
	long line = in->rec_line;

	in->row_done = 0;
	in->rec_line = 0;
	if (in->oom)
		return fail(in, err, PM_EXIT_OSERR, line, _("out of memory"));
	if (in->too_many)
		return fail(in, err, PM_EXIT_DATA, line, _("more than %d fields"), PM_CSV_MAX_FIELDS);
	if (in->has_nul)
		return fail(in, err, PM_EXIT_DATA, line, _("a field holds a NUL byte"));
	if (!in->keep_blank && is_blank_row(in)) {
		in->blank++;
		in->nfields = 0;
		pm_buf_reset(&in->arena);
		return 0;
	}
	if (in->nfields > in->capout) {
		struct pm_field *o = realloc(in->out, in->nfields * sizeof *o);

		if (!o)
			return fail(in, err, PM_EXIT_OSERR, line, _("out of memory"));
		in->out = o;
		in->capout = in->nfields;
	}
	for (i = 0; i < in->nfields; i++) {
		in->out[i].s = in->arena.s + in->offs[i];
		in->out[i].len = in->lens[i];
	}
	in->row.line = line;
	in->row.n = in->nfields;
	in->row.f = in->out;
	return 1;
}

/* Length of the first physical line in s[0..n), break included; 0 when
 * there is no complete line yet (a final '\r' might be half of "\r\n"). */
static size_t
line_length(const char *s, size_t n, int eof)
{
	const char *nl = memchr(s, '\n', n), *cr = memchr(s, '\r', nl ? (size_t)(nl - s) : n);

	if (cr) {
		size_t at = (size_t)(cr - s);

		if (at + 1 < n)
			return at + 1 + (s[at + 1] == '\n');
		return eof ? n : 0;
	}
	if (nl)
		return (size_t)(nl - s) + 1;
	return eof ? n : 0;
}

int
pm_csvin_read(struct pm_csvin *in, struct pm_row **row, struct pm_err *err)
{
	if (in->failed)
		return -1;
	/* the previous row's fields are no longer needed */
	in->nfields = 0;
	in->too_many = in->has_nul = 0;
	pm_buf_reset(&in->arena);
	for (;;) {
		const char *s = in->text.s ? in->text.s + in->tpos : "";
		size_t avail = in->text.len - in->tpos, len;

		len = line_length(s, avail, in->eof);
		if (len) {
			in->tpos += len;
			if (feed_line(in, s, len, err) < 0)
				return -1;
		} else if (!in->eof || in->rawpos < in->rawlen) {
			/* more to read, or read but not decoded yet (a file shorter
			 * than what choose_encoding() reads ahead is all in raw) */
			if (avail > PM_CSV_MAX_RECORD)
				return fail(in, err, PM_EXIT_DATA, in->rec_line ? in->rec_line : in->line,
				    _("line longer than %d bytes"), PM_CSV_MAX_RECORD);
			/* compact, then decode more */
			if (in->tpos) {
				memmove(in->text.s, in->text.s + in->tpos, avail);
				in->text.len = avail;
				in->text.s[avail] = '\0';
				in->tpos = 0;
			}
			if (decode_more(in, err) < 0)
				return -1;
			continue;
		} else {
			/* end of input: flush the last record */
			if (in->finished)
				return 0;
			in->finished = 1;
			if (csv_fini(&in->csv, on_field, on_row, in) != 0) {
				if (csv_error(&in->csv) == CSV_EPARSE)
					return fail(in, err, PM_EXIT_DATA, in->rec_line,
					    _("quoted field never closed"));
				return fail(in, err, PM_EXIT_OSERR, in->rec_line, _("out of memory"));
			}
			if (!in->row_done)
				return 0;
		}
		if (in->row_done) {
			int rc = finish_row(in, err);

			if (rc < 0)
				return -1;
			if (rc > 0) {
				*row = &in->row;
				return 1;
			}
		}
	}
}

/* Decide the encoding from a BOM, the option, or the first bytes. */
static int
choose_encoding(struct pm_csvin *in, const char *want, struct pm_err *err)
{
	const unsigned char *u;
	const char *from = NULL;
	size_t skip = 0;
	int rc;

	while (in->rawlen < CHUNK && !in->eof) {
		ssize_t got = fill_raw(in, err);

		if (got < 0)
			return -1;
		if (got == 0)
			in->eof = 1;
	}
	u = (const unsigned char *)in->raw;
	if (in->rawlen >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		from = "UTF-8";
		skip = 3;
	} else if (in->rawlen >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		from = "UTF-16LE";
		skip = 2;
	} else if (in->rawlen >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		from = "UTF-16BE";
		skip = 2;
	}
	if (want && *want) {
		int want16 = !strncasecmp(want, "utf-16", 6) || !strncasecmp(want, "utf16", 5);
		int want8 = !strcasecmp(want, "utf-8") || !strcasecmp(want, "utf8");
		int bom16 = from && skip == 2;

		/* a BOM of the family asked for is skipped; a generic "utf-16"
		 * takes its byte order from it; any other BOM is data */
		if (!(from && ((want16 && bom16) || (want8 && !bom16))))
			skip = 0;
		if (!(want16 && bom16 && (!strcasecmp(want, "utf-16") || !strcasecmp(want, "utf16"))))
			from = want;
	} else if (!from) {
		size_t bad;

		rc = pm_utf8_check(in->raw, in->rawlen, &bad);
		from = rc == 0 || (rc > 0 && !in->eof) ? "UTF-8" : "GB18030";
	}
	in->rawpos = skip;
	in->offset = skip;
	snprintf(in->enc, sizeof in->enc, "%s", from);
	if (!strcasecmp(from, "utf-8") || !strcasecmp(from, "utf8")) {
		in->dec = DEC_UTF8;
		snprintf(in->enc, sizeof in->enc, "UTF-8");
		return 0;
	}
	in->cd = iconv_open("UTF-8", from);
	if (in->cd == (iconv_t)-1)
		return fail(in, err, PM_EXIT_USAGE, 0, _("unknown encoding '%s'"), from);
	in->dec = DEC_ICONV;
	if (!strncasecmp(from, "utf-16", 6) || !strncasecmp(from, "utf16", 5)) {
		if (!in->delim)
			in->delim = '\t';  /* Excel's "Unicode Text" */
	}
	return 0;
}

struct pm_csvin *
pm_csvin_open(const char *path, const struct pm_csvin_opts *opts, struct pm_err *err)
{
	struct pm_csvin *in = calloc(1, sizeof *in);
	struct stat st;

	if (!in) {
		pm_err_oom(err);
		return NULL;
	}
	in->fd = -1;
	in->cd = (iconv_t)-1;
	in->line = 1;
	in->delim = opts ? opts->delim : 0;
	in->keep_blank = opts ? opts->keep_blank : 0;
	in->name = strdup(strcmp(path, "-") ? path : "<stdin>");
	in->raw = malloc(CHUNK);
	if (!in->name || !in->raw) {
		pm_err_oom(err);
		goto fail;
	}
	if (!strcmp(path, "-")) {
		in->fd = STDIN_FILENO;
	} else {
		in->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (in->fd < 0) {
			pm_err_set(err, PM_EXIT_NOINPUT, _("cannot open '%s': %s"), path, strerror(errno));
			goto fail;
		}
	}
	if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		pm_err_set(err, PM_EXIT_NOINPUT, _("cannot open '%s': %s"), path, strerror(EISDIR));
		goto fail;
	}
	if (choose_encoding(in, opts ? opts->encoding : NULL, err) < 0)
		goto fail;
	if (setup_parser(in, err) < 0)
		goto fail;
	if (in->delim)
		csv_set_delim(&in->csv, (unsigned char)in->delim);
	return in;
fail:
	pm_csvin_close(in);
	return NULL;
}

const char *
pm_csvin_name(const struct pm_csvin *in)
{
	return in->name;
}

const char *
pm_csvin_encoding(const struct pm_csvin *in)
{
	return in->enc;
}

int
pm_csvin_delim(const struct pm_csvin *in)
{
	return in->delim ? in->delim : ',';
}

long
pm_csvin_blank_rows(const struct pm_csvin *in)
{
	return in->blank;
}

void
pm_csvin_close(struct pm_csvin *in)
{
	if (!in)
		return;
	if (in->csv_ready)
		csv_free(&in->csv);
	if (in->cd != (iconv_t)-1)
		iconv_close(in->cd);
	if (in->fd > STDIN_FILENO)
		close(in->fd);
	pm_buf_free(&in->text);
	pm_buf_free(&in->arena);
	free(in->offs);
	free(in->lens);
	free(in->out);
	free(in->raw);
	free(in->name);
	free(in);
}
