/* bill.c - raising bills for a period, one-off charges, adjustments */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bill.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/settings.h"
#include "core/validate.h"
#include "fee.h"
#include "item.h"
#include "ledger.h"
#include "owner/unit.h"
#include "reading.h"

/* The units a period of an item applies to: of its types, moved in by
 * the period's last day (and, with :unit, only that one). */
#define APPLIES_SQL \
	" instr(:types, ',' || u.type || ',') > 0 AND (:unit = 0 OR u.id = :unit)" \
	" AND EXISTS (SELECT 1 FROM movein m WHERE m.unit_id = u.id AND m.date <= :last)"

/* One INSERT ... SELECT for an area, unit or space item's period, one
 * statement per basis so that SQLite flattens it into a single pass
 * over the units (a CASE on the basis inside costs half again as much).
 * QTY is the quantity x100, DISC the vacant discount or NULL.  A
 * quantity past :maxq would make a line above the money limit (and
 * could overflow qty x rate): its base is NULL, which the NOT NULL
 * constraint refuses; OVER_SQL then names the first such unit.  The amount rounds each step by the
 * one rule: base, then pro rata, then the discount. */
#define BILL_SQL(QTY, DISC) \
    "INSERT INTO bill(unit_id, item_id, kind, period, starts, ends, qty, rate, base, days," \
    " of_days, discount, amount, raised)" \
    " SELECT id, :item, 'bill', :period, :first, :last, qty, :rate, base, days," \
    "  CASE WHEN days IS NULL THEN NULL ELSE :of END, disc," \
    "  CASE WHEN days IS NULL AND disc IS NULL THEN base ELSE" \
    "   ((CASE WHEN days IS NULL THEN base ELSE (base * days * 2 + :of) / (2 * :of) END)" \
    "    * (100 - coalesce(disc, 0)) * 2 + 100) / 200 END," \
    "  :now" \
    " FROM (SELECT u.id AS id, " QTY " AS qty," \
    "  CASE WHEN " QTY " <= :maxq THEN (" QTY " * :rate + 5000) / 10000 END AS base," \
    "  CASE WHEN :prorate THEN (SELECT CASE WHEN max(m.date) > :first" \
    "   THEN (unixepoch(:last) - unixepoch(max(m.date))) / 86400 + 1 END" \
    "   FROM movein m WHERE m.unit_id = u.id AND m.date <= :last) END AS days," \
    "  " DISC " AS disc" \
    " FROM unit u WHERE instr(:types, ',' || u.type || ',') > 0 AND (:unit = 0 OR u.id = :unit)" \
    "  AND " QTY " > 0" \
    "  AND EXISTS (SELECT 1 FROM movein m WHERE m.unit_id = u.id AND m.date <= :last))" \
    " WHERE true" \
    " ON CONFLICT (unit_id, item_id, period) WHERE kind = 'bill' DO NOTHING"

/* Vacant on the period's last day: moved out since the last move-in,
 * and not let. */
#define VACANT_SQL \
    "CASE WHEN :vac > 0" \
    " AND (SELECT max(x.date) FROM moveout x WHERE x.unit_id = u.id AND x.date <= :last)" \
    "  >= (SELECT max(m.date) FROM movein m WHERE m.unit_id = u.id AND m.date <= :last)" \
    " AND NOT EXISTS (SELECT 1 FROM lease l WHERE l.unit_id = u.id AND l.start <= :last" \
    "  AND (l.end_on IS NULL OR l.end_on >= :last) AND (l.ended IS NULL OR l.ended > :last))" \
    " THEN :vac END"

static const char area_sql[] = BILL_SQL("u.building_area", VACANT_SQL);
static const char unit_sql[] = BILL_SQL("100", "NULL");
#define SPACE_QTY "(100 * (SELECT count(DISTINCT v.space) FROM vehicle v" \
    " WHERE v.unit_id = u.id AND v.removed IS NULL AND v.space <> ''))"
static const char space_sql[] = BILL_SQL(SPACE_QTY, "NULL");

/* The first unit whose line BILL_SQL refused as too large. */
#define OVER_SQL(QTY) \
    "SELECT u.code, " QTY " FROM unit u WHERE" APPLIES_SQL " AND " QTY " > :maxq" \
    " ORDER BY u.id LIMIT 1"
