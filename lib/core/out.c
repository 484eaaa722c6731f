/* out.c - csv, tsv, table and json writers behind one interface */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "i18n.h"
#include "money.h"
#include "out.h"
#include "utf8.h"
#include "validate.h"

struct pm_out {
	FILE *fp;
	struct pm_outopts o;
	const char *eol;
	int failed;        /* a write failed; errno saved in err_no */
	int err_no;
	int started;       /* anything written (BOM, '[' or '{') */
	int sections;      /* json: an object of sections is open */
	int nsections;
	int single;
	const struct pm_col *cols;
	size_t ncols;
	long rows;         /* rows in the current table */
	/* table format: every cell, row-major, until pm_out_end() */
	char **cells;
	size_t ncells, capcells;
	struct pm_buf tmp, val;
	/* pm_out_stmt(): one row's values and their number texts */
	const char **vals;
	char (*nums)[24];
	size_t capvals;
};

int
pm_format_parse(const char *s, enum pm_format *f)
{
	static const struct { const char *name; enum pm_format f; } names[] = {
		{"csv", PM_FMT_CSV}, {"tsv", PM_FMT_TSV}, {"table", PM_FMT_TABLE},
		{"json", PM_FMT_JSON}, {"表格", PM_FMT_TABLE}, {"text", PM_FMT_TABLE},
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(s, names[i].name)) {
			*f = names[i].f;
			return 0;
		}
	return -1;
}

static void
put(struct pm_out *out, const char *s, size_t n)
{
	if (out->failed || !n)
		return;
	if (fwrite(s, 1, n, out->fp) != n) {
		out->failed = 1;
		out->err_no = errno;
	}
}

static void
puts_(struct pm_out *out, const char *s)
{
	put(out, s, strlen(s));
}

struct pm_out *
pm_out_new(FILE *fp, const struct pm_outopts *o, struct pm_err *err)
{
	struct pm_out *out = calloc(1, sizeof *out);

	if (!out) {
		pm_err_oom(err);
		return NULL;
	}
	out->fp = fp;
	out->o = *o;
	if (out->o.format == PM_FMT_DEFAULT)
		out->o.format = o->excel || !isatty(fileno(fp)) ? PM_FMT_CSV : PM_FMT_TABLE;
	out->eol = out->o.excel && out->o.format != PM_FMT_TABLE &&
	    out->o.format != PM_FMT_JSON ? "\r\n" : "\n";
	return out;
}

enum pm_format
pm_out_format(const struct pm_out *out)
{
	return out->o.format;
}

int
pm_out_failed(const struct pm_out *out)
{
	return out->failed;
}

static int
is_numeric(enum pm_coltype t)
{
	return t == PM_COL_INT || t == PM_COL_DEC || t == PM_COL_MONEY;
}

/* The value as shown: masked, and numbers formatted.  Returns a pointer
 * into out->val or v itself. */
static const char *
shown(struct pm_out *out, const struct pm_col *c, const char *v)
{
	char num[PM_DEC_BUFSZ];

	if (!v)
		return NULL;
	switch (c->type) {
	case PM_COL_PHONE:
	case PM_COL_IDNO:
		if (out->o.reveal || !*v)
			return v;
		if ((c->type == PM_COL_PHONE ? pm_mask_phone(v, &out->val)
		     : pm_mask_idno(v, &out->val)) < 0)
			return "";
		return pm_buf_str(&out->val);
	case PM_COL_MONEY:
	case PM_COL_DEC: {
		long long x;
		char *end;

		if (!*v)
			return v;
		x = strtoll(v, &end, 10);
		if (*end)
			return v;
		pm_buf_reset(&out->val);
		if (pm_buf_adds(&out->val, pm_dec_fmt(x, c->type == PM_COL_MONEY ? 2 : c->scale, num)) < 0)
			return "";
		return pm_buf_str(&out->val);
	}
	default:
		return v;
	}
}

static void
csv_field(struct pm_out *out, const struct pm_col *c, const char *v)
{
	int guard = 0;

	if (!v)
		return;
	if (out->o.excel && c && c->type == PM_COL_TEXT && strchr("=+-@\t\r", v[0]) && v[0])
		guard = 1;
	if (!guard && !strpbrk(v, ",\"\r\n")) {
		puts_(out, v);
		return;
	}
	put(out, "\"", 1);
	if (guard)
		put(out, "'", 1);
	for (; *v; v++) {
		const char *q = strchr(v, '"');

		if (!q) {
			puts_(out, v);
			break;
		}
		put(out, v, (size_t)(q - v) + 1);
		put(out, "\"", 1);
		v = q;
	}
	put(out, "\"", 1);
}

