/* ties.c - transfers of ownership, leases, household members */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/time.h"
#include "ties.h"
#include "unit.h"

const struct pm_keyword pm_ownership_hows[] = {
	{"purchase", "购买", "买卖|购房"},
	{"transfer", "过户", "转让"},
	{"inheritance", "继承", NULL},
	{"gift", "赠与", "赠予"},
	{"court", "法院判决", "判决|法院"},
	{"roll", "花名册", NULL},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_resident_relations[] = {
	{"owner", "业主", "本人"},
	{"spouse", "配偶", "夫妻|丈夫|妻子"},
	{"child", "子女", "儿子|女儿"},
	{"parent", "父母", "父亲|母亲"},
	{"relative", "亲属", "亲戚"},
	{"tenant", "租户", "租客"},
	{"nanny", "保姆", "家政"},
	{"other", "其他", "其它"},
	{NULL, NULL, NULL},
};

int
pm_owner_date(const char *s, const char *opt, char buf[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_date d;
	enum pm_date_rc rc;

	if (!s) {
		if (pm_today(&d, err) < 0)
			return -1;
	} else if ((rc = pm_date_parse(s, strlen(s), &d)) != PM_DATE_OK) {
		return pm_err_set(err, PM_EXIT_DATA, _("%s '%s': %s"), opt, s, pm_date_reason(rc));
	}
	pm_date_fmt(d, buf);
	return 0;
}

/* Run sql (binding unit ?1, person ?2, text ?3 and ?4) and step it. */
static int
run4(struct pm_db *db, const char *sql, int64_t a, int64_t b, const char *c, const char *d,
     struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, a);
	pm_bind_int(st, 2, b);
	pm_bind_text_null(st, 3, c);
	pm_bind_text_null(st, 4, d);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	return rc;
}

/* The first column of the first row of sql as an integer (0 if none). */
static int
ask_int(struct pm_db *db, const char *sql, int64_t a, int64_t b, const char *c, int64_t *v,
	struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	*v = 0;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, a);
	pm_bind_int(st, 2, b);
	pm_bind_text_null(st, 3, c);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*v = pm_col_int64(st, 0);
	pm_stmt_free(st);
	return rc == PM_ROW || rc == PM_DONE ? 0 : pm_db_fail(db, err, _("database"));
}