static const char area_over_sql[] = OVER_SQL("u.building_area");
static const char unit_over_sql[] = OVER_SQL("100");
static const char space_over_sql[] = OVER_SQL(SPACE_QTY);

/* Units the period applies to that have no line for it.  After an
 * area or unit run every applicable unit with a quantity has one, so
 * only those without a quantity are counted (a cheap filter first);
 * space and meter items check each unit. */
static const char skipped_sql[] =
    "SELECT count(*) FROM unit u WHERE" APPLIES_SQL
    " AND NOT EXISTS (SELECT 1 FROM bill b WHERE b.unit_id = u.id AND b.item_id = :item"
    "  AND b.period = :period AND b.kind = 'bill')";
static const char skipped_area_sql[] =
    "SELECT count(*) FROM unit u WHERE (u.building_area IS NULL OR u.building_area <= 0)"
    " AND" APPLIES_SQL;

static const char meter_units_sql[] =
    "SELECT u.id FROM unit u WHERE" APPLIES_SQL
    " AND NOT EXISTS (SELECT 1 FROM bill b WHERE b.unit_id = u.id AND b.item_id = :item"
    "  AND b.period = :period AND b.kind = 'bill')"
    " ORDER BY u.id";

static const char prev_reading_sql[] =
    "SELECT reading_id FROM bill WHERE unit_id = ?1 AND item_id = ?2 AND kind = 'bill'"
    " AND reading_id IS NOT NULL AND starts < ?3 ORDER BY starts DESC LIMIT 1";

static const char meter_ins_sql[] =
    "INSERT INTO bill(unit_id, item_id, kind, period, starts, ends, qty, rate, base,"
    " prev, cur, reading_id, amount, raised)"
    " VALUES (?1, ?2, 'bill', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?8, ?12)";

static const char credit_units_sql[] =
    "SELECT p.unit_id FROM payment p WHERE p.voided IS NULL GROUP BY p.unit_id"
    " HAVING sum(p.amount) > coalesce((SELECT sum(l.amount) FROM alloc l"
    "  JOIN payment q ON q.id = l.payment_id WHERE q.unit_id = p.unit_id AND q.voided IS NULL), 0)";

/* What one run needs to know besides the item and period. */
struct run {
	struct pm_db *db;
	char now[PM_TIME_BUFSZ], today[PM_DATE_BUFSZ];
	int prorate;
	int64_t vacant;
	struct pm_buf types;  /* ",residential,shop," */
};

static void
bind_named_text(struct pm_stmt *st, const char *name, const char *v)
{
	int i = pm_param_index(st, name);

	if (i)
		pm_bind_text(st, i, v);
}

static void
bind_named_int(struct pm_stmt *st, const char *name, int64_t v)
{
	int i = pm_param_index(st, name);

	if (i)
		pm_bind_int(st, i, v);
}

/* Bind what the shared statements name. */
static void
bind_common(struct pm_stmt *st, struct run *r, const struct pm_fee_itemrec *it,
	    const struct pm_fee_period *p, int64_t unit, int64_t rate)
{
	char first[PM_DATE_BUFSZ], last[PM_DATE_BUFSZ];

	pm_date_fmt(p->first, first);
	pm_date_fmt(p->last, last);
	bind_named_text(st, ":types", pm_buf_str(&r->types));
	bind_named_int(st, ":unit", unit);
	bind_named_text(st, ":first", first);
	bind_named_text(st, ":last", last);
	bind_named_int(st, ":item", it->id);
	bind_named_text(st, ":period", p->label);
	bind_named_int(st, ":rate", rate);
	bind_named_int(st, ":prorate", r->prorate);
	bind_named_int(st, ":vac", r->vacant);
	bind_named_int(st, ":of", pm_date_days(p->last) - pm_date_days(p->first) + 1);
	/* the largest quantity whose line, (qty x rate + 5000) / 10000, is
	 * within the money limit; the product then cannot overflow either */
	bind_named_int(st, ":maxq", rate > 0 ? ((PM_MONEY_MAX + 1) * 10000 - 5001) / rate : INT64_MAX);
	bind_named_text(st, ":now", r->now);
}

