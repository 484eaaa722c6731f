/* settings.c - pm-admin settings list|get|set */
#include <stdio.h>
#include <stdlib.h>

#include "admin.h"
#include "core/audit.h"
#include "core/settings.h"

static error_t
noargs(int key, char *arg, struct argp_state *state)
{
	if (key == ARGP_KEY_ARG)
		argp_error(state, _("unexpected argument '%s'"), arg);
	return ARGP_ERR_UNKNOWN;
}

static int
settings_list(int argc, char **argv)
{
	static const struct argp argp = {NULL, noargs, "",
	    N_("Every setting with its value, its default and what it is for."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	static const struct pm_col cols[] = {
		{"name", N_("Setting"), PM_COL_CODE, 0},
		{"value", N_("Value"), PM_COL_TEXT, 0},
		{"default", N_("Default"), PM_COL_TEXT, 0},
		{"description", N_("Description"), PM_COL_TEXT, 0},
	};
	const struct pm_setting *s;
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	pm_cli_parse(&argp, argc, argv, NULL);
	if ((rc = pm_cli_open(&db)))
		return rc;
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	pm_out_begin(out, NULL, cols, 4, 0);
	for (s = pm_settings; s->name; s++) {
		char *value;
		const char *v[4];

		if (pm_setting_get(db, s->name, &value, &err) < 0) {
			pm_out_free(out);
			pm_db_close(db);
			return pm_cli_fail(&err);
		}
		v[0] = s->name;
		v[1] = value;
		v[2] = s->def;
		v[3] = _(s->help);
		pm_out_row(out, v);
		free(value);
	}
	pm_out_end(out);
	pm_db_close(db);
	return pm_cli_finish(out);
}

struct getset {
	const char *name, *value;
	int want;  /* arguments wanted: 1 for get, 2 for set */
};

static error_t
getset_parse(int key, char *arg, struct argp_state *state)
{
	struct getset *a = state->input;

	switch (key) {
	case ARGP_KEY_ARG:
		if (!a->name)
			a->name = arg;
		else if (!a->value && a->want == 2)
			a->value = arg;
		else
			argp_error(state, _("unexpected argument '%s'"), arg);
		break;
	case ARGP_KEY_END:
		if (!a->name || (a->want == 2 && !a->value))
			argp_error(state, a->want == 2 ? _("give a setting NAME and its VALUE")
						      : _("give a setting NAME"));
		if (!pm_setting_find(a->name))
			argp_error(state, _("unknown setting '%s' (see pm-admin settings list)"), a->name);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static int
settings_get(int argc, char **argv)
{
	static const struct argp argp = {NULL, getset_parse, N_("NAME"),
	    N_("Print one setting's value."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct getset a = {NULL, NULL, 1};
	struct pm_err err = {0};
	struct pm_db *db;
	char *value;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	rc = pm_setting_get(db, a.name, &value, &err);
	pm_db_close(db);
	if (rc < 0)
		return pm_cli_fail(&err);
	printf("%s\n", value);
	free(value);
	return 0;
}

/* Recorded as "setting NAME", like "unit 3-2-1501" elsewhere. */
static int
audit_setting(struct pm_db *db, const char *name, const char *old, const char *value,
	      struct pm_err *err)
{
	char *record;
	int rc;

	if (asprintf(&record, "setting %s", name) < 0)
		return pm_err_oom(err);
	rc = pm_auditf(db, record, err, "%s -> %s", old, value);
	free(record);
	return rc;
}

static int
settings_set(int argc, char **argv)
{
	static const struct argp argp = {NULL, getset_parse, N_("NAME VALUE"),
	    N_("Change a setting (checked against its type); setting the default value "
	       "clears it."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct getset a = {NULL, NULL, 2};
	struct pm_err err = {0};
	struct pm_db *db;
	char *old = NULL;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	if (pm_db_begin(db, &err) < 0 ||
	    pm_setting_set(db, a.name, a.value, &old, &err) < 0 ||
	    audit_setting(db, a.name, old, a.value, &err) < 0 ||
	    pm_db_commit(db, &err) < 0) {
		free(old);
		pm_db_close(db);
		return pm_cli_fail(&err);
	}
	free(old);
	pm_db_close(db);
	return 0;
}

static const struct pm_verb subs[] = {
	{"list", settings_list, N_("every setting, its value and default")},
	{"get", settings_get, N_("one setting's value")},
	{"set", settings_set, N_("change a setting")},
	{NULL, NULL, NULL},
};

int
admin_settings(int argc, char **argv)
{
	/* "pm-admin settings" alone lists */
	return pm_cli_sub(argc, argv, subs, N_("The estate's settings."), "list");
}
