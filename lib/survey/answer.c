/* answer.c - the answers on a form: entered one by one or imported from
 * the form as typed up in Excel */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "owner/unit.h"
#include "internal.h"

struct problem {
	const struct sv_item *item;
	const char *cause;      /* a pm_survey_causes key */
	char *detail, *words;
};

/* One form's answers, as read. */
struct entry {
	int *scores;            /* per item of the round; 0 when blank */
	struct problem *p;
	size_t np, capp;
	char *suggestion;
	char date[PM_DATE_BUFSZ];
};

static void
entry_reset(struct entry *e, size_t nitems)
{
	size_t i;

	for (i = 0; i < e->np; i++) {
		free(e->p[i].detail);
		free(e->p[i].words);
	}
	e->np = 0;
	free(e->suggestion);
	e->suggestion = NULL;
	if (e->scores)
		memset(e->scores, 0, nitems * sizeof *e->scores);
}

static void
entry_free(struct entry *e)
{
	entry_reset(e, 0);
	free(e->p);
	free(e->scores);
}

static int
entry_scored(const struct entry *e, size_t nitems)
{
	size_t i;

	for (i = 0; i < nitems; i++)
		if (e->scores[i])
			return 1;
	return 0;
}

/* Check free text and keep a copy in *dst (NULL when empty); a reason
 * when refused. */
static const char *
keep_text(const char *s, size_t n, char **dst)
{
	struct pm_buf b = PM_BUF_INIT;
	const char *why = pm_text_normalize(s, n, &b);

	*dst = NULL;
	if (why) {
		pm_buf_free(&b);
		return why;
	}
	if (b.len && !(*dst = pm_buf_detach(&b)))
		return _("out of memory");
	pm_buf_free(&b);
	return NULL;
}

/* Add a problem; every part is checked.  A reason and the part (0
 * category, 1 cause, 2 detail, 3 words) when refused. */
static const char *
add_problem(struct entry *e, const struct sv_round *r, const struct pm_field parts[4],
	    int *bad)
{
	static char why[200];
	struct pm_buf b = PM_BUF_INIT;
	struct problem p = {0};
	const char *s;

	*bad = 0;
	if (!(p.item = sv_item_match(r, parts[0].s, parts[0].len))) {
		size_t i, n = parts[0].len;
		const char *c = parts[0].s;

		pm_text_trim(&c, &n);
		for (i = 0; i < r->nitems; i++)
			if (pm_buf_adds(&b, i ? ", " : "") < 0 || pm_buf_adds(&b, r->items[i].label) < 0)
				break;
		snprintf(why, sizeof why, n ? _("'%.*s' is not an item of the form (%s)")
		    : _("missing: the item the problem concerns (%.*s%s)"), n ? (int)n : 0, c,
		    pm_buf_str(&b));
		pm_buf_free(&b);
		return why;
	}
	if (pm_buf_add(&b, parts[1].s, parts[1].len) < 0)
		return _("out of memory");
	if (!(p.cause = pm_keyword_key(pm_survey_causes, pm_buf_str(&b)))) {
		s = pm_buf_str(&b);
		snprintf(why, sizeof why, *s ? _("'%.40s' is not one of 人, 机, 料, 法, 环")
		    : _("missing: one of 人, 机, 料, 法, 环%.0s"), s);
		pm_buf_free(&b);
		*bad = 1;
		return why;
	}
	pm_buf_free(&b);
	if ((s = keep_text(parts[2].s, parts[2].len, &p.detail)) || !p.detail) {
		*bad = 2;
		return s ? s : _("missing: the specific cause");
	}
	if ((s = keep_text(parts[3].s, parts[3].len, &p.words))) {
		free(p.detail);
		*bad = 3;
		return s;
	}
	if (e->np == e->capp) {
		size_t cap = e->capp ? e->capp * 2 : 4;
		struct problem *v = realloc(e->p, cap * sizeof *v);

		if (!v) {
			free(p.detail);
			free(p.words);
			return _("out of memory");
		}
		e->p = v;
		e->capp = cap;
	}
	e->p[e->np++] = p;
	return NULL;
}

static int
insert_problems(struct pm_db *db, int64_t fid, const struct entry *e, size_t from,
		struct pm_err *err)
{
	struct pm_stmt *st;
	size_t i;