static int
step_int(struct pm_db *db, struct pm_stmt *st, int64_t *v, struct pm_err *err)
{
	int rc = pm_step(st);

	*v = 0;
	if (rc == PM_ROW)
		*v = pm_col_int64(st, 0);
	else if (rc != PM_DONE)
		return pm_db_fail(db, err, _("billing"));
	return 0;
}

/* A line of the period would be above the money limit: say whose. */
static int
too_large(struct run *r, const struct pm_fee_itemrec *it, const struct pm_fee_period *p,
	  int64_t unit, int64_t rate, struct pm_err *err)
{
	char q[PM_DEC_BUFSZ], x[PM_DEC_BUFSZ];
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(r->db, !strcmp(it->basis, "area") ? area_over_sql
	    : !strcmp(it->basis, "unit") ? unit_over_sql : space_over_sql, &st, err) < 0)
		return -1;
	bind_common(st, r, it, p, unit, rate);
	rc = pm_step(st);
	if (rc == PM_ROW)
		pm_err_set(err, PM_EXIT_DATA,
		    _("'%s' for %s: unit '%s': %s × %s is above the limit of %s for one line"),
		    it->code, p->label, pm_col_text(st, 0),
		    pm_dec_fmt_short(pm_col_int64(st, 1), 2, q), pm_dec_fmt_short(rate, 4, x),
		    PM_MONEY_MAX_TEXT);
	else if (rc == PM_DONE)
		pm_err_set(err, PM_EXIT_DATA,
		    _("'%s' for %s: quantity × rate is too large to bill"), it->code, p->label);
	else
		pm_db_fail(r->db, err, _("billing"));
	pm_stmt_free(st);
	return -1;
}

