/* out.c - csv, tsv, table and json writers behind one interface */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "i18n.h"
#include "keyword.h"
#include "money.h"
#include "out.h"
#include "out_xlsx.h"
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
	int page_fresh;    /* html: a page was just headed (pm_out_page) */
	struct pm_xlsx *xlsx;
	/* table format */
	size_t width;      /* columns to fit in; 0 for no limit */
	const char *section;   /* the current table's, printed with it */
	int printed;       /* a table was printed (a blank line before the next) */
	struct pm_buf empty;   /* names of the sections without rows */
};

int
pm_format_parse(const char *s, enum pm_format *f)
{
	static const struct { const char *name; enum pm_format f; } names[] = {
		{"csv", PM_FMT_CSV}, {"tsv", PM_FMT_TSV}, {"table", PM_FMT_TABLE},
		{"json", PM_FMT_JSON}, {"表格", PM_FMT_TABLE}, {"text", PM_FMT_TABLE},
		{"html", PM_FMT_HTML}, {"xlsx", PM_FMT_XLSX},
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

/* The width a table must fit: COLUMNS when it is a positive number,
 * else the terminal's when fp is one; 0 (no limit) for a pipe or a
 * file, whose readers want whole rows. */
static size_t
fit_width(FILE *fp)
{
	const char *e = getenv("COLUMNS");
	struct winsize ws;

	if (e && *e) {
		char *end;
		long n;

		errno = 0;
		n = strtol(e, &end, 10);
		if (!*end && !errno && n > 0 && n <= 100000)
			return (size_t)n;
	}
	if (isatty(fileno(fp)) && ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
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
	if (o->format == PM_FMT_XLSX) {
		if (isatty(fileno(fp))) {
			pm_err_set(err, PM_EXIT_USAGE,
			    _("-o xlsx writes a workbook, not text: redirect it to a file (> list.xlsx)"));
			free(out);
			return NULL;
		}
		if (!(out->xlsx = pm_xlsx_new(err))) {
			free(out);
			return NULL;
		}
	}
	if (out->o.format == PM_FMT_DEFAULT)
		out->o.format = o->excel || !isatty(fileno(fp)) ? PM_FMT_CSV : PM_FMT_TABLE;
	out->eol = out->o.excel && out->o.format != PM_FMT_TABLE &&
	    out->o.format != PM_FMT_JSON ? "\r\n" : "\n";
	if (out->o.format == PM_FMT_TABLE)
		out->width = fit_width(fp);
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

static struct {
	const char *key;
	const struct pm_keyword *table;
} keywords[96];
static size_t nkeywords;

int
pm_out_keywords(const char *key, const struct pm_keyword *table)
{
	if (nkeywords == sizeof keywords / sizeof keywords[0])
		return -1;
	keywords[nkeywords].key = key;
	keywords[nkeywords++].table = table;
	return 0;
}

/* The Chinese name of v in a column named key, or NULL. */
static const char *
keyword_label(const char *key, const char *v)
{
	size_t k;

	for (k = 0; k < nkeywords; k++) {
		const struct pm_keyword *kw;

		if (strcmp(keywords[k].key, key))
			continue;
		kw = pm_keyword_find(keywords[k].table, v);
		if (kw && !strcmp(kw->key, v))
			return kw->zh ? kw->zh : v;
	}
	return NULL;
}

/* The value as shown: masked, and numbers formatted.  Returns a pointer
 * into out->val or v itself. */
/* For people reading Chinese: is this output for their eyes (a table or
 * a printed document) and are the messages Chinese?  Then dates and money
 * are written as a Chinese desk writes them; csv, tsv and json never
 * change, for the scripts that read them. */
static int
for_chinese_eyes(const struct pm_out *out)
{
	/* translators: the language of the messages, "zh" for Chinese */
	return (out->o.format == PM_FMT_TABLE || out->o.format == PM_FMT_HTML ||
		out->o.format == PM_FMT_XLSX) &&
	    !strcmp(_("en"), "zh");
}

static int
digits_at(const char *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* "2026-11-30" -> "2026年11月30日", "2026-11-30T09:05:00" and
 * "2026-11-30T09:05" -> "2026年11月30日 09:05". */
static const char *
chinese_date(struct pm_out *out, const char *v)
{
	size_t n = strlen(v);

	if ((n != 10 && n != 16 && n != 19) || !digits_at(v, 4) || v[4] != '-' ||
	    !digits_at(v + 5, 2) || v[7] != '-' || !digits_at(v + 8, 2))
		return v;
	if (n > 10 && (v[10] != 'T' || !digits_at(v + 11, 2) || v[13] != ':' ||
	    !digits_at(v + 14, 2) || (n == 19 && v[16] != ':')))
		return v;
	pm_buf_reset(&out->val);
	pm_buf_addf(&out->val, "%.4s年%d月%d日", v, atoi(v + 5), atoi(v + 8));
	if (n > 10)
		pm_buf_addf(&out->val, " %.5s", v + 11);
	return pm_buf_str(&out->val);
}

/* "1234567.50" -> "¥1,234,567.50" */
static const char *
chinese_money(struct pm_out *out, const char *v)
{
	const char *dot = strchr(v, '.'), *p = v;
	size_t ints;

	if (*p == '-')
		p++;
	ints = (size_t)((dot ? dot : v + strlen(v)) - p);
	pm_buf_reset(&out->tmp);
	if (*v == '-')
		pm_buf_addc(&out->tmp, '-');
	pm_buf_adds(&out->tmp, "¥");
	for (; ints; ints--, p++) {
		pm_buf_addc(&out->tmp, *p);
		if (ints > 1 && (ints - 1) % 3 == 0)
			pm_buf_addc(&out->tmp, ',');
	}
	pm_buf_adds(&out->tmp, p);
	return pm_buf_str(&out->tmp);
}

/* The value as shown: masked, and numbers formatted.  Returns a pointer
 * into out->val (or out->tmp) or v itself. */
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
		if (c->type == PM_COL_MONEY && for_chinese_eyes(out))
			return chinese_money(out, pm_buf_str(&out->val));
		return pm_buf_str(&out->val);
	}
	case PM_COL_CODE: {
		const char *zh;

		if (!for_chinese_eyes(out))
			return v;
		if ((zh = keyword_label(c->key, v)))
			return zh;
		return chinese_date(out, v);
	}
	default:
		return v;
	}
}

/* A value a spreadsheet would take for a number and spoil: a phone or
 * ID number in full (digits, an ID's X), or any other run of 12 or
 * more digits (bank references), or digits with a leading zero. */
static int
long_number(const struct pm_col *c, const char *v)
{
	size_t i, n = strlen(v);

	if (!n || is_numeric(c->type))
		return 0;
	for (i = 0; i < n; i++)
		if (!(v[i] >= '0' && v[i] <= '9') && !(c->type == PM_COL_IDNO && i == n - 1 && v[i] == 'X'))
			return 0;
	return c->type == PM_COL_PHONE || c->type == PM_COL_IDNO || n >= 12 || (n > 1 && v[0] == '0');
}

/* RFC 4180 quoting, for CSV and for TSV as Excel writes it: a field is
 * quoted when it holds the separator, a quote or a line break, its
 * quotes doubled; so the importer, which reads both that way, gets
 * back the same bytes.  --excel's guard quote goes inside the quotes. */
static void
quoted_field(struct pm_out *out, const struct pm_col *c, const char *v, const char *specials)
{
	int guard = 0;

	if (!v)
		return;
	if (out->o.excel && c && c->type == PM_COL_TEXT && strchr("=+-@\t\r", v[0]) && v[0])
		guard = 1;
	if (out->o.excel && c && long_number(c, v)) {
		/* ="..." keeps it text: a spreadsheet keeps 15 digits of a
		 * number and drops a leading zero; the importer unwraps it */
		put(out, "\"=\"\"", 4);
		puts_(out, v);
		put(out, "\"\"\"", 3);
		return;
	}
	if (!guard && !strpbrk(v, specials)) {
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
csv_field(struct pm_out *out, const struct pm_col *c, const char *v)
{
	quoted_field(out, c, v, ",\"\r\n");
}

static void
tsv_field(struct pm_out *out, const struct pm_col *c, const char *v)
{
	quoted_field(out, c, v, "\t\"\r\n");
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

static void
html_text(struct pm_out *out, const char *v)
{
	for (; v && *v; v++) {
		switch (*v) {
		case '<': puts_(out, "&lt;"); break;
		case '>': puts_(out, "&gt;"); break;
		case '&': puts_(out, "&amp;"); break;
		case '"': puts_(out, "&quot;"); break;
		case '\n': puts_(out, "<br>"); break;
		default: put(out, v, 1);
		}
	}
}

/* A4, Chinese fonts first with what each system has, then any sans. */
static const char html_head[] =
    "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
static const char html_style[] =
    "</title>\n<style>\n"
    "@page { size: A4; margin: 15mm 12mm; }\n"
    "body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"WenQuanYi Micro Hei\","
    " \"Microsoft YaHei\", \"PingFang SC\", \"SimSun\", sans-serif; font-size: 11pt;"
    " color: #000; margin: 0; }\n"
    ".estate { text-align: center; font-size: 12pt; margin: 0; }\n"
    "h1 { text-align: center; font-size: 18pt; letter-spacing: 0.2em; margin: 4pt 0 10pt; }\n"
    "h2 { font-size: 12pt; margin: 12pt 0 4pt; }\n"
    "table { border-collapse: collapse; width: 100%; page-break-inside: auto; }\n"
    "tr { page-break-inside: avoid; }\n"
    "th, td { border: 0.75pt solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; }\n"
    "th { background: #eee; font-weight: bold; }\n"
    "td.num { text-align: right; font-variant-numeric: tabular-nums; }\n"
    "table.record th { width: 25%; }\n"
    "p.note { margin: 6pt 0; }\n"
    ".signatures { display: flex; justify-content: space-between; margin-top: 28pt; }\n"
    ".signatures div { width: 30%; border-top: 0.75pt solid #000; padding-top: 3pt; }\n"
    ".page-break { break-after: page; page-break-after: always; }\n"
    "@media screen { body { margin: 20px auto; max-width: 210mm; }"
    " .page-break { border-top: 1px dashed #999; margin: 20px 0; } }\n"
    "</style>\n</head>\n<body>\n";

static void
html_begin(struct pm_out *out)
{
	puts_(out, html_head);
	html_text(out, out->o.title ? out->o.title : "pm-tools");
	puts_(out, html_style);
	if (out->o.estate && *out->o.estate) {
		puts_(out, "<p class=\"estate\">");
		html_text(out, out->o.estate);
		puts_(out, "</p>\n");
	}
	if (out->o.title) {
		puts_(out, "<h1>");
		html_text(out, out->o.title);
		puts_(out, "</h1>\n");
	}
}

void
pm_out_title(struct pm_out *out, const char *title, const char *estate)
{
	out->o.title = title;
	out->o.estate = estate;
}

const char *
pm_out_date(struct pm_out *out, const char *iso)
{
	return iso && for_chinese_eyes(out) ? chinese_date(out, iso) : iso;
}

int
pm_out_note(struct pm_out *out, const char *text)
{
	if (out->o.format != PM_FMT_HTML)
		return 0;
	if (!out->started) {
		out->started = 1;
		html_begin(out);
	}
	puts_(out, "<p class=\"note\">");
	html_text(out, text);
	puts_(out, "</p>\n");
	return out->failed ? -1 : 0;
}

int
pm_out_page(struct pm_out *out, const char *title)
{
	if (out->o.format != PM_FMT_HTML)
		return 0;
	if (!out->started) {
		const char *t = out->o.title;

		/* the first page's heading is the document's own */
		out->started = 1;
		out->o.title = title;
		html_begin(out);
		out->o.title = t;
		out->page_fresh = 1;
		return out->failed ? -1 : 0;
	}
	puts_(out, "<div class=\"page-break\"></div>\n");
	if (out->o.estate && *out->o.estate) {
		puts_(out, "<p class=\"estate\">");
		html_text(out, out->o.estate);
		puts_(out, "</p>\n");
	}
	puts_(out, "<h1>");
	html_text(out, title);
	puts_(out, "</h1>\n");
	out->page_fresh = 1;
	return out->failed ? -1 : 0;
}

int
pm_out_signatures(struct pm_out *out, const char *const *labels, size_t n)
{
	size_t i;

	if (out->o.format != PM_FMT_HTML)
		return 0;
	puts_(out, "<div class=\"signatures\">");
	for (i = 0; i < n; i++) {
		puts_(out, "<div>");
		html_text(out, _(labels[i]));
		puts_(out, "</div>");
	}
	puts_(out, "</div>\n");
	return out->failed ? -1 : 0;
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
		if (out->o.format == PM_FMT_HTML)
			html_begin(out);
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
		/* the heading waits for the rows: an empty section is left out */
		out->section = section;
		out->ncells = 0;
		break;
	case PM_FMT_HTML:
		/* a document's first record sits under the title itself, and so
		 * does the first record of each page */
		if (section && !(single && ((out->nsections == 0 && out->o.title) || out->page_fresh))) {
			puts_(out, "<h2>");
			html_text(out, _(section));
			puts_(out, "</h2>\n");
		}
		puts_(out, single ? "<table class=\"record\">\n" : "<table>\n");
		if (!single && !out->o.no_header) {
			puts_(out, "<thead><tr>");
			for (i = 0; i < ncols; i++) {
				puts_(out, "<th>");
				html_text(out, _(cols[i].label));
				puts_(out, "</th>");
			}
			puts_(out, "</tr></thead>\n");
		}
		puts_(out, "<tbody>\n");
		break;
	case PM_FMT_XLSX:
		if (pm_xlsx_sheet(out->xlsx, section ? _(section) : NULL, cols, ncols,
		    out->o.no_header) < 0)
			out->failed = 1;
		break;
	case PM_FMT_DEFAULT:
		break;
	}
	out->nsections++;
	out->page_fresh = 0;
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
		case PM_FMT_HTML:
			if (out->single) {
				/* a record: one label/value row per column */
				puts_(out, "<tr><th>");
				html_text(out, _(c->label));
				puts_(out, is_numeric(c->type) ? "</th><td class=\"num\">" : "</th><td>");
				html_text(out, v);
				puts_(out, "</td></tr>\n");
				break;
			}
			if (i == 0)
				puts_(out, "<tr>");
			puts_(out, is_numeric(c->type) ? "<td class=\"num\">" : "<td>");
			html_text(out, v);
			puts_(out, "</td>");
			if (i + 1 == out->ncols)
				puts_(out, "</tr>\n");
			break;
		case PM_FMT_XLSX:
			if (pm_xlsx_cell(out->xlsx, i, values[i], v) < 0)
				out->failed = 1;
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
	else if (out->o.format == PM_FMT_XLSX)
		pm_xlsx_next_row(out->xlsx);
	else if (out->o.format != PM_FMT_TABLE && out->o.format != PM_FMT_HTML)
		puts_(out, out->eol);
	out->rows++;
	return out->failed ? -1 : 0;
}

int
pm_out_stmt(struct pm_out *out, struct pm_stmt *st)
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
		enum pm_col_type t = pm_col_type(st, (int)i);

		if (t == PM_TYPE_NULL) {
			v[i] = NULL;
		} else if (t == PM_TYPE_INT) {
			snprintf(num[i], sizeof num[i], "%lld", (long long)pm_col_int64(st, (int)i));
			v[i] = num[i];
		} else {
			v[i] = pm_col_text(st, (int)i);
		}
	}
	return pm_out_row(out, v);
}

int
pm_out_stmt_all(struct pm_out *out, struct pm_stmt *st, struct pm_err *err)
{
	int rc;

	while ((rc = pm_step(st)) == PM_ROW)
		if (pm_out_stmt(out, st) < 0)
			break;
	if (rc != PM_ROW && rc != PM_DONE) {
		/* as out.h promises, the codes of pm_db_fail: a damaged file
		 * is 78, a full disk 74, busy 75, not all a bug (70) */
		return pm_db_fail(pm_stmt_db(st), err, _("reading the database"));
	}
	return 0;
}

int
pm_out_complete(struct pm_out *out, struct pm_db *db, const char *sql, const char *key,
		const char *prefix, struct pm_err *err)
{
	const struct pm_col cols[] = {{key, N_("Value"), PM_COL_CODE, 0}};
	struct pm_buf end = {0};
	struct pm_stmt *st;
	int rc;

	if (pm_buf_adds(&end, prefix) < 0 || pm_buf_addc(&end, '\xff') < 0) {
		pm_buf_free(&end);
		return pm_err_oom(err);
	}
	if (pm_db_prepare(db, sql, &st, err) < 0) {
		pm_buf_free(&end);
		return -1;
	}
	if ((rc = pm_bind_text(st, 1, prefix)) < 0 ||
	    (rc = pm_bind_text(st, 2, pm_buf_str(&end))) < 0) {
		pm_stmt_free(st);
		pm_buf_free(&end);
		return pm_db_fail(db, err, _("reading the database"));
	}
	pm_buf_free(&end);
	if ((rc = pm_out_begin(out, NULL, cols, 1, 0)) == 0)
		rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		rc = pm_out_end(out);
	return rc;
}

/* Appending to a line of a table: out of memory fails the output. */
static void
lput(struct pm_out *out, struct pm_buf *b, const char *s, size_t n)
{
	if (pm_buf_add(b, s, n) < 0) {
		out->failed = 1;
		out->err_no = ENOMEM;
	}
}

static void
lputs(struct pm_out *out, struct pm_buf *b, const char *s)
{
	lput(out, b, s, strlen(s));
}

static void
pad(struct pm_out *out, struct pm_buf *b, size_t n)
{
	static const char blanks[] = "                                ";

	while (n) {
		size_t k = n < sizeof blanks - 1 ? n : sizeof blanks - 1;

		lput(out, b, blanks, k);
		n -= k;
	}
}

/* The bytes of the longest head of v (n bytes) that fits in w columns,
 * never cutting a character and keeping the zero-width marks that
 * follow the last one; *got its width. */
static size_t
fit_head(const char *v, size_t n, size_t w, size_t *got)
{
	const char *p = v, *end = v + n;
	size_t k = 0;

	while (p < end) {
		const char *q = p;
		int32_t c = pm_utf8_next(&q, end);
		size_t cw = c < 0 ? 1 : (size_t)pm_char_width(c);

		if (k + cw > w)
			break;
		k += cw;
		p = q;
	}
	*got = k;
	return (size_t)(p - v);
}

/* Append v cut to w columns: its head and "…" when it is wider.  The
 * width appended. */
static size_t
add_cut(struct pm_out *out, struct pm_buf *b, const char *v, size_t w)
{
	size_t n = strlen(v), k = pm_utf8_width(v, n), len;

	if (k <= w) {
		lput(out, b, v, n);
		return k;
	}
	if (w == 0)
		return 0;
	len = fit_head(v, n, w - 1, &k);
	lput(out, b, v, len);
	lputs(out, b, "…");
	return k + 1;
}

/* May the column be cut to fit the width?  Free text only: a code, a
 * number, an amount, a phone or an ID cut short would read as another. */
static int
cuttable(const struct pm_col *c)
{
	return c->type == PM_COL_TEXT;
}

enum { MIN_CUT = 8 };   /* a text column is never cut below this */

/* Narrow the widest text columns, one column at a time, until the row
 * (w[] and two blanks between) fits out->width or none can give more;
 * then, if it must, put one blank between columns.  The blanks to use. */
static size_t
fit_columns(struct pm_out *out, size_t *w)
{
	size_t nc = out->ncols, total = 0, i;

	if (!out->width || !nc)
		return 2;
	for (i = 0; i < nc; i++)
		total += w[i] + (i ? 2 : 0);
	while (total > out->width) {
		size_t best = nc;

		for (i = 0; i < nc; i++)
			if (cuttable(&out->cols[i]) && w[i] > MIN_CUT && (best == nc || w[i] > w[best]))
				best = i;
		if (best == nc)
			break;
		w[best]--;
		total--;
	}
	return total > out->width ? 1 : 2;
}

static void
end_line(struct pm_out *out, struct pm_buf *line)
{
	/* no blanks at the end of a line */
	while (line->len && line->s[line->len - 1] == ' ')
		line->len--;
	lput(out, line, "\n", 1);
	put(out, line->s, line->len);
}

static void
grid_flush(struct pm_out *out, size_t rows)
{
	size_t nc = out->ncols, r, i, gap;
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
	gap = fit_columns(out, w);
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
				lput(out, line, "  ", gap);
			if (!v) {
				size_t d;

				for (d = 0; d < w[i]; d++)
					lput(out, line, "-", 1);
				continue;
			}
			if (right) {
				/* numbers are never cut: w[i] holds them whole */
				k = pm_utf8_width(v, strlen(v));
				pad(out, line, w[i] - k);
				lputs(out, line, v);
			} else {
				k = add_cut(out, line, v, w[i]);
				pad(out, line, w[i] - k);
			}
		}
		end_line(out, line);
	}
	free(w);
}

