/* score.c - response rate and satisfaction: per item, overall, by
 * building, against the previous quarter */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "internal.h"

static void
count_add(struct pm_survey_count *c, int five, int score, int64_t n)
{
	c->answers += n;
	switch (pm_survey_level(five, score)) {
	case PM_SURVEY_SATISFIED: c->satisfied += n; break;
	case PM_SURVEY_FAIR: c->fair += n; break;
	case PM_SURVEY_DISSATISFIED: c->dissatisfied += n; break;
	}
}

static int64_t
satisfaction(const struct pm_survey_count *c)
{
	return pm_survey_pct10(c->satisfied + c->fair, c->answers);
}

/* The answers of round r, per item (in r's order) and pooled. */
static int
tally(struct pm_db *db, const struct sv_round *r, struct pm_survey_count *per_item,
      struct pm_survey_count *all, struct pm_err *err)
{
	struct pm_stmt *st;
	size_t i;
	int rc;

	if (pm_db_prepare(db, "SELECT a.item_id, a.score, count(*) FROM survey_answer a"
	    " JOIN survey_form f ON f.id = a.form_id WHERE f.round_id = ?1"
	    " GROUP BY a.item_id, a.score", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, r->id);
	while ((rc = pm_step(st)) == PM_ROW) {
		int64_t item = pm_col_int64(st, 0), n = pm_col_int64(st, 2);
		int score = pm_col_int(st, 1);

		for (i = 0; i < r->nitems; i++)
			if (r->items[i].id == item)
				count_add(&per_item[i], r->five, score, n);
		count_add(all, r->five, score, n);
	}
	pm_stmt_free(st);
	return rc == PM_DONE ? 0 : pm_db_fail(db, err, _("reading survey answers"));
}

static int
round_exists(struct pm_db *db, const char *quarter, int *yes, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT 1 FROM survey_round WHERE quarter = ?1", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, quarter);
	rc = pm_step(st);
	pm_stmt_free(st);
	*yes = rc == PM_ROW;
	return rc == PM_ROW || rc == PM_DONE ? 0 : pm_db_fail(db, err, _("reading survey rounds"));
}

/* The previous quarter's satisfaction per item of r (matched by key) and
 * overall (the last entry). */
static int
previous(struct pm_db *db, struct pm_survey_score *s, const struct sv_round *r,
	 struct pm_err *err)
{
	struct sv_round p;
	struct pm_survey_count *c, all = {0, 0, 0, 0};
	size_t i, j;

	if (sv_round_get(db, s->prev_quarter, &p, err) < 0)
		return -1;
	if (!(c = calloc(p.nitems ? p.nitems : 1, sizeof *c))) {
		sv_round_free(&p);
		return pm_err_oom(err);
	}
	if (tally(db, &p, c, &all, err) < 0) {
		free(c);
		sv_round_free(&p);
		return -1;
	}
	for (i = 0; i < r->nitems; i++)
		for (j = 0; j < p.nitems; j++)
			if (!strcmp(r->items[i].key, p.items[j].key))
				s->items[i].prev10 = satisfaction(&c[j]);
	s->items[r->nitems].prev10 = satisfaction(&all);
	free(c);
	sv_round_free(&p);
	return 0;
}

static int
counts(struct pm_db *db, struct pm_survey_score *s, const struct sv_round *r, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT count(*), count(f.issued_on), count(f.collected_on),"
	    " count(f.answered_on), (SELECT movedin FROM survey_round WHERE id = ?1),"
	    " (SELECT count(*) FROM survey_problem p JOIN survey_form g ON g.id = p.form_id"
	    "   WHERE g.round_id = ?1)"
	    " FROM survey_form f WHERE f.round_id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, r->id);
	if ((rc = pm_step(st)) == PM_ROW) {
		s->forms = pm_col_int64(st, 0);
		s->issued = pm_col_int64(st, 1);
		s->collected = pm_col_int64(st, 2);
		s->answered = pm_col_int64(st, 3);
		s->movedin = pm_col_null(st, 4) ? -1
		    : pm_col_int64(st, 4);
		s->problems = pm_col_int64(st, 5);
	}
	pm_stmt_free(st);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("reading survey forms"));
}

static int
buildings(struct pm_db *db, struct pm_survey_score *s, const struct sv_round *r,
	  struct pm_err *err)
{
	struct pm_stmt *st;
	size_t cap = 0, i;
	int rc;