/* Bill the period; *bills and *amount add up the lines inserted. */
static int
bill_area(struct run *r, const struct pm_fee_itemrec *it, const struct pm_fee_period *p,
	  int64_t unit, int64_t rate, int64_t *bills, int64_t *amount, struct pm_err *err)
{
	struct pm_stmt *st;
	int64_t before;
	int rc;

	/* the lines added are those past the last row id (RETURNING would
	 * cost a third more than the INSERT itself) */
	if (pm_db_prepare(r->db, "SELECT coalesce(max(id), 0) FROM bill", &st, err) < 0)
		return -1;
	rc = step_int(r->db, st, &before, err);
	pm_stmt_free(st);
	if (rc < 0)
		return -1;
	if (pm_db_prepare(r->db, !strcmp(it->basis, "area") ? area_sql
	    : !strcmp(it->basis, "unit") ? unit_sql : space_sql, &st, err) < 0)
		return -1;
	bind_common(st, r, it, p, unit, rate);
	rc = pm_step(st);
	if (rc != PM_DONE && pm_db_error(r->db) == PM_DBE_NOTNULL) {
		pm_stmt_free(st);
		return too_large(r, it, p, unit, rate, err);
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(r->db, err, _("billing"));
	if (pm_db_prepare(r->db, "SELECT count(*), coalesce(sum(amount), 0) FROM bill WHERE id > ?1",
	    &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, before);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		*bills += pm_col_int64(st, 0);
		if (pm_money_add(amount, pm_col_int64(st, 1), _("the bills raised"), err) < 0) {
			pm_stmt_free(st);
			return -1;
		}
	}
	pm_stmt_free(st);
	return rc == PM_ROW ? 0 : pm_db_fail(r->db, err, _("billing"));
}

static int
bill_meter(struct run *r, const struct pm_fee_itemrec *it, const struct pm_fee_period *p,
	   int64_t unit, int64_t rate, int64_t *bills, int64_t *total, struct pm_err *err)
{
	struct pm_stmt *units = NULL, *prev = NULL, *ins = NULL;
	char first[PM_DATE_BUFSZ], last[PM_DATE_BUFSZ];
	int rc = -1, src;

	pm_date_fmt(p->first, first);
	pm_date_fmt(p->last, last);
	if (pm_db_prepare(r->db, meter_units_sql, &units, err) < 0 ||
	    pm_db_prepare(r->db, prev_reading_sql, &prev, err) < 0 ||
	    pm_db_prepare(r->db, meter_ins_sql, &ins, err) < 0)
		goto out;
	bind_common(units, r, it, p, unit, rate);
	/* collect first: inserting while stepping the same table is murky */
	{
		int64_t *ids = NULL, id;
		size_t n = 0, cap = 0, i;

		while ((src = pm_step(units)) == PM_ROW) {
			if (n == cap) {
				int64_t *nv;

				cap = cap ? cap * 2 : 64;
				if (!(nv = realloc(ids, cap * sizeof *ids))) {
					free(ids);
					pm_err_oom(err);
					goto out;
				}
				ids = nv;
			}
			ids[n++] = pm_col_int64(units, 0);
		}
		if (src != PM_DONE) {
			free(ids);
			pm_db_fail(r->db, err, _("billing"));
			goto out;
		}
		for (i = 0; i < n; i++) {
			struct pm_fee_usage u;
			int64_t after = 0, amount;

			id = ids[i];
			pm_stmt_reset(prev);
			pm_bind_int(prev, 1, id);
			pm_bind_int(prev, 2, it->id);
			pm_bind_text(prev, 3, first);
			if (step_int(r->db, prev, &after, err) < 0 ||
			    pm_fee_usage(r->db, id, it->meter, after, first, last, &u, err) < 0) {
				free(ids);
				goto out;
			}
			if (!u.found)
				continue;
			if (pm_dec_mul(u.qty, 2, rate, 4, 2, &amount) < 0 || amount > PM_MONEY_MAX) {
				char *code = NULL, q[PM_DEC_BUFSZ], x[PM_DEC_BUFSZ];

				free(ids);
				if (pm_unit_code(r->db, id, &code, err) < 0)
					goto out;
				pm_err_set(err, PM_EXIT_DATA,
				    _("'%s' for %s: unit '%s': %s × %s is above the limit of %s for one line"),
				    it->code, p->label, code, pm_dec_fmt_short(u.qty, 2, q),
				    pm_dec_fmt_short(rate, 4, x), PM_MONEY_MAX_TEXT);
				free(code);
				goto out;
			}
			pm_stmt_reset(ins);
			pm_bind_int(ins, 1, id);
			pm_bind_int(ins, 2, it->id);
			pm_bind_text(ins, 3, p->label);
			pm_bind_text(ins, 4, first);
			pm_bind_text(ins, 5, last);
			pm_bind_int(ins, 6, u.qty);
			pm_bind_int(ins, 7, rate);
			pm_bind_int(ins, 8, amount);
			pm_bind_int(ins, 9, u.prev);
			pm_bind_int(ins, 10, u.cur);
			pm_bind_int(ins, 11, u.reading_id);
			pm_bind_text(ins, 12, r->now);
			if (pm_db_step_done(r->db, ins, err) < 0) {
				free(ids);
				goto out;
			}
			(*bills)++;
			if (pm_money_add(total, amount, _("the bills raised"), err) < 0) {
				free(ids);
				goto out;
			}
		}
		free(ids);
	}
	rc = 0;
out:
	pm_stmt_free(units);
	pm_stmt_free(prev);
	pm_stmt_free(ins);
	return rc;
}

/* Bill one period of one item, for all units or the listed ones, and
 * write its row. */
static int
bill_period(struct run *r, const struct pm_fee_itemrec *it, const struct pm_fee_period *p,
	    const struct pm_fee_bill_run *o, struct pm_out *out, struct pm_err *err)
{
	char first[PM_DATE_BUFSZ], amount_s[24], bills_s[24], skipped_s[24];
	int64_t rate, bills = 0, amount = 0, skipped = 0, one;
	struct pm_stmt *st;
	const char *row[5];
	size_t i;
	int found;

	pm_date_fmt(p->first, first);
	if (it->retired && strcmp(first, it->retired) >= 0)
		return 0;
	if (pm_fee_item_rate_on(r->db, it->id, first, &rate, &found, err) < 0)
		return -1;
	if (!found)
		return 0;
	for (i = 0; i < (o->units ? o->nunits : 1); i++) {
		int64_t unit = o->units ? o->units[i] : 0;
		int rc = !strcmp(it->basis, "meter")
		    ? bill_meter(r, it, p, unit, rate, &bills, &amount, err)
		    : bill_area(r, it, p, unit, rate, &bills, &amount, err);

		if (rc < 0)
			return -1;
		if (!strcmp(it->basis, "unit"))
			continue;  /* every applicable unit has a quantity of 1 */
		if (pm_db_prepare(r->db, !strcmp(it->basis, "area") ? skipped_area_sql : skipped_sql,
		    &st, err) < 0)
			return -1;
		bind_common(st, r, it, p, unit, rate);
		rc = step_int(r->db, st, &one, err);
		pm_stmt_free(st);
		if (rc < 0)
			return -1;
		skipped += one;
	}
	if (bills && pm_auditf(r->db, it->code, err, "billed %s: %lld lines, %lld fen",
	    p->label, (long long)bills, (long long)amount) < 0)
		return -1;
	snprintf(bills_s, sizeof bills_s, "%lld", (long long)bills);
	snprintf(amount_s, sizeof amount_s, "%lld", (long long)amount);
	snprintf(skipped_s, sizeof skipped_s, "%lld", (long long)skipped);
	row[0] = it->code;
	row[1] = p->label;
	row[2] = bills_s;
	row[3] = amount_s;
	row[4] = skipped_s;
	return pm_out_row(out, row);
}

static int
apply_all_credit(struct run *r, struct pm_err *err)
{
	struct pm_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0, i;
	int rc;

	if (pm_db_prepare(r->db, credit_units_sql, &st, err) < 0)
		return -1;
	while ((rc = pm_step(st)) == PM_ROW) {
		if (n == cap) {
			int64_t *nv;

			cap = cap ? cap * 2 : 16;
			if (!(nv = realloc(ids, cap * sizeof *ids))) {
				pm_stmt_free(st);
				free(ids);
				return pm_err_oom(err);
			}
			ids = nv;
		}
		ids[n++] = pm_col_int64(st, 0);
	}
	pm_stmt_free(st);
	if (rc != PM_DONE) {
		free(ids);
		return pm_db_fail(r->db, err, _("reading credit"));
	}
	for (i = 0; i < n; i++) {
		int64_t applied;

		if (pm_fee_apply_credit(r->db, ids[i], r->today, &applied, err) < 0) {
			free(ids);
			return -1;
		}
	}
	free(ids);
	return 0;
}

static int
run_setup(struct run *r, struct pm_db *db, struct pm_err *err)
{
	char *how = NULL;

	memset(r, 0, sizeof *r);
	r->db = db;
	if (pm_fee_date(db, NULL, r->today, err) < 0 || pm_fee_now(r->now, err) < 0)
		return -1;
	if (pm_setting_get(db, "fee.movein_billing", &how, err) < 0 ||
	    pm_setting_get_int(db, "fee.vacant_discount_percent", &r->vacant, err) < 0) {
		free(how);
		return -1;
	}
	r->prorate = !strcmp(how, "days");
	free(how);
	return 0;
}

int
pm_fee_bill(struct pm_db *db, const struct pm_fee_bill_run *o, struct pm_out *out,
	    struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"item", N_("Item"), PM_COL_CODE, 0},
		{"period", N_("Period"), PM_COL_CODE, 0},
		{"bills", N_("Lines added"), PM_COL_INT, 0},
		{"amount", N_("Amount"), PM_COL_MONEY, 0},
		{"skipped", N_("Not billed"), PM_COL_INT, 0},
	};
	struct run r;
	struct pm_stmt *st = NULL;
	int64_t only = 0;
	int rc = -1, src;

	if (run_setup(&r, db, err) < 0)
		goto out;
	if (o->item && pm_fee_item_find(db, o->item, &only, err) < 0)
		goto out;
	if (pm_db_prepare(db, "SELECT id FROM fee_item WHERE cycle <> 'once'"
	    " AND (?1 = 0 OR id = ?1) ORDER BY id", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, only);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	while ((src = pm_step(st)) == PM_ROW) {
		struct pm_fee_itemrec it;
		struct pm_fee_period *v;
		size_t n, i;
		int bad = 0;

		if (pm_fee_item_load(db, pm_col_int64(st, 0), &it, err) < 0)
			goto out;
		pm_buf_reset(&r.types);
		if (pm_buf_addf(&r.types, ",%s,", it.types) < 0) {
			pm_fee_item_free(&it);
			pm_err_oom(err);
			goto out;
		}
		if (pm_fee_item_periods(&it, o->span.first, o->span.last, &v, &n, err) < 0) {
			pm_fee_item_free(&it);
			goto out;
		}
		for (i = 0; i < n && !bad; i++)
			bad = bill_period(&r, &it, &v[i], o, out, err) < 0;
		free(v);
		pm_fee_item_free(&it);
		if (bad)
			goto out;
	}
	if (src != PM_DONE) {
		pm_db_fail(db, err, _("reading fee items"));
		goto out;
	}
	if (apply_all_credit(&r, err) < 0)
		goto out;
	pm_out_end(out);
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&r.types);
	return rc;
}

