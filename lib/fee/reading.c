/* reading.c - meter readings: recording, importing, consumption */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/audit.h"
#include "core/csvin.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/utf8.h"
#include "fee.h"
#include "owner/unit.h"
#include "reading.h"

/* The movein table's column for a meter (NULL: no baseline kept). */
static const char *
baseline_col(const char *meter)
{
	if (!strcmp(meter, "water"))
		return "water";
	if (!strcmp(meter, "electricity"))
		return "electricity";
	if (!strcmp(meter, "gas"))
		return "gas";
	if (!strcmp(meter, "hotwater"))
		return "hot_water";
	return NULL;
}

/* The last reading of unit and meter (or the move-in baseline when it is
 * later): *date and *value; *found 0 when there is neither. */
static int
last_reading(struct pm_db *db, int64_t unit_id, const char *meter, char date[PM_DATE_BUFSZ],
	     int64_t *value, int *found, struct pm_err *err)
{
	static const char sql_r[] =
	    "SELECT date, value FROM reading WHERE unit_id = ?1 AND meter = ?2"
	    " ORDER BY date DESC, id DESC LIMIT 1";
	char sql_m[160];
	const char *col = baseline_col(meter);
	struct pm_stmt *st;
	int rc, pass;

	*found = 0;
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			if (!col)
				break;
			snprintf(sql_m, sizeof sql_m, "SELECT date, %s FROM movein WHERE unit_id = ?1"
			    " AND %s IS NOT NULL ORDER BY date DESC, id DESC LIMIT 1", col, col);
		}
		if (pm_db_prepare(db, pass ? sql_m : sql_r, &st, err) < 0)
			return -1;
		pm_bind_int(st, 1, unit_id);
		if (!pass)
			pm_bind_text(st, 2, meter);
		rc = pm_step(st);
		if (rc == PM_ROW && (!*found || strcmp(pm_col_text(st, 0), date) > 0)) {
			snprintf(date, PM_DATE_BUFSZ, "%s", pm_col_text(st, 0));
			*value = pm_col_int64(st, 1);
			*found = 1;
		}
		pm_stmt_free(st);
		if (rc != PM_ROW && rc != PM_DONE)
			return pm_db_fail(db, err, _("reading meter readings"));
	}
	return 0;
}

int
pm_fee_reading_add(struct pm_db *db, const struct pm_fee_reading *r, struct pm_err *err)
{
	const char *meter;
	char date[PM_DATE_BUFSZ], last_date[PM_DATE_BUFSZ], at[PM_TIME_BUFSZ];
	char v1[PM_DEC_BUFSZ], v2[PM_DEC_BUFSZ];
	struct pm_date d, today;
	int64_t value, last = 0;
	enum pm_num nrc;
	struct pm_stmt *st;
	char *code = NULL;
	int found, rc;

	if (!r->meter || !(meter = pm_keyword_key(pm_fee_meters, r->meter)))
		return pm_err_set(err, PM_EXIT_DATA, _("unknown meter '%s' (one of: %s)"),
		    r->meter ? r->meter : "", pm_keyword_list(pm_fee_meters));
	nrc = r->value ? pm_dec_parse(r->value, strlen(r->value), 2, &value) : PM_NUM_EMPTY;
	if (nrc == PM_NUM_OK && value < 0)
		nrc = PM_NUM_NEGATIVE;
	if (nrc != PM_NUM_OK)
		return pm_err_set(err, PM_EXIT_DATA, _("reading '%s': %s"), r->value ? r->value : "",
		    pm_num_reason(nrc));
	if (pm_today(&today, err) < 0)
		return -1;
	d = today;
	if (r->date) {
		enum pm_date_rc drc = pm_date_parse(r->date, strlen(r->date), &d);

		if (drc != PM_DATE_OK)
			return pm_err_set(err, PM_EXIT_DATA, _("date '%s': %s"), r->date, pm_date_reason(drc));
		if (pm_date_cmp(d, today) > 0)
			return pm_err_set(err, PM_EXIT_DATA, _("date '%s' is in the future"), r->date);
	}
	pm_date_fmt(d, date);
	if (last_reading(db, r->unit_id, meter, last_date, &last, &found, err) < 0)
		return -1;
	if (found && strcmp(date, last_date) < 0)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("readings go in date order: the last %s reading is of %s"), meter, last_date);
	if (found && value < last && !r->change)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("reading %s is lower than the last %s reading (%s on %s): if the meter was "
		      "replaced, mark it as a meter change"), pm_dec_fmt(value, 2, v1), meter,
		    pm_dec_fmt(last, 2, v2), last_date);
	if (pm_fee_now(at, err) < 0)
		return -1;
	if (pm_db_prepare(db, "INSERT INTO reading(unit_id, meter, date, value, change, at, clerk)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, r->unit_id);
	pm_bind_text(st, 2, meter);
	pm_bind_text(st, 3, date);
	pm_bind_int(st, 4, value);
	pm_bind_int(st, 5, r->change ? 1 : 0);
	pm_bind_text(st, 6, at);
	pm_bind_text(st, 7, pm_audit_who());
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc < 0 || pm_unit_code(db, r->unit_id, &code, err) < 0)
		return -1;
	rc = pm_auditf(db, code, err, "%s reading %s on %s%s", meter, pm_dec_fmt(value, 2, v1), date,
	    r->change ? " (new meter)" : "");
	free(code);
	return rc;
}

