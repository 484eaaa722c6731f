/* causes.c - the cause-and-effect tree (因果图): category -> 人机料法环 ->
 * specific causes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "internal.h"

static int
cause_index(const char *key)
{
	int i;

	for (i = 0; i < PM_SURVEY_NCAUSES; i++)
		if (!strcmp(pm_survey_causes[i].key, key))
			return i;
	return -1;
}

static int
by_count_then_name(const void *a, const void *b)
{
	const struct pm_survey_detail *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->detail, y->detail);
}

void
pm_survey_causes_free(struct pm_survey_causes *c)
{
	size_t i, k;
	int j;

	for (i = 0; i < c->n; i++) {
		struct pm_survey_effect *e = &c->effects[i];

		for (j = 0; j < PM_SURVEY_NCAUSES; j++) {
			for (k = 0; k < e->causes[j].n; k++)
				free(e->causes[j].details[k].detail);
			free(e->causes[j].details);
		}
		free(e->key);
		free(e->label);
	}
	free(c->effects);
	c->effects = NULL;
	c->n = 0;
}

static int
add_detail(struct pm_survey_cause *c, const char *detail, int64_t count)
{
	struct pm_survey_detail *v = realloc(c->details, (c->n + 1) * sizeof *v);

	if (!v)
		return -1;
	c->details = v;
	if (!(v[c->n].detail = strdup(detail)))
		return -1;
	v[c->n].count = count;
	c->n++;
	c->count += count;
	return 0;
}

/* The effect for item key; made (with label) when absent. */
static struct pm_survey_effect *
effect(struct pm_survey_causes *c, const char *key, const char *label)
{
	struct pm_survey_effect *v;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (!strcmp(c->effects[i].key, key))
			return &c->effects[i];
	if (!(v = realloc(c->effects, (c->n + 1) * sizeof *v)))
		return NULL;
	c->effects = v;
	memset(&v[c->n], 0, sizeof v[c->n]);
	v[c->n].key = strdup(key);
	v[c->n].label = strdup(label);
	c->n++;
	return v[c->n - 1].key && v[c->n - 1].label ? &v[c->n - 1] : NULL;
}

int
pm_survey_causes_get(struct pm_db *db, const struct pm_survey_scope *sc, const char *item,
		     struct pm_survey_causes *c, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT i.key, p.cause, p.detail, count(*) FROM survey_problem p"
	    " JOIN survey_form f ON f.id = p.form_id JOIN survey_round r ON r.id = f.round_id"
	    " JOIN survey_item i ON i.id = p.item_id"
	    " WHERE " SV_SCOPE_SQL " AND (:key IS NULL OR i.key = :key)"
	    " GROUP BY i.key, p.cause, p.detail";
	struct pm_survey_pareto p;
	const char *key = NULL, *label = NULL;
	struct pm_stmt *st;
	size_t i;
	int rc, j;

	memset(c, 0, sizeof *c);
	c->scope = *sc;
	if (pm_survey_pareto_get(db, sc, &p, err) < 0)
		return -1;
	if (item) {
		/* an item of the form (the scope's latest), or of a problem */
		struct sv_round r;
		const struct sv_item *it;
		int made;

		if (sv_scope_last(db, sc, &r, err) < 0)
			goto fail;
		if ((it = sv_item_match(&r, item, strlen(item)))) {
			key = it->key;
			label = it->label;
		}
		for (i = 0; !key && i < p.n; i++)
			if (!strcmp(p.rows[i].key, item) || !strcmp(p.rows[i].label, item)) {
				key = p.rows[i].key;
				label = p.rows[i].label;
			}
		if (!key)
			pm_err_set(err, PM_EXIT_DATA, _("'%s' is not an item of the %s form"), item,
			    r.quarter);
		made = key && effect(c, key, label);
		if (key && !made)
			pm_err_oom(err);
		sv_round_free(&r);
		if (!made)
			goto fail;
		key = c->effects[0].key;
	} else {
		for (i = 0; i < p.n; i++)
			if (!effect(c, p.rows[i].key, p.rows[i].label)) {
				pm_err_oom(err);
				goto fail;
			}
	}
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto fail;
	sv_scope_bind(st, sc);
	pm_bind_text_null(st, pm_param_index(st, ":key"), key);
	while ((rc = pm_step(st)) == PM_ROW) {
		int ci = cause_index(pm_col_text(st, 1));
		int64_t n = pm_col_int64(st, 3);
		struct pm_survey_effect *e = NULL;

		for (i = 0; i < c->n; i++)
			if (!strcmp(c->effects[i].key, pm_col_text(st, 0)))
				e = &c->effects[i];
		if (!e || ci < 0)
			continue;
		if (add_detail(&e->causes[ci], pm_col_text(st, 2), n) < 0) {
			pm_stmt_free(st);
			pm_err_oom(err);
			goto fail;
		}
		e->count += n;
	}
	pm_stmt_free(st);
	if (rc != PM_DONE) {
		pm_db_fail(db, err, _("reading survey problems"));
		goto fail;
	}
	for (i = 0; i < c->n; i++)
		for (j = 0; j < PM_SURVEY_NCAUSES; j++)
			if (c->effects[i].causes[j].n)
				qsort(c->effects[i].causes[j].details, c->effects[i].causes[j].n,
				    sizeof (struct pm_survey_detail), by_count_then_name);
	pm_survey_pareto_free(&p);
	return 0;
fail:
	pm_survey_pareto_free(&p);
	pm_survey_causes_free(c);
	return -1;
}

