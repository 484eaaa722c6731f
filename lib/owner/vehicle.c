/* vehicle.c - vehicles of units: plates, parking spaces, passes */
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "registers.h"
#include "unit.h"

/* The provinces' one-character abbreviations that begin a civil plate. */
static const char provinces[] =
	"京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
/* What may stand last, after four letters or digits. */
static const char suffixes[] = "挂学警港澳领";

/* Is the code point c one of the characters of set (UTF-8)? */
static int
in_set(const char *set, int32_t c)
{
	const char *p = set, *end = set + strlen(set);

	while (p < end)
		if (pm_utf8_next(&p, end) == c)
			return 1;
	return 0;
}

static int
alnum(int32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

const char *
pm_plate_normalize(const char *s, size_t n, struct pm_buf *out)
{
	struct pm_buf clean = PM_BUF_INIT;
	int32_t cp[16];
	size_t k = 0, i, tail;
	const char *p, *end;

	pm_buf_reset(out);
	if (pm_text_clean(&clean, s, n) < 0)
		return _("out of memory");
	p = clean.s ? clean.s : "";
	end = p + clean.len;
	while (p < end) {
		int32_t c = pm_utf8_next(&p, end);

		if (c < 0) {
			pm_buf_free(&clean);
			return _("not UTF-8");
		}
		/* what people put between the parts: 京A·12345, 京A 12345, 京A-12345 */
		if (c == ' ' || c == '\t' || c == '-' || c == '.' || c == 0xB7 || c == 0x2022 ||
		    c == 0x30FB || c == 0xFF65)
			continue;
		if (c >= 'a' && c <= 'z')
			c = c - 'a' + 'A';
		if (k == sizeof cp / sizeof cp[0]) {
			pm_buf_free(&clean);
			return _("not a plate like 京A12345");
		}
		cp[k++] = c;
	}
	pm_buf_free(&clean);
	if (k == 0)
		return _("plate missing");
	if (k < 7 || k > 8 || !in_set(provinces, cp[0]) || cp[1] < 'A' || cp[1] > 'Z')
		return _("not a plate like 京A12345");
	/* five or six letters and digits, or four and a suffix character */
	tail = k - 2;
	for (i = 2; i < k; i++)
		if (!alnum(cp[i]) && !(i == k - 1 && tail == 5 && in_set(suffixes, cp[i])))
			return _("not a plate like 京A12345");
	for (i = 0; i < k; i++)
		if (pm_utf8_put(out, cp[i]) < 0)
			return _("out of memory");
	return NULL;
}

/* The unit a current vehicle with this plate is registered to: 0 with
 * *unit malloc'ed, 1 when none, -1 on error. */
static int
plate_holder(struct pm_db *db, const char *plate, char **unit, struct pm_err *err)
{
	struct pm_stmt *st;

	*unit = NULL;
	if (pm_db_prepare(db, "SELECT u.code FROM vehicle v JOIN unit u ON u.id = v.unit_id"
	    " WHERE v.plate = ?1 AND v.removed IS NULL", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, plate);
	return pm_db_text(db, st, unit, _("reading vehicles"), err);
}

int
pm_vehicle_add(struct pm_db *db, const char *unit, const struct pm_vehicle *v,
	       struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO vehicle(unit_id, plate, space, pass_no, expires) VALUES (?1, ?2, ?3, ?4, ?5)";
	struct pm_buf plate = PM_BUF_INIT, space = PM_BUF_INIT, pass = PM_BUF_INIT;
	struct pm_buf change = PM_BUF_INIT;
	char expires[PM_DATE_BUFSZ] = "", *code = NULL, *holder = NULL;
	struct pm_stmt *st = NULL;
	const char *why;
	int64_t unit_id;
	int rc = -1, found;

	if ((why = pm_plate_normalize(v->plate, strlen(v->plate), &plate))) {
		pm_err_set(err, PM_EXIT_DATA, _("plate '%s': %s"), v->plate, why);
		goto out;
	}
	if (v->space && (why = pm_reg_code(v->space, &space))) {
		pm_err_set(err, PM_EXIT_DATA, _("parking space '%s': %s"), v->space, why);
		goto out;
	}
	if (v->pass_no && (why = pm_reg_code(v->pass_no, &pass))) {
		pm_err_set(err, PM_EXIT_DATA, _("pass number '%s': %s"), v->pass_no, why);
		goto out;
	}
	if (v->expires)
		pm_date_fmt(*v->expires, expires);
	if (pm_unit_find(db, unit, &unit_id, &code, err) < 0)
		goto out;
	if ((found = plate_holder(db, plate.s, &holder, err)) < 0)
		goto out;
	if (found == 0) {
		pm_err_set(err, PM_EXIT_DATA, _("plate '%s' is already registered to unit %s"),
		    plate.s, holder);
		goto out;
	}
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, unit_id);
	pm_bind_text(st, 2, plate.s);
	pm_bind_text_null(st, 3, pm_buf_str(&space));
	pm_bind_text_null(st, 4, pm_buf_str(&pass));
	pm_bind_text_null(st, 5, expires);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (pm_buf_addf(&change, "vehicle %s added", plate.s) < 0 ||
	    (space.len && pm_buf_addf(&change, ", space %s", space.s) < 0) ||
	    (pass.len && pm_buf_addf(&change, ", pass %s", pass.s) < 0) ||
	    (*expires && pm_buf_addf(&change, ", expires %s", expires) < 0)) {
		pm_err_oom(err);
		goto out;
	}
	if (pm_auditf(db, code, err, "%s", change.s) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(code);
	free(holder);
	pm_buf_free(&plate);
	pm_buf_free(&space);
	pm_buf_free(&pass);
	pm_buf_free(&change);
	return rc;
}

int
pm_vehicle_remove(struct pm_db *db, const char *plate_typed, const struct pm_date *date,
		  struct pm_err *err)
{
	struct pm_buf plate = PM_BUF_INIT;
	char day[PM_DATE_BUFSZ], *code = NULL;
	struct pm_stmt *st = NULL;
	const char *why;
	int rc = -1, found;

	if ((why = pm_plate_normalize(plate_typed, strlen(plate_typed), &plate))) {
		pm_err_set(err, PM_EXIT_DATA, _("plate '%s': %s"), plate_typed, why);
		goto out;
	}
	if (pm_reg_day(date, 1, day, err) < 0)
		goto out;
	if ((found = plate_holder(db, plate.s, &code, err)) < 0)
		goto out;
	if (found == 1) {
		pm_err_set(err, PM_EXIT_DATA, _("no vehicle '%s' is registered"), plate.s);
		goto out;
	}
	if (pm_db_prepare(db, "UPDATE vehicle SET removed = ?2 WHERE plate = ?1 AND removed IS NULL",
	    &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, plate.s);
	pm_bind_text(st, 2, day);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (pm_auditf(db, code, err, "vehicle %s removed on %s", plate.s, day) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(code);
	pm_buf_free(&plate);
	return rc;
}

int
pm_vehicle_list(struct pm_db *db, const char *unit, int within_days, int all,
		struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"plate", N_("Plate"), PM_COL_CODE, 0},
		{"space", N_("Space"), PM_COL_CODE, 0},
		{"pass_no", N_("Pass"), PM_COL_CODE, 0},
		{"expires", N_("Expires"), PM_COL_CODE, 0},
		{"removed", N_("Removed"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT u.code, v.plate, v.space, v.pass_no, v.expires, v.removed"
	    " FROM vehicle v JOIN unit u ON u.id = v.unit_id"
	    " WHERE (?1 IS NULL OR v.unit_id = ?1)"
	    "   AND (?2 OR v.removed IS NULL)"
	    "   AND (?3 IS NULL OR v.expires <= ?3)"
	    " ORDER BY" PM_REG_UNIT_ORDER ", v.plate, v.id";
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
