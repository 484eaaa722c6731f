/* template.c - survey forms: versioned templates and their items */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "core/time.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "internal.h"

static int
key_ok(const char *k)
{
	if (!*k || strlen(k) > 32)
		return 0;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') ||
		      (*k >= '0' && *k <= '9') || *k == '-' || *k == '_'))
			return 0;
	return 1;
}

int
pm_survey_template_add(struct pm_db *db, const char *name, const char *scale,
		       const struct pm_survey_itemdef *items, size_t nitems, int *version,
		       struct pm_err *err)
{
	struct pm_buf label = PM_BUF_INIT, list = PM_BUF_INIT, nm = PM_BUF_INIT;
	struct pm_strv ckeys = PM_STRV_INIT, clabels = PM_STRV_INIT;
	struct pm_survey_itemdef *copied = NULL;
	const char *sk, *why;
	struct pm_stmt *st = NULL;
	char today[PM_DATE_BUFSZ];
	int64_t tid = 0;
	size_t i, j;
	int rc = -1;

	if (!name || (why = pm_name_normalize(name, strlen(name), &nm))) {
		pm_err_set(err, PM_EXIT_DATA, _("template name: %s"), name ? why : _("missing"));
		goto out;
	}
	if (!(sk = pm_keyword_key(pm_survey_scales, scale ? scale : "three"))) {
		pm_err_set(err, PM_EXIT_DATA, _("unknown scale '%s' (one of: %s)"), scale,
		    pm_keyword_list(pm_survey_scales));
		goto out;
	}
	if (!nitems) {
		int64_t from;

		if (sv_template_find(db, nm.s, &from, err) < 0)
			goto out;
		if (pm_db_prepare(db, "SELECT key, label FROM survey_item WHERE template_id = ?1"
		    " ORDER BY pos", &st, err) < 0)
			goto out;
		pm_bind_int(st, 1, from);
		while ((rc = pm_step(st)) == PM_ROW)
			if (pm_strv_add(&ckeys, pm_col_text(st, 0), strlen(pm_col_text(st, 0))) < 0 ||
			    pm_strv_add(&clabels, pm_col_text(st, 1), strlen(pm_col_text(st, 1))) < 0) {
				rc = -1;
				pm_err_oom(err);
				goto out;
			}
		pm_stmt_free(st);
		st = NULL;
		if (rc != PM_DONE) {
			rc = -1;
			pm_db_fail(db, err, _("reading templates"));
			goto out;
		}
		rc = -1;
		if (!ckeys.n) {
			pm_err_set(err, PM_EXIT_DATA, _("a form needs at least one item"));
			goto out;
		}
		if (!(copied = calloc(ckeys.n, sizeof *copied))) {
			pm_err_oom(err);
			goto out;
		}
		for (i = 0; i < ckeys.n; i++) {
			copied[i].key = ckeys.v[i];
			copied[i].label = clabels.v[i];
		}
		items = copied;
		nitems = ckeys.n;
	}
	for (i = 0; i < nitems; i++) {
		if (!key_ok(items[i].key)) {
			pm_err_set(err, PM_EXIT_DATA,
			    _("item key '%s': use letters, digits, '-' and '_' (at most 32)"),
			    items[i].key);
			goto out;
		}
		if ((why = pm_name_normalize(items[i].label, strlen(items[i].label), &label))) {
			pm_err_set(err, PM_EXIT_DATA, _("item '%s': label: %s"), items[i].key, why);
			goto out;
		}
		for (j = 0; j < i; j++)
			if (!strcasecmp(items[i].key, items[j].key) ||
			    !strcmp(items[i].label, items[j].label)) {
				pm_err_set(err, PM_EXIT_DATA, _("item '%s' is on the form twice"),
				    items[i].key);
				goto out;
			}
	}
	if (sv_date_arg(NULL, today, err) < 0)
		goto out;
	if (pm_db_prepare(db, "INSERT INTO survey_template (name, version, scale, created)"
	    " VALUES (?1, (SELECT coalesce(max(version), 0) + 1 FROM survey_template"
	    "  WHERE name = ?1), ?2, ?3) RETURNING id, version", &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, nm.s);
	pm_bind_text(st, 2, sk);
	pm_bind_text(st, 3, today);
	if (pm_step(st) != PM_ROW) {
		pm_db_fail(db, err, _("adding a template"));
		goto out;
	}
	tid = pm_col_int64(st, 0);
	*version = pm_col_int(st, 1);
	pm_stmt_free(st);
	st = NULL;
	if (pm_db_prepare(db, "INSERT INTO survey_item (template_id, pos, key, label)"
	    " VALUES (?1, ?2, ?3, ?4)", &st, err) < 0)
		goto out;
	for (i = 0; i < nitems; i++) {
		pm_name_normalize(items[i].label, strlen(items[i].label), &label);
		pm_stmt_reset(st);
		pm_bind_int(st, 1, tid);
		pm_bind_int(st, 2, (int64_t)i + 1);
		pm_bind_text(st, 3, items[i].key);
		pm_bind_text(st, 4, label.s);
		if (pm_db_step_done(db, st, err) < 0)
			goto out;
		if (pm_buf_addf(&list, "%s%s=%s", i ? "," : "", items[i].key, label.s) < 0) {
			pm_err_oom(err);
			goto out;
		}
	}
	if (pm_auditf(db, "survey template", err, "%s:%d added: %s, %s", nm.s, *version, sk,
	    list.s) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&label);
	pm_buf_free(&list);
	pm_buf_free(&nm);
	pm_strv_free(&ckeys);
	pm_strv_free(&clabels);
	free(copied);
	return rc;
}

int
pm_survey_template_list(struct pm_db *db, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"template", N_("Template"), PM_COL_TEXT, 0},
		{"version", N_("Version"), PM_COL_INT, 0},
		{"scale", N_("Scale"), PM_COL_CODE, 0},
		{"items", N_("Items"), PM_COL_TEXT, 0},
		{"rounds", N_("Rounds"), PM_COL_INT, 0},
		{"created", N_("Created"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT t.name, t.version, t.scale,"
	    " (SELECT group_concat(label, '、') FROM"
	    "   (SELECT label FROM survey_item i WHERE i.template_id = t.id ORDER BY pos)),"
	    " (SELECT count(*) FROM survey_round r WHERE r.template_id = t.id), t.created"
	    " FROM survey_template t ORDER BY t.name, t.version";
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

int
sv_template_find(struct pm_db *db, const char *spec, int64_t *id, struct pm_err *err)
{
	const char *colon;
	struct pm_buf name = PM_BUF_INIT;
	struct pm_stmt *st;
	long version = 0;
	int rc;

	if (!spec)
		spec = "default";
	colon = strrchr(spec, ':');
	if (colon) {
		char *end;

		version = strtol(colon + 1, &end, 10);
		if (*end || end == colon + 1 || version < 1)
			return pm_err_set(err, PM_EXIT_DATA,
			    _("template '%s': the version after ':' must be a whole number"), spec);
	}
	if (pm_buf_add(&name, spec, colon ? (size_t)(colon - spec) : strlen(spec)) < 0)
		return pm_err_oom(err);
	if (pm_db_prepare(db, "SELECT id FROM survey_template WHERE name = ?1"
	    " AND (?2 = 0 OR version = ?2) ORDER BY version DESC LIMIT 1", &st, err) < 0) {
		pm_buf_free(&name);
		return -1;
	}
	pm_bind_text(st, 1, pm_buf_str(&name));
	pm_bind_int(st, 2, version);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*id = pm_col_int64(st, 0);
	pm_stmt_free(st);
	pm_buf_free(&name);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_DATA, _("no survey template '%s' (see pm-survey template list)"),
		    spec);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading templates"));
	return 0;
}

int
pm_survey_template_show(struct pm_db *db, const char *spec, struct pm_out *out,
			struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"pos", N_("No."), PM_COL_INT, 0},
		{"item", N_("Item"), PM_COL_CODE, 0},
		{"label", N_("Label"), PM_COL_TEXT, 0},
		{"scale", N_("Scale"), PM_COL_CODE, 0},
	};
	struct pm_stmt *st;
	int64_t id;
	int rc;

	if (sv_template_find(db, spec, &id, err) < 0)
		return -1;
	if (pm_db_prepare(db, "SELECT i.pos, i.key, i.label, t.scale FROM survey_item i"
	    " JOIN survey_template t ON t.id = i.template_id WHERE t.id = ?1 ORDER BY i.pos",
	    &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}
