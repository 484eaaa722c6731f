/* keys.c - keys of units in the desk's custody (钥匙托管) */
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "registers.h"
#include "unit.h"

static int
now_text(char buf[PM_TIME_BUFSZ], struct pm_err *err)
{
	pm_time now;

	if (pm_now(&now, err) < 0)
		return -1;
	pm_time_fmt(now, buf);
	return 0;
}

/* How many of the unit's keys are held: what, or any when what is empty. */
static int
held(struct pm_db *db, int64_t unit_id, const char *what, int *n, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT count(*) FROM key_custody WHERE unit_id = ?1"
	    " AND returned IS NULL AND (?2 IS NULL OR what = ?2)", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	pm_bind_text_null(st, 2, what);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*n = pm_col_int(st, 0);
	pm_stmt_free(st);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("reading keys"));
}

int
pm_key_in(struct pm_db *db, const char *unit, const struct pm_key *k, struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO key_custody(unit_id, what, taken, taken_by, from_whom)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)";
	struct pm_buf what = PM_BUF_INIT, whom = PM_BUF_INIT;
	char now[PM_TIME_BUFSZ], *code = NULL;
	const char *staff = k->staff ? k->staff : pm_audit_clerk();
	struct pm_stmt *st = NULL;
	int64_t unit_id, staff_id = 0;
	int rc = -1, n = 0;

	if (pm_reg_text(_("key"), k->what, 0, &what, err) < 0 ||
	    pm_reg_text(_("from"), k->whom, 1, &whom, err) < 0)
		goto out;
	if (!what.len) {
		pm_err_set(err, PM_EXIT_USAGE, _("which key? give --what TEXT"));
		goto out;
	}
	if (now_text(now, err) < 0)
		goto out;
	if (pm_unit_find(db, unit, &unit_id, &code, err) < 0)
		goto out;
	if (staff && pm_staff_find(db, staff, &staff_id, NULL, err) < 0)
		goto out;
	if (held(db, unit_id, what.s, &n, err) < 0)
		goto out;
	if (n) {
		pm_err_set(err, PM_EXIT_DATA, _("unit %s: '%s' is already in custody"), code, what.s);
		goto out;
	}
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, unit_id);
	pm_bind_text(st, 2, what.s);
	pm_bind_text(st, 3, now);
	if (staff)
		pm_bind_int(st, 4, staff_id);
	pm_bind_text_null(st, 5, pm_buf_str(&whom));
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (pm_auditf(db, code, err, "key taken into custody: %s%s%s%s%s", what.s,
	    whom.len ? ", from " : "", pm_buf_str(&whom), staff ? ", by " : "",
	    staff ? staff : "") < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(code);
	pm_buf_free(&what);
	pm_buf_free(&whom);
	return rc;
}

int
pm_key_out(struct pm_db *db, const char *unit, const struct pm_key *k, int *n,
	   struct pm_err *err)
{
	static const char sql[] =
	    "UPDATE key_custody SET returned = ?3, returned_to = ?4"
	    " WHERE unit_id = ?1 AND returned IS NULL AND (?2 IS NULL OR what = ?2)"
	    " RETURNING what";
	struct pm_buf what = PM_BUF_INIT, whom = PM_BUF_INIT, keys = PM_BUF_INIT;
	char now[PM_TIME_BUFSZ], *code = NULL;
	struct pm_stmt *st = NULL;
	int64_t unit_id;
	int rc = -1, step;

	*n = 0;
	if (pm_reg_text(_("key"), k->what, 0, &what, err) < 0 ||
	    pm_reg_text(_("to"), k->whom, 1, &whom, err) < 0)
		goto out;
	if (now_text(now, err) < 0)
		goto out;
	if (pm_unit_find(db, unit, &unit_id, &code, err) < 0)
		goto out;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, unit_id);
	pm_bind_text_null(st, 2, pm_buf_str(&what));
	pm_bind_text(st, 3, now);
	pm_bind_text_null(st, 4, pm_buf_str(&whom));
	while ((step = pm_step(st)) == PM_ROW) {
		if (pm_buf_addf(&keys, "%s%s", (*n)++ ? ", " : "", pm_col_text(st, 0)) < 0) {
			pm_err_oom(err);
			goto out;
		}
	}
	if (step != PM_DONE) {
		pm_db_fail(db, err, _("returning keys"));
		goto out;
	}
	if (*n == 0) {
		if (what.len)
			pm_err_set(err, PM_EXIT_DATA, _("unit %s: '%s' is not in custody"), code, what.s);
		else
			pm_err_set(err, PM_EXIT_DATA, _("unit %s has no keys in custody"), code);
		goto out;
	}
	if (pm_auditf(db, code, err, "key returned: %s%s%s", keys.s, whom.len ? ", to " : "",
	    pm_buf_str(&whom)) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(code);
	pm_buf_free(&what);
	pm_buf_free(&whom);
	pm_buf_free(&keys);
	return rc;
}

int
pm_key_list(struct pm_db *db, const char *unit, int held_only, struct pm_out *out,
	    struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"what", N_("Key"), PM_COL_TEXT, 0},
		{"taken", N_("Taken"), PM_COL_CODE, 0},
		{"taken_by", N_("Taken by"), PM_COL_TEXT, 0},
		{"from_whom", N_("Handed in by"), PM_COL_TEXT, 0},
		{"returned", N_("Returned"), PM_COL_CODE, 0},
		{"returned_to", N_("Returned to"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT u.code, k.what, k.taken, s.name, k.from_whom, k.returned, k.returned_to"
	    " FROM key_custody k JOIN unit u ON u.id = k.unit_id"
	    " LEFT JOIN staff s ON s.id = k.taken_by"
	    " WHERE (?1 IS NULL OR k.unit_id = ?1) AND (NOT ?2 OR k.returned IS NULL)"
	    " ORDER BY k.taken DESC, k.id DESC";
	struct pm_stmt *st;
	int64_t unit_id = 0;
	int rc;

	if (unit && pm_unit_find(db, unit, &unit_id, NULL, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	if (unit)
		pm_bind_int(st, 1, unit_id);
	pm_bind_int(st, 2, held_only);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}
