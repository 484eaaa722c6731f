/* worker.c - workers (施工人员登记) and their temporary passes (临时出入证) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/validate.h"
#include "reno.h"
#include "state.h"

int
pm_reno_worker_add(struct pm_db *db, int64_t id, const struct pm_reno_worker *w,
		   struct pm_err *err)
{
	struct reno_state s;
	struct pm_buf name = PM_BUF_INIT, idno = PM_BUF_INIT, phone = PM_BUF_INIT;
	struct pm_buf trade = PM_BUF_INIT, detail = PM_BUF_INIT;
	char now[PM_TIME_BUFSZ];
	const char *why = NULL;
	struct pm_stmt *st = NULL;
	pm_time t;
	int landline, rc = -1;

	if (reno_load(db, id, &s, err) < 0)
		goto out;
	if (!strcmp(s.status, "finished") || !strcmp(s.status, "refunded")) {
		reno_refuse(&s, _("the work is finished: no more workers"), err);
		goto out;
	}
	if (!w->name || (why = pm_name_normalize(w->name, strlen(w->name), &name))) {
		pm_err_set(err, PM_EXIT_DATA, _("worker's name: %s"), w->name ? why : _("missing"));
		goto out;
	}
	if (!w->id_no) {
		pm_err_set(err, PM_EXIT_USAGE, _("give the worker's ID number with --id"));
		goto out;
	}
	if ((why = pm_idno_normalize(w->id_no, strlen(w->id_no), &idno))) {
		pm_err_set(err, PM_EXIT_DATA, _("worker '%s': %s"), name.s, why);
		goto out;
	}
	if (w->phone && *w->phone &&
	    (why = pm_phone_normalize(w->phone, strlen(w->phone), &phone, &landline))) {
		pm_err_set(err, PM_EXIT_DATA, _("phone: %s"), why);
		goto out;
	}
	if (reno_text(w->trade, _("trade"), 0, &trade, err) < 0 || pm_now(&t, err) < 0)
		goto out;
	pm_time_fmt(t, now);
	if (pm_db_prepare(db, "INSERT INTO reno_worker(reno_id, name, id_no, phone, trade, added)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, name.s);
	pm_bind_text(st, 3, idno.s);
	pm_bind_text_null(st, 4, pm_buf_str(&phone));
	pm_bind_text_null(st, 5, pm_buf_str(&trade));
	pm_bind_text(st, 6, now);
	rc = pm_step(st);
	if (rc < 0 && pm_db_error(db) == PM_DBE_CONSTRAINT) {
		rc = pm_err_set(err, PM_EXIT_DATA, _("%s: that ID number is registered already"), s.no);
		goto out;
	}
	if (rc != PM_DONE) {
		rc = pm_db_fail(db, err, _("registering a worker"));
		goto out;
	}
	rc = -1;
	if (w->photo && reno_attach(db, "reno-worker", pm_db_last_id(db), w->photo,
	    err) < 0)
		goto out;
	if (pm_mask_idno(idno.s, &detail) < 0) {
		pm_err_oom(err);
		goto out;
	}
	{
		char *masked = pm_buf_detach(&detail);

		pm_buf_addf(&detail, "%s%s%s%s, ID %s%s", name.s, trade.len ? " (" : "", pm_buf_str(&trade),
		    trade.len ? ")" : "", masked ? masked : "", w->photo ? ", photo" : "");
		free(masked);
	}
	if (reno_event(db, &s, "worker registered", 0, detail.s, err) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&name);
	pm_buf_free(&idno);
	pm_buf_free(&phone);
	pm_buf_free(&trade);
	pm_buf_free(&detail);
	return rc;
}

int
pm_reno_workers(struct pm_db *db, int64_t id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"name", N_("Name"), PM_COL_TEXT, 0},
		{"id_no", N_("ID number"), PM_COL_IDNO, 0},
		{"phone", N_("Phone"), PM_COL_PHONE, 0},
		{"trade", N_("Trade"), PM_COL_TEXT, 0},
		{"added", N_("Registered"), PM_COL_CODE, 0},
		{"pass", N_("Pass out"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT w.name, w.id_no, w.phone, w.trade, w.added,"
	    " (SELECT p.no FROM reno_pass p WHERE p.worker_id = w.id AND p.returned IS NULL"
	    "  AND p.lost IS NULL)"
	    " FROM reno_worker w WHERE w.reno_id = ?1 ORDER BY w.id";
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	pm_out_begin(out, NULL, cols, 6, 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

int
pm_reno_pass_issue(struct pm_db *db, int64_t id, const char *worker, char no[PM_SEQ_BUFSZ],
		   struct pm_err *err)
{
	struct reno_state s;
	struct pm_date today;
	char now[PM_TIME_BUFSZ], td[PM_DATE_BUFSZ], detail[160];
	struct pm_stmt *st;
	int64_t wid = 0;
	int rc, out = 0;
	pm_time t;

	if (reno_load(db, id, &s, err) < 0)
		return -1;
	if (strcmp(s.status, "approved") && strcmp(s.status, "started"))
		return reno_refuse(&s, _("no passes before the application is approved"), err);
	if (!s.paid)
		return reno_refuse(&s, _("no passes before the fees and the deposit are paid"), err);
	if (pm_today(&today, err) < 0 || pm_now(&t, err) < 0)
		return -1;
	pm_date_fmt(today, td);
	pm_time_fmt(t, now);
	if (strcmp(td, s.end) > 0)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("%s: the work was to end on %s: extend it before issuing passes"), s.no, s.end);
	if (!worker)
		return pm_err_set(err, PM_EXIT_USAGE, _("give the worker's name"));
	if (pm_db_prepare(db, "SELECT w.id, EXISTS (SELECT 1 FROM reno_pass p WHERE p.worker_id = w.id"
	    " AND p.returned IS NULL AND p.lost IS NULL) FROM reno_worker w"
	    " WHERE w.reno_id = ?1 AND w.name = ?2 ORDER BY w.id LIMIT 1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, worker);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		wid = pm_col_int64(st, 0);
		out = pm_col_int(st, 1);
	}
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("%s: no worker '%s' registered (pm-reno worker add first)"), s.no, worker);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading workers"));
	if (out)
		return pm_err_set(err, PM_EXIT_DATA, _("%s: '%s' has a pass out already"), s.no, worker);
	if (pm_seq_next(db, "L", atoi(now), no, err) < 0 ||
	    pm_db_prepare(db, "INSERT INTO reno_pass(no, reno_id, worker_id, issued, valid_until)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, no);
	pm_bind_int(st, 2, id);
	pm_bind_int(st, 3, wid);
	pm_bind_text(st, 4, now);
	pm_bind_text(st, 5, s.end);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc < 0)
		return -1;
	snprintf(detail, sizeof detail, "%s to %s, valid until %s", no, worker, s.end);
	return reno_event(db, &s, "pass issued", 0, detail, err);
}

/* A pass out: its renovation; 65 when there is no such pass or it is
 * not out. */
