/* audit.c - the audit trail of every write */
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "buf.h"
#include "i18n.h"
#include "time.h"

static struct {
	const char *prog, *verb, *clerk;
	char *login;
	int oom;        /* the login was known but could not be kept */
} actor;

void
pm_audit_actor(const char *prog, const char *verb, const char *login, const char *clerk)
{
	actor.prog = prog;
	actor.verb = verb;
	actor.clerk = clerk && *clerk ? clerk : NULL;
	if (!actor.login) {
		struct passwd *pw = NULL;
		const char *env = NULL;

		if (login)
			actor.login = strdup(login);
		else if ((pw = getpwuid(getuid())) && pw->pw_name)
			actor.login = strdup(pw->pw_name);
		else if ((env = getenv("LOGNAME")) || (env = getenv("USER")))
			actor.login = strdup(env);
		else
			actor.login = NULL;
		/* a login that was there but could not be copied must not
		 * become "?" in the audit log: pm_audit() fails instead */
		actor.oom = !actor.login && (login || (pw && pw->pw_name) || env);
	}
}

const char *
pm_audit_login(void)
{
	return actor.login ? actor.login : "?";
}

const char *
pm_audit_clerk(void)
{
	return actor.clerk;
}

const char *
pm_audit_who(void)
{
	return actor.clerk ? actor.clerk : pm_audit_login();
}

int
pm_audit(struct pm_db *db, const char *record, const char *change, struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO audit(at, login, clerk, prog, verb, record, change)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	struct pm_stmt *st;
	pm_time now;
	char at[PM_TIME_BUFSZ];
	int rc;

	if (actor.oom)
		return pm_err_oom(err);
	if (pm_now(&now, err) < 0)
		return -1;
	/* prepared once per connection: an import writes an audit row per
	 * changed unit, and parsing this each time was a third of it */
	if (pm_db_prepare_kept(db, sql, &st, err) < 0)
		return -1;
	/* a bind that runs out of memory leaves NULL behind, which the
	 * NOT NULL columns would report as bad data (65): check them */
	if (pm_bind_text(st, 1, pm_time_fmt(now, at)) < 0 ||
	    pm_bind_text(st, 2, pm_audit_login()) < 0 ||
	    pm_bind_text_null(st, 3, actor.clerk) < 0 ||
	    pm_bind_text(st, 4, actor.prog ? actor.prog : "?") < 0 ||
	    pm_bind_text(st, 5, actor.verb ? actor.verb : "") < 0 ||
	    pm_bind_text_null(st, 6, record) < 0 ||
	    pm_bind_text_null(st, 7, change) < 0)
		rc = pm_err_oom(err);
	else
		rc = pm_db_step_done(db, st, err);
	pm_stmt_reset(st);
	pm_stmt_clear(st);
	return rc;
}

int
pm_auditf(struct pm_db *db, const char *record, struct pm_err *err, const char *fmt, ...)
{
	va_list ap;
	char *change;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(&change, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return pm_err_oom(err);
	rc = pm_audit(db, record, change, err);
	free(change);
	return rc;
}

int
pm_audit_list(struct pm_db *db, const struct pm_audit_filter *f, struct pm_out *out,
	      struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"id", N_("No."), PM_COL_INT, 0},
		{"at", N_("Time"), PM_COL_CODE, 0},
		{"login", N_("Login"), PM_COL_TEXT, 0},
		{"clerk", N_("Clerk"), PM_COL_TEXT, 0},
		{"prog", N_("Program"), PM_COL_CODE, 0},
		{"verb", N_("Verb"), PM_COL_CODE, 0},
		{"record", N_("Record"), PM_COL_TEXT, 0},
		{"change", N_("Change"), PM_COL_TEXT, 0},
	};
	/* dates compare as text: "2026-11-30T..." >= "2026-11-30" */
	static const char sql[] =
	    "SELECT id, at, login, clerk, prog, verb, record, change FROM audit"
	    " WHERE (?1 IS NULL OR at >= ?1)"
	    "   AND (?2 IS NULL OR at < date(?2, '+1 day'))"
	    "   AND (?3 IS NULL OR login = ?3 OR clerk = ?3)"
	    "   AND (?4 IS NULL OR prog = ?4)"
	    "   AND (?5 IS NULL OR instr(record, ?5) > 0)"
	    " ORDER BY id"
	    " LIMIT CASE WHEN ?6 > 0 THEN ?6 ELSE -1 END";
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text_null(st, 1, f->since);
	pm_bind_text_null(st, 2, f->until);
	pm_bind_text_null(st, 3, f->who);
	pm_bind_text_null(st, 4, f->prog);
	pm_bind_text_null(st, 5, f->record);
	pm_bind_int(st, 6, f->limit);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}
