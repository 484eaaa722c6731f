/* visit.c - household visits (走访) and the monthly count per butler */
#include <stdlib.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "registers.h"
#include "unit.h"

/* Who may record a visit: the service desk's roles (the seeds have the
 * butlers visit 30 households a month, the supervisor visit the key
 * customers, and the clerks go along). */
#define VISIT_ROLES "butler|clerk|supervisor|manager"

int
pm_visit_add(struct pm_db *db, const char *unit, const struct pm_visit *v, struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO visit(unit_id, date, staff_id, visitee, notes) VALUES (?1, ?2, ?3, ?4, ?5)";
	struct pm_buf met = PM_BUF_INIT, notes = PM_BUF_INIT;
	char day[PM_DATE_BUFSZ], *code = NULL;
	const char *staff = v->staff ? v->staff : pm_audit_clerk();
	struct pm_stmt *st = NULL;
	int64_t unit_id, staff_id;
	int rc = -1;

	if (pm_reg_text(_("met"), v->met, 1, &met, err) < 0 ||
	    pm_reg_text(_("notes"), v->notes, 0, &notes, err) < 0)
		goto out;
	if (pm_reg_day(v->date, 1, day, err) < 0)
		goto out;
	if (pm_unit_find(db, unit, &unit_id, &code, err) < 0)
		goto out;
	if (!staff || !*staff) {
		pm_err_set(err, PM_EXIT_USAGE,
		    _("who visited? give --by STAFF (or set PM_USER to your name in the staff register)"));
		goto out;
	}
	if (pm_staff_require(db, staff, VISIT_ROLES, _("a household visit"), &staff_id, err) < 0)
		goto out;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, unit_id);
	pm_bind_text(st, 2, day);
	pm_bind_int(st, 3, staff_id);
	pm_bind_text_null(st, 4, pm_buf_str(&met));
	pm_bind_text_null(st, 5, pm_buf_str(&notes));
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (pm_auditf(db, code, err, "visit on %s by %s%s%s", day, staff,
	    met.len ? ", met " : "", pm_buf_str(&met)) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(code);
	pm_buf_free(&met);
	pm_buf_free(&notes);
	return rc;
}

int
pm_visit_month(struct pm_db *db, const struct pm_period *month, int *short_of,
	       struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"staff", N_("Staff"), PM_COL_TEXT, 0},
		{"role", N_("Role"), PM_COL_CODE, 0},
		{"visits", N_("Visits"), PM_COL_INT, 0},
		{"households", N_("Households"), PM_COL_INT, 0},
		{"target", N_("Target"), PM_COL_INT, 0},
		{"shortfall", N_("Short"), PM_COL_INT, 0},
	};
	static const char sql[] =
	    "SELECT s.name, s.role, coalesce(v.visits, 0), coalesce(v.households, 0),"
	    " CASE WHEN s.role = 'butler' THEN :target END,"
	    " CASE WHEN s.role <> 'butler' THEN NULL"
	    "  WHEN coalesce(v.households, 0) >= :target THEN 0"
	    "  ELSE :target - coalesce(v.households, 0) END"
	    " FROM staff s LEFT JOIN (SELECT staff_id, count(*) AS visits,"
	    "   count(DISTINCT unit_id) AS households FROM visit"
	    "   WHERE date BETWEEN :first AND :last GROUP BY staff_id) v ON v.staff_id = s.id"
	    " WHERE v.staff_id IS NOT NULL"
	    "  OR (s.role = 'butler' AND s.joined <= :last AND (s.left_on IS NULL OR s.left_on >= :first))"
	    " ORDER BY s.name, s.id";
	char first[PM_DATE_BUFSZ], last[PM_DATE_BUFSZ];
	struct pm_stmt *st;
	int64_t target;
	int rc;

	*short_of = 0;
	if (pm_setting_get_int(db, "visit.monthly_target", &target, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, pm_param_index(st, ":target"), target);
	pm_bind_text(st, pm_param_index(st, ":first"), pm_date_fmt(month->first, first));
	pm_bind_text(st, pm_param_index(st, ":last"), pm_date_fmt(month->last, last));
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	while ((rc = pm_step(st)) == PM_ROW) {
		if (pm_col_int64(st, 5) > 0)
			(*short_of)++;
		if (pm_out_stmt(out, st) < 0)
			break;
	}
	if (rc != PM_ROW && rc != PM_DONE) {
		pm_db_fail(db, err, _("counting visits"));
		pm_stmt_free(st);
		return -1;
	}
	pm_stmt_free(st);
	pm_out_end(out);
	return 0;
}