static int
pass_out(struct pm_db *db, const char *typed, char no[24], struct reno_state *s,
	 struct pm_err *err)
{
	struct pm_stmt *st;
	int64_t rid = 0;
	int rc, out = 0;

	reno_number(typed, no);
	if (pm_db_prepare(db, "SELECT reno_id, returned IS NULL AND lost IS NULL FROM reno_pass"
	    " WHERE no = ?1", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, no);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		rid = pm_col_int64(st, 0);
		out = pm_col_int(st, 1);
	}
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_DATA, _("no pass '%s'"), no);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading passes"));
	if (!out)
		return pm_err_set(err, PM_EXIT_DATA, _("pass %s is not out (returned or lost)"), no);
	return reno_load(db, rid, s, err);
}

static int
pass_close(struct pm_db *db, const char *typed, int lost, const char *note, struct pm_err *err)
{
	struct reno_state s;
	struct pm_buf text = PM_BUF_INIT, detail = PM_BUF_INIT;
	char no[24], now[PM_TIME_BUFSZ];
	struct pm_stmt *st;
	pm_time t;
	int rc;

	if (pass_out(db, typed, no, &s, err) < 0 || reno_text(note, _("note"), 0, &text, err) < 0 ||
	    pm_now(&t, err) < 0) {
		pm_buf_free(&text);
		return -1;
	}
	pm_time_fmt(t, now);
	if (pm_db_prepare(db, lost ? "UPDATE reno_pass SET lost = ?2 WHERE no = ?1"
	    : "UPDATE reno_pass SET returned = ?2 WHERE no = ?1", &st, err) < 0) {
		pm_buf_free(&text);
		return -1;
	}
	pm_bind_text(st, 1, no);
	pm_bind_text(st, 2, now);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	pm_buf_addf(&detail, "%s%s%s", no, text.len ? ": " : "", pm_buf_str(&text));
	if (rc == 0)
		rc = reno_event(db, &s, lost ? "pass lost" : "pass returned", 0, detail.s, err);
	pm_buf_free(&text);
	pm_buf_free(&detail);
	return rc;
}

int
pm_reno_pass_return(struct pm_db *db, const char *pass, struct pm_err *err)
{
	return pass_close(db, pass, 0, NULL, err);
}

int
pm_reno_pass_lost(struct pm_db *db, const char *pass, const char *note, struct pm_err *err)
{
	return pass_close(db, pass, 1, note, err);
}