	if (from >= e->np)
		return 0;
	if (pm_db_prepare(db, "INSERT INTO survey_problem (form_id, item_id, cause, detail, words)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)", &st, err) < 0)
		return -1;
	for (i = from; i < e->np; i++) {
		pm_stmt_reset(st);
		pm_bind_int(st, 1, fid);
		pm_bind_int(st, 2, e->p[i].item->id);
		pm_bind_text(st, 3, e->p[i].cause);
		pm_bind_text(st, 4, e->p[i].detail);
		pm_bind_text_null(st, 5, e->p[i].words);
		if (pm_db_step_done(db, st, err) < 0) {
			pm_stmt_free(st);
			return -1;
		}
	}
	pm_stmt_free(st);
	return 0;
}

static int
exec_form(struct pm_db *db, const char *sql, int64_t fid, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, fid);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	return rc;
}

/* Store the answers of the form of unit_id. */
static int
apply(struct pm_db *db, const struct sv_round *r, int64_t unit_id, const char *code,
      const struct entry *e, int replace, struct pm_err *err)
{
	char no[SV_FORMNO_BUFSZ], issued[PM_DATE_BUFSZ] = "", answered[PM_DATE_BUFSZ] = "";
	struct pm_buf change = PM_BUF_INIT;
	struct pm_stmt *st = NULL;
	int64_t fid, num;
	int has, collected = 0, rc = -1;
	size_t i;

	if ((has = sv_form_of(db, r, unit_id, &fid, &num, err)) < 0)
		return -1;
	if (!has)
		return pm_err_set(err, PM_EXIT_DATA, _("unit '%s' has no form in %s"), code, r->quarter);
	sv_formno(r->quarter, num, no);
	if (pm_db_prepare(db, "SELECT issued_on, collected_on IS NOT NULL, answered_on"
	    " FROM survey_form WHERE id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, fid);
	if (pm_step(st) == PM_ROW) {
		snprintf(issued, sizeof issued, "%s", pm_col_text(st, 0));
		collected = pm_col_int(st, 1);
		snprintf(answered, sizeof answered, "%s", pm_col_text(st, 2));
	}
	pm_stmt_free(st);
	st = NULL;
	if (!*issued)
		return pm_err_set(err, PM_EXIT_DATA, _("form %s (unit '%s') has not been issued"), no,
		    code);
	if (*answered && !replace)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("form %s (unit '%s') was answered on %s already (--replace enters it again)"),
		    no, code, answered);
	if (strcmp(e->date, issued) < 0)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("form %s (unit '%s') cannot be answered on %s: it was issued on %s"), no, code,
		    e->date, issued);
	if (*answered && (exec_form(db, "DELETE FROM survey_answer WHERE form_id = ?1", fid, err) < 0 ||
	    exec_form(db, "DELETE FROM survey_problem WHERE form_id = ?1", fid, err) < 0))
		return -1;
	if (!collected && sv_form_collect(db, r, fid, code, e->date, 0, err) < 0)
		return -1;
	if (pm_db_prepare(db, "INSERT INTO survey_answer (form_id, item_id, score) VALUES (?1, ?2, ?3)",
	    &st, err) < 0)
		goto out;
	for (i = 0; i < r->nitems; i++) {
		char sb[4];

		if (!e->scores[i])
			continue;
		pm_stmt_reset(st);
		pm_bind_int(st, 1, fid);
		pm_bind_int(st, 2, r->items[i].id);
		pm_bind_int(st, 3, e->scores[i]);
		if (pm_db_step_done(db, st, err) < 0)
			goto out;
		if (pm_buf_addf(&change, "%s%s=%s", change.len ? " " : "", r->items[i].key,
		    pm_survey_score_name(r->five, e->scores[i], sb)) < 0) {
			pm_err_oom(err);
			goto out;
		}
	}
	pm_stmt_free(st);
	st = NULL;
	if (insert_problems(db, fid, e, 0, err) < 0)
		goto out;
	if (pm_db_prepare(db, "UPDATE survey_form SET answered_on = ?2, suggestion = ?3 WHERE id = ?1",
	    &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, fid);
	pm_bind_text(st, 2, e->date);
	pm_bind_text_null(st, 3, e->suggestion);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (pm_auditf(db, r->quarter, err, "survey form %s: unit %s answered%s on %s: %s; %zu problem(s)",
	    no, code, *answered ? " again" : "", e->date, pm_buf_str(&change), e->np) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&change);
	return rc;
}

/* Split s at the next ':' or full-width '：'; the part goes to f. */
static const char *
split_colon(const char *s, struct pm_field *f, int last)
{
	const char *p;

	f->s = s;
	if (!last)
		for (p = s; *p; p++) {
			if (*p == ':') {
				f->len = (size_t)(p - s);
				return p + 1;
			}
			if (!strncmp(p, "\xEF\xBC\x9A", 3)) {
				f->len = (size_t)(p - s);
				return p + 3;
			}
		}
	f->len = strlen(s);
	return s + f->len;
}

int
pm_survey_answer(struct pm_db *db, const struct pm_survey_answer *a, struct pm_err *err)
{
	static const char *const part[] = {N_("item"), N_("cause"), N_("detail"), N_("words")};
	struct sv_round r;
	struct entry e = {0};
	char *code = NULL;
	int64_t unit_id;
	size_t i;
	int rc = -1;

	if (sv_round_get(db, a->round, &r, err) < 0)
		return -1;
	if (!(e.scores = calloc(r.nitems ? r.nitems : 1, sizeof *e.scores))) {
		pm_err_oom(err);
		goto out;
	}
	if (pm_unit_find(db, a->unit, &unit_id, &code, err) < 0 ||
	    sv_date_arg(a->date, e.date, err) < 0)
		goto out;
	for (i = 0; a->scores && i < a->scores->n; i++) {
		const char *s = a->scores->v[i], *eq = strchr(s, '='), *why;
		const struct sv_item *it;
		int score;

		if (!eq) {
			pm_err_set(err, PM_EXIT_USAGE, _("'%s': give ITEM=SCORE, e.g. 客服=满意"), s);
			goto out;
		}
		if (!(it = sv_item_match(&r, s, (size_t)(eq - s)))) {
			pm_err_set(err, PM_EXIT_DATA, _("'%.*s' is not an item of the %s form"),
			    (int)(eq - s), s, r.quarter);
			goto out;
		}
		if (e.scores[it - r.items]) {
			pm_err_set(err, PM_EXIT_DATA, _("item '%s' is given twice"), it->label);
			goto out;
		}
		if ((why = pm_survey_score_parse(r.five, eq + 1, strlen(eq + 1), &score))) {
			pm_err_set(err, PM_EXIT_DATA, _("%s: %s"), it->label, why);
			goto out;
		}
		e.scores[it - r.items] = score;
	}
	for (i = 0; a->problems && i < a->problems->n; i++) {
		struct pm_field parts[4];
		const char *s = a->problems->v[i], *why;
		int k, bad;

		for (k = 0; k < 4; k++)
			s = split_colon(s, &parts[k], k == 3);
		if ((why = add_problem(&e, &r, parts, &bad))) {
			pm_err_set(err, PM_EXIT_DATA, _("problem '%s': %s: %s"), a->problems->v[i],
			    _(part[bad]), why);
			goto out;
		}
	}
	if (a->suggestion) {
		const char *why = keep_text(a->suggestion, strlen(a->suggestion), &e.suggestion);

		if (why) {
			pm_err_set(err, PM_EXIT_DATA, _("suggestion: %s"), why);
			goto out;
		}
	}
	if (!entry_scored(&e, r.nitems) && !e.np) {
		pm_err_set(err, PM_EXIT_USAGE, _("no scores and no problem given"));
		goto out;
	}
	rc = apply(db, &r, unit_id, code, &e, a->replace, err);
out:
	entry_free(&e);
	free(code);
	sv_round_free(&r);
	return rc;
}

/* ---- import ---- */

enum col_kind { COL_IGNORED, COL_UNIT, COL_ITEM, COL_CATEGORY, COL_CAUSE, COL_DETAIL,
		COL_WORDS, COL_SUGGESTION, COL_DATE };

static const char *const col_names[] = {
	[COL_CATEGORY] = "category|problem_item|问题类别|问题分类|问题项目|类别",
	[COL_CAUSE] = "cause|cause_class|原因类别|原因分类|人机料法环",
	[COL_DETAIL] = "detail|cause_detail|具体原因|原因",
	[COL_WORDS] = "problem|words|问题|问题描述|意见",
	[COL_SUGGESTION] = "suggestion|建议|意见建议",
	[COL_DATE] = "date|日期|回收日期|填表日期",
};

static int
names_match(const char *names, const char *s, size_t n)
{
	while (names && *names) {
		const char *bar = strchr(names, '|');
		size_t k = bar ? (size_t)(bar - names) : strlen(names);

		if (k == n && !strncasecmp(names, s, n))
			return 1;
		names = bar ? bar + 1 : NULL;
	}
	return 0;
}

struct col {
	enum col_kind kind;
	const struct sv_item *item;
	char *name;              /* as the header has it, for messages */
};

/* unit ids seen in the file, with the line and the form's problem count */
struct seen {
	int64_t *unit;
	long *line;
	int64_t *form;
	size_t cap, n;
};

static size_t
seen_slot(const struct seen *s, int64_t unit)
{
	size_t h = (size_t)((uint64_t)unit * UINT64_C(0x9e3779b97f4a7c15) >> 7) & (s->cap - 1);

	while (s->unit[h] && s->unit[h] != unit)
		h = (h + 1) & (s->cap - 1);
	return h;
}

static int
seen_add(struct seen *s, int64_t unit, long line, int64_t form)
{
	size_t i, h;

	if ((s->n + 1) * 2 > s->cap) {
		struct seen t = {0};

		t.cap = s->cap ? s->cap * 2 : 64;
		t.unit = calloc(t.cap, sizeof *t.unit);
		t.line = calloc(t.cap, sizeof *t.line);
		t.form = calloc(t.cap, sizeof *t.form);
		if (!t.unit || !t.line || !t.form) {
			free(t.unit);
			free(t.line);
			free(t.form);
			return -1;
		}
		for (i = 0; i < s->cap; i++)
			if (s->unit[i]) {
				h = seen_slot(&t, s->unit[i]);
				t.unit[h] = s->unit[i];
				t.line[h] = s->line[i];
				t.form[h] = s->form[i];
			}
		t.n = s->n;
		free(s->unit);
		free(s->line);
		free(s->form);
		*s = t;
	}
	h = seen_slot(s, unit);
	s->unit[h] = unit;
	s->line[h] = line;
	s->form[h] = form;
	s->n++;
	return 0;
}

static long
seen_find(const struct seen *s, int64_t unit, int64_t *form)
{
	size_t h;

	if (!s->cap)
		return 0;
	h = seen_slot(s, unit);
	if (!s->unit[h])
		return 0;
	*form = s->form[h];
	return s->line[h];
}

static void
seen_free(struct seen *s)
{
	free(s->unit);
	free(s->line);
	free(s->form);
}

static int
read_header(const struct pm_row *row, const struct sv_round *r, const char *file,
	    struct col **cols, struct pm_survey_import *im, struct pm_err *err)
{
	struct col *c = calloc(row->n ? row->n : 1, sizeof *c);
	int have_unit = 0, have_item = 0, have_cat = 0;
	size_t i, j;

	if (!c)
		return pm_err_oom(err);
	*cols = c;
	for (i = 0; i < row->n; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].len;
		enum col_kind k = COL_IGNORED;

		pm_text_trim(&s, &n);
		if (!(c[i].name = strndup(s, n)))
			return pm_err_oom(err);
		if (n) {
			const char *const *u;

			for (u = pm_keys_unit; *u; u++)
				if (strlen(*u) == n && !strncasecmp(*u, s, n))
					k = COL_UNIT;
			if (k == COL_IGNORED && (c[i].item = sv_item_match(r, s, n)))
				k = COL_ITEM;
			for (j = COL_CATEGORY; k == COL_IGNORED && j <= COL_DATE; j++)
				if (names_match(col_names[j], s, n))
					k = (enum col_kind)j;
		}
		c[i].kind = k;
		if (k == COL_IGNORED) {
			if (n && pm_strv_add(&im->ignored, s, n) < 0)
				return pm_err_oom(err);
			continue;
		}
		for (j = 0; j < i; j++)
			if (c[j].kind == k && c[j].item == c[i].item)
				return pm_err_set(err, PM_EXIT_DATA, _("%s:%ld: column '%s' is there twice ('%s')"),
				    file, row->line, c[i].name, c[j].name);
		have_unit |= k == COL_UNIT;
		have_item |= k == COL_ITEM;
		have_cat |= k == COL_CATEGORY;
	}
	if (!have_unit)
		return pm_err_set(err, PM_EXIT_DATA, _("%s:%ld: no 'unit' column (房号)"), file, row->line);
	if (!have_item && !have_cat)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("%s:%ld: no column of the form's items (%s, ...) and no problem category"),
		    file, row->line, r->nitems ? r->items[0].label : "");
	return 0;
}

