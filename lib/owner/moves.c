/* moves.c - move-in checklist, move-out and the goods release permit */
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/keyword.h"
#include "core/money.h"
#include "core/settings.h"
#include "core/time.h"
#include "moves.h"
#include "ties.h"
#include "unit.h"

const struct pm_keyword pm_movein_inspections[] = {
	{"passed", "合格", "验收合格|pass|ok"},
	{"failed", "不合格", "验收不合格|fail"},
	{NULL, NULL, NULL},
};

/* Shown, not typed: the events of a unit's moves and of the monthly
 * registers. */
const struct pm_keyword pm_move_events[] = {
	{"movein", "入住", NULL},
	{"moveout", "迁出", NULL},
	{"start", "开始", NULL},
	{"end", "结束", NULL},
	{"ended", "退租", NULL},
	{NULL, NULL, NULL},
};

/* A meter reading option: *v (x100), *has. */
static int
reading(const char *s, const char *opt, int64_t *v, int *has, struct pm_err *err)
{
	enum pm_num rc;

	*has = 0;
	if (!s)
		return 0;
	rc = pm_dec_parse(s, strlen(s), 2, v);
	if (rc != PM_NUM_OK || *v < 0)
		return pm_err_set(err, PM_EXIT_DATA, _("%s '%s': %s"), opt, s,
		    rc != PM_NUM_OK ? pm_num_reason(rc) : _("negative"));
	*has = 1;
	return 0;
}

/* Append the items of comma-separated list to b, '\n'-separated, each
 * checked against the checklist; "all" is the whole checklist. */
static int
documents(const char *list, const char *checklist, struct pm_buf *b, struct pm_err *err)
{
	const char *p = list;

	if (!strcmp(list, "all") || !strcmp(list, "全部")) {
		for (p = checklist; *p; p++)
			if (pm_buf_addc(b, *p == ',' ? '\n' : *p) < 0)
				return pm_err_oom(err);
		return 0;
	}
	while (p && *p) {
		const char *comma = p;
		size_t n;

		/* split at ',' or the full-width '，' (EF BC 8C) */
		while (*comma && *comma != ',' && strncmp(comma, "，", 3))
			comma++;
		if (!*comma)
			comma = NULL;
		n = comma ? (size_t)(comma - p) : strlen(p);
		const char *c = checklist;
		int found = 0;

		while (c && *c) {
			const char *cc = strchr(c, ',');
			size_t k = cc ? (size_t)(cc - c) : strlen(c);

			if (k == n && !strncmp(c, p, n))
				found = 1;
			c = cc ? cc + 1 : NULL;
		}
		if (!found)
			return pm_err_set(err, PM_EXIT_DATA,
			    _("'%.*s' is not on the move-in checklist (%s)"), (int)n, p, checklist);
		if ((b->len && pm_buf_addc(b, '\n') < 0) || pm_buf_add(b, p, n) < 0)
			return pm_err_oom(err);
		p = comma ? comma + (*comma == ',' ? 1 : 3) : NULL;
	}
	return 0;
}

static int
staff_id(struct pm_db *db, const char *name, int64_t *id, struct pm_err *err)
{
	*id = 0;
	return name ? pm_staff_find(db, name, id, NULL, err) : 0;
}

/* The latest date of table (movein or moveout) of unit up to today, into
 * buf ("" when there is none). */
static int
last_date(struct pm_db *db, const char *sql, int64_t unit, const char *today,
	  char buf[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	buf[0] = '\0';
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit);
	pm_bind_text(st, 2, today);
	rc = pm_step(st);
	if (rc == PM_ROW && !pm_col_null(st, 0))
		snprintf(buf, PM_DATE_BUFSZ, "%s", pm_col_text(st, 0));
	pm_stmt_free(st);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("reading move-ins"));
}

static const char last_movein_sql[] =
    "SELECT max(date) FROM movein WHERE unit_id = ?1 AND date <= ?2";
static const char last_moveout_sql[] =
    "SELECT max(date) FROM moveout WHERE unit_id = ?1 AND date <= ?2";

