/* patrol.c - the butlers' daily patrols, what they found, and coverage */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/utf8.h"
#include "internal.h"
#include "ticket.h"

static int
day_of(const char *typed, char buf[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_date d;

	if (typed) {
		enum pm_date_rc rc = pm_date_parse(typed, strlen(typed), &d);

		if (rc != PM_DATE_OK)
			return pm_err_set(err, PM_EXIT_DATA, _("date '%s': %s"), typed, pm_date_reason(rc));
	} else if (pm_today(&d, err) < 0) {
		return -1;
	}
	pm_date_fmt(d, buf);
	return 0;
}

int
pm_patrol_add(struct pm_db *db, const struct pm_patrol *p, int64_t *id, struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO patrol(date, at, area, staff_id, findings) VALUES (?1, ?2, ?3, ?4, ?5)";
	struct pm_buf area = PM_BUF_INIT, found = PM_BUF_INIT;
	char day[PM_DATE_BUFSZ], now[PM_TIME_BUFSZ];
	struct pm_stmt *st = NULL;
	int64_t staff;
	int rc = -1;

	if (tk_text(_("area"), p->area, &area, err) < 0 ||
	    tk_text(_("findings"), p->findings, &found, err) < 0)
		goto out;
	if (!area.len) {
		pm_err_set(err, PM_EXIT_USAGE, _("which area or route was patrolled? give --area TEXT"));
		goto out;
	}
	if (day_of(p->date, day, err) < 0 || tk_now(now, err) < 0)
		goto out;
	if (strcmp(day, now) > 0) {
		pm_err_set(err, PM_EXIT_DATA, _("date '%s' is in the future"), day);
		goto out;
	}
	if (tk_staff(db, p->by, &staff, err) < 0)
		goto out;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, day);
	pm_bind_text(st, 2, now);
	pm_bind_text(st, 3, area.s);
	pm_bind_int(st, 4, staff);
	pm_bind_text_null(st, 5, pm_buf_str(&found));
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	*id = pm_db_last_id(db);
	if (pm_auditf(db, "patrol", err, "%s %s%s", day, area.s, found.len ? ": found something" : "") < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&area);
	pm_buf_free(&found);
	return rc;
}

int
pm_patrol_list(struct pm_db *db, const char *typed, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"area", N_("Area"), PM_COL_TEXT, 0},
		{"staff", N_("Staff"), PM_COL_TEXT, 0},
		{"recorded", N_("Recorded"), PM_COL_CODE, 0},
		{"findings", N_("Findings"), PM_COL_TEXT, 0},
		{"ticket", N_("Ticket"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT p.date, p.area, s.name, p.at, p.findings,"
	    " (SELECT group_concat(t.no, ' ') FROM ticket t WHERE t.patrol_id = p.id)"
	    " FROM patrol p JOIN staff s ON s.id = p.staff_id WHERE p.date = ?1 ORDER BY p.id";
	char day[PM_DATE_BUFSZ];
	struct pm_stmt *st;
	int rc;

	if (day_of(typed, day, err) < 0 || pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, day);
	pm_out_begin(out, NULL, cols, N(cols), 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

int
pm_patrol_missing(struct pm_db *db, const char *typed, struct pm_out *out, long *missing,
		  struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"area", N_("Area"), PM_COL_TEXT, 0},
		{"butler", N_("Butler"), PM_COL_TEXT, 0},
		{"last_patrol", N_("Last patrol"), PM_COL_CODE, 0},
	};
	/* ?1 the areas, one per line (the setting), or NULL for the butlers' */
	static const char sql[] =
	    "WITH RECURSIVE split(area, rest, o) AS ("
	    "   SELECT NULL, ?1 || char(10), 0 WHERE ?1 IS NOT NULL"
	    "   UNION ALL SELECT trim(substr(rest, 1, instr(rest, char(10)) - 1)),"
	    "   substr(rest, instr(rest, char(10)) + 1), o + 1 FROM split WHERE rest <> ''),"
	    " areas(area, o) AS ("
	    "   SELECT area, o FROM split WHERE area IS NOT NULL AND area <> ''"
	    "   UNION ALL SELECT area, min(id) FROM staff WHERE ?1 IS NULL AND role = 'butler'"
	    "   AND left_on IS NULL AND joined <= ?2 AND coalesce(area, '') <> '' GROUP BY area)"
	    " SELECT a.area, (SELECT group_concat(name, '、') FROM staff WHERE area = a.area"
	    "   AND left_on IS NULL AND role = 'butler'),"
	    " (SELECT max(date) FROM patrol WHERE area = a.area AND date <= ?2)"
	    " FROM areas a WHERE NOT EXISTS (SELECT 1 FROM patrol p WHERE p.area = a.area"
	    "   AND p.date = ?2) GROUP BY a.area ORDER BY min(a.o)";
	char day[PM_DATE_BUFSZ], *areas = NULL, *p;
	struct pm_stmt *st;
	int rc;

	*missing = 0;
	if (day_of(typed, day, err) < 0 || pm_setting_get(db, "patrol.areas", &areas, err) < 0)
		return -1;
	for (p = areas; *p; p++)
		if (*p == ',')
			*p = '\n';
	if (pm_db_prepare(db, sql, &st, err) < 0) {
		free(areas);
		return -1;
	}
	pm_bind_text_null(st, 1, areas);
	pm_bind_text(st, 2, day);
	pm_out_begin(out, NULL, cols, N(cols), 0);
	while ((rc = pm_step(st)) == PM_ROW) {
		(*missing)++;
		if (pm_out_stmt(out, st) < 0)
			break;
	}
	pm_stmt_free(st);
	free(areas);
	if (rc != PM_ROW && rc != PM_DONE)
		return pm_db_fail(db, err, _("patrol coverage"));
	pm_out_end(out);
	return 0;
}

int
pm_patrol_counts(struct pm_db *db, const struct pm_period *month, struct pm_out *out,
		 struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"staff", N_("Staff"), PM_COL_TEXT, 0},
		{"area", N_("Area"), PM_COL_TEXT, 0},
		{"patrols", N_("Patrols"), PM_COL_INT, 0},
		{"days", N_("Days patrolled"), PM_COL_INT, 0},
		{"days_missed", N_("Days missed"), PM_COL_INT, 0},
	};
	static const char sql[] =
	    "SELECT s.name, s.area, count(p.id), count(DISTINCT p.date),"
	    " max(?3 - count(DISTINCT p.date), 0)"
	    " FROM staff s LEFT JOIN patrol p ON p.staff_id = s.id AND p.date >= ?1 AND p.date <= ?2"
	    " WHERE (s.role = 'butler' AND s.left_on IS NULL) OR p.id IS NOT NULL"
	    " GROUP BY s.id ORDER BY s.name";
	char first[PM_DATE_BUFSZ], last[PM_DATE_BUFSZ];
	struct pm_date today, end;
	struct pm_stmt *st;
	int64_t days;
	int rc;

	if (pm_today(&today, err) < 0)
		return -1;
	/* days that count: the month's, up to today */
	end = pm_date_cmp(today, month->last) < 0 ? today : month->last;
	days = pm_date_days(end) - pm_date_days(month->first) + 1;
	if (days < 0)
		days = 0;
	pm_date_fmt(month->first, first);
	pm_date_fmt(end, last);
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, first);
	pm_bind_text(st, 2, last);
	pm_bind_int(st, 3, days);
	pm_out_begin(out, NULL, cols, N(cols), 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}
