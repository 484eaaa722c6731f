/* archive_owner.c - pm-owner's sections of the household archive */
#include "core/i18n.h"
#include "owner.h"
#include "unit.h"

/* One section from one query whose parameters are :unit and perhaps
 * :today (named, never ?N: SQLite numbers a named parameter by its first
 * appearance, so mixing the two styles can alias them). */
static int
section(struct pm_db *db, int64_t unit_id, struct pm_out *out, const char *name,
	const struct pm_col *cols, size_t ncols, int single, const char *sql,
	struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	static const struct {
		const char *param, *text;
	} words[] = {
		{":from_roll", N_("from the owner roll")},
		{":passed", N_("inspection passed")},
		{":failed", N_("inspection failed")},
		{":rectified", N_("rectified")},
	};
	size_t i;

	pm_bind_int(st, pm_param_index(st, ":unit"), unit_id);
	if (pm_bind_today(st, err) < 0) {
		pm_stmt_free(st);
		return -1;
	}
	/* words a query writes into a detail, in the reader's language */
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		int k = pm_param_index(st, words[i].param);

		if (k && pm_bind_text(st, k, _(words[i].text)) < 0) {
			pm_stmt_free(st);
			return pm_err_set(err, PM_EXIT_OSERR, _("out of memory"));
		}
	}
	pm_out_begin(out, name, cols, ncols, single);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	pm_out_end(out);
	return rc;
}

#define N(a) (sizeof (a) / sizeof (a)[0])

