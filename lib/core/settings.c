/* settings.c - the table of settings and their storage */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "mailaddr.h"
#include "settings.h"
#include "time.h"
#include "utf8.h"

const struct pm_setting pm_settings[] = {
	{"estate.name", PM_SET_TEXT, "",
	 N_("the estate's name, printed on receipts, notices and reports"), 0, 0, NULL},
	{"timezone", PM_SET_ZONE, "Asia/Shanghai",
	 N_("the estate's time zone: every local date and deadline is in it"), 0, 0, NULL},
	{"callback.safety_days", PM_SET_INT, "2",
	 N_("days to call back after a safety-facility repair is finished"), 1, 365, NULL},
	{"callback.leak_days", PM_SET_INT, "3",
	 N_("days to call back after a leak repair is finished"), 1, 365, NULL},
	{"callback.other_days", PM_SET_INT, "7",
	 N_("days to call back after any other repair is finished"), 1, 365, NULL},
	{"complaint.reply_hours", PM_SET_INT, "72",
	 N_("hours to answer a complaint"), 1, 8760, NULL},
	{"rework.hours", PM_SET_INT, "24",
	 N_("hours to send a problem found on callback back to the repair staff"), 1, 8760, NULL},
	{"mail.domain", PM_SET_DOMAIN, "localhost",
	 N_("mail domain of the reminder digests: staff-ID@DOMAIN for a person, DEPT@DOMAIN for a department"), 0, 0, NULL},
	{"mail.from", PM_SET_MAIL_LOCAL, "pm-ticket",
	 N_("sender of the reminder digests, before the @ of mail.domain"), 0, 0, NULL},
	{"patrol.areas", PM_SET_LIST, "",
	 N_("areas or routes to patrol every day (empty: the areas of the current butlers)"), 0, 0, NULL},
	{"reno.review_days", PM_SET_INT, "2",
	 N_("days to complete both reviews of a renovation application"), 1, 365, NULL},
	{"reno.inspections_per_day", PM_SET_INT, "2",
	 N_("site inspections each renovation needs every working day"), 0, 24, NULL},
	{"survey.ratio_percent", PM_SET_INT, "20",
	 N_("share of moved-in units each quarterly survey samples, in percent"), 1, 100, NULL},
	{"survey.collect_days", PM_SET_INT, "15",
	 N_("days from issuing survey forms to collecting them"), 1, 365, NULL},
	{"visit.monthly_target", PM_SET_INT, "30",
	 N_("household visits each butler makes a month"), 0, 10000, NULL},
	{"vacant.inspect_days", PM_SET_INT, "7",
	 N_("days between inspections of a vacant unit"), 1, 365, NULL},
	{"movein.documents", PM_SET_LIST,
	 "房屋验收单,业主临时管理规约,住宅装修管理协议,业主手册,入住须知,管理费收缴协议,防火须知",
	 N_("documents handed over and signed for at move-in"), 0, 0, NULL},
	{"fee.vacant_discount_percent", PM_SET_INT, "0",
	 N_("discount on area-based fees for vacant units, in percent (0: none)"), 0, 100, NULL},
	{"fee.movein_billing", PM_SET_ENUM, "whole",
	 N_("how the month of moving in is billed: whole or by days"), 0, 0, "whole,days"},
	{NULL, 0, NULL, NULL, 0, 0, NULL},
};

const struct pm_setting *
pm_setting_find(const char *name)
{
	const struct pm_setting *s;

	for (s = pm_settings; s->name; s++)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

const char *
pm_setting_check(const struct pm_setting *s, const char *value)
{
	switch (s->type) {
	case PM_SET_INT: {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(value, &end, 10);
		if (!*value || *end || errno)
			return _("not a whole number");
		if (v < s->min || v > s->max)
			return _("out of range");
		return NULL;
	}
	case PM_SET_ZONE:
		if (!pm_tz_valid(value))
			return _("unknown time zone");
		return NULL;
	case PM_SET_ENUM: {
		size_t n = strlen(value);
		const char *p = s->choices;

		while (p && *p) {
			const char *comma = strchr(p, ',');
			size_t k = comma ? (size_t)(comma - p) : strlen(p);

			if (k == n && n && !strncmp(p, value, n))
				return NULL;
			p = comma ? comma + 1 : NULL;
		}
		return _("not one of the choices");
	}
	case PM_SET_TEXT:
	case PM_SET_LIST:
		/* printed on receipts and notices, one line each */
		if (pm_utf8_check(value, strlen(value), NULL) != 0)
			return _("not valid UTF-8");
		if (pm_text_has_control(value, strlen(value), 0))
			return _("holds a line break or a control character");
		if (pm_utf8_chars(value, strlen(value)) > PM_SETTING_TEXT_MAX)
			return _("longer than 2000 characters");
		return NULL;
	case PM_SET_MAIL_LOCAL:
		return pm_mail_local_check(value);
	case PM_SET_DOMAIN:
		return pm_mail_domain_check(value);
	}
	return NULL;
}

int
pm_setting_is_set(struct pm_db *db, const char *name, int *set, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT 1 FROM setting WHERE key = ?1", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, name);
	rc = pm_step(st);
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE)
		return pm_db_fail(db, err, _("reading settings"));
	*set = rc == PM_ROW;
	return 0;
}

