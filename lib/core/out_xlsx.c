/* out_xlsx.c - a real workbook through libxlsxwriter */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "i18n.h"
#include "out_xlsx.h"
#include "utf8.h"

#define WIDTH_MIN 6
#define WIDTH_MAX 60

struct pm_xlsx {
	char *path;               /* the temporary file */
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *text, *money, *integer, *dec[7];
	const struct pm_col *cols;
	size_t ncols;
	double *width;            /* widest cell of each column, in characters */
	lxw_row_t row;
	int nsheets;
	lxw_error error;          /* the first libxlsxwriter error */
};

static int
failed(struct pm_xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->error == LXW_NO_ERROR)
		x->error = e;
	return e == LXW_NO_ERROR ? 0 : -1;
}

struct pm_xlsx *
pm_xlsx_new(struct pm_err *err)
{
	const char *tmp = getenv("TMPDIR");
	struct pm_xlsx *x = calloc(1, sizeof *x);
	lxw_workbook_options opt = {0};
	int fd, k;

	if (!x) {
		pm_err_oom(err);
		return NULL;
	}
	if (asprintf(&x->path, "%s/pm-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp") < 0) {
		x->path = NULL;
		free(x);
		pm_err_oom(err);
		return NULL;
	}
	if ((fd = mkstemp(x->path)) < 0) {
		pm_err_set(err, PM_EXIT_CANTCREAT, _("cannot create a temporary file for the workbook: %s"),
		    strerror(errno));
		free(x->path);
		free(x);
		return NULL;
	}
	close(fd);
	opt.tmpdir = tmp && *tmp ? (char *)tmp : NULL;
	if (!(x->wb = workbook_new_opt(x->path, &opt))) {
		pm_err_set(err, PM_EXIT_CANTCREAT, _("cannot create the workbook"));
		pm_xlsx_free(x);
		return NULL;
	}
	x->bold = workbook_add_format(x->wb);
	x->text = workbook_add_format(x->wb);
	x->money = workbook_add_format(x->wb);
	x->integer = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	format_set_num_format(x->text, "@");
	format_set_num_format(x->money, "#,##0.00");
	format_set_num_format(x->integer, "0");
	for (k = 0; k < 7; k++) {
		char fmt[10] = "0.";

		x->dec[k] = workbook_add_format(x->wb);
		memset(fmt + 2, '0', (size_t)k);
		fmt[k ? 2 + k : 1] = '\0';
		format_set_num_format(x->dec[k], fmt);
	}
	return x;
}

/* Set the widths of the sheet now ending. */
static void
end_sheet(struct pm_xlsx *x)
{
	size_t i;

	if (!x->ws)
		return;
	for (i = 0; i < x->ncols; i++) {
		double w = x->width[i] + 2;

		w = w < WIDTH_MIN ? WIDTH_MIN : w > WIDTH_MAX ? WIDTH_MAX : w;
		failed(x, worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i, w, NULL));
	}
	x->ws = NULL;
}

static void
widen(struct pm_xlsx *x, size_t i, const char *s)
{
	double w = (double)pm_utf8_width(s, strlen(s));

	if (w > x->width[i])
		x->width[i] = w;
}

int
pm_xlsx_sheet(struct pm_xlsx *x, const char *name, const struct pm_col *cols, size_t ncols,
	      int no_header)
{
	char fallback[32];
	double *w;
	size_t i;

	end_sheet(x);
	x->nsheets++;
	snprintf(fallback, sizeof fallback, "Sheet%d", x->nsheets);
	/* Excel's rules: at most 31 characters, none of []:*?/\, unique */
	if (!name || workbook_validate_sheet_name(x->wb, name) != LXW_NO_ERROR)
		name = fallback;
	if (!(x->ws = workbook_add_worksheet(x->wb, name)))
		return failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
	if (!(w = realloc(x->width, (ncols ? ncols : 1) * sizeof *w)))
		return failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
	x->width = w;
	x->cols = cols;
	x->ncols = ncols;
	x->row = 0;
	for (i = 0; i < ncols; i++)
		x->width[i] = 0;
	if (no_header)
		return 0;
	for (i = 0; i < ncols; i++) {
		const char *label = _(cols[i].label);

		if (failed(x, worksheet_write_string(x->ws, 0, (lxw_col_t)i, label, x->bold)) < 0)
			return -1;
		widen(x, i, label);
	}
	worksheet_freeze_panes(x->ws, 1, 0);
	x->row = 1;
	return 0;
}