/* Today's estate date, into buf. */
static int
today_text(char buf[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_date d;

	if (pm_today(&d, err) < 0)
		return -1;
	pm_date_fmt(d, buf);
	return 0;
}

int
pm_movein(struct pm_db *db, const struct pm_movein_in *m, struct pm_err *err)
{
	char date[PM_DATE_BUFSZ], rectify[PM_DATE_BUFSZ], rectified[PM_DATE_BUFSZ];
	char today[PM_DATE_BUFSZ], since[PM_DATE_BUFSZ];
	char *code = NULL, *checklist = NULL;
	const char *insp = NULL, *status;
	struct pm_buf signed_ = PM_BUF_INIT;
	int64_t unit, w, e, g, hot, staff, person = 0, existing = 0;
	int hw, he, hg, hh, rc = -1;
	struct pm_stmt *st = NULL;

	if (m->inspection && !(insp = pm_keyword_key(pm_movein_inspections, m->inspection)))
		return pm_err_set(err, PM_EXIT_DATA, _("--inspection: '%s' is not passed or failed"),
		    m->inspection);
	if (pm_owner_date(m->date, "--date", date, err) < 0 ||
	    (m->rectify_by && pm_owner_date(m->rectify_by, "--rectify-by", rectify, err) < 0) ||
	    (m->rectified && pm_owner_date(m->rectified, "--rectified", rectified, err) < 0) ||
	    reading(m->water, "--water", &w, &hw, err) < 0 ||
	    reading(m->electricity, "--electricity", &e, &he, err) < 0 ||
	    reading(m->gas, "--gas", &g, &hg, err) < 0 ||
	    reading(m->hot_water, "--hot-water", &hot, &hh, err) < 0)
		return -1;
	if (pm_unit_find(db, m->unit, &unit, &code, err) < 0)
		return -1;
	/* time order: what is recorded as done is no later than today */
	if (today_text(today, err) < 0)
		goto out;
	if (strcmp(date, today) > 0) {
		pm_err_set(err, PM_EXIT_DATA, _("cannot move in %s on %s: that is after today (%s)"),
		    code, date, today);
		goto out;
	}
	if (m->rectified && strcmp(rectified, today) > 0) {
		pm_err_set(err, PM_EXIT_DATA, _("--rectified %s is after today (%s)"), rectified,
		    today);
		goto out;
	}
	if (staff_id(db, m->by, &staff, err) < 0 ||
	    pm_setting_get(db, "movein.documents", &checklist, err) < 0 ||
	    pm_unit_status(db, unit, &status, err) < 0)
		goto out;
	if (m->signed_docs && documents(m->signed_docs, checklist, &signed_, err) < 0)
		goto out;
	if (!strcmp(status, "unsold")) {
		pm_err_set(err, PM_EXIT_DATA, _("%s has no owner: record the sale first (pm-owner transfer)"), code);
		goto out;
	}
	if (m->amend) {
		if (pm_db_prepare(db, "SELECT id, date FROM movein WHERE unit_id = ?1 AND source = 'desk'"
		    " ORDER BY date DESC, id DESC LIMIT 1", &st, err) < 0)
			goto out;
		pm_bind_int(st, 1, unit);
		since[0] = '\0';
		if ((rc = pm_step(st)) == PM_ROW) {
			existing = pm_col_int64(st, 0);
			snprintf(since, sizeof since, "%s", pm_col_text(st, 1));
		}
		pm_stmt_free(st);
		st = NULL;
		if (rc != PM_ROW && rc != PM_DONE) {
			rc = pm_db_fail(db, err, _("reading move-ins"));
			goto out;
		}
		rc = -1;
		if (!existing) {
			pm_err_set(err, PM_EXIT_DATA, _("%s has no move-in recorded at the desk to amend"), code);
			goto out;
		}
		/* defects are put right after the move-in they were found at */
		if (m->rectified && strcmp(rectified, since) < 0) {
			pm_err_set(err, PM_EXIT_DATA, _("--rectified %s is before the move-in (%s)"),
			    rectified, since);
			goto out;
		}
		/* documents signed later add to those signed before */
		if (pm_db_prepare(db, "UPDATE movein SET"
		    " signed = CASE WHEN ?2 IS NULL THEN signed WHEN signed IS NULL OR signed = '' THEN ?2"
		    "   ELSE signed || char(10) || ?2 END,"
		    " keys = coalesce(?3, keys), keys_signed = max(keys_signed, ?4),"
		    " water = coalesce(?5, water), electricity = coalesce(?6, electricity),"
		    " gas = coalesce(?7, gas), inspection = coalesce(?8, inspection),"
		    " defects = coalesce(?9, defects), rectify_by = coalesce(?10, rectify_by),"
		    " rectified = coalesce(?11, rectified), services = coalesce(?12, services),"
		    " remark = coalesce(?13, remark), hot_water = coalesce(?19, hot_water)"
		    " WHERE id = ?1", &st, err) < 0)
			goto out;
		pm_bind_int(st, 1, existing);
	} else {
		if (!strcmp(status, "occupied")) {
			pm_err_set(err, PM_EXIT_DATA,
			    _("%s is already moved into: record the move-out first, or --amend the move-in"), code);
			goto out;
		}
		/* a back-dated move-in takes its place after the last move-out;
		 * on the same day it would not count (a unit is occupied when
		 * its last move-in is later than its last move-out, by date:
		 * PM_UNIT_STATUS_SQL), and a second move-in would be let in */
		if (last_date(db, last_moveout_sql, unit, today, since, err) < 0)
			goto out;
		if (*since && strcmp(date, since) <= 0) {
			pm_err_set(err, PM_EXIT_DATA, _("cannot move in %s on %s: it was moved out on %s"),
			    code, date, since);
			goto out;
		}
		/* nor before a seller's move-in that a sale closed: the last
		 * move-in by date is the one that says who lives there */
		if (last_date(db, last_movein_sql, unit, today, since, err) < 0)
			goto out;
		if (*since && strcmp(date, since) < 0) {
			pm_err_set(err, PM_EXIT_DATA,
			    _("cannot move in %s on %s: the last move-in was on %s"), code, date, since);
			goto out;
		}
		if (m->rectified && strcmp(rectified, date) < 0) {
			pm_err_set(err, PM_EXIT_DATA, _("--rectified %s is before the move-in (%s)"),
			    rectified, date);
			goto out;
		}
		/* who moves in: the named owner, or the first current one */
		if (pm_db_prepare(db, "SELECT o.person_id FROM ownership o JOIN person p ON p.id = o.person_id"
		    " WHERE o.unit_id = ?1 AND o.until IS NULL AND (?2 IS NULL OR p.name = ?2)"
		    " ORDER BY o.id LIMIT 1", &st, err) < 0)
			goto out;
		pm_bind_int(st, 1, unit);
		pm_bind_text_null(st, 2, m->owner);
		if (pm_step(st) == PM_ROW)
			person = pm_col_int64(st, 0);
		pm_stmt_free(st);
		st = NULL;
		if (!person) {
			pm_err_set(err, PM_EXIT_DATA, _("'%s' is not an owner of %s"), m->owner, code);
			goto out;
		}
		if (pm_db_prepare(db, "INSERT INTO movein(unit_id, date, source, batch, person_id,"
		    " required, signed, keys, keys_signed, water, electricity, gas, inspection, defects,"
		    " rectify_by, rectified, services, remark, staff_id, hot_water) VALUES (?1, ?14,"
		    " 'desk', ?15, ?16, ?17, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?18, ?19)",
		    &st, err) < 0)
			goto out;
		pm_bind_int(st, 1, unit);
		pm_bind_text(st, 14, date);
		pm_bind_int(st, 15, m->batch);
		pm_bind_int(st, 16, person);
		{
			/* the checklist as it stood: a later change to the
			 * setting does not reopen old move-ins */
			char *p;

			for (p = checklist; *p; p++)
				if (*p == ',')
					*p = '\n';
			pm_bind_text(st, 17, checklist);
		}
		if (staff)
			pm_bind_int(st, 18, staff);
	}
	if (insp && !strcmp(insp, "failed") && !m->rectify_by) {
		/* the seeds' "限期整改": a deadline always; 15 days unless told */
		struct pm_date d;

		pm_date_parse(date, strlen(date), &d);
		pm_date_fmt(pm_date_add(d, 15), rectify);
	}
	pm_bind_text_null(st, 2, signed_.len ? signed_.s : NULL);
	pm_bind_text_null(st, 3, m->keys);
	pm_bind_int(st, 4, m->keys_signed);
	if (hw)
		pm_bind_int(st, 5, w);
	if (he)
		pm_bind_int(st, 6, e);
	if (hg)
		pm_bind_int(st, 7, g);
	if (hh)
		pm_bind_int(st, 19, hot);
	pm_bind_text_null(st, 8, insp);
	pm_bind_text_null(st, 9, m->defects);
	pm_bind_text_null(st, 10, m->rectify_by || (insp && !strcmp(insp, "failed")) ? rectify : NULL);
	pm_bind_text_null(st, 11, m->rectified ? rectified : NULL);
	pm_bind_text_null(st, 12, m->services);
	pm_bind_text_null(st, 13, m->remark);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	rc = pm_auditf(db, code, err, m->amend ? "move-in amended" : "moved in %s%s", date,
	    m->batch ? " (batch)" : "");
out:
	pm_stmt_free(st);
	pm_buf_free(&signed_);
	free(checklist);
	free(code);
	return rc;
}

/* Is the n bytes at item one of the '\n'-separated entries of list? */
static int
in_list(const char *list, const char *item, size_t n)
{
	while (list && *list) {
		const char *nl = strchr(list, '\n');
		size_t k = nl ? (size_t)(nl - list) : strlen(list);

		if (k == n && !strncmp(list, item, n))
			return 1;
		list = nl ? nl + 1 : NULL;
	}
	return 0;
}

/* Items of the '\n'-separated required list not in signed, joined by "、". */
static void
missing_docs(const char *required, const char *signed_, struct pm_buf *out)
{
	const char *p = required;

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (n && !in_list(signed_, p, n)) {
			if (out->len)
				pm_buf_adds(out, "、");
			pm_buf_add(out, p, n);
		}
		p = nl ? nl + 1 : NULL;
	}
}