int
pm_setting_get(struct pm_db *db, const char *name, char **value, struct pm_err *err)
{
	const struct pm_setting *s = pm_setting_find(name);
	struct pm_stmt *st;
	int rc;

	*value = NULL;
	if (!s)
		return pm_err_set(err, PM_EXIT_SOFTWARE, _("unknown setting '%s'"), name);
	if (pm_db_prepare(db, "SELECT value FROM setting WHERE key = ?1", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, name);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*value = strdup(pm_col_text(st, 0));
	else if (rc == PM_DONE)
		*value = strdup(s->def);
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE)
		return pm_db_fail(db, err, _("reading settings"));
	if (!*value)
		return pm_err_oom(err);
	return 0;
}

int
pm_setting_get_int(struct pm_db *db, const char *name, int64_t *value, struct pm_err *err)
{
	char *s;

	if (pm_setting_get(db, name, &s, err) < 0)
		return -1;
	*value = strtoll(s, NULL, 10);
	free(s);
	return 0;
}

int
pm_setting_set(struct pm_db *db, const char *name, const char *value, char **old,
	       struct pm_err *err)
{
	const struct pm_setting *s = pm_setting_find(name);
	const char *why;
	struct pm_stmt *st;
	int is_default;
	char canon[24];

	if (old)
		*old = NULL;
	if (!s)
		return pm_err_set(err, PM_EXIT_USAGE,
		    _("unknown setting '%s' (see pm-admin settings list)"), name);
	if ((why = pm_setting_check(s, value))) {
		/* a value with a line break or an escape is not echoed: the
		 * message would carry it to the terminal or the log */
		if (pm_utf8_check(value, strlen(value), NULL) != 0 ||
		    pm_text_has_control(value, strlen(value), 0))
			return pm_err_set(err, PM_EXIT_DATA, _("setting '%s': %s"), name, why);
		return pm_err_set(err, PM_EXIT_DATA, _("setting '%s': '%s': %s"), name, value, why);
	}
	/* a whole number is stored as one: "+10" and "010" are "10", and
	 * "007" is the default 7, not a stored row */
	if (s->type == PM_SET_INT) {
		snprintf(canon, sizeof canon, "%lld", strtoll(value, NULL, 10));
		value = canon;
	}
	if (old && pm_setting_get(db, name, old, err) < 0)
		return -1;
	is_default = !strcmp(value, s->def);
	if (pm_db_prepare(db, is_default ? "DELETE FROM setting WHERE key = ?1"
	    : "INSERT INTO setting(key, value) VALUES (?1, ?2)"
	      " ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, name);
	if (!is_default)
		pm_bind_text(st, 2, value);
	if (pm_db_step_done(db, st, err) < 0) {
		pm_stmt_free(st);
		return -1;
	}
	pm_stmt_free(st);
	return 0;
}

int
pm_settings_verify(struct pm_db *db, int (*bad)(void *arg, const char *name, const char *why),
		   void *arg, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT key, value FROM setting ORDER BY key", &st, err) < 0)
		return -1;
	while ((rc = pm_step(st)) == PM_ROW) {
		const struct pm_setting *s = pm_setting_find(pm_col_text(st, 0));
		const char *why;

		/* a name this release does not know is a newer release's */
		if (!s || !(why = pm_setting_check(s, pm_col_text(st, 1))))
			continue;
		if (bad(arg, s->name, why) < 0) {
			pm_stmt_free(st);
			return -1;
		}
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading settings"));
	return 0;
}