/* The import's columns and their header names. */
enum { C_UNIT, C_METER, C_VALUE, C_DATE, C_CHANGE, C_N };
static const char *const col_names[C_N][7] = {
	{"unit", "房号", "房屋", "unit_code", NULL},
	{"meter", "表", "表类", "表别", "类别", NULL},
	{"value", "reading", "读数", "本期读数", "示数", NULL},
	{"date", "日期", "抄表日期", NULL},
	{"change", "换表", "meter_change", NULL},
};
static const char *const col_keys[C_N] = {"unit", "meter", "value", "date", "change"};

static int
header_match(const struct pm_field *f, int c)
{
	const char *s = f->s;
	size_t n = f->len, i;

	pm_text_trim(&s, &n);
	for (i = 0; col_names[c][i]; i++)
		if (strlen(col_names[c][i]) == n && !strncasecmp(s, col_names[c][i], n))
			return 1;
	return 0;
}

static int
truthy(const char *s)
{
	return !strcmp(s, "1") || !strcasecmp(s, "yes") || !strcasecmp(s, "y") ||
	    !strcasecmp(s, "true") || !strcmp(s, "是");
}

int
pm_fee_reading_import(struct pm_db *db, const char *path, const char *encoding, long *rows,
		      void (*bad)(void *arg, const char *msg), void *arg, struct pm_err *err)
{
	long refused = 0;
	struct pm_csvin_opts o = {encoding, 0, 0};
	struct pm_csvin *in;
	struct pm_row *row;
	long col[C_N];
	struct pm_buf cell[C_N];
	size_t i;
	int c, rc;

	*rows = 0;
	if (!(in = pm_csvin_open(path, &o, err)))
		return -1;
	for (c = 0; c < C_N; c++) {
		col[c] = -1;
		cell[c] = (struct pm_buf)PM_BUF_INIT;
	}
	rc = pm_csvin_read(in, &row, err);
	if (rc == 0)
		rc = pm_err_set(err, PM_EXIT_DATA, _("%s: no header"), pm_csvin_name(in));
	if (rc < 0)
		goto out;
	for (i = 0; i < row->n; i++)
		for (c = 0; c < C_N; c++)
			if (col[c] < 0 && header_match(&row->f[i], c))
				col[c] = (long)i;
	for (c = 0; c <= C_VALUE; c++)
		if (col[c] < 0) {
			rc = pm_err_set(err, PM_EXIT_DATA, _("%s:%ld: no '%s' column"), pm_csvin_name(in),
			    row->line, col_keys[c]);
			goto out;
		}
	while ((rc = pm_csvin_read(in, &row, err)) > 0) {
		struct pm_fee_reading r = {0};
		long line = row->line;

		if (row->n < (size_t)(col[C_VALUE] + 1) || row->n < (size_t)(col[C_UNIT] + 1) ||
		    row->n < (size_t)(col[C_METER] + 1)) {
			pm_err_set(err, PM_EXIT_DATA, _("%s:%ld: %zu fields, fewer than the header's"),
			    pm_csvin_name(in), line, row->n);
			goto refuse;
		}
		for (c = 0; c < C_N; c++) {
			const char *s;
			size_t n;

			pm_buf_reset(&cell[c]);
			if (col[c] < 0 || (size_t)col[c] >= row->n)
				continue;
			s = row->f[col[c]].s;
			n = row->f[col[c]].len;
			pm_text_trim(&s, &n);
			if (pm_buf_add(&cell[c], s, n) < 0) {
				rc = pm_err_oom(err);
				goto out;
			}
		}
		if (pm_unit_find(db, pm_buf_str(&cell[C_UNIT]), &r.unit_id, NULL, err) < 0) {
			pm_err_prefix(err, "%s:%ld: unit", pm_csvin_name(in), line);
			goto refuse;
		}
		r.meter = pm_buf_str(&cell[C_METER]);
		r.value = pm_buf_str(&cell[C_VALUE]);
		r.date = cell[C_DATE].len ? pm_buf_str(&cell[C_DATE]) : NULL;
		r.change = cell[C_CHANGE].len && truthy(pm_buf_str(&cell[C_CHANGE]));
		if (pm_fee_reading_add(db, &r, err) < 0) {
			pm_err_prefix(err, "%s:%ld", pm_csvin_name(in), line);
			goto refuse;
		}
		(*rows)++;
		continue;
refuse:
		/* a bad row is reported and the next one checked, so the
		 * clerk corrects the sheet once; anything else stops here */
		if (err->code != PM_EXIT_DATA) {
			rc = -1;
			goto out;
		}
		bad(arg, pm_err_msg(err));
		pm_err_clear(err);
		refused++;
	}
	if (rc == 0 && refused)
		rc = pm_err_set(err, PM_EXIT_DATA,
		    _("rows refused: %ld; no reading was recorded"), refused);
out:
	for (c = 0; c < C_N; c++)
		pm_buf_free(&cell[c]);
	pm_csvin_close(in);
	return rc < 0 ? -1 : 0;
}