int
pm_owner_transfer(struct pm_db *db, const struct pm_transfer *t, struct pm_err *err)
{
	char date[PM_DATE_BUFSZ], pct[PM_DEC_BUFSZ], *code = NULL;
	const char *how = "transfer";
	int64_t unit, person, share = 0, n;
	int created, rc = -1;

	if (t->how && !(how = pm_keyword_key(pm_ownership_hows, t->how)))
		return pm_err_set(err, PM_EXIT_DATA, _("--how: '%s' is not one of: %s"), t->how,
		    pm_keyword_list(pm_ownership_hows));
	if (t->share && (pm_dec_parse(t->share, strlen(t->share), 2, &share) != PM_NUM_OK ||
	    share <= 0 || share > 10000))
		return pm_err_set(err, PM_EXIT_DATA, _("--share: '%s' is not a percentage above 0 and at most 100"),
		    t->share);
	if (pm_owner_date(t->date, "--date", date, err) < 0 ||
	    pm_unit_find(db, t->unit, &unit, &code, err) < 0)
		return -1;
	if (pm_person_get(db, &t->to, &person, &created, err) < 0)
		goto out;
	if (ask_int(db, "SELECT count(*) FROM ownership WHERE unit_id = ?1 AND person_id = ?2"
	    " AND until IS NULL", unit, person, NULL, &n, err) < 0)
		goto out;
	if (n) {
		pm_err_set(err, PM_EXIT_DATA, _("'%s' already owns %s"), t->to.name, code);
		goto out;
	}
	if (ask_int(db, "SELECT count(*) FROM ownership WHERE unit_id = ?1 AND until IS NULL"
	    " AND since > ?3", unit, 0, date, &n, err) < 0)
		goto out;
	if (n) {
		pm_err_set(err, PM_EXIT_DATA,
		    _("%s: the current owners hold it since after %s: check the date"), code, date);
		goto out;
	}
	/* the shares stated on any day add up to at most 100%: a co-owner
	 * joins the current owners, anyone else replaces them */
	if (t->co_owner && share) {
		int64_t held;

		if (ask_int(db, "SELECT coalesce(sum(share), 0) FROM ownership WHERE unit_id = ?1"
		    " AND until IS NULL", unit, 0, NULL, &held, err) < 0)
			goto out;
		if (held + share > 10000) {
			pm_err_set(err, PM_EXIT_DATA, _("%s: shares would add up to %s%%: at most 100%%"),
			    code, pm_dec_fmt(held + share, 2, pct));
			goto out;
		}
	}
	if (!t->co_owner && run4(db, "UPDATE ownership SET until = ?3 WHERE unit_id = ?1"
	    " AND until IS NULL", unit, 0, date, NULL, err) < 0)
		goto out;
	{
		struct pm_stmt *st;

		if (pm_db_prepare(db, "INSERT INTO ownership(unit_id, person_id, share, how, since)"
		    " VALUES (?1, ?2, ?3, ?4, ?5)", &st, err) < 0)
			goto out;
		pm_bind_int(st, 1, unit);
		pm_bind_int(st, 2, person);
		if (share)
			pm_bind_int(st, 3, share);
		pm_bind_text(st, 4, how);
		pm_bind_text(st, 5, date);
		rc = pm_db_step_done(db, st, err);
		pm_stmt_free(st);
		if (rc < 0)
			goto out;
	}
	rc = pm_auditf(db, code, err, "%s %s: %s from %s", t->co_owner ? "co-owner added" : "ownership",
	    how, t->to.name, date);
out:
	free(code);
	return rc;
}