static void
tsv_field(struct pm_out *out, const struct pm_col *c, const char *v)
{
	if (!v)
		return;
	if (out->o.excel && c && c->type == PM_COL_TEXT && v[0] && strchr("=+-@\t\r", v[0]))
		put(out, "'", 1);
	for (; *v; v++) {
		switch (*v) {
		case '\t': puts_(out, "\\t"); break;
		case '\n': puts_(out, "\\n"); break;
		case '\r': puts_(out, "\\r"); break;
		case '\\': puts_(out, "\\\\"); break;
		default:   put(out, v, 1);
		}
	}
}

static void
json_string(struct pm_out *out, const char *v)
{
	char esc[8];

	put(out, "\"", 1);
	for (; *v; v++) {
		unsigned char c = (unsigned char)*v;

		if (c == '"' || c == '\\') {
			put(out, "\\", 1);
			put(out, v, 1);
		} else if (c == '\n') {
			puts_(out, "\\n");
		} else if (c == '\r') {
			puts_(out, "\\r");
		} else if (c == '\t') {
			puts_(out, "\\t");
		} else if (c < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			puts_(out, esc);
		} else {
			put(out, v, 1);
		}
	}
	put(out, "\"", 1);
}

int
pm_out_begin(struct pm_out *out, const char *section, const struct pm_col *cols,
	     size_t ncols, int single)
{
	size_t i;

	out->cols = cols;
	out->ncols = ncols;
	out->rows = 0;
	out->single = single;
	if (!out->started) {
		out->started = 1;
		if (out->o.excel && (out->o.format == PM_FMT_CSV || out->o.format == PM_FMT_TSV))
			puts_(out, "\xEF\xBB\xBF");
		if (out->o.format == PM_FMT_JSON && section) {
			out->sections = 1;
			puts_(out, "{");
		}
	}
	switch (out->o.format) {
	case PM_FMT_JSON:
		if (out->sections) {
			puts_(out, out->nsections ? ",\n" : "\n");
			json_string(out, section ? section : "");
			puts_(out, ": ");
		}
		puts_(out, single ? "" : "[");
		break;
	case PM_FMT_CSV:
	case PM_FMT_TSV:
		if (section) {
			if (out->nsections)
				puts_(out, out->eol);
			puts_(out, "[");
			puts_(out, section);
			puts_(out, "]");
			puts_(out, out->eol);
		}
		if (out->o.no_header)
			break;
		for (i = 0; i < ncols; i++) {
			if (i)
				puts_(out, out->o.format == PM_FMT_CSV ? "," : "\t");
			puts_(out, cols[i].key);
		}
		puts_(out, out->eol);
		break;
	case PM_FMT_TABLE:
		if (section) {
			if (out->nsections)
				puts_(out, "\n");
			puts_(out, "[");
			puts_(out, _(section));
			puts_(out, "]\n");
		}
		out->ncells = 0;
		break;
	case PM_FMT_DEFAULT:
		break;
	}
	out->nsections++;
	return out->failed ? -1 : 0;
}

static int
table_keep(struct pm_out *out, const char *v)
{
	char *copy, *p;

	if (out->ncells == out->capcells) {
		size_t cap = out->capcells ? out->capcells * 2 : 256;
		char **c = realloc(out->cells, cap * sizeof *c);

		if (!c)
			return -1;
		out->cells = c;
		out->capcells = cap;
	}
	copy = strdup(v ? v : "");
	if (!copy)
		return -1;
	for (p = copy; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	out->cells[out->ncells++] = copy;
	return 0;
}

int
pm_out_row(struct pm_out *out, const char *const *values)
{
	size_t i;

	for (i = 0; i < out->ncols; i++) {
		const struct pm_col *c = &out->cols[i];
		const char *v = shown(out, c, values[i]);

		switch (out->o.format) {
		case PM_FMT_CSV:
			if (i)
				put(out, ",", 1);
			csv_field(out, c, v);
			break;
		case PM_FMT_TSV:
			if (i)
				put(out, "\t", 1);
			tsv_field(out, c, v);
			break;
		case PM_FMT_JSON:
			if (i == 0)
				puts_(out, out->single ? "{" : (out->rows ? ",\n  {" : "\n  {"));
			else
				puts_(out, ", ");
			json_string(out, c->key);
			puts_(out, ": ");
			if (!v)
				puts_(out, "null");
			else if (is_numeric(c->type) && *v)
				puts_(out, v);
			else
				json_string(out, v);
			break;
		case PM_FMT_TABLE:
			if (table_keep(out, v) < 0) {
				out->failed = 1;
				out->err_no = ENOMEM;
				return -1;
			}
			break;
		case PM_FMT_DEFAULT:
			break;
		}
	}
	if (out->o.format == PM_FMT_JSON)
		puts_(out, "}");
	else if (out->o.format != PM_FMT_TABLE)
		puts_(out, out->eol);
	out->rows++;
	return out->failed ? -1 : 0;
}

int
pm_out_stmt(struct pm_out *out, sqlite3_stmt *st)
{
	size_t i, n = out->ncols;
	const char **v;
	char (*num)[24];

	if (n > out->capvals) {
		const char **nv = realloc(out->vals, n * sizeof *nv);
		char (*nn)[24] = nv ? realloc(out->nums, n * sizeof *nn) : NULL;

		if (nv)
			out->vals = nv;
		if (!nn) {
			out->failed = 1;
			out->err_no = ENOMEM;
			return -1;
		}
		out->nums = nn;
		out->capvals = n;
	}
	v = out->vals;
	num = out->nums;
	for (i = 0; i < n; i++) {
		int t = sqlite3_column_type(st, (int)i);

		if (t == SQLITE_NULL) {
			v[i] = NULL;
		} else if (t == SQLITE_INTEGER) {
			snprintf(num[i], sizeof num[i], "%lld", (long long)sqlite3_column_int64(st, (int)i));
			v[i] = num[i];
		} else {
			v[i] = (const char *)sqlite3_column_text(st, (int)i);
		}
	}
	return pm_out_row(out, v);
}

int
pm_out_stmt_all(struct pm_out *out, sqlite3_stmt *st, struct pm_err *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (pm_out_stmt(out, st) < 0)
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		/* the one mapping of db.c: a damaged file is 78, a read error
		 * 74, busy 75, not a bug (70) */
		sqlite3 *h = sqlite3_db_handle(st);
		struct pm_db db = {h, (char *)sqlite3_db_filename(h, "main"), 0};

		return pm_db_fail(&db, rc, err, _("reading the database"));
	}
	return 0;
}

