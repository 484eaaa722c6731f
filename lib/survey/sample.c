/* sample.c - who gets the form: the random sample, or units listed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "owner/unit.h"
#include "internal.h"

uint64_t
pm_survey_rand(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

uint64_t
pm_survey_uniform(uint64_t *state, uint64_t n)
{
	/* reject the low (2^64 mod n) values so every residue is as likely */
	uint64_t threshold = (0 - n) % n, x;

	do
		x = pm_survey_rand(state);
	while (x < threshold);
	return x % n;
}

int64_t
pm_survey_quota(int64_t n, int ratio)
{
	return n <= 0 ? 0 : (n * ratio + 99) / 100;
}

struct cand {
	int64_t id;
	char *code, *building;
	char *last;      /* the latest quarter surveyed this year, or NULL */
	uint64_t rank;   /* draw order among repeats */
	int chosen;
};

static void
free_cands(struct cand *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(c[i].code);
		free(c[i].building);
		free(c[i].last);
	}
	free(c);
}

/* Moved-in units in building and code order, with their last quarterly
 * survey this year (a butler's forms do not count). */
static int
load_cands(struct pm_db *db, const struct sv_round *r, struct cand **out, size_t *n,
	   struct pm_err *err)
{
	static const char sql[] =
	    "SELECT u.id, u.code, u.building,"
	    " (SELECT max(r.quarter) FROM survey_form f JOIN survey_round r ON r.id = f.round_id"
	    "   WHERE f.unit_id = u.id AND f.year = :year AND f.round_id <> :round"
	    "   AND r.kind = 'quarterly')"
	    " FROM unit u WHERE u.type NOT IN ('garage', 'parking', 'storage')"
	    " AND " PM_UNIT_STATUS_SQL " IN ('occupied', 'rented')"
	    " ORDER BY u.building, u.code";
	struct cand *c = NULL;
	size_t cap = 0;
	struct pm_stmt *st;
	int rc;

	*n = 0;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	sv_bind_named(st, ":year", r->year);
	sv_bind_named(st, ":round", r->id);
	if (pm_bind_today(st, err) < 0) {
		pm_stmt_free(st);
		return -1;
	}
	while ((rc = pm_step(st)) == PM_ROW) {
		struct cand *x;

		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct cand *v = realloc(c, ncap * sizeof *v);

			if (!v)
				goto oom;
			c = v;
			cap = ncap;
		}
		x = &c[*n];
		memset(x, 0, sizeof *x);
		(*n)++;
		x->id = pm_col_int64(st, 0);
		x->code = strdup(pm_col_text(st, 1));
		x->building = strdup(pm_col_text(st, 2));
		if (!pm_col_null(st, 3))
			x->last = strdup(pm_col_text(st, 3));
		if (!x->code || !x->building ||
		    (!pm_col_null(st, 3) && !x->last))
			goto oom;
	}
	pm_stmt_free(st);
	st = NULL;
	if (rc != PM_DONE) {
		free_cands(c, *n);
		return pm_db_fail(db, err, _("reading units"));
	}
	*out = c;
	return 0;
oom:
	pm_stmt_free(st);
	free_cands(c, *n);
	return pm_err_oom(err);
}

static int
by_last_then_rank(const void *a, const void *b)
{
	const struct cand *x = *(struct cand *const *)a, *y = *(struct cand *const *)b;
	int c = strcmp(x->last, y->last);

	if (c)
		return c;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* Choose quota units of c[0..n) (one building). */
static int
draw_building(struct cand *c, size_t n, int ratio, uint64_t *rng, int64_t *repeats)
{
	struct cand **fresh, **rep;
	size_t nf = 0, nr = 0, i, k = (size_t)pm_survey_quota((int64_t)n, ratio);

	fresh = malloc((n ? n : 1) * sizeof *fresh);
	rep = malloc((n ? n : 1) * sizeof *rep);
	if (!fresh || !rep) {
		free(fresh);
		free(rep);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (c[i].last)
			rep[nr++] = &c[i];
		else
			fresh[nf++] = &c[i];
	}
	/* partial Fisher-Yates: the first k places get a uniform draw */
	for (i = 0; i < k && i < nf; i++) {
		size_t j = i + (size_t)pm_survey_uniform(rng, nf - i);
		struct cand *t = fresh[i];

		fresh[i] = fresh[j];
		fresh[j] = t;
		fresh[i]->chosen = 1;
	}
	if (k > nf) {
		/* too few not yet surveyed: those surveyed longest ago, at random
		 * among equals */
		for (i = 0; i < nr; i++)
			rep[i]->rank = pm_survey_rand(rng);
		qsort(rep, nr, sizeof *rep, by_last_then_rank);
		for (i = 0; i < k - nf && i < nr; i++) {
			rep[i]->chosen = 1;
			(*repeats)++;
		}
	}
	free(fresh);
	free(rep);
	return 0;
}

static const struct pm_col sample_cols[] = {
	{"form", N_("Form"), PM_COL_CODE, 0},
	{"unit", N_("Unit"), PM_COL_CODE, 0},
	{"building", N_("Building"), PM_COL_CODE, 0},
	{"surveyed", N_("Surveyed this year"), PM_COL_CODE, 0},
};

static int
count_forms(struct pm_db *db, int64_t round_id, int64_t *forms, int64_t *issued,
	    struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT count(*), count(issued_on) FROM survey_form"
	    " WHERE round_id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, round_id);
	rc = pm_step(st);
	*forms = pm_col_int64(st, 0);
	*issued = pm_col_int64(st, 1);
	pm_stmt_free(st);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("reading survey forms"));
}

