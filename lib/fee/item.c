/* item.c - fee items, their rates over time, and their periods */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "fee.h"
#include "item.h"
#include "owner/unit.h"

/* "2026-11" (or NULL: this month) as the rate's first day "2026-11-01". */
static int
month_start(const char *typed, char buf[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_period p;

	if (!typed) {
		struct pm_date d;

		if (pm_today(&d, err) < 0)
			return -1;
		p = pm_period_of(PM_PERIOD_MONTH, d);
	} else if (pm_period_parse_kind(typed, PM_PERIOD_MONTH, &p) < 0) {
		return pm_err_set(err, PM_EXIT_DATA, _("'%s' is not a month like 2026-11"), typed);
	}
	pm_date_fmt(p.first, buf);
	return 0;
}

static int
parse_rate(const char *typed, int64_t *rate, struct pm_err *err)
{
	enum pm_num rc;

	if (!typed)
		return pm_err_set(err, PM_EXIT_USAGE, _("a fee item needs a rate"));
	rc = pm_dec_parse(typed, strlen(typed), 4, rate);
	if (rc == PM_NUM_OK && *rate < 0)
		rc = PM_NUM_NEGATIVE;
	if (rc == PM_NUM_OK && *rate > PM_FEE_RATE_MAX)
		rc = PM_NUM_RANGE;
	if (rc != PM_NUM_OK)
		return pm_err_set(err, PM_EXIT_DATA, _("rate '%s': %s"), typed, pm_num_reason(rc));
	return 0;
}

/* "residential,商铺" -> "residential,shop" */
static int
parse_types(const char *typed, struct pm_buf *out, struct pm_err *err)
{
	const char *p = typed ? typed : "residential";

	pm_buf_reset(out);
	while (*p) {
		size_t n = strcspn(p, ",");
		struct pm_buf one = PM_BUF_INIT;
		const char *key;

		if (pm_buf_add(&one, p, n) < 0)
			return pm_err_oom(err);
		key = pm_keyword_key(pm_unit_types, pm_buf_str(&one));
		if (!key) {
			pm_err_set(err, PM_EXIT_DATA, _("unknown unit type '%s' (one of: %s)"),
			    pm_buf_str(&one), pm_keyword_list(pm_unit_types));
			pm_buf_free(&one);
			return -1;
		}
		pm_buf_free(&one);
		if (!strstr(pm_buf_str(out), key) &&
		    ((out->len && pm_buf_addc(out, ',') < 0) || pm_buf_adds(out, key) < 0))
			return pm_err_oom(err);
		p += n;
		if (*p == ',')
			p++;
	}
	if (!out->len)
		return pm_err_set(err, PM_EXIT_DATA, _("no unit types given"));
	return 0;
}

/* "11-03" or "11-3": first and last month of a heating season. */
static int
parse_season(const char *s, int *from, int *to)
{
	int a, b, len = -1;

	if (!s || sscanf(s, "%2d-%2d%n", &a, &b, &len) != 2 || len != (int)strlen(s))
		return -1;
	if (a < 1 || a > 12 || b < 1 || b > 12 || a == b)
		return -1;
	*from = a;
	*to = b;
	return 0;
}

static int
check_code(const char *code, struct pm_err *err)
{
	const char *p;

	if (!code || !*code || strlen(code) > 32)
		return pm_err_set(err, PM_EXIT_DATA, _("an item code is 1 to 32 letters, digits, '-' or '_'"));
	for (p = code; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '_'))
			return pm_err_set(err, PM_EXIT_DATA,
			    _("item code '%s': use letters, digits, '-' or '_' (the name may be Chinese)"), code);
	return 0;
}