int
pm_movein_pending(struct pm_db *db, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"date", N_("Moved in"), PM_COL_CODE, 0},
		{"missing", N_("Missing"), PM_COL_TEXT, 0},
		{"rectify_by", N_("Rectify by"), PM_COL_CODE, 0},
		{"overdue", N_("Overdue"), PM_COL_CODE, 0},
	};
	/* the latest desk move-in of each unit that is still moved into */
	static const char sql[] =
	    "SELECT u.code, m.date, m.required, m.signed, m.keys_signed,"
	    " m.water IS NULL AND m.electricity IS NULL AND m.gas IS NULL AND m.hot_water IS NULL,"
	    " m.inspection,"
	    " m.rectify_by, m.rectified, :today"
	    " FROM movein m JOIN unit u ON u.id = m.unit_id"
	    " WHERE m.source = 'desk'"
	    "   AND m.id = (SELECT id FROM movein WHERE unit_id = m.unit_id ORDER BY date DESC, id DESC LIMIT 1)"
	    "   AND NOT EXISTS (SELECT 1 FROM moveout x WHERE x.unit_id = m.unit_id AND x.date >= m.date)"
	    " ORDER BY m.date, u.code";
	struct pm_buf miss = PM_BUF_INIT;
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	if (pm_bind_today(st, err) < 0) {
		pm_stmt_free(st);
		return -1;
	}
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	while ((rc = pm_step(st)) == PM_ROW) {
		const char *insp = pm_col_text(st, 6), *by = pm_col_text(st, 7);
		int open_defects = !strcmp(insp, "failed") && pm_col_null(st, 8);
		int overdue = open_defects && *by && strcmp(by, pm_col_text(st, 9)) < 0;
		const char *v[5];

		pm_buf_reset(&miss);
		missing_docs(pm_col_text(st, 2), pm_col_text(st, 3), &miss);
		if (!pm_col_int(st, 4))
			pm_buf_addf(&miss, "%s%s", miss.len ? "、" : "", _("keys not signed for"));
		if (pm_col_int(st, 5))
			pm_buf_addf(&miss, "%s%s", miss.len ? "、" : "", _("meter readings"));
		if (!*insp)
			pm_buf_addf(&miss, "%s%s", miss.len ? "、" : "", _("house inspection"));
		if (open_defects)
			pm_buf_addf(&miss, "%s%s", miss.len ? "、" : "", _("defects not put right"));
		if (!miss.len)
			continue;
		v[0] = pm_col_text(st, 0);
		v[1] = pm_col_text(st, 1);
		v[2] = miss.s;
		v[3] = open_defects ? by : NULL;
		v[4] = overdue ? "yes" : "no";
		if (pm_out_row(out, v) < 0)
			break;
	}
	pm_stmt_free(st);
	pm_buf_free(&miss);
	if (rc != PM_DONE && rc != PM_ROW)
		return pm_db_fail(db, err, _("reading move-ins"));
	pm_out_end(out);
	return 0;
}