static int64_t
default_seed(void)
{
	uint64_t s;
	pm_time t = 0;

	pm_now(&t, NULL);
	s = (uint64_t)t * UINT64_C(1000003) ^ (uint64_t)getpid();
	return (int64_t)(pm_survey_rand(&s) >> 1);  /* fits an SQLite integer */
}

int
pm_survey_sample_draw(struct pm_db *db, const char *round, struct pm_survey_sample *s,
		      struct pm_out *out, struct pm_err *err)
{
	struct sv_round r;
	struct cand *c = NULL;
	size_t n = 0, a, b;
	struct pm_stmt *st = NULL;
	uint64_t rng;
	int64_t forms, issued;
	char now[PM_TIME_BUFSZ], no[SV_FORMNO_BUFSZ];
	pm_time t;
	int rc = -1;

	s->movedin = s->sampled = s->repeats = 0;
	if (sv_round_get(db, round, &r, err) < 0)
		return -1;
	if (r.butler) {
		pm_err_set(err, PM_EXIT_DATA,
		    _("'%s' is a butler's round, with no random sample: list its UNITs (- reads them)"),
		    r.quarter);
		goto out;
	}
	if (count_forms(db, r.id, &forms, &issued, err) < 0)
		goto out;
	if (forms && !s->redo) {
		pm_err_set(err, PM_EXIT_DATA,
		    _("%s has %lld forms already (--redo draws again while none is issued)"),
		    r.quarter, (long long)forms);
		goto out;
	}
	if (issued) {
		pm_err_set(err, PM_EXIT_DATA, _("cannot draw %s again: %lld forms are issued"),
		    r.quarter, (long long)issued);
		goto out;
	}
	if (forms) {
		if (pm_db_prepare(db, "DELETE FROM survey_form WHERE round_id = ?1", &st, err) < 0)
			goto out;
		pm_bind_int(st, 1, r.id);
		if (pm_db_step_done(db, st, err) < 0)
			goto out;
		pm_stmt_free(st);
		st = NULL;
	}
	if (load_cands(db, &r, &c, &n, err) < 0)
		goto out;
	if (!n) {
		pm_err_set(err, PM_EXIT_DATA, _("no moved-in units to survey"));
		goto out;
	}
	if (!s->have_seed)
		s->seed = default_seed();
	rng = (uint64_t)s->seed;
	for (a = 0; a < n; a = b) {
		for (b = a + 1; b < n && !strcmp(c[a].building, c[b].building); b++)
			;
		if (draw_building(c + a, b - a, r.ratio, &rng, &s->repeats) < 0) {
			pm_err_oom(err);
			goto out;
		}
	}
	s->movedin = (int64_t)n;
	pm_out_begin(out, NULL, sample_cols, sizeof sample_cols / sizeof sample_cols[0], 0);
	for (a = 0; a < n; a++) {
		const char *v[4];
		int64_t id, num;

		if (!c[a].chosen)
			continue;
		if (sv_form_add(db, &r, c[a].id, "random", &id, &num, err) < 0)
			goto out;
		v[0] = sv_formno(r.quarter, num, no);
		v[1] = c[a].code;
		v[2] = c[a].building;
		v[3] = c[a].last;
		pm_out_row(out, v);
		s->sampled++;
	}
	pm_out_end(out);
	if (pm_now(&t, err) < 0)
		goto out;
	pm_time_fmt(t, now);
	if (pm_db_prepare(db, "UPDATE survey_round SET seed = ?2, sampled = ?3, movedin = ?4"
	    " WHERE id = ?1", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, r.id);
	pm_bind_int(st, 2, s->seed);
	pm_bind_text(st, 3, now);
	pm_bind_int(st, 4, s->movedin);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (pm_auditf(db, r.quarter, err,
	    "survey sample%s: %lld of %lld moved-in units at %d%%, seed %lld, %lld surveyed earlier this year",
	    forms ? " drawn again" : "", (long long)s->sampled, (long long)s->movedin, r.ratio,
	    (long long)s->seed, (long long)s->repeats) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free_cands(c, n);
	sv_round_free(&r);
	return rc;
}

int
sv_form_of(struct pm_db *db, const struct sv_round *r, int64_t unit_id, int64_t *form_id,
	   int64_t *no, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT id, no FROM survey_form WHERE round_id = ?1 AND unit_id = ?2",
	    &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, r->id);
	pm_bind_int(st, 2, unit_id);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		*form_id = pm_col_int64(st, 0);
		*no = pm_col_int64(st, 1);
	}
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE)
		return pm_db_fail(db, err, _("reading survey forms"));
	return rc == PM_ROW;
}

