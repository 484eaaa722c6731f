/* flow.c - the steps of a ticket's life, in order, and their deadlines */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "internal.h"
#include "ticket.h"

static const char *const step_names[] = {
	"dispatch", "accept", "start", "finish", "reply", "callback", "close", "reopen", "handover",
};

const char *
pm_ticket_step_name(enum pm_ticket_step step)
{
	return (size_t)step < N(step_names) ? step_names[step] : "?";
}

/* Is status one of the '|'-separated list? */
static int
in(const char *status, const char *list)
{
	size_t n = strlen(status);
	const char *p = list;

	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t k = bar ? (size_t)(bar - p) : strlen(p);

		if (k == n && !strncmp(p, status, n))
			return 1;
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

/* Kinds whose finish starts a callback deadline. */
static int
needs_callback(const struct tk *t)
{
	return !strcmp(t->kind, "repair") || !strcmp(t->kind, "emergency");
}

static int
refuse(const struct tk *t, const char *step, const char *why, struct pm_err *err)
{
	return pm_err_set(err, PM_EXIT_DATA, _("cannot %s %s: %s"), step, t->no, why);
}

/* Why a step cannot be taken from the ticket's status (NULL: it can). */
static const char *
order_check(const struct tk *t, enum pm_ticket_step s)
{
	const char *st = t->status;

	if (!strcmp(st, "closed") && s != PM_STEP_REOPEN)
		return _("it is closed (reopen it first)");
	switch (s) {
	case PM_STEP_DISPATCH:
		if (in(st, "finished|called"))
			return _("it is finished already (reopen it to send it out again)");
		return NULL;
	case PM_STEP_ACCEPT:
		if (!t->assignee || in(st, "open"))
			return _("it has not been dispatched to anyone");
		if (!in(st, "dispatched|rework"))
			return st[0] == 'a' ? _("it was accepted already")
			    : _("it is past that step");
		return NULL;
	case PM_STEP_START:
		if (!t->assignee || in(st, "open"))
			return _("it has not been dispatched to anyone");
		if (!in(st, "dispatched|accepted|rework"))
			return _("work on it has started or ended already");
		return NULL;
	case PM_STEP_FINISH:
		if (in(st, "finished|called"))
			return _("it is finished already");
		return NULL;
	case PM_STEP_REPLY:
		if (strcmp(t->kind, "complaint"))
			return _("only complaints get a reply; record a callback instead");
		if (t->replied)
			return _("the complaint has been answered already");
		return NULL;
	case PM_STEP_CALLBACK:
		if (in(st, "called"))
			return _("it has been called back already");
		if (in(st, "rework"))
			return _("the rework is not finished yet");
		if (!in(st, "finished"))
			return _("the work is not finished yet (callback comes after finish)");
		return NULL;
	case PM_STEP_CLOSE:
		if (in(st, "rework"))
			return _("its rework is not finished");
		if (!in(st, "finished|called"))
			return _("the work is not finished yet");
		if (in(st, "finished") && needs_callback(t))
			return _("its callback is missing");
		if (!strcmp(t->kind, "complaint") && !t->replied)
			return _("the complaint has not been answered");
		return NULL;
	case PM_STEP_REOPEN:
		if (!in(st, "closed|called"))
			return _("it is not closed");
		return NULL;
	case PM_STEP_HANDOVER:
		return NULL;
	}
	return NULL;
}

/* Callback deadline days for the ticket's category. */
static int
callback_days(struct pm_db *db, const struct tk *t, int *days, struct pm_err *err)
{
	const char *name = !strcmp(t->category, "safety") ? "callback.safety_days"
	    : !strcmp(t->category, "leak") ? "callback.leak_days" : "callback.other_days";
	int64_t v;

	if (pm_setting_get_int(db, name, &v, err) < 0)
		return -1;
	*days = (int)v;
	return 0;
}

static int
exec1(struct pm_db *db, const char *sql, struct pm_err *err, const char *fmt, ...)
{
	/* fmt: one letter per parameter: i int64, t text, n text or NULL */
	struct pm_stmt *st;
	va_list ap;
	int i, rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	va_start(ap, fmt);
	for (i = 0; fmt[i]; i++) {
		if (fmt[i] == 'i')
			pm_bind_int(st, i + 1, va_arg(ap, int64_t));
		else if (fmt[i] == 't')
			pm_bind_text(st, i + 1, va_arg(ap, const char *));
		else
			pm_bind_text_null(st, i + 1, va_arg(ap, const char *));
	}
	va_end(ap);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	return rc;
}

/* The staff member's department key, into dept. */
static int
staff_dept(struct pm_db *db, int64_t id, char dept[32], struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT dept FROM staff WHERE id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	rc = pm_step(st);
	snprintf(dept, 32, "%s", rc == PM_ROW ? pm_col_text(st, 0) : "");
	pm_stmt_free(st);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("reading staff"));
}

/* The person doing a step: --by, else (for the repair staff's own steps)
 * the assignee, else $PM_USER. */