static void
free_cols(struct col *c, size_t n)
{
	size_t i;

	for (i = 0; c && i < n; i++)
		free(c[i].name);
	free(c);
}

/* Read one data row into e; a field error sets err with FILE:LINE: column. */
static int
read_row(const struct pm_row *row, const struct col *c, const struct sv_round *r,
	 const char *file, struct entry *e, size_t *unit_col, int *has_problem,
	 struct pm_err *err)
{
	static const struct pm_field none = {"", 0};
	struct pm_field parts[4] = {none, none, none, none};
	size_t pcol[4] = {0, 0, 0, 0}, i;  /* column + 1 of each part, 0: none */
	const char *why;
	int any = 0, bad;

	*has_problem = 0;
	for (i = 0; i < row->n; i++) {
		const struct pm_field *f = &row->f[i];
		const char *s = f->s;
		size_t n = f->len;

		pm_text_trim(&s, &n);
		switch (c[i].kind) {
		case COL_UNIT:
			*unit_col = i;
			break;
		case COL_ITEM:
			if (!n)
				break;
			if ((why = pm_survey_score_parse(r->five, s, n, &e->scores[c[i].item - r->items])))
				return pm_err_set(err, PM_EXIT_DATA, "%s:%ld: %s: %s", file, row->line,
				    c[i].name, why);
			break;
		case COL_CATEGORY:
		case COL_CAUSE:
		case COL_DETAIL:
		case COL_WORDS:
			parts[c[i].kind - COL_CATEGORY] = *f;
			pcol[c[i].kind - COL_CATEGORY] = i + 1;
			any |= n > 0 && c[i].kind != COL_WORDS;
			break;
		case COL_SUGGESTION:
			if ((why = keep_text(s, n, &e->suggestion)))
				return pm_err_set(err, PM_EXIT_DATA, "%s:%ld: %s: %s", file, row->line,
				    c[i].name, why);
			break;
		case COL_DATE:
			if (n) {
				struct pm_date d;
				enum pm_date_rc dr = pm_date_parse(s, n, &d);

				if (dr != PM_DATE_OK)
					return pm_err_set(err, PM_EXIT_DATA, "%s:%ld: %s: %s", file,
					    row->line, c[i].name, pm_date_reason(dr));
				pm_date_fmt(d, e->date);
			}
			break;
		case COL_IGNORED:
			break;
		}
	}
	if (any) {
		if ((why = add_problem(e, r, parts, &bad))) {
			static const char *const dflt[] = {"category", "cause", "detail", "problem"};
			const char *cname = pcol[bad] ? c[pcol[bad] - 1].name : dflt[bad];

			return pm_err_set(err, PM_EXIT_DATA, "%s:%ld: %s: %s", file, row->line, cname, why);
		}
		*has_problem = 1;
	}
	return 0;
}