/* One record as "Label: value" lines, the values lined up; a value too
 * long for the width goes on under itself, broken at a blank when
 * there is one in its second half. */
static void
record_flush(struct pm_out *out)
{
	size_t nc = out->ncols, lw = 0, i;
	struct pm_buf *line = &out->tmp;

	for (i = 0; i < nc; i++) {
		const char *h = _(out->cols[i].label);
		size_t k = pm_utf8_width(h, strlen(h));

		if (k > lw)
			lw = k;
	}
	for (i = 0; i < nc; i++) {
		const char *h = _(out->cols[i].label), *v = out->cells[i];
		size_t n = strlen(v), room = 0;

		if (out->width > lw + 2 + MIN_CUT)
			room = out->width - lw - 2;
		pm_buf_reset(line);
		lputs(out, line, h);
		lput(out, line, ":", 1);
		pad(out, line, lw - pm_utf8_width(h, strlen(h)) + 1);
		for (;;) {
			size_t k, len = n;

			if (room && pm_utf8_width(v, n) > room) {
				size_t b;

				len = fit_head(v, n, room, &k);
				for (b = len; b > len / 2; b--)
					if (v[b - 1] == ' ')
						break;
				if (b > len / 2)
					len = b;
				if (len == 0) {   /* not even one character fits */
					const char *q = v;

					pm_utf8_next(&q, v + n);
					len = (size_t)(q - v);
				}
			}
			lput(out, line, v, len);
			v += len;
			n -= len;
			while (n && *v == ' ')
				v++, n--;
			if (!n)
				break;
			end_line(out, line);
			pm_buf_reset(line);
			pad(out, line, lw + 2);
		}
		end_line(out, line);
	}
}