int
pm_fee_charge(struct pm_db *db, int64_t unit_id, const char *item, const char *qty_s,
	      const char *amount_s, const char *note, int64_t *bill_id, struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO bill(unit_id, item_id, kind, period, starts, ends, qty, rate, base,"
	    " amount, note, raised) VALUES (?1, ?2, 'charge', ?3, ?3, ?3, ?4, ?5, ?6, ?6, ?7, ?8)";
	struct pm_fee_itemrec it;
	char today[PM_DATE_BUFSZ], now[PM_TIME_BUFSZ], a[PM_DEC_BUFSZ];
	int64_t id, rate = 0, qty = 100, amount, applied;
	struct pm_buf text = PM_BUF_INIT;
	struct pm_stmt *st;
	char *code = NULL;
	int found, rc;

	if (pm_fee_item_find(db, item, &id, err) < 0 || pm_fee_item_load(db, id, &it, err) < 0)
		return -1;
	rc = strcmp(it.basis, "fixed");
	pm_fee_item_free(&it);
	if (rc)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("'%s' is billed by period, not charged once (see pm-fee item list)"), item);
	if (pm_fee_date(db, NULL, today, err) < 0 || pm_fee_now(now, err) < 0)
		return -1;
	if (qty_s) {
		enum pm_num nrc = pm_dec_parse(qty_s, strlen(qty_s), 2, &qty);

		if (nrc == PM_NUM_OK && qty <= 0)
			nrc = PM_NUM_NEGATIVE;
		if (nrc != PM_NUM_OK)
			return pm_err_set(err, PM_EXIT_DATA, _("quantity '%s': %s"), qty_s, pm_num_reason(nrc));
	}
	if (pm_fee_item_rate_on(db, id, today, &rate, &found, err) < 0)
		return -1;
	if (amount_s) {
		enum pm_num nrc = pm_money_parse(amount_s, strlen(amount_s), &amount);

		if (nrc == PM_NUM_OK && amount <= 0)
			nrc = PM_NUM_NEGATIVE;
		if (nrc != PM_NUM_OK)
			return pm_err_set(err, PM_EXIT_DATA, _("amount '%s': %s"), amount_s, pm_num_reason(nrc));
		if (amount > PM_FEE_RATE_MAX / 100)
			return pm_err_set(err, PM_EXIT_DATA, _("amount '%s': %s"), amount_s,
			    pm_num_reason(PM_NUM_RANGE));
		/* the line says what was charged: amount for the quantity */
		qty = 100;
		rate = amount * 100;
	} else {
		if (!found)
			return pm_err_set(err, PM_EXIT_DATA, _("'%s' has no rate yet: give the amount"), item);
		if (pm_dec_mul(qty, 2, rate, 4, 2, &amount) < 0)
			return pm_err_set(err, PM_EXIT_DATA, _("quantity × rate is too large"));
	}
	if (amount <= 0)
		return pm_err_set(err, PM_EXIT_DATA, _("a charge of 0.00 is no charge"));
	if (note && (pm_text_normalize(note, strlen(note), &text) != NULL)) {
		pm_buf_free(&text);
		return pm_err_set(err, PM_EXIT_DATA, _("note: too long or has control characters"));
	}
	if (pm_db_prepare(db, sql, &st, err) < 0) {
		pm_buf_free(&text);
		return -1;
	}
	pm_bind_int(st, 1, unit_id);
	pm_bind_int(st, 2, id);
	pm_bind_text(st, 3, today);
	pm_bind_int(st, 4, qty);
	pm_bind_int(st, 5, rate);
	pm_bind_int(st, 6, amount);
	pm_bind_text_null(st, 7, pm_buf_str(&text));
	pm_bind_text(st, 8, now);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	pm_buf_free(&text);
	if (rc < 0)
		return -1;
	*bill_id = pm_db_last_id(db);
	if (pm_unit_code(db, unit_id, &code, err) < 0)
		return -1;
	rc = pm_auditf(db, code, err, "charged %s %s", item, pm_money_fmt(amount, a));
	free(code);
	if (rc < 0)
		return -1;
	return pm_fee_apply_credit(db, unit_id, today, &applied, err);
}