static void
pad(struct pm_buf *b, size_t n)
{
	while (n--)
		pm_buf_addc(b, ' ');
}

static void
table_flush(struct pm_out *out)
{
	size_t nc = out->ncols, r, i, rows = nc ? out->ncells / nc : 0;
	size_t *w = calloc(nc ? nc : 1, sizeof *w);
	struct pm_buf *line = &out->tmp;

	if (!w) {
		out->failed = 1;
		out->err_no = ENOMEM;
		return;
	}
	for (i = 0; i < nc; i++) {
		const char *h = _(out->cols[i].label);

		w[i] = out->o.no_header ? 0 : pm_utf8_width(h, strlen(h));
		for (r = 0; r < rows; r++) {
			const char *v = out->cells[r * nc + i];
			size_t k = pm_utf8_width(v, strlen(v));

			if (k > w[i])
				w[i] = k;
		}
	}
	for (r = out->o.no_header ? 2 : 0; r < rows + 2; r++) {
		pm_buf_reset(line);
		for (i = 0; i < nc; i++) {
			const char *v;
			size_t k;
			int right = is_numeric(out->cols[i].type);

			if (r == 0)
				v = _(out->cols[i].label), right = 0;
			else if (r == 1)
				v = NULL;
			else
				v = out->cells[(r - 2) * nc + i];
			if (i)
				pm_buf_adds(line, "  ");
			if (!v) {
				size_t d;

				for (d = 0; d < w[i]; d++)
					pm_buf_addc(line, '-');
				continue;
			}
			k = pm_utf8_width(v, strlen(v));
			if (right)
				pad(line, w[i] - k);
			pm_buf_adds(line, v);
			if (!right)
				pad(line, w[i] - k);
		}
		/* no blanks at the end of a line */
		while (line->len && line->s[line->len - 1] == ' ')
			line->len--;
		pm_buf_addc(line, '\n');
		put(out, line->s, line->len);
	}
	free(w);
}

static void
free_cells(struct pm_out *out)
{
	size_t i;

	for (i = 0; i < out->ncells; i++)
		free(out->cells[i]);
	out->ncells = 0;
}

int
pm_out_end(struct pm_out *out)
{
	switch (out->o.format) {
	case PM_FMT_TABLE:
		table_flush(out);
		free_cells(out);
		break;
	case PM_FMT_JSON:
		if (!out->single)
			puts_(out, out->rows ? "\n]" : "]");
		else if (!out->rows)
			puts_(out, "null");
		if (!out->sections)
			puts_(out, "\n");
		break;
	default:
		break;
	}
	out->cols = NULL;
	return out->failed ? -1 : 0;
}

void
pm_out_free(struct pm_out *out)
{
	if (!out)
		return;
	free_cells(out);
	free(out->cells);
	pm_buf_free(&out->tmp);
	pm_buf_free(&out->val);
	free(out->vals);
	free(out->nums);
	free(out);
}

int
pm_out_finish(struct pm_out *out, struct pm_err *err)
{
	int rc = 0;

	if (out->cols)
		pm_out_end(out);
	if (out->sections)
		puts_(out, "\n}\n");
	if (!out->failed && fflush(out->fp) != 0) {
		out->failed = 1;
		out->err_no = errno;
	}
	if (out->failed) {
		if (out->err_no == ENOMEM)
			rc = pm_err_oom(err);
		else
			rc = pm_err_set(err, PM_EXIT_IO, _("write error: %s"), strerror(out->err_no));
	}
	pm_out_free(out);
	return rc;
}
