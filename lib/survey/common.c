/* common.c - keywords, scores, percentages, rounds and forms: what every
 * part of the survey uses */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "internal.h"

const struct pm_keyword pm_survey_causes[] = {
	{"man", "人", "人员|people|staff"},
	{"machine", "机", "机器|设备|equipment"},
	{"material", "料", "材料|物料|materials"},
	{"method", "法", "方法|制度|流程|process"},
	{"environment", "环", "环境|env"},
	{NULL, NULL, NULL},
};

const char *
pm_survey_cause_name(int j, char buf[PM_SURVEY_CAUSE_BUFSZ])
{
	/* 人机料法环 are the desk's own words; English readers get the
	 * key beside them, Chinese readers only them */
	if (!strcmp(_("en"), "zh"))
		snprintf(buf, PM_SURVEY_CAUSE_BUFSZ, "%s", pm_survey_causes[j].zh);
	else
		snprintf(buf, PM_SURVEY_CAUSE_BUFSZ, "%s %s", pm_survey_causes[j].zh,
		    pm_survey_causes[j].key);
	return buf;
}

const struct pm_keyword pm_survey_kinds[] = {
	{"quarterly", "季度评议", "季度|quarter"},
	{"butler", "管家调研", "管家|客服管家"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_survey_scales[] = {
	{"three", "三级", "3|满意度"},
	{"five", "五级", "5|1-5"},
	{NULL, NULL, NULL},
};

/* Scores on the three-point scale, best first. */
static const struct pm_keyword three_point[] = {
	{"satisfied", "满意", "非常满意"},
	{"fair", "基本满意", "一般|较满意|basically satisfied"},
	{"dissatisfied", "不满意", "很不满意|unsatisfied"},
	{NULL, NULL, NULL},
};

/* Common names of the default items, whatever a template calls them. */
static const struct {
	const char *key, *names;
} item_names[] = {
	{"service", "客服服务|客户服务|客服中心|customer service|customer-service"},
	{"security", "安全|秩序维护|治安|安保服务|保安"},
	{"cleaning", "清洁|环境卫生|卫生|保洁服务"},
	{"landscaping", "园林绿化|绿化养护|绿化服务"},
	{"repairs", "维修服务|工程维修|报修|repair"},
	{"fees", "物业收费|收费服务|费用"},
	{"activities", "社区文化|社区文化活动|文化活动|community activities"},
};

int64_t
pm_survey_pct10(int64_t a, int64_t b)
{
	if (b <= 0)
		return -1;
	return (2000 * a + b) / (2 * b);
}

enum pm_survey_level
pm_survey_level(int five, int score)
{
	if (five)
		return score >= 4 ? PM_SURVEY_SATISFIED : score == 3 ? PM_SURVEY_FAIR
		    : PM_SURVEY_DISSATISFIED;
	return score >= 3 ? PM_SURVEY_SATISFIED : score == 2 ? PM_SURVEY_FAIR
	    : PM_SURVEY_DISSATISFIED;
}

const char *
pm_survey_score_parse(int five, const char *s, size_t n, int *score)
{
	static char why[160];
	struct pm_buf b = PM_BUF_INIT;
	const char *v;
	size_t k;

	if (pm_text_clean(&b, s, n) < 0)
		return _("out of memory");
	v = pm_buf_str(&b);
	k = b.len;
	if (five) {
		/* "4", "4分" */
		if (k >= 4 && !strcmp(v + k - 3, "分"))
			k -= 3;
		if (k == 1 && v[0] >= '1' && v[0] <= '5') {
			*score = v[0] - '0';
			pm_buf_free(&b);
			return NULL;
		}
		snprintf(why, sizeof why, _("'%.40s' is out of range (1 to 5)"), v);
	} else {
		const struct pm_keyword *kw = pm_keyword_find(three_point, v);

		if (kw) {
			*score = 3 - (int)(kw - three_point);
			pm_buf_free(&b);
			return NULL;
		}
		snprintf(why, sizeof why, _("'%.40s' is not 满意, 基本满意 or 不满意"), v);
	}
	pm_buf_free(&b);
	return why;
}

const char *
pm_survey_score_name(int five, int score, char buf[4])
{
	if (five || score < 1 || score > 3) {
		snprintf(buf, 4, "%d", score % 10);
		return buf;
	}
	return three_point[3 - score].zh;
}

int
sv_quarter_norm(const char *s, char out[16], struct pm_period *p, struct pm_err *err)
{
	struct pm_period q;

	if (!s || pm_period_parse_kind(s, PM_PERIOD_QUARTER, &q) < 0)
		return pm_err_set(err, PM_EXIT_USAGE, _("'%s' is not a quarter like 2026Q4"),
		    s ? s : "");
	pm_period_fmt(q, out);
	if (p)
		*p = q;
	return 0;
}

int
pm_survey_scope_parse(const char *s, struct pm_survey_scope *sc, struct pm_err *err)
{
	struct pm_period p;

	memset(sc, 0, sizeof *sc);
	if (!s || pm_period_parse(s, &p) < 0 ||
	    (p.kind != PM_PERIOD_QUARTER && p.kind != PM_PERIOD_YEAR))
		return pm_err_set(err, PM_EXIT_USAGE, _("'%s' is not a quarter like 2026Q4 or a year"),
		    s ? s : "");
	pm_period_fmt(p, sc->name);
	sc->year = p.year;
	sc->quarter = p.kind == PM_PERIOD_QUARTER ? p.num : 0;
	return 0;
}

int
sv_date_arg(const char *s, char out[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_date d;
	enum pm_date_rc rc;

	if (!s)
		return pm_today(&d, err) < 0 ? -1 : (pm_date_fmt(d, out), 0);
	rc = pm_date_parse(s, strlen(s), &d);
	if (rc != PM_DATE_OK)
		return pm_err_set(err, PM_EXIT_DATA, _("date '%s': %s"), s, pm_date_reason(rc));
	pm_date_fmt(d, out);
	return 0;
}

char *
sv_formno(const char *quarter, int64_t no, char buf[SV_FORMNO_BUFSZ])
{
	snprintf(buf, SV_FORMNO_BUFSZ, "%.*s-%03lld", PM_SURVEY_KEY_BUFSZ - 1, quarter,
	    (long long)no);
	return buf;
}

void
sv_round_free(struct sv_round *r)
{
	size_t i;

	for (i = 0; i < r->nitems; i++) {
		free(r->items[i].key);
		free(r->items[i].label);
	}
	free(r->items);
	r->items = NULL;
	r->nitems = 0;
}

static int
load_items(struct pm_db *db, struct sv_round *r, struct pm_err *err)
{
	struct pm_stmt *st;
	size_t cap = 0;
	int rc;

	if (pm_db_prepare(db, "SELECT id, pos, key, label FROM survey_item"
	    " WHERE template_id = ?1 ORDER BY pos", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, r->template_id);
	while ((rc = pm_step(st)) == PM_ROW) {
		struct sv_item *it;

		if (r->nitems == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct sv_item *v = realloc(r->items, ncap * sizeof *v);

			if (!v)
				goto oom;
			r->items = v;
			cap = ncap;
		}
		it = &r->items[r->nitems];
		it->id = pm_col_int64(st, 0);
		it->pos = pm_col_int(st, 1);
		it->key = strdup(pm_col_text(st, 2));
		it->label = strdup(pm_col_text(st, 3));
		r->nitems++;
		if (!it->key || !it->label)
			goto oom;
	}
	pm_stmt_free(st);
	st = NULL;
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading the survey form"));
	return 0;
oom:
	pm_stmt_free(st);
	return pm_err_oom(err);
}

int
sv_round_get(struct pm_db *db, const char *key, struct sv_round *r, struct pm_err *err)
{
	/* the round of the key itself, else of the quarter it reads as;
	 * with no key the latest quarterly round */
	static const char sql[] =
	    "SELECT r.id, r.quarter, r.year, r.template_id, t.scale = 'five',"
	    " r.issue_on, r.due_on, r.ratio, r.kind = 'butler', r.butler_id, s.name"
	    " FROM survey_round r JOIN survey_template t ON t.id = r.template_id"
	    " LEFT JOIN staff s ON s.id = r.butler_id"
	    " WHERE (?1 IS NULL AND r.kind = 'quarterly') OR r.quarter = ?1 OR r.quarter = ?2"
	    " ORDER BY r.quarter = ?1 DESC, r.quarter DESC LIMIT 1";
	char q[16];
	struct pm_period p;
	struct pm_stmt *st;
	int rc, isq = 0;

	memset(r, 0, sizeof *r);
	if (key && pm_period_parse_kind(key, PM_PERIOD_QUARTER, &p) == 0) {
		pm_period_fmt(p, q);
		isq = 1;
	}
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text_null(st, 1, key);
	pm_bind_text_null(st, 2, isq ? q : NULL);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		r->id = pm_col_int64(st, 0);
		snprintf(r->quarter, sizeof r->quarter, "%s", pm_col_text(st, 1));
		r->year = pm_col_int(st, 2);
		r->template_id = pm_col_int64(st, 3);
		r->five = pm_col_int(st, 4);
		snprintf(r->issue_on, sizeof r->issue_on, "%s", pm_col_text(st, 5));
		snprintf(r->due_on, sizeof r->due_on, "%s", pm_col_text(st, 6));
		r->ratio = pm_col_int(st, 7);
		r->butler = pm_col_int(st, 8);
		r->butler_id = pm_col_int64(st, 9);
		snprintf(r->butler_name, sizeof r->butler_name, "%s", pm_col_text(st, 10));
		r->num = r->butler ? 0 : r->quarter[5] - '0';
	}
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return isq ? pm_err_set(err, PM_EXIT_DATA, _("no survey round %s (see pm-survey new)"), q)
		    : key ? pm_err_set(err, PM_EXIT_DATA,
			_("no survey round '%s' (see pm-survey list)"), key)
		    : pm_err_set(err, PM_EXIT_DATA, _("no survey round yet (see pm-survey new)"));
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading survey rounds"));
	return load_items(db, r, err);
}

static int
same(const char *a, size_t n, const char *b)
{
	return strlen(b) == n && !strncasecmp(a, b, n);
}

const struct sv_item *
sv_item_match(const struct sv_round *r, const char *s, size_t n)
{
	size_t i, j;

	pm_text_trim(&s, &n);
	if (!n)
		return NULL;
	for (i = 0; i < r->nitems; i++)
		if (same(s, n, r->items[i].key) || same(s, n, r->items[i].label))
			return &r->items[i];
	for (j = 0; j < sizeof item_names / sizeof item_names[0]; j++) {
		const char *a = item_names[j].names;

		while (a && *a) {
			const char *bar = strchr(a, '|');
			size_t k = bar ? (size_t)(bar - a) : strlen(a);

			if (k == n && !strncasecmp(a, s, n))
				for (i = 0; i < r->nitems; i++)
					if (!strcmp(r->items[i].key, item_names[j].key))
						return &r->items[i];
			a = bar ? bar + 1 : NULL;
		}
	}
	return NULL;
}

int
sv_surveyed_before(struct pm_db *db, const struct sv_round *r, int64_t unit_id, char **quarter,
		   struct pm_err *err)
{
	static const char sql[] =
	    "SELECT r.quarter FROM survey_form f JOIN survey_round r ON r.id = f.round_id"
	    " WHERE f.unit_id = ?1 AND f.year = ?2 AND f.round_id <> ?3 AND r.kind = 'quarterly'"
	    " ORDER BY r.quarter LIMIT 1";
	struct pm_stmt *st;

	*quarter = NULL;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	pm_bind_int(st, 2, r->year);
	pm_bind_int(st, 3, r->id);
	return pm_db_text(db, st, quarter, _("reading survey forms"), err) < 0 ? -1 : 0;
}

int
sv_form_add(struct pm_db *db, const struct sv_round *r, int64_t unit_id, const char *how,
	    int64_t *form_id, int64_t *no, struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO survey_form (round_id, no, unit_id, year, how)"
	    " VALUES (?1, (SELECT coalesce(max(no), 0) + 1 FROM survey_form WHERE round_id = ?1),"
	    "  ?2, ?3, ?4) RETURNING id, no";
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, r->id);
	pm_bind_int(st, 2, unit_id);
	pm_bind_int(st, 3, r->year);
	pm_bind_text(st, 4, how);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		*form_id = pm_col_int64(st, 0);
		*no = pm_col_int64(st, 1);
	}
	pm_stmt_free(st);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("adding a survey form"));
	return 0;
}