int
pm_survey_causes_write(const struct pm_survey_causes *c, struct pm_out *out)
{
	static const struct pm_col cols[] = {
		{"level", N_("Level"), PM_COL_INT, 0},
		{"item", N_("Item"), PM_COL_CODE, 0},
		{"label", N_("Label"), PM_COL_TEXT, 0},
		{"cause", N_("Cause"), PM_COL_CODE, 0},
		{"cause_label", N_("Class"), PM_COL_TEXT, 0},
		{"detail", N_("Specific cause"), PM_COL_TEXT, 0},
		{"count", N_("Problems"), PM_COL_INT, 0},
	};
	static const struct pm_col tree_cols[] = {
		{"cause", N_("Cause"), PM_COL_TEXT, 0},
		{"count", N_("Problems"), PM_COL_INT, 0},
	};
	struct pm_buf node = PM_BUF_INIT;
	int table = pm_out_format(out) == PM_FMT_TABLE;
	char nb[24];
	size_t i, k;
	int j;

	pm_out_begin(out, NULL, table ? tree_cols : cols, table ? 2 : 7, 0);
	for (i = 0; i < c->n; i++) {
		const struct pm_survey_effect *e = &c->effects[i];

		for (j = -1; j < PM_SURVEY_NCAUSES; j++) {
			const struct pm_survey_cause *ca = j >= 0 ? &e->causes[j] : NULL;

			for (k = 0; k < (ca ? ca->n + 1 : 1); k++) {
				int level = !ca ? 1 : k == 0 ? 2 : 3;
				const struct pm_survey_detail *d = level == 3 ? &ca->details[k - 1] : NULL;
				int64_t n = level == 1 ? e->count : level == 2 ? ca->count : d->count;

				snprintf(nb, sizeof nb, "%lld", (long long)n);
				if (table) {
					const char *v[2];
					char cn[PM_SURVEY_CAUSE_BUFSZ];

					pm_buf_reset(&node);
					if (level == 1 && !strcmp(_("en"), "zh"))
						pm_buf_adds(&node, e->label);
					else if (level == 1)
						pm_buf_addf(&node, "%s (%s)", e->label, e->key);
					else if (level == 2)
						pm_buf_addf(&node, "  %s", pm_survey_cause_name((int)j, cn));
					else
						pm_buf_addf(&node, "    %s", d->detail);
					v[0] = pm_buf_str(&node);
					v[1] = nb;
					pm_out_row(out, v);
				} else {
					const char *v[7];
					char lb[4];

					snprintf(lb, sizeof lb, "%d", level);
					v[0] = lb;
					v[1] = e->key;
					v[2] = e->label;
					v[3] = ca ? pm_survey_causes[j].key : NULL;
					v[4] = ca ? pm_survey_causes[j].zh : NULL;
					v[5] = d ? d->detail : NULL;
					v[6] = nb;
					pm_out_row(out, v);
				}
			}
		}
	}
	pm_buf_free(&node);
	return pm_out_end(out);
}
