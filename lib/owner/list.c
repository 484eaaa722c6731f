/* list.c - pm-owner list and export: units with their current owners */
#include <ctype.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "owner.h"
#include "roll.h"
#include "unit.h"

/* Natural order of codes: building 2 before 10, room 101 before 1001. */
#define UNIT_ORDER \
	" ORDER BY CAST(u.building AS INTEGER), u.building, CAST(u.entrance AS INTEGER)," \
	" u.entrance, u.floor, CAST(u.room AS INTEGER), u.room"

int
pm_owner_list(struct pm_db *db, const struct pm_unit_filter *f, struct pm_out *out,
	      struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"building", N_("Building"), PM_COL_CODE, 0},
		{"type", N_("Type"), PM_COL_CODE, 0},
		{"building_area", N_("Building area"), PM_COL_DEC, 2},
		{"usable_area", N_("Usable area"), PM_COL_DEC, 2},
		{"status", N_("Status"), PM_COL_CODE, 0},
		{"owner", N_("Owner"), PM_COL_TEXT, 0},
		{"phone", N_("Phone"), PM_COL_PHONE, 0},
		{"move_in", N_("Moved in"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT * FROM (SELECT u.code, u.building, u.type, u.building_area, u.usable_area, "
	    PM_UNIT_STATUS_SQL " AS status,"
	    " (SELECT group_concat(name, '、') FROM (SELECT p.name FROM ownership o"
	    "   JOIN person p ON p.id = o.person_id WHERE o.unit_id = u.id AND o.until IS NULL"
	    "   ORDER BY o.id)) AS owner,"
	    " (SELECT coalesce(p.phone, p.landline) FROM ownership o JOIN person p ON p.id = o.person_id"
	    "   WHERE o.unit_id = u.id AND o.until IS NULL ORDER BY o.id LIMIT 1) AS phone,"
	    " (SELECT max(date) FROM movein m WHERE m.unit_id = u.id) AS move_in,"
	    " u.entrance AS entrance, u.floor AS floor, u.room AS room"
	    " FROM unit u"
	    " WHERE (:building IS NULL OR u.building = :building)"
	    "   AND (:type IS NULL OR u.type = :type)"
	    "   AND (:owner IS NULL OR EXISTS (SELECT 1 FROM ownership o JOIN person p"
	    "     ON p.id = o.person_id WHERE o.unit_id = u.id AND o.until IS NULL"
	    "     AND instr(p.name, :owner) > 0))"
	    "   AND (:phone IS NULL OR EXISTS (SELECT 1 FROM ownership o JOIN person p"
	    "     ON p.id = o.person_id WHERE o.unit_id = u.id AND o.until IS NULL"
	    "     AND (p.phone = :phone OR p.landline = :phone"
	    "       OR (length(:phone) = 4 AND (substr(p.phone, -4) = :phone"
	    "         OR substr(p.landline, -4) = :phone)))))"
	    ")"
	    " WHERE (:status IS NULL OR status = :status)"
	    "   AND (:moved = 0 OR (:moved = 1) = (status IN ('occupied', 'rented')))"
	    " ORDER BY CAST(building AS INTEGER), building, CAST(entrance AS INTEGER),"
	    " entrance, floor, CAST(room AS INTEGER), room";
	struct pm_buf phone = PM_BUF_INIT;
	const char *type = NULL, *status = NULL;
	struct pm_stmt *st;
	int rc;

	if (f->type && !(type = pm_keyword_key(pm_unit_types, f->type)))
		return pm_err_set(err, PM_EXIT_USAGE, _("unknown unit type '%s' (one of: %s)"),
		    f->type, pm_keyword_list(pm_unit_types));
	if (f->status && !(status = pm_keyword_key(pm_unit_statuses, f->status)))
		return pm_err_set(err, PM_EXIT_USAGE, _("unknown status '%s' (one of: %s)"),
		    f->status, pm_keyword_list(pm_unit_statuses));
	if (f->phone) {
		int landline;
		size_t n = strlen(f->phone);

		/* four digits are a phone's tail, as a caller says 尾号5678 */
		if (n == 4 && isdigit((unsigned char)f->phone[0]) && isdigit((unsigned char)f->phone[3]))
			pm_buf_adds(&phone, f->phone);
		else if (pm_phone_normalize(f->phone, n, &phone, &landline))
			return pm_err_set(err, PM_EXIT_USAGE,
			    _("--phone: give a phone number or its last four digits"));
	}
	if (pm_db_prepare(db, sql, &st, err) < 0) {
		pm_buf_free(&phone);
		return -1;
	}
	if (pm_bind_today(st, err) < 0)
		goto fail;
	pm_bind_text_null(st, pm_param_index(st, ":building"), f->building);
	pm_bind_text_null(st, pm_param_index(st, ":type"), type);
	pm_bind_text_null(st, pm_param_index(st, ":owner"), f->owner);
	pm_bind_text_null(st, pm_param_index(st, ":phone"), f->phone ? phone.s : NULL);
	pm_bind_text_null(st, pm_param_index(st, ":status"), status);
	pm_bind_int(st, pm_param_index(st, ":moved"), f->moved_in);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	st = NULL;
	pm_buf_free(&phone);
	if (rc == 0)
		pm_out_end(out);
	return rc;
fail:
	pm_stmt_free(st);
	pm_buf_free(&phone);
	return -1;
}

int
pm_roll_export(struct pm_db *db, struct pm_out *out, struct pm_err *err)
{
	/* the columns pm_roll_fields reads back, by the same names */
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"building_area", N_("Building area"), PM_COL_DEC, 2},
		{"usable_area", N_("Usable area"), PM_COL_DEC, 2},
		{"land_area", N_("Land share"), PM_COL_DEC, 2},
		{"type", N_("Type"), PM_COL_CODE, 0},
		{"use", N_("Use"), PM_COL_TEXT, 0},
		{"facilities", N_("Facilities"), PM_COL_TEXT, 0},
		{"parking", N_("Parking"), PM_COL_TEXT, 0},
		{"name", N_("Owner"), PM_COL_TEXT, 0},
		{"phone", N_("Phone"), PM_COL_PHONE, 0},
		{"id_no", N_("ID number"), PM_COL_IDNO, 0},
		{"move_in", N_("Moved in"), PM_COL_CODE, 0},
		{"since", N_("Since"), PM_COL_CODE, 0},
		{"share", N_("Share %"), PM_COL_DEC, 2},
		{"remark", N_("Remark"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT u.code, u.building_area, u.usable_area, u.land_area, u.type, u.use,"
	    " u.facilities, u.parking, p.name, coalesce(p.phone, p.landline), p.id_no,"
	    " (SELECT max(date) FROM movein m WHERE m.unit_id = u.id), o.since, o.share, u.remark"
	    " FROM unit u LEFT JOIN ownership o ON o.unit_id = u.id AND o.until IS NULL"
	    " LEFT JOIN person p ON p.id = o.person_id"
	    UNIT_ORDER ", o.id";
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}
