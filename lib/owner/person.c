/* person.c - finding or creating the people records name */
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "person.h"

int
pm_person_get(struct pm_db *db, const struct pm_person_in *p, int64_t *id, int *created,
	      struct pm_err *err)
{
	struct pm_buf name = PM_BUF_INIT, phone = PM_BUF_INIT, idno = PM_BUF_INIT;
	const char *why = NULL, *mobile = NULL, *landline = NULL;
	struct pm_stmt *st = NULL;
	int rc = -1, step, is_landline = 0;

	*created = 0;
	if (!p->name || (why = pm_name_normalize(p->name, strlen(p->name), &name))) {
		pm_err_set(err, PM_EXIT_DATA, _("name: %s"), p->name ? why : _("name missing"));
		goto out;
	}
	if (p->phone && *p->phone) {
		if ((why = pm_phone_normalize(p->phone, strlen(p->phone), &phone, &is_landline))) {
			pm_err_set(err, PM_EXIT_DATA, _("phone: %s"), why);
			goto out;
		}
		if (is_landline)
			landline = phone.s;
		else
			mobile = phone.s;
	}
	if (p->id_no && *p->id_no &&
	    (why = pm_idno_normalize(p->id_no, strlen(p->id_no), &idno))) {
		pm_err_set(err, PM_EXIT_DATA, _("ID number: %s"), why);
		goto out;
	}
	if (idno.len) {
		if (pm_db_prepare(db, "SELECT id, name FROM person WHERE id_no = ?1", &st, err) < 0)
			goto out;
		pm_bind_text(st, 1, idno.s);
	} else {
		if (pm_db_prepare(db, "SELECT id, name FROM person WHERE name = ?1"
		    " AND ((?2 IS NOT NULL AND phone = ?2) OR (?3 IS NOT NULL AND landline = ?3))"
		    " ORDER BY id LIMIT 1", &st, err) < 0)
			goto out;
		pm_bind_text(st, 1, name.s);
		pm_bind_text_null(st, 2, mobile);
		pm_bind_text_null(st, 3, landline);
	}
	step = pm_step(st);
	if (step == PM_ROW) {
		if (strcmp(pm_col_text(st, 1), name.s)) {
			pm_err_set(err, PM_EXIT_DATA,
			    _("that ID number is on record under another name, not '%s': check the number and the name"),
			    name.s);
			goto out;
		}
		*id = pm_col_int64(st, 0);
		pm_stmt_free(st);
		st = NULL;
		/* fill in numbers the record lacked */
		if (pm_db_prepare(db, "UPDATE person SET phone = coalesce(phone, ?2),"
		    " landline = coalesce(landline, ?3) WHERE id = ?1", &st, err) < 0)
			goto out;
		pm_bind_int(st, 1, *id);
		pm_bind_text_null(st, 2, mobile);
		pm_bind_text_null(st, 3, landline);
		if (pm_db_step_done(db, st, err) < 0)
			goto out;
		rc = 0;
		goto out;
	}
	if (step != PM_DONE) {
		pm_db_fail(db, err, _("looking up a person"));
		goto out;
	}
	pm_stmt_free(st);
	st = NULL;
	if (pm_db_prepare(db, "INSERT INTO person(name, phone, landline, id_no) VALUES (?1, ?2, ?3, ?4)",
	    &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, name.s);
	pm_bind_text_null(st, 2, mobile);
	pm_bind_text_null(st, 3, landline);
	pm_bind_text_null(st, 4, idno.len ? idno.s : NULL);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	*id = pm_db_last_id(db);
	*created = 1;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&name);
	pm_buf_free(&phone);
	pm_buf_free(&idno);
	return rc;
}
