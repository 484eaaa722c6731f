/* vacant.c - the vacant-unit list (空置房清单) and its inspections */
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "registers.h"
#include "unit.h"

int
pm_vacant_list(struct pm_db *db, const char *building, int overdue, long *rows,
	       struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"type", N_("Type"), PM_COL_CODE, 0},
		{"owner", N_("Owner"), PM_COL_TEXT, 0},
		{"last_inspected", N_("Last inspected"), PM_COL_CODE, 0},
		{"inspected_by", N_("By"), PM_COL_TEXT, 0},
		{"cleaned", N_("Cleaned"), PM_COL_CODE, 0},
		{"problems", N_("Problems"), PM_COL_TEXT, 0},
		{"due", N_("Due"), PM_COL_CODE, 0},
	};
	/* the last inspection of each unit: the latest date, the latest
	 * entry of that date */
	static const char sql[] =
	    "SELECT * FROM (SELECT u.code, u.type,"
	    " (SELECT group_concat(name, '、') FROM (SELECT p.name FROM ownership o"
	    "   JOIN person p ON p.id = o.person_id WHERE o.unit_id = u.id AND o.until IS NULL"
	    "   ORDER BY o.id)) AS owner,"
	    " c.date AS last, s.name,"
	    " CASE c.cleaned WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END, c.problems,"
	    " date(c.date, '+' || :days || ' days') AS due,"
	    " " PM_UNIT_STATUS_SQL " AS status,"
	    " u.building AS building, u.entrance AS entrance, u.floor AS floor, u.room AS room"
	    " FROM unit u"
	    " LEFT JOIN vacant_check c ON c.id = (SELECT k.id FROM vacant_check k"
	    "   WHERE k.unit_id = u.id ORDER BY k.date DESC, k.id DESC LIMIT 1)"
	    " LEFT JOIN staff s ON s.id = c.staff_id"
	    " WHERE (:building IS NULL OR u.building = :building))"
	    " WHERE status = 'vacant' AND (NOT :overdue OR last IS NULL OR due < :today)"
	    " ORDER BY CAST(building AS INTEGER), building, CAST(entrance AS INTEGER),"
	    " entrance, floor, CAST(room AS INTEGER), room";
	struct pm_stmt *st;
	int64_t days;
	int rc;

	*rows = 0;
	if (pm_setting_get_int(db, "vacant.inspect_days", &days, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	if (pm_bind_today(st, err) < 0) {
		pm_stmt_free(st);
		return -1;
	}
	pm_bind_int(st, pm_param_index(st, ":days"), days);
	pm_bind_text_null(st, pm_param_index(st, ":building"), building);
	pm_bind_int(st, pm_param_index(st, ":overdue"), overdue);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	while ((rc = pm_step(st)) == PM_ROW) {
		(*rows)++;
		if (pm_out_stmt(out, st) < 0)
			break;
	}
	if (rc != PM_ROW && rc != PM_DONE) {
		pm_db_fail(db, err, _("listing vacant units"));
		pm_stmt_free(st);
		return -1;
	}
	pm_stmt_free(st);
	pm_out_end(out);
	return 0;
}

/* The unit's status on day (the status rule of unit.h, as of that day). */
static int
status_on(struct pm_db *db, int64_t unit_id, const char *day, const char **status,
	  struct pm_err *err)
{
	static const char sql[] = "SELECT " PM_UNIT_STATUS_SQL " FROM unit u WHERE u.id = :id";
	const struct pm_keyword *k = NULL;
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, pm_param_index(st, ":today"), day);
	pm_bind_int(st, pm_param_index(st, ":id"), unit_id);
	rc = pm_step(st);
	if (rc == PM_ROW)
		k = pm_keyword_find(pm_unit_statuses, pm_col_text(st, 0));
	if (rc != PM_ROW) {
		pm_db_fail(db, err, _("unit status"));
		pm_stmt_free(st);
		return -1;
	}
	pm_stmt_free(st);
	*status = k ? k->key : "vacant";
	return 0;
}

int
pm_inspect_add(struct pm_db *db, const char *unit, const struct pm_inspection *in,
	       struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO vacant_check(unit_id, date, staff_id, cleaned, problems)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)";
	struct pm_buf problems = PM_BUF_INIT;
	char day[PM_DATE_BUFSZ], *code = NULL;
	const char *status, *staff = in->staff ? in->staff : pm_audit_clerk();
	struct pm_stmt *st = NULL;
	int64_t unit_id, staff_id = 0;
	int rc = -1;

	if (pm_reg_text(_("problems"), in->problems, 0, &problems, err) < 0)
		goto out;
	if (pm_reg_day(in->date, 1, day, err) < 0)
		goto out;
	if (pm_unit_find(db, unit, &unit_id, &code, err) < 0)
		goto out;
	if (staff && pm_staff_find(db, staff, &staff_id, NULL, err) < 0)
		goto out;
	if (status_on(db, unit_id, day, &status, err) < 0)
		goto out;
	if (strcmp(status, "vacant")) {
		pm_err_set(err, PM_EXIT_DATA, _("unit %s was %s on %s, not vacant: only vacant units are inspected"),
		    code, pm_keyword_label(pm_unit_statuses, status), day);
		goto out;
	}
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, unit_id);
	pm_bind_text(st, 2, day);
	if (staff)
		pm_bind_int(st, 3, staff_id);
	pm_bind_int(st, 4, in->cleaned ? 1 : 0);
	pm_bind_text_null(st, 5, pm_buf_str(&problems));
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (pm_auditf(db, code, err, "vacant unit inspected on %s%s%s%s%s", day,
	    staff ? " by " : "", staff ? staff : "", in->cleaned ? ", cleaned" : "",
	    problems.len ? ", problems found" : "") < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(code);
	pm_buf_free(&problems);
	return rc;
}