	if (pm_db_prepare(db, "SELECT u.building, count(*), count(f.issued_on), count(f.collected_on)"
	    " FROM survey_form f JOIN unit u ON u.id = f.unit_id WHERE f.round_id = ?1"
	    " GROUP BY u.building ORDER BY u.building", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, r->id);
	while ((rc = pm_step(st)) == PM_ROW) {
		struct pm_survey_bldscore *b;

		if (s->nblds == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct pm_survey_bldscore *v = realloc(s->blds, ncap * sizeof *v);

			if (!v)
				goto oom;
			s->blds = v;
			cap = ncap;
		}
		b = &s->blds[s->nblds];
		memset(b, 0, sizeof *b);
		if (!(b->building = strdup(pm_col_text(st, 0))))
			goto oom;
		s->nblds++;
		b->forms = pm_col_int64(st, 1);
		b->issued = pm_col_int64(st, 2);
		b->collected = pm_col_int64(st, 3);
	}
	pm_stmt_free(st);
	st = NULL;
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading survey forms"));
	if (pm_db_prepare(db, "SELECT u.building, a.score, count(*) FROM survey_answer a"
	    " JOIN survey_form f ON f.id = a.form_id JOIN unit u ON u.id = f.unit_id"
	    " WHERE f.round_id = ?1 GROUP BY u.building, a.score", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, r->id);
	while ((rc = pm_step(st)) == PM_ROW)
		for (i = 0; i < s->nblds; i++)
			if (!strcmp(s->blds[i].building, pm_col_text(st, 0)))
				count_add(&s->blds[i].c, r->five, pm_col_int(st, 1),
				    pm_col_int64(st, 2));
	pm_stmt_free(st);
	return rc == PM_DONE ? 0 : pm_db_fail(db, err, _("reading survey answers"));
oom:
	pm_stmt_free(st);
	return pm_err_oom(err);
}

int
pm_survey_score_get(struct pm_db *db, const char *round, struct pm_survey_score *s,
		    struct pm_err *err)
{
	struct sv_round r;
	struct pm_survey_count *c = NULL, all = {0, 0, 0, 0};
	struct pm_period p;
	size_t i;
	int rc = -1;

	memset(s, 0, sizeof *s);
	if (sv_round_get(db, round, &r, err) < 0)
		return -1;
	snprintf(s->quarter, sizeof s->quarter, "%s", r.quarter);
	/* a butler's round has no previous quarter to compare with */
	s->butler = r.butler;
	if (!r.butler) {
		pm_period_parse_kind(r.quarter, PM_PERIOD_QUARTER, &p);
		pm_period_fmt(pm_period_step(p, -1), s->prev_quarter);
	}
	if (!(s->items = calloc(r.nitems + 1, sizeof *s->items)) ||
	    !(c = calloc(r.nitems ? r.nitems : 1, sizeof *c))) {
		pm_err_oom(err);
		goto out;
	}
	s->nitems = r.nitems + 1;
	for (i = 0; i <= r.nitems; i++) {
		s->items[i].key = strdup(i < r.nitems ? r.items[i].key : "overall");
		s->items[i].label = strdup(i < r.nitems ? r.items[i].label : _("overall"));
		s->items[i].prev10 = -1;
		if (!s->items[i].key || !s->items[i].label) {
			pm_err_oom(err);
			goto out;
		}
	}
	if (counts(db, s, &r, err) < 0 || tally(db, &r, c, &all, err) < 0 ||
	    buildings(db, s, &r, err) < 0 ||
	    (!r.butler && round_exists(db, s->prev_quarter, &s->have_prev, err) < 0))
		goto out;
	for (i = 0; i < r.nitems; i++)
		s->items[i].c = c[i];
	s->items[r.nitems].c = all;
	for (i = 0; i < s->nitems; i++)
		s->items[i].pct10 = satisfaction(&s->items[i].c);
	if (s->have_prev && previous(db, s, &r, err) < 0)
		goto out;
	rc = 0;
out:
	free(c);
	sv_round_free(&r);
	if (rc < 0)
		pm_survey_score_free(s);
	return rc;
}

void
pm_survey_score_free(struct pm_survey_score *s)
{
	size_t i;

	for (i = 0; i < s->nitems; i++) {
		free(s->items[i].key);
		free(s->items[i].label);
	}
	free(s->items);
	for (i = 0; i < s->nblds; i++)
		free(s->blds[i].building);
	free(s->blds);
	s->items = NULL;
	s->blds = NULL;
	s->nitems = s->nblds = 0;
}

/* Numbers as out.h wants them: decimal strings, NULL for none (-1). */
static const char *
num(char buf[24], int64_t v)
{
	if (v < 0)
		return NULL;
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

static const char *
snum(char buf[24], int64_t v)
{
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

const struct pm_col sv_response_cols[] = {
	{"quarter", N_("Quarter"), PM_COL_CODE, 0},
	{"moved_in", N_("Households moved in"), PM_COL_INT, 0},
	{"forms", N_("Forms"), PM_COL_INT, 0},
	{"coverage", N_("Coverage %"), PM_COL_DEC, 1},
	{"issued", N_("Issued"), PM_COL_INT, 0},
	{"collected", N_("Collected"), PM_COL_INT, 0},
	{"response_rate", N_("Response %"), PM_COL_DEC, 1},
	{"answered", N_("Answered"), PM_COL_INT, 0},
	{"problems", N_("Problems"), PM_COL_INT, 0},
};

const struct pm_col sv_item_cols[] = {
	{"item", N_("Item"), PM_COL_CODE, 0},
	{"label", N_("Label"), PM_COL_TEXT, 0},
	{"answers", N_("Answers"), PM_COL_INT, 0},
	{"satisfied", N_("Satisfied"), PM_COL_INT, 0},
	{"fair", N_("Fair"), PM_COL_INT, 0},
	{"dissatisfied", N_("Dissatisfied"), PM_COL_INT, 0},
	{"satisfaction", N_("Satisfaction %"), PM_COL_DEC, 1},
	{"previous", N_("Previous %"), PM_COL_DEC, 1},
	{"change", N_("Change on last"), PM_COL_DEC, 1},
};

const struct pm_col sv_bld_cols[] = {
	{"building", N_("Building"), PM_COL_CODE, 0},
	{"forms", N_("Forms"), PM_COL_INT, 0},
	{"issued", N_("Issued"), PM_COL_INT, 0},
	{"collected", N_("Collected"), PM_COL_INT, 0},
	{"response_rate", N_("Response %"), PM_COL_DEC, 1},
	{"answers", N_("Answers"), PM_COL_INT, 0},
	{"satisfaction", N_("Satisfaction %"), PM_COL_DEC, 1},
};

int
sv_response_row(const struct pm_survey_score *s, char bufs[][24], const char **v)
{
	v[0] = s->quarter;
	v[1] = num(bufs[1], s->movedin);
	v[2] = snum(bufs[2], s->forms);
	v[3] = s->movedin > 0 ? num(bufs[3], pm_survey_pct10(s->forms, s->movedin)) : NULL;
	v[4] = snum(bufs[4], s->issued);
	v[5] = snum(bufs[5], s->collected);
	v[6] = num(bufs[6], pm_survey_pct10(s->collected, s->issued));
	v[7] = snum(bufs[7], s->answered);
	v[8] = snum(bufs[8], s->problems);
	return 9;
}

int
sv_item_row(const struct pm_survey_itemscore *it, char bufs[][24], const char **v)
{
	v[0] = it->key;
	v[1] = it->label;
	v[2] = snum(bufs[2], it->c.answers);
	v[3] = snum(bufs[3], it->c.satisfied);
	v[4] = snum(bufs[4], it->c.fair);
	v[5] = snum(bufs[5], it->c.dissatisfied);
	v[6] = num(bufs[6], it->pct10);
	v[7] = num(bufs[7], it->prev10);
	v[8] = it->pct10 >= 0 && it->prev10 >= 0 ? snum(bufs[8], it->pct10 - it->prev10) : NULL;
	return 9;
}

int
sv_bld_row(const struct pm_survey_bldscore *b, char bufs[][24], const char **v)
{
	v[0] = b->building;
	v[1] = snum(bufs[1], b->forms);
	v[2] = snum(bufs[2], b->issued);
	v[3] = snum(bufs[3], b->collected);
	v[4] = num(bufs[4], pm_survey_pct10(b->collected, b->issued));
	v[5] = snum(bufs[5], b->c.answers);
	v[6] = num(bufs[6], satisfaction(&b->c));
	return 7;
}

int
pm_survey_score_write(const struct pm_survey_score *s, struct pm_out *out)
{
	struct pm_col cols[9];
	char bufs[9][24];
	const char *v[9];
	size_t i;

	/* a butler's round is not a quarter */
	memcpy(cols, sv_response_cols, sizeof cols);
	if (s->butler) {
		cols[0].key = "round";
		cols[0].label = N_("Round");
	}
	pm_out_begin(out, N_("response"), cols, 9, 0);
	sv_response_row(s, bufs, v);
	pm_out_row(out, v);
	pm_out_end(out);
	pm_out_begin(out, N_("items"), sv_item_cols, 9, 0);
	for (i = 0; i < s->nitems; i++) {
		sv_item_row(&s->items[i], bufs, v);
		pm_out_row(out, v);
	}
	pm_out_end(out);
	pm_out_begin(out, N_("buildings"), sv_bld_cols, 7, 0);
	for (i = 0; i < s->nblds; i++) {
		sv_bld_row(&s->blds[i], bufs, v);
		pm_out_row(out, v);
	}
	return pm_out_end(out);
}