int
pm_fee_adjust(struct pm_db *db, int64_t unit_id, const char *item, const char *period,
	      const char *amount_s, const char *reason, struct pm_err *err)
{
	static const char find_sql[] =
	    "SELECT b.id, b.amount + " PM_FEE_ADJ_SQL ", " PM_FEE_OWED_SQL " FROM bill b"
	    " WHERE b.unit_id = ?1 AND b.item_id = ?2 AND b.period = ?3"
	    " ORDER BY b.kind = 'bill' DESC, b.id DESC LIMIT 1";
	struct pm_buf why = PM_BUF_INIT;
	char today[PM_DATE_BUFSZ], now[PM_TIME_BUFSZ], a[PM_DEC_BUFSZ], b[PM_DEC_BUFSZ];
	int64_t item_id, bill_id = 0, due = 0, owed = 0, amount, applied;
	enum pm_num nrc;
	struct pm_stmt *st;
	char *code = NULL;
	int rc;

	nrc = amount_s ? pm_money_parse(amount_s, strlen(amount_s), &amount) : PM_NUM_EMPTY;
	if (nrc == PM_NUM_OK && amount == 0)
		nrc = PM_NUM_SYNTAX;
	if (nrc != PM_NUM_OK)
		return pm_err_set(err, PM_EXIT_DATA, _("adjustment '%s': %s"), amount_s ? amount_s : "",
		    nrc == PM_NUM_SYNTAX && amount_s ? _("not a non-zero amount") : pm_num_reason(nrc));
	if (!reason || pm_text_normalize(reason, strlen(reason), &why) || !why.len) {
		pm_buf_free(&why);
		return pm_err_set(err, PM_EXIT_DATA, _("an adjustment needs a reason"));
	}
	if (pm_fee_item_find(db, item, &item_id, err) < 0 ||
	    pm_fee_date(db, NULL, today, err) < 0 || pm_fee_now(now, err) < 0)
		goto fail;
	if (pm_db_prepare(db, find_sql, &st, err) < 0)
		goto fail;
	pm_bind_int(st, 1, unit_id);
	pm_bind_int(st, 2, item_id);
	pm_bind_text(st, 3, period);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		bill_id = pm_col_int64(st, 0);
		due = pm_col_int64(st, 1);
		owed = pm_col_int64(st, 2);
	}
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE) {
		pm_db_fail(db, err, _("reading bills"));
		goto fail;
	}
	if (rc == PM_DONE) {
		pm_err_set(err, PM_EXIT_DATA, _("no '%s' line for %s to adjust"), item, period);
		goto fail;
	}
	if (owed + amount < 0 || due + amount < 0) {
		pm_err_set(err, PM_EXIT_DATA,
		    _("the line owes %s: it can be reduced by that much at most (void a payment first "
		      "to reduce it further)"), pm_money_fmt(owed, a));
		goto fail;
	}
	if (pm_db_prepare(db, "INSERT INTO adjustment(bill_id, amount, reason, date, at, clerk)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err) < 0)
		goto fail;
	pm_bind_int(st, 1, bill_id);
	pm_bind_int(st, 2, amount);
	pm_bind_text(st, 3, why.s);
	pm_bind_text(st, 4, today);
	pm_bind_text(st, 5, now);
	pm_bind_text(st, 6, pm_audit_who());
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc < 0 || pm_unit_code(db, unit_id, &code, err) < 0)
		goto fail;
	rc = pm_auditf(db, code, err, "adjusted %s %s by %s (was %s): %s", item, period,
	    pm_money_fmt(amount, a), pm_money_fmt(due, b), why.s);
	free(code);
	pm_buf_free(&why);
	if (rc < 0)
		return -1;
	return amount > 0 ? pm_fee_apply_credit(db, unit_id, today, &applied, err) : 0;
fail:
	pm_buf_free(&why);
	return -1;
}