static int
doer(struct pm_db *db, const struct tk *t, const struct pm_ticket_step_args *a, int assignee_first,
     int64_t *id, struct pm_err *err)
{
	if (!a->by && assignee_first && t->assignee) {
		*id = t->assignee;
		return 0;
	}
	return tk_staff(db, a->by, id, err);
}

int
pm_ticket_step(struct pm_db *db, const char *no, const struct pm_ticket_step_args *a,
	       struct pm_err *err)
{
	const char *step = pm_ticket_step_name(a->step), *why, *result = NULL;
	struct pm_buf text = PM_BUF_INIT, mat = PM_BUF_INIT, detail = PM_BUF_INIT;
	char now[PM_TIME_BUFSZ], due[PM_TIME_BUFSZ], dept[32];
	char *name = NULL, *other = NULL, *rework = NULL;
	int64_t by = 0, to = 0;
	struct tk t;
	int rc = -1, days;

	if (tk_text(_("text"), a->text, &text, err) < 0 ||
	    tk_text(_("materials"), a->materials, &mat, err) < 0)
		goto out;
	if (tk_load(db, no, &t, err) < 0)
		goto out;
	if ((why = order_check(&t, a->step))) {
		refuse(&t, step, why, err);
		goto out;
	}
	if (tk_now(now, err) < 0)
		goto out;