int
pm_survey_import_file(struct pm_db *db, struct pm_survey_import *im, struct pm_err *err)
{
	struct sv_round r;
	struct pm_csvin *in = NULL;
	struct pm_row *row;
	struct col *cols = NULL;
	struct seen seen = {0};
	struct entry e = {0};
	char today[PM_DATE_BUFSZ];
	const char *file;
	size_t ncols = 0;
	int rc = -1, got;

	im->forms = im->problems = im->refused = 0;
	if (sv_round_get(db, im->round, &r, err) < 0)
		return -1;
	if (sv_date_arg(NULL, today, err) < 0)
		goto out;
	if (!(e.scores = calloc(r.nitems ? r.nitems : 1, sizeof *e.scores))) {
		pm_err_oom(err);
		goto out;
	}
	if (!(in = pm_csvin_open(im->path, &im->csv, err)))
		goto out;
	file = pm_csvin_name(in);
	if ((got = pm_csvin_read(in, &row, err)) < 0)
		goto out;
	if (!got) {
		pm_err_set(err, PM_EXIT_DATA, _("%s: no header"), file);
		goto out;
	}
	ncols = row->n;
	if (read_header(row, &r, file, &cols, im, err) < 0)
		goto out;
	while ((got = pm_csvin_read(in, &row, err)) > 0) {
		size_t ucol = 0;
		int has_problem;
		int64_t unit_id, fid, no;
		long first;
		char *code = NULL;

		if (row->n != ncols) {
			pm_err_set(err, PM_EXIT_DATA, _("%s:%ld: %zu fields, but the header has %zu"),
			    file, row->line, row->n, ncols);
			goto bad_row;
		}
		entry_reset(&e, r.nitems);
		snprintf(e.date, sizeof e.date, "%s", today);
		if (read_row(row, cols, &r, file, &e, &ucol, &has_problem, err) < 0)
			goto bad_row;
		{
			struct pm_buf u = PM_BUF_INIT;

			if (pm_buf_add(&u, row->f[ucol].s, row->f[ucol].len) < 0) {
				pm_err_oom(err);
				goto out;
			}
			if (pm_unit_find(db, pm_buf_str(&u), &unit_id, &code, err) < 0) {
				pm_buf_free(&u);
				pm_err_prefix(err, "%s:%ld: %s", file, row->line, cols[ucol].name);
				goto bad_row;
			}
			pm_buf_free(&u);
		}
		if ((first = seen_find(&seen, unit_id, &fid))) {
			if (entry_scored(&e, r.nitems)) {
				pm_err_set(err, PM_EXIT_DATA,
				    _("%s:%ld: %s: unit '%s' is answered twice (first on line %ld)"),
				    file, row->line, cols[ucol].name, code, first);
				free(code);
				goto bad_row;
			}
			if (!has_problem) {
				pm_err_set(err, PM_EXIT_DATA,
				    _("%s:%ld: %s: unit '%s' again, with no scores and no problem"),
				    file, row->line, cols[ucol].name, code);
				free(code);
				goto bad_row;
			}
			if (insert_problems(db, fid, &e, 0, err) < 0 ||
			    pm_auditf(db, r.quarter, err, "survey: unit %s: %zu more problem(s)", code,
				e.np) < 0) {
				free(code);
				goto out;
			}
			free(code);
			if (e.suggestion) {
				struct pm_stmt *st;

				if (pm_db_prepare(db, "UPDATE survey_form SET suggestion ="
				    " coalesce(suggestion || char(10), '') || ?2 WHERE id = ?1", &st, err) < 0)
					goto out;
				pm_bind_int(st, 1, fid);
				pm_bind_text(st, 2, e.suggestion);
				got = pm_db_step_done(db, st, err);
				pm_stmt_free(st);
				if (got < 0)
					goto out;
			}
			im->problems += (int64_t)e.np;
			continue;
		}
		if (!entry_scored(&e, r.nitems) && !has_problem) {
			pm_err_set(err, PM_EXIT_DATA, _("%s:%ld: %s: no scores and no problem for unit '%s'"),
			    file, row->line, cols[ucol].name, code);
			free(code);
			goto bad_row;
		}
		if (apply(db, &r, unit_id, code, &e, im->replace, err) < 0) {
			pm_err_prefix(err, "%s:%ld: %s", file, row->line, cols[ucol].name);
			free(code);
			goto bad_row;
		}
		free(code);
		if (sv_form_of(db, &r, unit_id, &fid, &no, err) < 0)
			goto out;
		if (seen_add(&seen, unit_id, row->line, fid) < 0) {
			pm_err_oom(err);
			goto out;
		}
		im->forms++;
		im->problems += (int64_t)e.np;
			continue;
bad_row:
		/* a refused row: report it and read on, so every one is seen;
		 * anything but bad data (a database failure) ends the import */
		if (err->code != PM_EXIT_DATA || !im->report)
			goto out;
		im->report(im->ctx, pm_err_msg(err));
		pm_err_clear(err);
		im->refused++;
	}

	if (got < 0)
		goto out;
	if (im->refused) {
		pm_err_set(err, PM_EXIT_DATA, _("%s: %lld row(s) refused: nothing imported"), file,
		    (long long)im->refused);
		goto out;
	}
	rc = 0;
out:
	pm_csvin_close(in);
	free_cols(cols, ncols);
	seen_free(&seen);
	entry_free(&e);
	sv_round_free(&r);
	return rc;
}

void
pm_survey_import_free(struct pm_survey_import *im)
{
	pm_strv_free(&im->ignored);
}