static void
table_flush(struct pm_out *out)
{
	size_t nc = out->ncols, rows = nc ? out->ncells / nc : 0;

	/* in a record of several sections (pm-owner show), one without
	 * rows is only named, on a line at the end */
	if (out->section && rows == 0) {
		if (out->empty.len)
			/* translators: between the names of empty sections */
			lputs(out, &out->empty, _(", "));
		lputs(out, &out->empty, _(out->section));
		return;
	}
	if (out->printed)
		puts_(out, "\n");
	out->printed = 1;
	if (out->section) {
		puts_(out, "[");
		puts_(out, _(out->section));
		puts_(out, "]\n");
	}
	/* a single record reads down the page, not across it */
	if (rows == 1 && (out->single || out->section))
		record_flush(out);
	else
		grid_flush(out, rows);
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
	case PM_FMT_HTML:
		puts_(out, "</tbody>\n</table>\n");
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
	pm_xlsx_free(out->xlsx);
	pm_buf_free(&out->empty);
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
	if (out->empty.len) {
		if (out->printed)
			puts_(out, "\n");
		pm_buf_reset(&out->tmp);
		/* translators: the sections of a record with nothing in them,
		 * "Empty: vehicles, pets, keys" */
		if (pm_buf_addf(&out->tmp, _("Empty: %s"), pm_buf_str(&out->empty)) < 0) {
			out->failed = 1;
			out->err_no = ENOMEM;
		}
		lput(out, &out->tmp, "\n", 1);
		put(out, out->tmp.s, out->tmp.len);
	}
	if (out->sections)
		puts_(out, "\n}\n");
	if (out->o.format == PM_FMT_HTML) {
		if (!out->started)
			html_begin(out);
		puts_(out, "</body>\n</html>\n");
	}
	if (out->xlsx) {
		struct pm_xlsx *x = out->xlsx;

		/* a failed cell is the workbook's error, reported by finish */
		out->xlsx = NULL;
		out->failed = 0;
		if (pm_xlsx_finish(x, out->fp, err) < 0) {
			pm_out_free(out);
			return -1;
		}
	}
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
