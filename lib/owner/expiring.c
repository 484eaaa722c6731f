/* expiring.c - passes and licences to remind owners of */
#include "core/i18n.h"
#include "registers.h"

/* The current owners of unit u, and the first one's phone. */
#define OWNERS_SQL \
	" (SELECT group_concat(name, '、') FROM (SELECT p.name FROM ownership o" \
	"   JOIN person p ON p.id = o.person_id WHERE o.unit_id = u.id AND o.until IS NULL" \
	"   ORDER BY o.id)) AS owners," \
	" (SELECT coalesce(p.phone, p.landline) FROM ownership o JOIN person p" \
	"   ON p.id = o.person_id WHERE o.unit_id = u.id AND o.until IS NULL" \
	"   ORDER BY o.id LIMIT 1) AS phone"

int
pm_expiring_list(struct pm_db *db, int within_days, long *rows, struct pm_out *out,
		 struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"owner", N_("Owner"), PM_COL_TEXT, 0},
		{"phone", N_("Phone"), PM_COL_PHONE, 0},
		{"what", N_("What"), PM_COL_CODE, 0},
		{"item", N_("Item"), PM_COL_TEXT, 0},
		{"number", N_("Number"), PM_COL_CODE, 0},
		{"expires", N_("Expires"), PM_COL_CODE, 0},
		{"days", N_("Days left"), PM_COL_INT, 0},
	};
	static const char sql[] =
	    "SELECT code, owners, phone, what, item, number, expires,"
	    " CAST(julianday(expires) - julianday(:today) AS INTEGER)"
	    " FROM ("
	    "  SELECT u.code AS code," OWNERS_SQL ", 'vehicle' AS what, v.plate AS item,"
	    "   v.pass_no AS number, v.expires AS expires, 0 AS k, v.id AS id,"
	    "   u.building AS building, u.entrance AS entrance, u.floor AS floor, u.room AS room"
	    "  FROM vehicle v JOIN unit u ON u.id = v.unit_id"
	    "  WHERE v.removed IS NULL AND v.expires <= :until"
	    "  UNION ALL"
	    "  SELECT u.code," OWNERS_SQL ", p.kind, p.name, p.licence, p.expires, 1, p.id,"
	    "   u.building, u.entrance, u.floor, u.room"
	    "  FROM pet p JOIN unit u ON u.id = p.unit_id"
	    "  WHERE p.removed IS NULL AND p.expires <= :until)"
	    " ORDER BY expires, CAST(building AS INTEGER), building, CAST(entrance AS INTEGER),"
	    " entrance, floor, CAST(room AS INTEGER), room, k, id";
	char until[PM_DATE_BUFSZ];
	struct pm_stmt *st;
	int rc;

	*rows = 0;
	if (pm_reg_until(within_days, until, err) < 0)
		return -1;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	if (pm_bind_today(st, err) < 0) {
		pm_stmt_free(st);
		return -1;
	}
	pm_bind_text(st, pm_param_index(st, ":until"), until);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	while ((rc = pm_step(st)) == PM_ROW) {
		(*rows)++;
		if (pm_out_stmt(out, st) < 0)
			break;
	}
	if (rc != PM_ROW && rc != PM_DONE) {
		pm_db_fail(db, err, _("listing what expires"));
		pm_stmt_free(st);
		return -1;
	}
	pm_stmt_free(st);
	pm_out_end(out);
	return 0;
}
