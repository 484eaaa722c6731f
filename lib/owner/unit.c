/* unit.c - looking units up, their derived status and their owners */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "unit.h"

const struct pm_keyword pm_unit_types[] = {
	{"residential", "住宅", "住房|residence|home"},
	{"shop", "商铺", "商业|门面|shop-front"},
	{"garage", "车库", NULL},
	{"parking", "车位", "停车位"},
	{"storage", "储藏室", "储物间|地下室"},
	{"office", "写字楼", "办公|办公室"},
	{"other", "其他", "其它"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_unit_statuses[] = {
	{"unsold", "未售", NULL},
	{"vacant", "空置", "空置房"},
	{"occupied", "已入住", "入住|自住"},
	{"rented", "出租", "已出租|租赁"},
	{NULL, NULL, NULL},
};

int
pm_unit_find(struct pm_db *db, const char *typed, int64_t *id, char **code, struct pm_err *err)
{
	struct pm_buf norm = PM_BUF_INIT;
	const char *why;
	struct pm_stmt *st;
	int rc;

	if (code)
		*code = NULL;
	why = pm_unit_normalize(typed, strlen(typed), &norm);
	if (why) {
		pm_buf_free(&norm);
		return pm_err_set(err, PM_EXIT_DATA, _("unit '%s': %s"), typed, why);
	}
	if (pm_db_prepare(db, "SELECT id FROM unit WHERE code = ?1", &st, err) < 0) {
		pm_buf_free(&norm);
		return -1;
	}
	pm_bind_text(st, 1, norm.s);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*id = pm_col_int64(st, 0);
	pm_stmt_free(st);
	if (rc == PM_DONE) {
		struct pm_buf phone = PM_BUF_INIT, masked = PM_BUF_INIT;
		int landline;

		/* a phone number typed where the unit goes is not echoed
		 * in full: the message may end up in a log or on a screen */
		if (!pm_phone_normalize(typed, strlen(typed), &phone, &landline) && !landline &&
		    pm_mask_phone(phone.s, &masked) == 0)
			pm_err_set(err, PM_EXIT_DATA,
			    _("no unit '%s': that is a phone number; find its unit with pm-owner list --phone"),
			    masked.s);
		else
			pm_err_set(err, PM_EXIT_DATA, _("no unit '%s'"), norm.s);
		pm_buf_free(&phone);
		pm_buf_free(&masked);
	}
	else if (rc != PM_ROW)
		pm_db_fail(db, err, _("looking up a unit"));
	if (rc == PM_ROW && code)
		*code = pm_buf_detach(&norm);
	pm_buf_free(&norm);
	return rc == PM_ROW ? 0 : -1;
}

int
pm_unit_code(struct pm_db *db, int64_t id, char **code, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	*code = NULL;
	if (pm_db_prepare(db, "SELECT code FROM unit WHERE id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*code = strdup(pm_col_text(st, 0));
	pm_stmt_free(st);
	if (rc != PM_ROW)
		return rc == PM_DONE ? pm_err_set(err, PM_EXIT_SOFTWARE, _("no unit #%lld"), (long long)id)
					 : pm_db_fail(db, err, _("looking up a unit"));
	return *code ? 0 : pm_err_oom(err);
}

int
pm_unit_status(struct pm_db *db, int64_t id, const char **status, struct pm_err *err)
{
	static const char sql[] = "SELECT " PM_UNIT_STATUS_SQL " FROM unit u WHERE u.id = :id";
	const struct pm_keyword *k;
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	if (pm_bind_today(st, err) < 0) {
		pm_stmt_free(st);
		return -1;
	}
	pm_bind_int(st, pm_param_index(st, ":id"), id);
	rc = pm_step(st);
	k = rc == PM_ROW ? pm_keyword_find(pm_unit_statuses, pm_col_text(st, 0)) : NULL;
	pm_stmt_free(st);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("unit status"));
	*status = k ? k->key : "vacant";
	return 0;
}

int
pm_unit_owners(struct pm_db *db, int64_t id, char **names, char **phone, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT p.name, p.phone FROM ownership o JOIN person p ON p.id = o.person_id"
	    " WHERE o.unit_id = ?1 AND o.until IS NULL ORDER BY o.id";
	struct pm_buf n = PM_BUF_INIT, ph = PM_BUF_INIT;
	struct pm_stmt *st;
	int rc;

	*names = *phone = NULL;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	while ((rc = pm_step(st)) == PM_ROW) {
		if (n.len)
			pm_buf_adds(&n, "、");
		pm_buf_adds(&n, pm_col_text(st, 0));
		if (!ph.len)
			pm_buf_adds(&ph, pm_col_text(st, 1));
	}
	pm_stmt_free(st);
	if (rc != PM_DONE) {
		pm_buf_free(&n);
		pm_buf_free(&ph);
		return pm_db_fail(db, err, _("reading owners"));
	}
	*names = pm_buf_detach(&n);
	*phone = pm_buf_detach(&ph);
	if (!*names || !*phone) {
		free(*names);
		free(*phone);
		*names = *phone = NULL;
		return pm_err_oom(err);
	}
	return 0;
}

int
pm_unit_party(struct pm_db *db, int64_t unit_id, int64_t person_id, int *party, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT CASE WHEN EXISTS (SELECT 1 FROM ownership WHERE unit_id = :u AND person_id = :p"
	    "   AND until IS NULL) THEN 1"
	    " WHEN EXISTS (SELECT 1 FROM lease WHERE unit_id = :u AND person_id = :p"
	    "   AND start <= :today AND (end_on IS NULL OR end_on >= :today)"
	    "   AND (ended IS NULL OR ended > :today)) THEN 2 ELSE 0 END";
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	if (pm_bind_today(st, err) < 0) {
		pm_stmt_free(st);
		return -1;
	}
	pm_bind_int(st, pm_param_index(st, ":u"), unit_id);
	pm_bind_int(st, pm_param_index(st, ":p"), person_id);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*party = pm_col_int(st, 0);
	pm_stmt_free(st);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("reading owners"));
}

int
pm_unit_complete(struct pm_db *db, const char *prefix, struct pm_out *out, struct pm_err *err)
{
	/* every code starting with what was typed, however many: a range on
	 * the unique index is fast with thousands of units, and a shell asks
	 * before it lists hundreds.  (It stopped at 200, without a word.) */
	return pm_out_complete(out, db, "SELECT code FROM unit WHERE code >= ?1 AND code < ?2"
	    " ORDER BY code", "unit", prefix, err);
}