int
pm_owner_archive_unit(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"building", N_("Building"), PM_COL_CODE, 0},
		{"entrance", N_("Entrance"), PM_COL_CODE, 0},
		{"floor", N_("Floor"), PM_COL_INT, 0},
		{"room", N_("Room"), PM_COL_CODE, 0},
		{"type", N_("Type"), PM_COL_CODE, 0},
		{"status", N_("Status"), PM_COL_CODE, 0},
		{"building_area", N_("Building area"), PM_COL_DEC, 2},
		{"usable_area", N_("Usable area"), PM_COL_DEC, 2},
		{"land_area", N_("Land share"), PM_COL_DEC, 2},
		{"use", N_("Use"), PM_COL_TEXT, 0},
		{"facilities", N_("Facilities"), PM_COL_TEXT, 0},
		{"parking", N_("Parking"), PM_COL_TEXT, 0},
		{"remark", N_("Remark"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT code, building, entrance, floor, room, type, " PM_UNIT_STATUS_SQL ","
	    " building_area, usable_area, land_area, use, facilities, parking, remark"
	    " FROM unit u WHERE u.id = :unit";

	return section(db, unit_id, out, "unit", cols, N(cols), 1, sql, err);
}

int
pm_owner_archive_owners(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"name", N_("Name"), PM_COL_TEXT, 0},
		{"phone", N_("Phone"), PM_COL_PHONE, 0},
		{"id_no", N_("ID number"), PM_COL_IDNO, 0},
		{"share", N_("Share %"), PM_COL_DEC, 2},
		{"how", N_("How"), PM_COL_CODE, 0},
		{"since", N_("Since"), PM_COL_CODE, 0},
		{"until", N_("Until"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT p.name, p.phone, p.id_no, o.share, o.how, o.since, o.until"
	    " FROM ownership o JOIN person p ON p.id = o.person_id"
	    " WHERE o.unit_id = :unit ORDER BY o.until IS NOT NULL, o.until DESC, o.id";

	return section(db, unit_id, out, "owners", cols, N(cols), 0, sql, err);
}

int
pm_owner_archive_tenants(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"name", N_("Tenant"), PM_COL_TEXT, 0},
		{"phone", N_("Phone"), PM_COL_PHONE, 0},
		{"id_no", N_("ID number"), PM_COL_IDNO, 0},
		{"start", N_("From"), PM_COL_CODE, 0},
		{"end", N_("To"), PM_COL_CODE, 0},
		{"ended", N_("Ended"), PM_COL_CODE, 0},
		{"decoration", N_("Decoration"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT p.name, p.phone, p.id_no, l.start, l.end_on, l.ended, l.decoration"
	    " FROM lease l JOIN person p ON p.id = l.person_id"
	    " WHERE l.unit_id = :unit ORDER BY l.start DESC";

	return section(db, unit_id, out, "tenants", cols, N(cols), 0, sql, err);
}

int
pm_owner_archive_residents(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"name", N_("Name"), PM_COL_TEXT, 0},
		{"relation", N_("Relation"), PM_COL_CODE, 0},
		{"phone", N_("Phone"), PM_COL_PHONE, 0},
		{"since", N_("Since"), PM_COL_CODE, 0},
		{"until", N_("Until"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT p.name, r.relation, p.phone, r.since, r.until"
	    " FROM resident r JOIN person p ON p.id = r.person_id"
	    " WHERE r.unit_id = :unit ORDER BY r.until IS NOT NULL, r.id";

	return section(db, unit_id, out, "residents", cols, N(cols), 0, sql, err);
}

int
pm_owner_archive_moves(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"event", N_("Event"), PM_COL_CODE, 0},
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"number", N_("Number"), PM_COL_CODE, 0},
		{"water", N_("Water"), PM_COL_DEC, 2},
		{"electricity", N_("Electricity"), PM_COL_DEC, 2},
		{"gas", N_("Gas"), PM_COL_DEC, 2},
		{"hot_water", N_("Hot water"), PM_COL_DEC, 2},
		{"detail", N_("Detail"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT 'movein', date, NULL, water, electricity, gas, hot_water,"
	    "  CASE source WHEN 'roll' THEN :from_roll"
	    "   ELSE trim(coalesce(CASE inspection WHEN 'passed' THEN :passed"
	    "    WHEN 'failed' THEN :failed END, '') || coalesce(': ' || defects, '')"
	    "    || coalesce(', ' || :rectified || ' ' || rectified, '')) END"
	    " FROM movein WHERE unit_id = :unit"
	    " UNION ALL"
	    " SELECT 'moveout', date, permit, water, electricity, gas, hot_water, goods"
	    " FROM moveout WHERE unit_id = :unit"
	    " ORDER BY 2, 1";

	return section(db, unit_id, out, "moves", cols, N(cols), 0, sql, err);
}

int
pm_owner_archive_vehicles(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"plate", N_("Plate"), PM_COL_CODE, 0},
		{"space", N_("Space"), PM_COL_CODE, 0},
		{"pass_no", N_("Pass"), PM_COL_CODE, 0},
		{"expires", N_("Expires"), PM_COL_CODE, 0},
		{"removed", N_("Removed"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT plate, space, pass_no, expires, removed FROM vehicle"
	    " WHERE unit_id = :unit ORDER BY removed IS NOT NULL, plate";

	return section(db, unit_id, out, "vehicles", cols, N(cols), 0, sql, err);
}

int
pm_owner_archive_pets(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"kind", N_("Kind"), PM_COL_CODE, 0},
		{"name", N_("Name"), PM_COL_TEXT, 0},
		{"breed", N_("Breed"), PM_COL_TEXT, 0},
		{"licence", N_("Licence"), PM_COL_CODE, 0},
		{"expires", N_("Expires"), PM_COL_CODE, 0},
		{"removed", N_("Removed"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT kind, name, breed, licence, expires, removed FROM pet"
	    " WHERE unit_id = :unit ORDER BY removed IS NOT NULL, id";

	return section(db, unit_id, out, "pets", cols, N(cols), 0, sql, err);
}

int
pm_owner_archive_keys(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"what", N_("Key"), PM_COL_TEXT, 0},
		{"taken", N_("Taken"), PM_COL_CODE, 0},
		{"taken_by", N_("Taken by"), PM_COL_TEXT, 0},
		{"from_whom", N_("Handed in by"), PM_COL_TEXT, 0},
		{"returned", N_("Returned"), PM_COL_CODE, 0},
		{"returned_to", N_("Returned to"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT k.what, k.taken, s.name, k.from_whom, k.returned, k.returned_to"
	    " FROM key_custody k LEFT JOIN staff s ON s.id = k.taken_by"
	    " WHERE k.unit_id = :unit ORDER BY k.returned IS NOT NULL, k.taken DESC";

	return section(db, unit_id, out, "keys", cols, N(cols), 0, sql, err);
}

int
pm_owner_archive_visits(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"staff", N_("Butler"), PM_COL_TEXT, 0},
		{"visitee", N_("Met"), PM_COL_TEXT, 0},
		{"notes", N_("Notes"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT v.date, s.name, v.visitee, v.notes FROM visit v JOIN staff s ON s.id = v.staff_id"
	    " WHERE v.unit_id = :unit ORDER BY v.date DESC, v.id DESC";

	return section(db, unit_id, out, "visits", cols, N(cols), 0, sql, err);
}