	switch (a->step) {
	case PM_STEP_DISPATCH:
		if (!a->to) {
			pm_err_set(err, PM_EXIT_USAGE, _("dispatch to whom? give --to STAFF"));
			goto out;
		}
		if (pm_staff_find(db, a->to, &to, NULL, err) < 0 || tk_staff(db, a->by, &by, err) < 0)
			goto out;
		if (a->dept) {
			const char *k = pm_keyword_key(pm_staff_depts, a->dept);

			if (!k) {
				pm_err_set(err, PM_EXIT_DATA, _("unknown department '%s' (one of: %s)"),
				    a->dept, pm_keyword_list(pm_staff_depts));
				goto out;
			}
			snprintf(dept, sizeof dept, "%s", k);
		} else if (staff_dept(db, to, dept, err) < 0) {
			goto out;
		}
		if (exec1(db, "UPDATE ticket SET status = 'dispatched', dept = ?2, assignee = ?3"
		    " WHERE id = ?1", err, "iti", t.id, dept, to) < 0)
			goto out;
		if (tk_staff_name(db, to, &other, err) < 0)
			goto out;
		pm_buf_addf(&detail, "%s (%s)", other, dept);
		break;
	case PM_STEP_ACCEPT:
	case PM_STEP_START:
		if (doer(db, &t, a, 1, &by, err) < 0)
			goto out;
		if (by != t.assignee) {
			if (tk_staff_name(db, t.assignee, &other, err) < 0)
				goto out;
			pm_err_set(err, PM_EXIT_DATA,
			    _("cannot %s %s: it is dispatched to '%s' (dispatch it again to change that)"),
			    step, t.no, other);
			goto out;
		}
		if (exec1(db, "UPDATE ticket SET status = ?2 WHERE id = ?1", err, "it", t.id,
		    a->step == PM_STEP_ACCEPT ? "accepted" : "working") < 0)
			goto out;
		break;
	case PM_STEP_FINISH:
		if (!text.len) {
			pm_err_set(err, PM_EXIT_USAGE, _("say what was done: --done TEXT"));
			goto out;
		}
		if (doer(db, &t, a, 1, &by, err) < 0)
			goto out;
		due[0] = '\0';
		if (needs_callback(&t) && (callback_days(db, &t, &days, err) < 0 ||
		    tk_add(now, days, 0, due, err) < 0))
			goto out;
		if (exec1(db, "UPDATE ticket SET status = 'finished', finished = ?2, callback_due = ?3"
		    " WHERE id = ?1", err, "itn", t.id, now, due) < 0)
			goto out;
		if (exec1(db, "UPDATE rework SET done = ?2 WHERE ticket_id = ?1 AND done IS NULL", err,
		    "it", t.id, now) < 0)
			goto out;
		pm_buf_adds(&detail, text.s);
		if (mat.len)
			pm_buf_addf(&detail, _("; materials: %s"), mat.s);
		if (*due)
			pm_buf_addf(&detail, _("; callback due %s"), due);
		break;
	case PM_STEP_REPLY:
		if (!text.len) {
			pm_err_set(err, PM_EXIT_USAGE, _("what was the answer? give --text TEXT"));
			goto out;
		}
		if (tk_staff(db, a->by, &by, err) < 0)
			goto out;
		if (exec1(db, "UPDATE ticket SET replied = ?2 WHERE id = ?1", err, "it", t.id, now) < 0)
			goto out;
		pm_buf_adds(&detail, text.s);
		break;
	case PM_STEP_CALLBACK: {
		static const char ins[] =
		    "INSERT INTO callback(ticket_id, due, at, staff_id, result, notes)"
		    " SELECT id, callback_due, ?2, ?3, ?4, ?5 FROM ticket WHERE id = ?1";

		if (!a->result) {
			pm_err_set(err, PM_EXIT_USAGE,
			    _("what did the household say? give --result satisfied, basic or unsatisfied"));
			goto out;
		}
		if (!(result = pm_keyword_key(pm_callback_results, a->result))) {
			pm_err_set(err, PM_EXIT_DATA, _("unknown result '%s' (one of: %s)"), a->result,
			    pm_keyword_list(pm_callback_results));
			goto out;
		}
		if (tk_staff(db, a->by, &by, err) < 0)
			goto out;
		if (by != t.callback_by) {
			if (tk_staff_name(db, t.callback_by, &other, err) < 0)
				goto out;
			pm_err_set(err, PM_EXIT_DATA,
			    _("the callback of %s belongs to '%s', who took it: hand it over first "
			      "(pm-ticket handover %s --to STAFF)"), t.no, other, t.no);
			goto out;
		}
		if (exec1(db, ins, err, "ititn", t.id, now, by, result, pm_buf_str(&text)) < 0)
			goto out;
		pm_buf_addf(&detail, "%s", result);
		if (text.len)
			pm_buf_addf(&detail, ": %s", text.s);
		if (!strcmp(result, "unsatisfied")) {
			static const char rw[] =
			    "INSERT INTO rework(ticket_id, callback_id, issued, due, staff_id, problem)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
			int64_t hours, cb = pm_db_last_id(db);
			struct pm_stmt *st;

			if (pm_setting_get_int(db, "rework.hours", &hours, err) < 0 ||
			    tk_add(now, 0, hours, due, err) < 0)
				goto out;
			if (pm_db_prepare(db, rw, &st, err) < 0)
				goto out;
			pm_bind_int(st, 1, t.id);
			pm_bind_int(st, 2, cb);
			pm_bind_text(st, 3, now);
			pm_bind_text(st, 4, due);
			if (t.assignee)
				pm_bind_int(st, 5, t.assignee);
			pm_bind_text_null(st, 6, pm_buf_str(&text));
			rc = pm_db_step_done(db, st, err);
			pm_stmt_free(st);
			if (rc < 0)
				goto out;
			rc = -1;
			if (exec1(db, "UPDATE ticket SET status = 'rework', callback_due = NULL"
			    " WHERE id = ?1", err, "i", t.id) < 0)
				goto out;
			if (t.assignee && tk_staff_name(db, t.assignee, &other, err) < 0)
				goto out;
			if (asprintf(&rework, _("to %s, due %s"), other && *other ? other
			    : _("the repair staff"), due) < 0) {
				rework = NULL;
				pm_err_oom(err);
				goto out;
			}
		} else if (exec1(db, "UPDATE ticket SET status = 'called', callback_due = NULL"
		    " WHERE id = ?1", err, "i", t.id) < 0) {
			goto out;
		}
		break;
	}
	case PM_STEP_CLOSE:
		if (tk_staff(db, a->by, &by, err) < 0)
			goto out;
		if (exec1(db, "UPDATE ticket SET status = 'closed', closed = ?2 WHERE id = ?1", err,
		    "it", t.id, now) < 0)
			goto out;
		if (text.len)
			pm_buf_adds(&detail, text.s);
		break;
	case PM_STEP_REOPEN:
		if (!text.len) {
			pm_err_set(err, PM_EXIT_USAGE, _("say why it is reopened: --reason TEXT"));
			goto out;
		}
		if (tk_staff(db, a->by, &by, err) < 0)
			goto out;
		if (exec1(db, "UPDATE ticket SET status = CASE WHEN assignee IS NULL THEN 'open'"
		    " ELSE 'dispatched' END, closed = NULL, callback_due = NULL,"
		    " reopened = reopened + 1 WHERE id = ?1", err, "i", t.id) < 0)
			goto out;
		pm_buf_adds(&detail, text.s);
		break;
	case PM_STEP_HANDOVER:
		if (!a->to) {
			pm_err_set(err, PM_EXIT_USAGE, _("hand the callback over to whom? give --to STAFF"));
			goto out;
		}
		if (pm_staff_find(db, a->to, &to, NULL, err) < 0 || tk_staff(db, a->by, &by, err) < 0)
			goto out;
		if (exec1(db, "UPDATE ticket SET callback_by = ?2 WHERE id = ?1", err, "ii", t.id,
		    to) < 0)
			goto out;
		if (tk_staff_name(db, t.callback_by, &name, err) < 0 ||
		    tk_staff_name(db, to, &other, err) < 0)
			goto out;
		pm_buf_addf(&detail, _("callback from %s to %s"), name, other);
		if (text.len)
			pm_buf_addf(&detail, ": %s", text.s);
		break;
	}
	if (tk_event(db, t.id, now, step, by, pm_buf_str(&detail), err) < 0)
		goto out;
	if (rework && tk_event(db, t.id, now, "rework", by, rework, err) < 0)
		goto out;
	if (pm_auditf(db, t.no, err, "%s%s%s", step, detail.len ? ": " : "", pm_buf_str(&detail)) < 0)
		goto out;
	rc = 0;
out:
	free(name);
	free(other);
	free(rework);
	pm_buf_free(&text);
	pm_buf_free(&mat);
	pm_buf_free(&detail);
	return rc;
}