int
pm_fee_bills(struct pm_db *db, const struct pm_fee_bill_filter *f, struct pm_out *out,
	     struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"item", N_("Item"), PM_COL_CODE, 0},
		{"period", N_("Period"), PM_COL_CODE, 0},
		{"amount", N_("Amount"), PM_COL_MONEY, 0},
		{"adjusted", N_("Adjusted"), PM_COL_MONEY, 0},
		{"paid", N_("Paid"), PM_COL_MONEY, 0},
		{"owed", N_("Owed"), PM_COL_MONEY, 0},
		{"how", N_("How"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT u.code, i.code, b.period, b.amount, " PM_FEE_ADJ_SQL ", " PM_FEE_PAID_SQL ","
	    " " PM_FEE_OWED_SQL " AS owed, i.basis, i.meter, b.qty, b.rate, b.base,"
	    " coalesce(b.prev, -1), coalesce(b.cur, -1), coalesce(b.days, -1),"
	    " coalesce(b.of_days, -1), coalesce(b.discount, -1), b.note"
	    " FROM bill b JOIN unit u ON u.id = b.unit_id JOIN fee_item i ON i.id = b.item_id"
	    " WHERE (?1 = 0 OR b.unit_id = ?1) AND (?2 = 0 OR b.item_id = ?2)"
	    "  AND (?3 IS NULL OR b.starts >= ?3) AND (?4 IS NULL OR b.starts <= ?4)"
	    "  AND (NOT ?5 OR owed > 0)"
	    " ORDER BY u.code, b.starts, i.id, b.id";
	struct pm_buf how = PM_BUF_INIT;
	int64_t item_id = 0;
	struct pm_stmt *st;
	int rc;

	if (f->item && pm_fee_item_find(db, f->item, &item_id, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, f->unit_id);
	pm_bind_int(st, 2, item_id);
	pm_bind_text_null(st, 3, f->first);
	pm_bind_text_null(st, 4, f->last);
	pm_bind_int(st, 5, f->open);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	while ((rc = pm_step(st)) == PM_ROW) {
		struct pm_fee_line l;
		char num[4][24];
		const char *v[8];
		int k;

		l.basis = pm_col_text(st, 7);
		l.meter = pm_col_text(st, 8);
		l.qty = pm_col_int64(st, 9);
		l.rate = pm_col_int64(st, 10);
		l.base = pm_col_int64(st, 11);
		l.amount = pm_col_int64(st, 3);
		l.prev = pm_col_int64(st, 12);
		l.cur = pm_col_int64(st, 13);
		l.days = pm_col_int64(st, 14);
		l.of_days = pm_col_int64(st, 15);
		l.discount = pm_col_int64(st, 16);
		pm_buf_reset(&how);
		if (pm_fee_how(&l, &how) < 0 ||
		    (!pm_col_null(st, 17) &&
		     pm_buf_addf(&how, " (%s)", pm_col_text(st, 17)) < 0)) {
			rc = PM_STEP_OOM;
			break;
		}
		v[0] = pm_col_text(st, 0);
		v[1] = pm_col_text(st, 1);
		v[2] = pm_col_text(st, 2);
		for (k = 0; k < 4; k++) {
			snprintf(num[k], sizeof num[k], "%lld", (long long)pm_col_int64(st, 3 + k));
			v[3 + k] = num[k];
		}
		v[7] = pm_buf_str(&how);
		if (pm_out_row(out, v) < 0)
			break;
	}
	pm_stmt_free(st);
	pm_buf_free(&how);
	if (rc != PM_ROW && rc != PM_DONE)
		return pm_db_fail(db, err, _("reading bills"));
	pm_out_end(out);
	return 0;
}