int
sv_scope_rounds(struct pm_db *db, const struct pm_survey_scope *sc, int64_t **ids, size_t *n,
		struct pm_err *err)
{
	struct pm_stmt *st;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (pm_db_prepare(db, "SELECT r.id FROM survey_round r WHERE " SV_SCOPE_SQL
	    " ORDER BY r.quarter", &st, err) < 0)
		return -1;
	sv_scope_bind(st, sc);
	while ((rc = pm_step(st)) == PM_ROW) {
		if (*n == cap) {
			int64_t *v = realloc(*ids, (cap = cap ? cap * 2 : 4) * sizeof *v);

			if (!v) {
				pm_stmt_free(st);
				free(*ids);
				*ids = NULL;
				return pm_err_oom(err);
			}
			*ids = v;
		}
		(*ids)[(*n)++] = pm_col_int64(st, 0);
	}
	pm_stmt_free(st);
	if (rc != PM_DONE) {
		free(*ids);
		*ids = NULL;
		return pm_db_fail(db, err, _("reading survey rounds"));
	}
	if (!*n)
		return sc->butler ? pm_err_set(err, PM_EXIT_DATA,
		    _("no survey round '%s' (see pm-survey list)"), sc->name)
		    : pm_err_set(err, PM_EXIT_DATA, sc->quarter ? _("no survey round %s (see pm-survey new)")
		    : _("no survey round in %s"), sc->name);
	return 0;
}