int
sv_form_listed(struct pm_db *db, const struct sv_round *r, int64_t unit_id, const char *code,
	       int allow_repeat, int64_t *form_id, int64_t *no, char **before, struct pm_err *err)
{
	*before = NULL;
	if (!r->butler && sv_surveyed_before(db, r, unit_id, before, err) < 0)
		return -1;
	if (*before && !allow_repeat)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("unit '%s' was surveyed in %s already (--allow-repeat surveys it again)"),
		    code, *before);
	return sv_form_add(db, r, unit_id, "list", form_id, no, err);
}

static int
unit_building(struct pm_db *db, int64_t id, char **b, struct pm_err *err)
{
	struct pm_stmt *st;

	*b = NULL;
	if (pm_db_prepare(db, "SELECT building FROM unit WHERE id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	/* the unit exists: a missing row is as much a failure as an error */
	switch (pm_db_text(db, st, b, _("reading units"), err)) {
	case 0: return 0;
	case 1: return pm_db_fail(db, err, _("reading units"));
	default: return -1;
	}
}

int
pm_survey_sample_units(struct pm_db *db, const char *round, const struct pm_strv *units,
		       int allow_repeat, struct pm_out *out, int64_t *added, struct pm_err *err)
{
	struct sv_round r;
	int64_t *ids = NULL;
	size_t i, j;
	int rc = -1;

	*added = 0;
	if (sv_round_get(db, round, &r, err) < 0)
		return -1;
	if (!units->n) {
		pm_err_set(err, PM_EXIT_DATA, _("no units given"));
		goto out;
	}
	if (!(ids = calloc(units->n, sizeof *ids))) {
		pm_err_oom(err);
		goto out;
	}
	if (out)
		pm_out_begin(out, NULL, sample_cols, sizeof sample_cols / sizeof sample_cols[0], 0);
	for (i = 0; i < units->n; i++) {
		char *code = NULL, *before = NULL, no[SV_FORMNO_BUFSZ];
		int64_t fid, num;
		int has;

		if (pm_unit_find(db, units->v[i], &ids[i], &code, err) < 0)
			goto out;
		for (j = 0; j < i && ids[j] != ids[i]; j++)
			;
		has = j < i ? 0 : sv_form_of(db, &r, ids[i], &fid, &num, err);
		if (j < i)
			pm_err_set(err, PM_EXIT_DATA, _("unit '%s' is listed twice"), code);
		else if (has > 0)
			pm_err_set(err, PM_EXIT_DATA, _("unit '%s' is in %s already (form %s)"), code,
			    r.quarter, sv_formno(r.quarter, num, no));
		if (j < i || has != 0 ||
		    sv_form_listed(db, &r, ids[i], code, allow_repeat, &fid, &num, &before, err) < 0 ||
		    pm_auditf(db, r.quarter, err, "survey form %s: unit %s listed%s%s",
			sv_formno(r.quarter, num, no), code, before ? ", surveyed earlier in " : "",
			before ? before : "") < 0) {
			free(code);
			free(before);
			goto out;
		}
		if (out) {
			const char *v[4] = {no, code, NULL, before};
			char *bld = NULL;

			if (unit_building(db, ids[i], &bld, err) < 0) {
				free(code);
				free(before);
				goto out;
			}
			v[2] = bld;
			pm_out_row(out, v);
			free(bld);
		}
		(*added)++;
		free(code);
		free(before);
	}
	if (out)
		pm_out_end(out);
	rc = 0;
out:
	free(ids);
	sv_round_free(&r);
	return rc;
}