int
pm_lease_add(struct pm_db *db, const struct pm_lease_in *l, struct pm_err *err)
{
	char start[PM_DATE_BUFSZ], end[PM_DATE_BUFSZ], *code = NULL;
	int64_t unit, person, owners;
	struct pm_stmt *st;
	int created, rc = -1;

	if (!l->start)
		return pm_err_set(err, PM_EXIT_USAGE, _("a lease needs its --start date"));
	if (pm_owner_date(l->start, "--start", start, err) < 0 ||
	    (l->end && pm_owner_date(l->end, "--end", end, err) < 0))
		return -1;
	if (l->end && strcmp(end, start) < 0)
		return pm_err_set(err, PM_EXIT_DATA, _("the lease ends (%s) before it starts (%s)"),
		    end, start);
	if (pm_unit_find(db, l->unit, &unit, &code, err) < 0)
		return -1;
	if (ask_int(db, "SELECT count(*) FROM ownership WHERE unit_id = ?1 AND until IS NULL",
	    unit, 0, NULL, &owners, err) < 0)
		goto out;
	if (!owners) {
		pm_err_set(err, PM_EXIT_DATA, _("%s has no owner to let it"), code);
		goto out;
	}
	/* one lease of a unit at a time: the days a lease is in force run
	 * from start to end_on (open when NULL), before ended; a cancelled
	 * lease (ended on its start) has none */
	if (pm_db_prepare(db, "SELECT start, coalesce(ended, end_on) FROM lease WHERE unit_id = ?1"
	    " AND (ended IS NULL OR ended > start) AND (?3 IS NULL OR start <= ?3)"
	    " AND (end_on IS NULL OR end_on >= ?2) AND (ended IS NULL OR ended > ?2)"
	    " ORDER BY start LIMIT 1", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, unit);
	pm_bind_text(st, 2, start);
	pm_bind_text_null(st, 3, l->end ? end : NULL);
	if ((rc = pm_step(st)) == PM_ROW) {
		pm_err_set(err, PM_EXIT_DATA,
		    _("%s already has a lease from %s to %s: the leases of a unit may not overlap"),
		    code, pm_col_text(st, 0),
		    pm_col_null(st, 1) ? _("open") : pm_col_text(st, 1));
		pm_stmt_free(st);
		rc = -1;
		goto out;
	}
	pm_stmt_free(st);
	if (rc != PM_DONE) {
		rc = pm_db_fail(db, err, _("reading leases"));
		goto out;
	}
	rc = -1;
	if (pm_person_get(db, &l->tenant, &person, &created, err) < 0)
		goto out;
	if (pm_db_prepare(db, "INSERT INTO lease(unit_id, person_id, start, end_on, decoration, remark)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, unit);
	pm_bind_int(st, 2, person);
	pm_bind_text(st, 3, start);
	pm_bind_text_null(st, 4, l->end ? end : NULL);
	pm_bind_text_null(st, 5, l->decoration);
	pm_bind_text_null(st, 6, l->remark);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		rc = pm_auditf(db, code, err, "lease to %s from %s to %s", l->tenant.name, start,
		    l->end ? end : "open");
out:
	free(code);
	return rc;
}

int
pm_lease_end(struct pm_db *db, const char *unit_s, const char *tenant, const char *date_s,
	     struct pm_err *err)
{
	char date[PM_DATE_BUFSZ], *code = NULL;
	int64_t unit;
	struct pm_stmt *st;
	int rc;

	if (pm_owner_date(date_s, "--date", date, err) < 0 ||
	    pm_unit_find(db, unit_s, &unit, &code, err) < 0)
		return -1;
	rc = pm_db_prepare(db, "UPDATE lease SET ended = max(?2, start) WHERE unit_id = ?1"
	    " AND ended IS NULL AND (end_on IS NULL OR end_on >= ?2) AND start <= ?2"
	    " AND (?3 IS NULL OR person_id IN (SELECT id FROM person WHERE name = ?3))", &st, err);
	if (rc == 0) {
		pm_bind_int(st, 1, unit);
		pm_bind_text(st, 2, date);
		pm_bind_text_null(st, 3, tenant);
		rc = pm_db_step_done(db, st, err);
		pm_stmt_free(st);
	}
	if (rc == 0 && pm_db_changes(db) == 0)
		rc = pm_err_set(err, PM_EXIT_DATA, tenant ? _("%s has no lease to '%s' in force on %s")
						   : _("%s has no lease in force on %s%s"),
		    code, tenant ? tenant : date, tenant ? date : "");
	if (rc == 0)
		rc = pm_auditf(db, code, err, "lease ended %s%s%s", date, tenant ? " for " : "",
		    tenant ? tenant : "");
	free(code);
	return rc;
}

int
pm_lease_cancel(struct pm_db *db, const char *unit_s, const char *tenant, const char *reason,
		struct pm_err *err)
{
	char today[PM_DATE_BUFSZ], *code = NULL;
	int64_t unit;
	struct pm_stmt *st;
	int rc;

	if (pm_owner_date(NULL, "--date", today, err) < 0 ||
	    pm_unit_find(db, unit_s, &unit, &code, err) < 0)
		return -1;
	/* ended on its first day: never in force; the reason goes with the remark */
	rc = pm_db_prepare(db, "UPDATE lease SET ended = start, remark = CASE WHEN ?4 IS NULL THEN remark"
	    " WHEN remark IS NULL OR remark = '' THEN 'cancelled: ' || ?4"
	    " ELSE remark || '; cancelled: ' || ?4 END"
	    " WHERE unit_id = ?1 AND start > ?2 AND (ended IS NULL OR ended > start)"
	    " AND (?3 IS NULL OR person_id IN (SELECT id FROM person WHERE name = ?3))", &st, err);
	if (rc == 0) {
		pm_bind_int(st, 1, unit);
		pm_bind_text(st, 2, today);
		pm_bind_text_null(st, 3, tenant);
		pm_bind_text_null(st, 4, reason && *reason ? reason : NULL);
		rc = pm_db_step_done(db, st, err);
		pm_stmt_free(st);
	}
	if (rc == 0 && pm_db_changes(db) == 0)
		rc = tenant ? pm_err_set(err, PM_EXIT_DATA,
				  _("%s has no lease to '%s' that starts after today (%s)"), code, tenant, today)
			    : pm_err_set(err, PM_EXIT_DATA,
				  _("%s has no lease that starts after today (%s)"), code, today);
	if (rc == 0)
		rc = pm_auditf(db, code, err, "lease cancelled%s%s", tenant ? " for " : "",
		    tenant ? tenant : "");
	free(code);
	return rc;
}

int
pm_resident_add(struct pm_db *db, const struct pm_resident_in *r, struct pm_err *err)
{
	char since[PM_DATE_BUFSZ], *code = NULL;
	const char *rel;
	int64_t unit, person, n = 0;
	struct pm_stmt *st;
	int created, rc = -1;

	if (!r->relation || !(rel = pm_keyword_key(pm_resident_relations, r->relation)))
		return pm_err_set(err, PM_EXIT_DATA, _("--relation: '%s' is not one of: %s"),
		    r->relation ? r->relation : "", pm_keyword_list(pm_resident_relations));
	if (pm_owner_date(r->since, "--since", since, err) < 0 ||
	    pm_unit_find(db, r->unit, &unit, &code, err) < 0)
		return -1;
	/* without numbers a name is the only handle: one per household */
	if (r->who.name && ask_int(db, "SELECT count(*) FROM resident r JOIN person p ON p.id = r.person_id"
	    " WHERE r.unit_id = ?1 AND r.until IS NULL AND p.name = ?3", unit, 0, r->who.name, &n, err) < 0)
		goto out;
	if (n) {
		pm_err_set(err, PM_EXIT_DATA, _("'%s' already lives at %s"), r->who.name, code);
		goto out;
	}
	if (pm_person_get(db, &r->who, &person, &created, err) < 0)
		goto out;
	if (ask_int(db, "SELECT count(*) FROM resident WHERE unit_id = ?1 AND person_id = ?2"
	    " AND until IS NULL", unit, person, NULL, &n, err) < 0)
		goto out;
	if (n) {
		pm_err_set(err, PM_EXIT_DATA, _("'%s' already lives at %s"), r->who.name, code);
		goto out;
	}
	if (pm_db_prepare(db, "INSERT INTO resident(unit_id, person_id, relation, since)"
	    " VALUES (?1, ?2, ?3, ?4)", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, unit);
	pm_bind_int(st, 2, person);
	pm_bind_text(st, 3, rel);
	pm_bind_text(st, 4, since);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		rc = pm_auditf(db, code, err, "resident %s (%s) from %s", r->who.name, rel, since);
out:
	free(code);
	return rc;
}

int
pm_resident_remove(struct pm_db *db, const char *unit_s, const char *name, const char *date_s,
		   struct pm_err *err)
{
	char date[PM_DATE_BUFSZ], *code = NULL;
	int64_t unit;
	int rc;

	if (pm_owner_date(date_s, "--date", date, err) < 0 ||
	    pm_unit_find(db, unit_s, &unit, &code, err) < 0)
		return -1;
	rc = run4(db, "UPDATE resident SET until = max(?3, coalesce(since, ?3)) WHERE unit_id = ?1"
	    " AND until IS NULL AND person_id IN (SELECT id FROM person WHERE name = ?4)",
	    unit, 0, date, name, err);
	if (rc == 0 && pm_db_changes(db) == 0)
		rc = pm_err_set(err, PM_EXIT_DATA, _("'%s' is not a resident of %s"), name, code);
	if (rc == 0)
		rc = pm_auditf(db, code, err, "resident %s left on %s", name, date);
	free(code);
	return rc;
}
