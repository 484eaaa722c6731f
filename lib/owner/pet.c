/* pet.c - pets of units and their licences (养犬证) */
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "registers.h"
#include "unit.h"

const struct pm_keyword pm_pet_kinds[] = {
	{"dog", "犬", "狗|犬只"},
	{"cat", "猫", NULL},
	{"bird", "鸟", "鸟类"},
	{"other", "其他", "其它"},
	{NULL, NULL, NULL},
};

/* The unit of the pet, not removed, holding licence: 0 with *unit
 * malloc'ed, 1 when none, -1 on error. */
static int
licence_holder(struct pm_db *db, const char *licence, char **unit, struct pm_err *err)
{
	struct pm_stmt *st;

	*unit = NULL;
	if (pm_db_prepare(db, "SELECT u.code FROM pet p JOIN unit u ON u.id = p.unit_id"
	    " WHERE p.licence = ?1 AND p.removed IS NULL", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, licence);
	return pm_db_text(db, st, unit, _("reading pets"), err);
}

int
pm_pet_add(struct pm_db *db, const char *unit, const struct pm_pet *p, struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO pet(unit_id, kind, name, breed, licence, expires)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	struct pm_buf name = PM_BUF_INIT, breed = PM_BUF_INIT, licence = PM_BUF_INIT;
	struct pm_buf change = PM_BUF_INIT;
	char expires[PM_DATE_BUFSZ] = "", *code = NULL, *holder = NULL;
	const char *kind = "dog", *why;
	struct pm_stmt *st = NULL;
	int64_t unit_id;
	int rc = -1, found;

	if (p->kind && !(kind = pm_keyword_key(pm_pet_kinds, p->kind))) {
		pm_err_set(err, PM_EXIT_DATA, _("unknown kind of pet '%s' (one of: %s)"), p->kind,
		    pm_keyword_list(pm_pet_kinds));
		goto out;
	}
	if (pm_reg_text(_("name"), p->name, 1, &name, err) < 0 ||
	    pm_reg_text(_("breed"), p->breed, 0, &breed, err) < 0)
		goto out;
	if (p->licence && (why = pm_reg_code(p->licence, &licence))) {
		pm_err_set(err, PM_EXIT_DATA, _("licence '%s': %s"), p->licence, why);
		goto out;
	}
	if (!name.len && !licence.len) {
		pm_err_set(err, PM_EXIT_USAGE, _("which pet? give --name TEXT or --licence TEXT"));
		goto out;
	}
	if (p->expires)
		pm_date_fmt(*p->expires, expires);
	if (pm_unit_find(db, unit, &unit_id, &code, err) < 0)
		goto out;
	if (licence.len) {
		if ((found = licence_holder(db, licence.s, &holder, err)) < 0)
			goto out;
		if (found == 0) {
			pm_err_set(err, PM_EXIT_DATA, _("licence '%s' is already held by a pet of unit %s"),
			    licence.s, holder);
			goto out;
		}
	}
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, unit_id);
	pm_bind_text(st, 2, kind);
	pm_bind_text_null(st, 3, pm_buf_str(&name));
	pm_bind_text_null(st, 4, pm_buf_str(&breed));
	pm_bind_text_null(st, 5, pm_buf_str(&licence));
	pm_bind_text_null(st, 6, expires);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (pm_buf_addf(&change, "%s added", kind) < 0 ||
	    (name.len && pm_buf_addf(&change, ", name %s", name.s) < 0) ||
	    (breed.len && pm_buf_addf(&change, ", breed %s", breed.s) < 0) ||
	    (licence.len && pm_buf_addf(&change, ", licence %s", licence.s) < 0) ||
	    (*expires && pm_buf_addf(&change, ", expires %s", expires) < 0)) {
		pm_err_oom(err);
		goto out;
	}
	if (pm_audit(db, code, change.s, err) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(code);
	free(holder);
	pm_buf_free(&name);
	pm_buf_free(&breed);
	pm_buf_free(&licence);
	pm_buf_free(&change);
	return rc;
}

int
pm_pet_remove(struct pm_db *db, const char *unit, const char *licence_typed, const char *name_typed,
	      const struct pm_date *date, struct pm_err *err)
{
	static const char find[] =
	    "SELECT id, kind, coalesce(name, ''), coalesce(licence, '') FROM pet"
	    " WHERE unit_id = ?1 AND removed IS NULL"
	    "   AND (?2 IS NULL OR licence = ?2) AND (?3 IS NULL OR name = ?3)";
	struct pm_buf licence = PM_BUF_INIT, name = PM_BUF_INIT, what = PM_BUF_INIT;
	char day[PM_DATE_BUFSZ], *code = NULL;
	struct pm_stmt *st = NULL;
	const char *why;
	int64_t unit_id, pet_id = 0;
	int rc = -1, n = 0, step;

	if (licence_typed && (why = pm_reg_code(licence_typed, &licence))) {
		pm_err_set(err, PM_EXIT_DATA, _("licence '%s': %s"), licence_typed, why);
		goto out;
	}
	if (!licence_typed && pm_reg_text(_("name"), name_typed, 1, &name, err) < 0)
		goto out;
	if (!licence.len && !name.len) {
		pm_err_set(err, PM_EXIT_USAGE, _("which pet? give --licence or --name"));
		goto out;
	}
	if (pm_reg_day(date, 1, day, err) < 0)
		goto out;
	if (pm_unit_find(db, unit, &unit_id, &code, err) < 0)
		goto out;
	if (pm_db_prepare(db, find, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, unit_id);
	pm_bind_text_null(st, 2, pm_buf_str(&licence));
	pm_bind_text_null(st, 3, pm_buf_str(&name));
	while ((step = pm_step(st)) == PM_ROW) {
		if (n++)
			continue;
		pet_id = pm_col_int64(st, 0);
		if (pm_buf_addf(&what, "%s %s", pm_col_text(st, 1),
		    *pm_col_text(st, 3) ? pm_col_text(st, 3) : pm_col_text(st, 2)) < 0) {
			pm_err_oom(err);
			goto out;
		}
	}
	if (step != PM_DONE) {
		pm_db_fail(db, err, _("reading pets"));
		goto out;
	}
	pm_stmt_free(st);
	st = NULL;
	if (n == 0) {
		if (licence.len)
			pm_err_set(err, PM_EXIT_DATA, _("unit %s has no pet with licence '%s'"), code,
			    licence.s);
		else
			pm_err_set(err, PM_EXIT_DATA, _("unit %s has no pet called '%s'"), code, name.s);
		goto out;
	}
	if (n > 1) {
		pm_err_set(err, PM_EXIT_DATA, _("unit %s has %d pets called '%s': give --licence"),
		    code, n, name.s);
		goto out;
	}
	if (pm_db_prepare(db, "UPDATE pet SET removed = ?2 WHERE id = ?1", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, pet_id);
	pm_bind_text(st, 2, day);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (pm_auditf(db, code, err, "%s removed on %s", what.s, day) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(code);
	pm_buf_free(&licence);
	pm_buf_free(&name);
	pm_buf_free(&what);
	return rc;
}

int
pm_pet_list(struct pm_db *db, const char *unit, int within_days, int all, struct pm_out *out,
	    struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"kind", N_("Kind"), PM_COL_CODE, 0},
		{"name", N_("Name"), PM_COL_TEXT, 0},
		{"breed", N_("Breed"), PM_COL_TEXT, 0},
		{"licence", N_("Licence"), PM_COL_CODE, 0},
		{"expires", N_("Expires"), PM_COL_CODE, 0},
		{"removed", N_("Removed"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT u.code, p.kind, p.name, p.breed, p.licence, p.expires, p.removed"
	    " FROM pet p JOIN unit u ON u.id = p.unit_id"
	    " WHERE (?1 IS NULL OR p.unit_id = ?1)"
	    "   AND (?2 OR p.removed IS NULL)"
	    "   AND (?3 IS NULL OR p.expires <= ?3)"
	    " ORDER BY" PM_REG_UNIT_ORDER ", p.id";
	char until[PM_DATE_BUFSZ] = "";
	struct pm_stmt *st;
	int64_t unit_id = 0;
	int rc;

	if (unit && pm_unit_find(db, unit, &unit_id, NULL, err) < 0)
		return -1;
	if (within_days != PM_NO_EXPIRY && pm_reg_until(within_days, until, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	if (unit)
		pm_bind_int(st, 1, unit_id);
	pm_bind_int(st, 2, all);
	pm_bind_text_null(st, 3, until);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}
