/* pareto.c - the problems by category: the vital few (排列图) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "internal.h"

static int
by_count_then_pos(const void *a, const void *b)
{
	const struct pm_survey_pareto_row *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return strcmp(x->key, y->key);
}

void
pm_survey_pareto_rank(struct pm_survey_pareto *p)
{
	int64_t cum = 0;
	size_t i;

	if (p->n)
		qsort(p->rows, p->n, sizeof *p->rows, by_count_then_pos);
	p->total = 0;
	for (i = 0; i < p->n; i++)
		p->total += p->rows[i].count;
	for (i = 0; i < p->n; i++) {
		struct pm_survey_pareto_row *r = &p->rows[i];
		int before = p->total > 0 && cum * 100 < p->total * 80;

		cum += r->count;
		r->share10 = pm_survey_pct10(r->count, p->total);
		r->cum10 = pm_survey_pct10(cum, p->total);
		/* vital: the smallest set reaching 80%; a tie at the boundary
		 * goes to the category the form lists first (the sort above),
		 * so 8/2/2/2 marks three, not all four at 100% */
		r->vital = r->count > 0 && before;
	}
}

void
pm_survey_pareto_free(struct pm_survey_pareto *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->rows[i].key);
		free(p->rows[i].label);
	}
	free(p->rows);
	p->rows = NULL;
	p->n = 0;
}

int
pm_survey_pareto_get(struct pm_db *db, const struct pm_survey_scope *sc,
		     struct pm_survey_pareto *p, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT i.key, min(i.label), min(i.pos), count(*) FROM survey_problem p"
	    " JOIN survey_form f ON f.id = p.form_id JOIN survey_round r ON r.id = f.round_id"
	    " JOIN survey_item i ON i.id = p.item_id"
	    " WHERE " SV_SCOPE_SQL " GROUP BY i.key";
	struct sv_round last;
	int64_t *ids;
	struct pm_stmt *st;
	size_t cap = 0, n, j;
	int rc;

	memset(p, 0, sizeof *p);
	p->scope = *sc;
	if (sv_scope_rounds(db, sc, &ids, &n, err) < 0)
		return -1;
	free(ids);
	/* labels and form order from the scope's latest round */
	if (sv_scope_last(db, sc, &last, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0) {
		sv_round_free(&last);
		return -1;
	}
	sv_scope_bind(st, sc);
	while ((rc = pm_step(st)) == PM_ROW) {
		struct pm_survey_pareto_row *r;
		const char *key = pm_col_text(st, 0), *label = pm_col_text(st, 1);
		int pos = 1000 + pm_col_int(st, 2);

		if (p->n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct pm_survey_pareto_row *v = realloc(p->rows, ncap * sizeof *v);

			if (!v)
				goto oom;
			p->rows = v;
			cap = ncap;
		}
		for (j = 0; j < last.nitems; j++)
			if (!strcmp(last.items[j].key, key)) {
				label = last.items[j].label;
				pos = last.items[j].pos;
			}
		r = &p->rows[p->n];
		memset(r, 0, sizeof *r);
		p->n++;
		r->key = strdup(key);
		r->label = strdup(label);
		r->pos = pos;
		r->count = pm_col_int64(st, 3);
		if (!r->key || !r->label)
			goto oom;
	}
	pm_stmt_free(st);
	st = NULL;
	sv_round_free(&last);
	if (rc != PM_DONE) {
		pm_survey_pareto_free(p);
		return pm_db_fail(db, err, _("reading survey problems"));
	}
	pm_survey_pareto_rank(p);
	return 0;
oom:
	pm_stmt_free(st);
	sv_round_free(&last);
	pm_survey_pareto_free(p);
	return pm_err_oom(err);
}

const struct pm_col sv_pareto_cols[7] = {
	{"rank", N_("Rank"), PM_COL_INT, 0},
	{"item", N_("Item"), PM_COL_CODE, 0},
	{"label", N_("Label"), PM_COL_TEXT, 0},
	{"count", N_("Problems"), PM_COL_INT, 0},
	{"share", N_("Share %"), PM_COL_DEC, 1},
	{"cumulative", N_("Cumulative %"), PM_COL_DEC, 1},
	{"vital", N_("Vital few"), PM_COL_CODE, 0},
};

int
sv_pareto_row(const struct pm_survey_pareto_row *r, size_t rank, char bufs[][24], const char **v)
{
	snprintf(bufs[0], 24, "%zu", rank);
	snprintf(bufs[3], 24, "%lld", (long long)r->count);
	snprintf(bufs[4], 24, "%lld", (long long)r->share10);
	snprintf(bufs[5], 24, "%lld", (long long)r->cum10);
	v[0] = bufs[0];
	v[1] = r->key;
	v[2] = r->label;
	v[3] = bufs[3];
	v[4] = bufs[4];
	v[5] = bufs[5];
	v[6] = r->vital ? "yes" : "no";
	return 7;
}

#define BAR_WIDTH 30

int
pm_survey_pareto_write(const struct pm_survey_pareto *p, struct pm_out *out)
{
	struct pm_col cols[8];
	struct pm_buf bar = PM_BUF_INIT;
	int table = pm_out_format(out) == PM_FMT_TABLE;
	int64_t max = p->n ? p->rows[0].count : 0;
	char bufs[7][24];
	const char *v[8];
	size_t i, k;

	memcpy(cols, sv_pareto_cols, sizeof sv_pareto_cols);
	cols[7] = (struct pm_col){"bar", N_("Chart"), PM_COL_TEXT, 0};
	pm_out_begin(out, NULL, cols, table ? 8 : 7, 0);
	for (i = 0; i < p->n; i++) {
		sv_pareto_row(&p->rows[i], i + 1, bufs, v);
		if (table) {
			/* a bar in proportion to the largest; at least one block */
			size_t w = max ? (size_t)((p->rows[i].count * BAR_WIDTH + max / 2) / max) : 0;

			pm_buf_reset(&bar);
			for (k = 0; k < (w ? w : 1); k++)
				pm_buf_adds(&bar, "\xE2\x96\x88");  /* U+2588 FULL BLOCK */
			v[7] = pm_buf_str(&bar);
		}
		pm_out_row(out, v);
	}
	pm_buf_free(&bar);
	return pm_out_end(out);
}