static int
is_number(const char *s)
{
	char *end;

	if (!*s)
		return 0;
	errno = 0;
	(void)strtoll(s, &end, 10);
	return !*end && !errno;
}

int
pm_xlsx_cell(struct pm_xlsx *x, size_t i, const char *raw, const char *v)
{
	const struct pm_col *c;
	lxw_col_t col = (lxw_col_t)i;
	lxw_error e;

	if (!x->ws || i >= x->ncols || x->row >= LXW_ROW_MAX)
		return failed(x, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
	c = &x->cols[i];
	if (!v || !*v)
		return 0;
	if ((c->type == PM_COL_MONEY || c->type == PM_COL_DEC || c->type == PM_COL_INT) &&
	    raw && is_number(raw)) {
		int scale = c->type == PM_COL_MONEY ? 2 : c->type == PM_COL_DEC ? c->scale : 0;
		double d = (double)strtoll(raw, NULL, 10);
		int k;

		if (scale < 0 || scale > 6)
			scale = 0;
		for (k = 0; k < scale; k++)
			d /= 10;
		e = worksheet_write_number(x->ws, x->row, col, d,
		    c->type == PM_COL_MONEY ? x->money : c->type == PM_COL_INT ? x->integer
		    : x->dec[scale]);
	} else {
		/* text-typed, so that long digit strings stay digits */
		e = worksheet_write_string(x->ws, x->row, col, v, x->text);
	}
	if (failed(x, e) < 0)
		return -1;
	widen(x, i, v);
	return 0;
}

int
pm_xlsx_next_row(struct pm_xlsx *x)
{
	x->row++;
	return x->error == LXW_NO_ERROR ? 0 : -1;
}

void
pm_xlsx_free(struct pm_xlsx *x)
{
	if (!x)
		return;
	if (x->wb) {
		/* nothing to close into: the file is removed below */
		x->ws = NULL;
		workbook_close(x->wb);
	}
	if (x->path)
		unlink(x->path);
	free(x->path);
	free(x->width);
	free(x);
}

int
pm_xlsx_finish(struct pm_xlsx *x, FILE *fp, struct pm_err *err)
{
	char buf[65536];
	lxw_error e;
	FILE *in;
	size_t n;
	int rc = 0;

	end_sheet(x);
	if (!x->nsheets && (!(x->ws = workbook_add_worksheet(x->wb, NULL))))
		failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
	x->ws = NULL;
	e = workbook_close(x->wb);
	x->wb = NULL;
	if (x->error != LXW_NO_ERROR || e != LXW_NO_ERROR) {
		pm_err_set(err, PM_EXIT_IO, _("writing the workbook: %s"),
		    lxw_strerror(x->error != LXW_NO_ERROR ? x->error : e));
		pm_xlsx_free(x);
		return -1;
	}
	if (!(in = fopen(x->path, "rb"))) {
		pm_err_set(err, PM_EXIT_IO, _("reading back the workbook: %s"), strerror(errno));
		pm_xlsx_free(x);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, fp) != n) {
			rc = pm_err_set(err, PM_EXIT_IO, _("write error: %s"), strerror(errno));
			break;
		}
	if (!rc && ferror(in))
		rc = pm_err_set(err, PM_EXIT_IO, _("reading back the workbook: %s"), strerror(errno));
	fclose(in);
	pm_xlsx_free(x);
	return rc;
}