void
sv_scope_bind(struct pm_stmt *st, const struct pm_survey_scope *sc)
{
	int i;

	sv_bind_named(st, ":scope_one", sc->quarter || sc->butler);
	sv_bind_named(st, ":scope_year", sc->year);
	if ((i = pm_param_index(st, ":scope_name")))
		pm_bind_text(st, i, sc->name);
}

int
pm_survey_scope_round(struct pm_db *db, const char *key, struct pm_survey_scope *sc,
		      struct pm_err *err)
{
	struct sv_round r;
	int rc;

	memset(sc, 0, sizeof *sc);
	if (sv_round_get(db, key, &r, err) < 0)
		return -1;
	if (r.butler) {
		snprintf(sc->name, sizeof sc->name, "%s", r.quarter);
		sc->year = r.year;
		sc->butler = 1;
		rc = 0;
	} else {
		rc = pm_survey_scope_parse(r.quarter, sc, err);
	}
	sv_round_free(&r);
	return rc;
}

int
sv_scope_last(struct pm_db *db, const struct pm_survey_scope *sc, struct sv_round *r,
	      struct pm_err *err)
{
	struct pm_stmt *st;
	char q[16];
	int rc;

	memset(r, 0, sizeof *r);
	if (sc->quarter || sc->butler)
		return sv_round_get(db, sc->name, r, err);
	if (pm_db_prepare(db, "SELECT max(quarter) FROM survey_round WHERE year = ?1"
	    " AND kind = 'quarterly'", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, sc->year);
	rc = pm_step(st);
	snprintf(q, sizeof q, "%s", rc == PM_ROW ? pm_col_text(st, 0) : "");
	pm_stmt_free(st);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading survey rounds"));
	if (!*q)
		return pm_err_set(err, PM_EXIT_DATA, _("no survey round in %s"), sc->name);
	return sv_round_get(db, q, r, err);
}

void
sv_bind_named(struct pm_stmt *st, const char *name, int64_t v)
{
	int i = pm_param_index(st, name);

	if (i)
		pm_bind_int(st, i, v);
}

int
sv_xml_escape(struct pm_buf *b, const char *s)
{
	for (; *s; s++) {
		const char *e = NULL;

		switch (*s) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		}
		if (e ? pm_buf_adds(b, e) < 0 : pm_buf_addc(b, *s) < 0)
			return -1;
	}
	return 0;
}