int
pm_fee_reading_list(struct pm_db *db, int64_t unit_id, const char *meter, struct pm_out *out,
		    struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"meter", N_("Meter"), PM_COL_CODE, 0},
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"value", N_("Reading"), PM_COL_DEC, 2},
		{"change", N_("New meter"), PM_COL_INT, 0},
		{"clerk", N_("Clerk"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT u.code, r.meter, r.date, r.value, r.change, r.clerk FROM reading r"
	    " JOIN unit u ON u.id = r.unit_id"
	    " WHERE (?1 = 0 OR r.unit_id = ?1) AND (?2 IS NULL OR r.meter = ?2)"
	    " ORDER BY r.date DESC, r.id DESC";
	const char *mk = NULL;
	struct pm_stmt *st;
	int rc;

	if (meter && !(mk = pm_keyword_key(pm_fee_meters, meter)))
		return pm_err_set(err, PM_EXIT_USAGE, _("unknown meter '%s' (one of: %s)"), meter,
		    pm_keyword_list(pm_fee_meters));
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	pm_bind_text_null(st, 2, mk);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

int
pm_fee_usage(struct pm_db *db, int64_t unit_id, const char *meter, int64_t after_id,
	     const char *from, const char *to, struct pm_fee_usage *u, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT id, date, value, change FROM reading WHERE unit_id = ?1 AND meter = ?2"
	    " AND date <= ?3 ORDER BY date, id";
	struct rd { int64_t id, value; int change; char date[PM_DATE_BUFSZ]; } *v = NULL;
	size_t n = 0, cap = 0, i, start = 0, close = 0;
	int64_t prev, base_value = 0;
	char base_date[PM_DATE_BUFSZ] = "";
	int have_base = 0, have_start = 0, rc;
	struct pm_stmt *st;

	memset(u, 0, sizeof *u);
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	pm_bind_text(st, 2, meter);
	pm_bind_text(st, 3, to);
	while ((rc = pm_step(st)) == PM_ROW) {
		if (n == cap) {
			void *nv;

			cap = cap ? cap * 2 : 16;
			if (!(nv = realloc(v, cap * sizeof *v))) {
				pm_stmt_free(st);
				free(v);
				return pm_err_oom(err);
			}
			v = nv;
		}
		v[n].id = pm_col_int64(st, 0);
		snprintf(v[n].date, sizeof v[n].date, "%s", pm_col_text(st, 1));
		v[n].value = pm_col_int64(st, 2);
		v[n].change = pm_col_int(st, 3);
		n++;
	}
	pm_stmt_free(st);
	if (rc != PM_DONE) {
		free(v);
		return pm_db_fail(db, err, _("reading meter readings"));
	}
	/* the closing reading: the last one dated within the period */
	for (i = n; i-- > 0;)
		if (strcmp(v[i].date, from) >= 0) {
			close = i;
			u->found = 1;
			break;
		}
	if (!u->found)
		goto done;
	if (after_id) {
		for (i = 0; i < n; i++)
			if (v[i].id == after_id) {
				start = i;
				have_start = 1;
			}
	}
	if (!have_start && baseline_col(meter)) {
		char sql_m[160];
		const char *col = baseline_col(meter);

		snprintf(sql_m, sizeof sql_m, "SELECT date, %s FROM movein WHERE unit_id = ?1"
		    " AND %s IS NOT NULL AND date <= ?2 ORDER BY date DESC, id DESC LIMIT 1", col, col);
		if (pm_db_prepare(db, sql_m, &st, err) < 0) {
			free(v);
			return -1;
		}
		pm_bind_int(st, 1, unit_id);
		pm_bind_text(st, 2, to);
		rc = pm_step(st);
		if (rc == PM_ROW) {
			snprintf(base_date, sizeof base_date, "%s", pm_col_text(st, 0));
			base_value = pm_col_int64(st, 1);
			have_base = 1;
		}
		pm_stmt_free(st);
		if (rc != PM_ROW && rc != PM_DONE) {
			free(v);
			return pm_db_fail(db, err, _("reading move-in readings"));
		}
	}
	if (have_start) {
		prev = u->prev = v[start].value;
		start++;
	} else if (have_base) {
		/* readings before the move-in do not count */
		for (start = 0; start < n && strcmp(v[start].date, base_date) < 0; start++)
			;
		prev = u->prev = base_value;
	} else {
		prev = u->prev = v[0].value;
		start = 1;
	}
	if (start > close) {
		u->found = 0;
		goto done;
	}
	for (i = start; i <= close; i++) {
		if (!v[i].change && __builtin_add_overflow(u->qty, v[i].value - prev, &u->qty)) {
			free(v);
			return pm_err_set(err, PM_EXIT_DATA, _("meter readings too large"));
		}
		prev = v[i].value;
	}
	u->cur = v[close].value;
	u->reading_id = v[close].id;
done:
	free(v);
	return 0;
}
