/* unitedit.c - units added and changed by hand */
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/validate.h"
#include "unit.h"

static const char *const area_opts[3] = {"--area", "--usable-area", "--land-area"};

/* Check the values given; areas into a[] (x100), the type key into *type. */
static int
check(const struct pm_unit_in *u, int64_t a[3], const char **type, struct pm_err *err)
{
	int k;

	*type = NULL;
	if (u->type && !(*type = pm_keyword_key(pm_unit_types, u->type)))
		return pm_err_set(err, PM_EXIT_DATA, _("--type: '%s' is not one of: %s"), u->type,
		    pm_keyword_list(pm_unit_types));
	for (k = 0; k < 3; k++) {
		enum pm_num rc;

		if (!u->area[k])
			continue;
		rc = pm_area_parse(u->area[k], strlen(u->area[k]), &a[k]);
		if (rc != PM_NUM_OK)
			return pm_err_set(err, PM_EXIT_DATA, _("%s '%s': %s"), area_opts[k], u->area[k],
			    pm_num_reason(rc));
	}
	return 0;
}

static void
bind_area(struct pm_stmt *st, int i, const struct pm_unit_in *u, const int64_t a[3], int k)
{
	if (u->area[k])
		pm_bind_int(st, i, a[k]);
	else
		pm_bind_null(st, i);
}

int
pm_unit_add(struct pm_db *db, const struct pm_unit_in *u, struct pm_err *err)
{
	struct pm_buf code = PM_BUF_INIT, b = PM_BUF_INIT, e = PM_BUF_INIT, r = PM_BUF_INIT;
	const char *why, *type;
	int64_t a[3] = {0, 0, 0}, id;
	struct pm_stmt *st = NULL;
	int floor, rc = -1;

	if ((why = pm_unit_parse(u->code, strlen(u->code), &code, &b, &e, &r, &floor))) {
		pm_err_set(err, PM_EXIT_DATA, _("unit '%s': %s"), u->code, why);
		goto out;
	}
	if (check(u, a, &type, err) < 0)
		goto out;
	if (pm_unit_find(db, code.s, &id, NULL, err) == 0) {
		pm_err_set(err, PM_EXIT_DATA, _("unit %s exists already (change it with pm-owner unit set)"),
		    code.s);
		goto out;
	}
	pm_err_clear(err);
	if (pm_db_prepare(db, "INSERT INTO unit(code, building, entrance, floor, room, type,"
	    " building_area, usable_area, land_area, use, facilities, parking, remark)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, 'residential'), ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	    &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, code.s);
	pm_bind_text(st, 2, pm_buf_str(&b));
	pm_bind_text(st, 3, pm_buf_str(&e));
	if (floor > 0)
		pm_bind_int(st, 4, floor);
	pm_bind_text(st, 5, pm_buf_str(&r));
	pm_bind_text_null(st, 6, type);
	bind_area(st, 7, u, a, 0);
	bind_area(st, 8, u, a, 1);
	bind_area(st, 9, u, a, 2);
	pm_bind_text_null(st, 10, u->use);
	pm_bind_text_null(st, 11, u->facilities);
	pm_bind_text_null(st, 12, u->parking);
	pm_bind_text_null(st, 13, u->remark);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	rc = pm_auditf(db, code.s, err, "unit added (%s)", type ? type : "residential");
out:
	pm_stmt_free(st);
	pm_buf_free(&code);
	pm_buf_free(&b);
	pm_buf_free(&e);
	pm_buf_free(&r);
	return rc;
}

int
pm_unit_set(struct pm_db *db, const struct pm_unit_in *u, struct pm_err *err)
{
	const char *type;
	char *code = NULL;
	int64_t a[3] = {0, 0, 0}, id;
	struct pm_stmt *st = NULL;
	int rc = -1;

	if (check(u, a, &type, err) < 0 || pm_unit_find(db, u->code, &id, &code, err) < 0)
		return -1;
	if (pm_db_prepare(db, "UPDATE unit SET type = coalesce(?2, type),"
	    " building_area = coalesce(?3, building_area), usable_area = coalesce(?4, usable_area),"
	    " land_area = coalesce(?5, land_area), use = coalesce(?6, use),"
	    " facilities = coalesce(?7, facilities), parking = coalesce(?8, parking),"
	    " remark = coalesce(?9, remark) WHERE id = ?1", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_text_null(st, 2, type);
	bind_area(st, 3, u, a, 0);
	bind_area(st, 4, u, a, 1);
	bind_area(st, 5, u, a, 2);
	if (u->use)
		pm_bind_text(st, 6, u->use);
	if (u->facilities)
		pm_bind_text(st, 7, u->facilities);
	if (u->parking)
		pm_bind_text(st, 8, u->parking);
	if (u->remark)
		pm_bind_text(st, 9, u->remark);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	rc = pm_auditf(db, code, err, "unit changed%s%s%s%s%s%s%s%s", type ? " type" : "",
	    u->area[0] ? " building_area" : "", u->area[1] ? " usable_area" : "",
	    u->area[2] ? " land_area" : "", u->use ? " use" : "", u->facilities ? " facilities" : "",
	    u->parking ? " parking" : "", u->remark ? " remark" : "");
out:
	pm_stmt_free(st);
	free(code);
	return rc;
}