int
pm_fee_item_add(struct pm_db *db, const struct pm_fee_item *it, struct pm_err *err)
{
	static const char ins[] =
	    "INSERT INTO fee_item(code, name, basis, cycle, season, meter, types, agent)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	struct pm_buf name = PM_BUF_INIT, types = PM_BUF_INIT;
	const char *basis, *cycle, *meter = NULL, *why = NULL;
	char since[PM_DATE_BUFSZ], season[8] = "";
	struct pm_stmt *st = NULL;
	int64_t rate, id, other;
	int from, to, rc = -1;

	if (check_code(it->code, err) < 0)
		goto out;
	if (!it->name || (why = pm_name_normalize(it->name, strlen(it->name), &name))) {
		pm_err_set(err, PM_EXIT_DATA, _("item name: %s"), it->name ? why : _("missing"));
		goto out;
	}
	if (!it->basis || !(basis = pm_keyword_key(pm_fee_bases, it->basis))) {
		pm_err_set(err, PM_EXIT_DATA, _("unknown basis '%s' (one of: %s)"),
		    it->basis ? it->basis : "", pm_keyword_list(pm_fee_bases));
		goto out;
	}
	if (!it->cycle)
		cycle = !strcmp(basis, "fixed") ? "once" : "monthly";
	else if (!(cycle = pm_keyword_key(pm_fee_cycles, it->cycle))) {
		pm_err_set(err, PM_EXIT_DATA, _("unknown cycle '%s' (one of: %s)"), it->cycle,
		    pm_keyword_list(pm_fee_cycles));
		goto out;
	}
	if ((!strcmp(basis, "fixed")) != (!strcmp(cycle, "once"))) {
		pm_err_set(err, PM_EXIT_DATA, _("a fixed charge is charged once, and only it is"));
		goto out;
	}
	if (!strcmp(basis, "meter")) {
		if (!it->meter || !(meter = pm_keyword_key(pm_fee_meters, it->meter))) {
			pm_err_set(err, PM_EXIT_DATA, _("a meter item needs --meter (one of: %s)"),
			    pm_keyword_list(pm_fee_meters));
			goto out;
		}
	} else if (it->meter) {
		pm_err_set(err, PM_EXIT_DATA, _("--meter is only for items with the meter basis"));
		goto out;
	}
	if (!strcmp(cycle, "season")) {
		if (parse_season(it->season, &from, &to) < 0) {
			pm_err_set(err, PM_EXIT_DATA,
			    _("a season item needs --season FIRST-LAST months, like 11-03"));
			goto out;
		}
		snprintf(season, sizeof season, "%02d-%02d", from, to);
	} else if (it->season) {
		pm_err_set(err, PM_EXIT_DATA, _("--season is only for items with the season cycle"));
		goto out;
	}
	if (parse_types(it->types, &types, err) < 0 || parse_rate(it->rate, &rate, err) < 0 ||
	    month_start(it->since, since, err) < 0)
		goto out;
	if (pm_fee_item_find(db, it->code, &other, err) == 0 ||
	    pm_fee_item_find(db, name.s, &other, err) == 0) {
		pm_err_set(err, PM_EXIT_DATA, _("fee item '%s' or '%s' exists already"), it->code, name.s);
		goto out;
	}
	pm_err_clear(err);
	if (pm_db_prepare(db, ins, &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, it->code);
	pm_bind_text(st, 2, name.s);
	pm_bind_text(st, 3, basis);
	pm_bind_text(st, 4, cycle);
	pm_bind_text_null(st, 5, season);
	pm_bind_text_null(st, 6, meter);
	pm_bind_text(st, 7, types.s);
	pm_bind_int(st, 8, it->agent ? 1 : 0);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	id = pm_db_last_id(db);
	pm_stmt_free(st);
	st = NULL;
	if (pm_db_prepare(db, "INSERT INTO fee_rate(item_id, since, rate) VALUES (?1, ?2, ?3)",
	    &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, since);
	pm_bind_int(st, 3, rate);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	{
		char r[PM_DEC_BUFSZ];

		if (pm_auditf(db, it->code, err, "fee item added: %s, %s %s%s%s, %s, rate %s from %s",
		    name.s, basis, cycle, *season ? " " : "", season, types.s,
		    pm_dec_fmt(rate, 4, r), since) < 0)
			goto out;
	}
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&name);
	pm_buf_free(&types);
	return rc;
}

int
pm_fee_item_find(struct pm_db *db, const char *typed, int64_t *id, struct pm_err *err)
{
	struct pm_stmt *st;
	size_t n = typed ? strlen(typed) : 0;
	int rc;

	if (typed)
		pm_text_trim(&typed, &n);
	if (pm_db_prepare(db, "SELECT id FROM fee_item WHERE code = ?1 COLLATE NOCASE OR name = ?1",
	    &st, err) < 0)
		return -1;
	pm_bind_textn(st, 1, typed ? typed : "", n);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*id = pm_col_int64(st, 0);
	pm_stmt_free(st);
	if (rc == PM_ROW)
		return 0;
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading fee items"));
	return pm_err_set(err, PM_EXIT_DATA, _("no fee item '%.*s' (see pm-fee item list)"), (int)n,
	    typed ? typed : "");
}

int
pm_fee_item_rate(struct pm_db *db, const char *item, const char *rate_s, const char *since_s,
		 struct pm_err *err)
{
	static const char billed_sql[] =
	    "SELECT count(*) FROM bill WHERE item_id = ?1 AND kind = 'bill' AND starts >= ?2";
	struct pm_stmt *st = NULL;
	char since[PM_DATE_BUFSZ], r[PM_DEC_BUFSZ];
	int64_t id, rate, billed = 0;
	int rc;

	if (pm_fee_item_find(db, item, &id, err) < 0 || parse_rate(rate_s, &rate, err) < 0 ||
	    month_start(since_s, since, err) < 0)
		return -1;
	if (pm_db_prepare(db, billed_sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, since);
	rc = pm_step(st);
	if (rc == PM_ROW)
		billed = pm_col_int64(st, 0);
	pm_stmt_free(st);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading bills"));
	if (billed)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("'%s' has been billed for periods from %s on at the old rate: a new rate can "
		      "only start after the last billed period (correct bills with adjust)"), item, since);
	if (pm_db_prepare(db, "INSERT INTO fee_rate(item_id, since, rate) VALUES (?1, ?2, ?3)"
	    " ON CONFLICT(item_id, since) DO UPDATE SET rate = excluded.rate", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, since);
	pm_bind_int(st, 3, rate);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc < 0)
		return -1;
	return pm_auditf(db, item, err, "rate %s from %s", pm_dec_fmt(rate, 4, r), since);
}

int
pm_fee_item_retire(struct pm_db *db, const char *item, const char *from_s, struct pm_err *err)
{
	struct pm_stmt *st;
	char from[PM_DATE_BUFSZ];
	int64_t id;
	int rc;

	if (pm_fee_item_find(db, item, &id, err) < 0 || month_start(from_s, from, err) < 0)
		return -1;
	if (pm_db_prepare(db, "UPDATE fee_item SET retired = ?2 WHERE id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, from);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc < 0)
		return -1;
	return pm_auditf(db, item, err, "retired from %s", from);
}

int
pm_fee_item_list(struct pm_db *db, int all, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"item", N_("Item"), PM_COL_CODE, 0},
		{"name", N_("Item name"), PM_COL_TEXT, 0},
		{"basis", N_("Basis"), PM_COL_CODE, 0},
		{"cycle", N_("Cycle"), PM_COL_CODE, 0},
		{"season", N_("Season"), PM_COL_CODE, 0},
		{"meter", N_("Meter"), PM_COL_CODE, 0},
		{"types", N_("Unit types"), PM_COL_CODE, 0},
		{"agent", N_("Collected for others"), PM_COL_INT, 0},
		{"rate", N_("Rate"), PM_COL_DEC, 4},
		{"since", N_("Since"), PM_COL_CODE, 0},
		{"retired", N_("Retired"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT i.code, i.name, i.basis, i.cycle, i.season, i.meter, i.types, i.agent,"
	    " r.rate, r.since, i.retired"
	    " FROM fee_item i LEFT JOIN fee_rate r ON r.item_id = i.id AND r.since ="
	    "  (SELECT max(since) FROM fee_rate x WHERE x.item_id = i.id"
	    "   AND x.since <= max(:today, (SELECT min(since) FROM fee_rate y WHERE y.item_id = i.id)))"
	    " WHERE :all OR i.retired IS NULL OR i.retired > :today"
	    " ORDER BY i.id";
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, pm_param_index(st, ":all"), all);
	if (pm_bind_today(st, err) < 0) {
		pm_stmt_free(st);
		return -1;
	}
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

int
pm_fee_item_rates(struct pm_db *db, const char *item, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"item", N_("Item"), PM_COL_CODE, 0},
		{"since", N_("Since"), PM_COL_CODE, 0},
		{"rate", N_("Rate"), PM_COL_DEC, 4},
	};
	struct pm_stmt *st;
	int64_t id;
	int rc;

	if (pm_fee_item_find(db, item, &id, err) < 0)
		return -1;
	if (pm_db_prepare(db, "SELECT i.code, r.since, r.rate FROM fee_rate r"
	    " JOIN fee_item i ON i.id = r.item_id WHERE r.item_id = ?1 ORDER BY r.since", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	pm_out_begin(out, NULL, cols, 3, 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

static void
copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src);
}

int
pm_fee_item_load(struct pm_db *db, int64_t id, struct pm_fee_itemrec *it, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	memset(it, 0, sizeof *it);
	if (pm_db_prepare(db, "SELECT id, code, name, basis, cycle, season, meter, types, retired"
	    " FROM fee_item WHERE id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		it->id = pm_col_int64(st, 0);
		copy(it->code, sizeof it->code, pm_col_text(st, 1));
		it->name = strdup(pm_col_text(st, 2));
		copy(it->basis, sizeof it->basis, pm_col_text(st, 3));
		copy(it->cycle, sizeof it->cycle, pm_col_text(st, 4));
		if (!pm_col_null(st, 5))
			parse_season(pm_col_text(st, 5), &it->season_from, &it->season_to);
		copy(it->meter, sizeof it->meter, pm_col_text(st, 6));
		it->types = strdup(pm_col_text(st, 7));
		if (!pm_col_null(st, 8))
			it->retired = strdup(pm_col_text(st, 8));
	}
	pm_stmt_free(st);
	if (rc != PM_ROW) {
		pm_fee_item_free(it);
		return rc == PM_DONE ? pm_err_set(err, PM_EXIT_SOFTWARE, _("no fee item #%lld"),
		    (long long)id) : pm_db_fail(db, err, _("reading fee items"));
	}
	if (!it->name || !it->types) {
		pm_fee_item_free(it);
		return pm_err_oom(err);
	}
	return 0;
}

void
pm_fee_item_free(struct pm_fee_itemrec *it)
{
	free(it->name);
	free(it->types);
	free(it->retired);
	it->name = it->types = it->retired = NULL;
}

static int
push(struct pm_fee_period **v, size_t *n, size_t *cap, const char *label, struct pm_date first,
     struct pm_date last)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 8;
		struct pm_fee_period *nv = realloc(*v, c * sizeof *nv);

		if (!nv)
			return -1;
		*v = nv;
		*cap = c;
	}
	copy((*v)[*n].label, sizeof (*v)[*n].label, label);
	(*v)[*n].first = first;
	(*v)[*n].last = last;
	(*n)++;
	return 0;
}

int
pm_fee_item_periods(const struct pm_fee_itemrec *it, struct pm_date from, struct pm_date to,
		    struct pm_fee_period **v, size_t *n, struct pm_err *err)
{
	size_t cap = 0;
	int y;

	*v = NULL;
	*n = 0;
	if (!strcmp(it->cycle, "season")) {
		for (y = from.y; y <= to.y; y++) {
			struct pm_date first = {y, it->season_from, 1}, last;
			char label[24];
			int ly = it->season_to < it->season_from ? y + 1 : y;

			last = (struct pm_date){ly, it->season_to, pm_days_in_month(ly, it->season_to)};
			if (pm_date_cmp(first, from) < 0 || pm_date_cmp(first, to) > 0)
				continue;
			snprintf(label, sizeof label, "%04d-%02d~%04d-%02d", y % 10000, it->season_from,
			    ly % 10000, it->season_to);
			if (push(v, n, &cap, label, first, last) < 0)
				goto oom;
		}
		return 0;
	}
	if (!strcmp(it->cycle, "once"))
		return 0;
	{
		enum pm_period_kind k = !strcmp(it->cycle, "monthly") ? PM_PERIOD_MONTH
		    : !strcmp(it->cycle, "quarterly") ? PM_PERIOD_QUARTER : PM_PERIOD_YEAR;
		struct pm_period p = pm_period_of(k, from);

		if (pm_date_cmp(p.first, from) < 0)
			p = pm_period_step(p, 1);
		for (; pm_date_cmp(p.first, to) <= 0; p = pm_period_step(p, 1)) {
			char label[PM_PERIOD_BUFSZ];

			if (push(v, n, &cap, pm_period_fmt(p, label), p.first, p.last) < 0)
				goto oom;
		}
	}
	return 0;
oom:
	free(*v);
	*v = NULL;
	*n = 0;
	return pm_err_oom(err);
}

int
pm_fee_item_rate_on(struct pm_db *db, int64_t item_id, const char *day, int64_t *rate,
		    int *found, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	*found = 0;
	if (pm_db_prepare(db, "SELECT rate FROM fee_rate WHERE item_id = ?1 AND since <= ?2"
	    " ORDER BY since DESC LIMIT 1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, item_id);
	pm_bind_text(st, 2, day);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		*rate = pm_col_int64(st, 0);
		*found = 1;
	}
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE)
		return pm_db_fail(db, err, _("reading rates"));
	return 0;
}
