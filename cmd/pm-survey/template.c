/* template.c - pm-survey template list|show|add */
#include <stdlib.h>
#include <string.h>

#include "survey/survey.h"
#include "verbs.h"

static int
tmpl_list(int argc, char **argv)
{
	static const struct argp argp = {NULL, sv_parse, "",
	    N_("Every version of every evaluation form, with its items and the rounds using it."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	a.max_pos = 0;
	pm_cli_parse(&argp, argc, argv, &a);
	sv_args_free(&a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	rc = pm_survey_template_list(db, out, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	return pm_cli_finish(out);
}

static int
tmpl_show(int argc, char **argv)
{
	static const struct argp argp = {NULL, sv_parse, N_("[NAME[:VERSION]]"),
	    N_("The items of a form (default: the latest version of \"default\")."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	a.max_pos = 1;
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_open(&db))) {
		sv_args_free(&a);
		return rc;
	}
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		sv_args_free(&a);
		return PM_EXIT_OSERR;
	}
	rc = pm_survey_template_show(db, a.pos.n ? a.pos.v[0] : NULL, out, &err);
	pm_db_close(db);
	sv_args_free(&a);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	return pm_cli_finish(out);
}

static int
tmpl_add(int argc, char **argv)
{
	static const struct argp_option options[] = {
		{"scale", OPT_SCALE, N_("SCALE"), 0,
		 N_("three (满意/基本满意/不满意, the default) or five (1 to 5)"), 0},
		{NULL, 0, NULL, 0, NULL, 0}};
	static const struct argp argp = {options, sv_parse, N_("NAME [KEY=LABEL...]"),
	    N_("Add a version of the form NAME: its items in order, each a key and the label "
	       "printed on the form.  Without items, the latest version's items on a new "
	       "scale."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct sv_args a = {0};
	struct pm_strv keys = PM_STRV_INIT, labels = PM_STRV_INIT;
	struct pm_survey_itemdef *items = NULL;
	struct pm_err err = {0};
	struct pm_db *db = NULL;
	size_t i, n = 0;
	int rc, version = 0;

	a.max_pos = -1;
	a.min_pos = 1;
	a.pos_name = N_("the form's NAME");
	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_begin(&db)))
		goto done;
	{
		for (i = 1; i < a.pos.n; i++) {
			const char *eq = strchr(a.pos.v[i], '=');

			if (!eq || eq == a.pos.v[i] || !eq[1]) {
				pm_err_set(&err, PM_EXIT_USAGE, _("'%s': give KEY=LABEL, e.g. repairs=维修"),
				    a.pos.v[i]);
				rc = pm_cli_end(db, 1, 0, &err);
				goto done;
			}
			if (pm_strv_add(&keys, a.pos.v[i], (size_t)(eq - a.pos.v[i])) < 0 ||
			    pm_strv_add(&labels, eq + 1, strlen(eq + 1)) < 0) {
				pm_err_oom(&err);
				rc = pm_cli_end(db, 1, 0, &err);
				goto done;
			}
		}
	}
	n = keys.n;
	if (!(items = calloc(n ? n : 1, sizeof *items))) {
		pm_err_oom(&err);
		rc = pm_cli_end(db, 1, 0, &err);
		goto done;
	}
	for (i = 0; i < n; i++) {
		items[i].key = keys.v[i];
		items[i].label = labels.v[i];
	}
	rc = pm_survey_template_add(db, a.pos.v[0], a.scale, items, n, &version, &err);
	rc = pm_cli_end(db, rc < 0, 0, &err);
	if (!rc)
		printf(_("%s:%d added\n"), a.pos.v[0], version);
done:
	free(items);
	pm_strv_free(&keys);
	pm_strv_free(&labels);
	sv_args_free(&a);
	return rc;
}

static const struct pm_verb subs[] = {
	{"list", tmpl_list, N_("every form and version")},
	{"show", tmpl_show, N_("the items of a form")},
	{"add", tmpl_add, N_("add a version of a form")},
	{NULL, NULL, NULL},
};

int
survey_template(int argc, char **argv)
{
	return pm_cli_sub(argc, argv, subs, N_("The evaluation form and its versions."), "list");
}