int
pm_moveout(struct pm_db *db, const struct pm_moveout_in *m, char permit[PM_SEQ_BUFSZ],
	   struct pm_err *err)
{
	char date[PM_DATE_BUFSZ], today[PM_DATE_BUFSZ], since[PM_DATE_BUFSZ], *code = NULL;
	char out_on[PM_DATE_BUFSZ];
	const char *status;
	int64_t unit, w, e, g, hot, staff;
	int hw, he, hg, hh, rc = -1;
	struct pm_date d;
	struct pm_stmt *st;

	if (pm_owner_date(m->date, "--date", date, err) < 0 ||
	    reading(m->water, "--water", &w, &hw, err) < 0 ||
	    reading(m->electricity, "--electricity", &e, &he, err) < 0 ||
	    reading(m->gas, "--gas", &g, &hg, err) < 0 ||
	    reading(m->hot_water, "--hot-water", &hot, &hh, err) < 0)
		return -1;
	if (pm_unit_find(db, m->unit, &unit, &code, err) < 0)
		return -1;
	if (staff_id(db, m->by, &staff, err) < 0 || pm_unit_status(db, unit, &status, err) < 0)
		goto out;
	/* time order: no later than today, no earlier than the move-in */
	if (today_text(today, err) < 0)
		goto out;
	/* a seller whose occupancy the sale ended still takes the goods
	 * out: a move-in not yet followed by a move-out is enough */
	if (strcmp(status, "occupied") && strcmp(status, "rented")) {
		if (last_date(db, last_movein_sql, unit, today, since, err) < 0 ||
		    last_date(db, last_moveout_sql, unit, today, out_on, err) < 0)
			goto out;
		if (!*since || strcmp(since, out_on) <= 0) {
			pm_err_set(err, PM_EXIT_DATA, _("%s: nobody has moved in (it is %s)"), code, status);
			goto out;
		}
	}
	if (strcmp(date, today) > 0) {
		pm_err_set(err, PM_EXIT_DATA, _("cannot move out %s on %s: that is after today (%s)"),
		    code, date, today);
		goto out;
	}
	if (last_date(db, last_movein_sql, unit, today, since, err) < 0)
		goto out;
	if (strcmp(date, since) < 0) {
		pm_err_set(err, PM_EXIT_DATA, _("cannot move out %s on %s: it was moved into on %s"),
		    code, date, since);
		goto out;
	}
	pm_date_parse(date, strlen(date), &d);
	if (pm_seq_next(db, "F", d.y, permit, err) < 0)
		goto out;
	if (pm_db_prepare(db, "INSERT INTO moveout(unit_id, date, permit, goods, keys, water,"
	    " electricity, gas, staff_id, remark, hot_water)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, unit);
	pm_bind_text(st, 2, date);
	pm_bind_text(st, 3, permit);
	pm_bind_text_null(st, 4, m->goods);
	pm_bind_text_null(st, 5, m->keys);
	if (hw)
		pm_bind_int(st, 6, w);
	if (he)
		pm_bind_int(st, 7, e);
	if (hg)
		pm_bind_int(st, 8, g);
	if (hh)
		pm_bind_int(st, 11, hot);
	if (staff)
		pm_bind_int(st, 9, staff);
	pm_bind_text_null(st, 10, m->remark);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		rc = pm_auditf(db, code, err, "moved out %s, permit %s", date, permit);
out:
	free(code);
	return rc;
}

int
pm_moveout_permit(struct pm_db *db, const char *permit, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"permit", N_("Permit"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"owner", N_("Owner"), PM_COL_TEXT, 0},
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"goods", N_("Goods"), PM_COL_TEXT, 0},
		{"keys", N_("Keys returned"), PM_COL_TEXT, 0},
		{"water", N_("Water"), PM_COL_DEC, 2},
		{"electricity", N_("Electricity"), PM_COL_DEC, 2},
		{"gas", N_("Gas"), PM_COL_DEC, 2},
		{"hot_water", N_("Hot water"), PM_COL_DEC, 2},
		{"clerk", N_("Clerk"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT x.permit, u.code,"
	    " (SELECT group_concat(name, '、') FROM (SELECT p.name FROM ownership o JOIN person p"
	    "   ON p.id = o.person_id WHERE o.unit_id = u.id"
	    "   AND (o.since IS NULL OR o.since <= x.date) AND (o.until IS NULL OR o.until >= x.date)"
	    "   ORDER BY o.id)),"
	    " x.date, x.goods, x.keys, x.water, x.electricity, x.gas, x.hot_water, s.name"
	    " FROM moveout x JOIN unit u ON u.id = x.unit_id LEFT JOIN staff s ON s.id = x.staff_id"
	    " WHERE x.permit = ?1";
	static const char *const sign[] = {N_("Owner's signature"), N_("Clerk"), N_("Security check")};
	struct pm_stmt *st;
	int rc, rows = 0;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, permit);
	pm_out_begin(out, N_("permit"), cols, sizeof cols / sizeof cols[0], 1);
	while ((rc = pm_step(st)) == PM_ROW) {
		pm_out_stmt(out, st);
		rows++;
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading permits"));
	if (!rows)
		return pm_err_set(err, PM_EXIT_DATA, _("no goods release permit '%s'"), permit);
	pm_out_end(out);
	pm_out_note(out, _("The goods above may leave the estate.  Valid on the date shown."));
	return pm_out_signatures(out, sign, 3);
}

int
pm_movein_sheet(struct pm_db *db, const char *unit_s, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"owner", N_("Owner"), PM_COL_TEXT, 0},
		{"date", N_("Moved in"), PM_COL_CODE, 0},
		{"batch", N_("Batch move-in"), PM_COL_CODE, 0},
		{"keys", N_("Keys handed over"), PM_COL_TEXT, 0},
		{"keys_signed", N_("Keys signed for"), PM_COL_CODE, 0},
		{"water", N_("Water"), PM_COL_DEC, 2},
		{"electricity", N_("Electricity"), PM_COL_DEC, 2},
		{"gas", N_("Gas"), PM_COL_DEC, 2},
		{"hot_water", N_("Hot water"), PM_COL_DEC, 2},
		{"inspection", N_("House inspection"), PM_COL_CODE, 0},
		{"defects", N_("Defects"), PM_COL_TEXT, 0},
		{"rectify_by", N_("Rectify by"), PM_COL_CODE, 0},
		{"rectified", N_("Rectified"), PM_COL_CODE, 0},
		{"services", N_("Delegated services"), PM_COL_TEXT, 0},
		{"clerk", N_("Clerk"), PM_COL_TEXT, 0},
	};
	static const struct pm_col doc_cols[] = {
		{"document", N_("Document"), PM_COL_TEXT, 0},
		{"signed", N_("Signed for"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT u.code, p.name, m.date, CASE m.batch WHEN 1 THEN 'yes' ELSE 'no' END, m.keys,"
	    " CASE m.keys_signed WHEN 1 THEN 'yes' ELSE 'no' END, m.water, m.electricity, m.gas,"
	    " m.hot_water, m.inspection, m.defects, m.rectify_by, m.rectified, m.services, s.name,"
	    " m.required, m.signed"
	    " FROM movein m JOIN unit u ON u.id = m.unit_id LEFT JOIN person p ON p.id = m.person_id"
	    " LEFT JOIN staff s ON s.id = m.staff_id"
	    " WHERE m.unit_id = ?1 AND m.source = 'desk' ORDER BY m.date DESC, m.id DESC LIMIT 1";
	static const char *const sign[] = {N_("Owner's signature"), N_("Clerk"), N_("Date")};
	struct pm_buf doc = PM_BUF_INIT;
	char *code = NULL;
	const char *p;
	struct pm_stmt *st;
	int64_t unit;
	int rc;

	if (pm_unit_find(db, unit_s, &unit, &code, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0) {
		free(code);
		return -1;
	}
	pm_bind_int(st, 1, unit);
	rc = pm_step(st);
	if (rc != PM_ROW) {
		pm_stmt_free(st);
		rc = rc == PM_DONE
		    ? pm_err_set(err, PM_EXIT_DATA, _("%s has no move-in recorded at the desk"), code)
		    : pm_db_fail(db, err, _("reading move-ins"));
		free(code);
		return rc;
	}
	free(code);
	pm_out_begin(out, N_("movein"), cols, sizeof cols / sizeof cols[0], 1);
	pm_out_stmt(out, st);
	pm_out_end(out);
	pm_out_begin(out, N_("documents"), doc_cols, 2, 0);
	for (p = pm_col_text(st, 16); *p; ) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		const char *v[2];

		pm_buf_reset(&doc);
		pm_buf_add(&doc, p, n);
		v[0] = doc.s;
		v[1] = in_list(pm_col_text(st, 17), p, n) ? "yes" : "no";
		pm_out_row(out, v);
		p = nl ? nl + 1 : p + n;
	}
	pm_stmt_free(st);
	pm_out_end(out);
	pm_buf_free(&doc);
	return pm_out_signatures(out, sign, 3);
}

int
pm_moveout_permit_complete(struct pm_db *db, const char *prefix, struct pm_out *out,
			   struct pm_err *err)
{
	return pm_out_complete(out, db, "SELECT permit FROM moveout"
	    " WHERE permit >= ?1 AND permit < ?2 ORDER BY date DESC, permit DESC", "permit",
	    prefix, err);
}
