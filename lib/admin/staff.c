/* staff.c - the staff register */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/time.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "staff.h"

const struct pm_keyword pm_staff_roles[] = {
	{"clerk", "客服助理", "前台|客服|desk"},
	{"butler", "客服管家", "管家"},
	{"supervisor", "主管", "客服主管"},
	{"manager", "经理", "客服经理|管理处经理"},
	{"engineer", "设备主管", "工程主管|engineering"},
	{"repair", "维修", "维修工|维修人员"},
	{"security", "安保", "保安|秩序维护"},
	{"cleaning", "保洁", "环境|cleaner"},
	{"finance", "财务", "出纳|cashier"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_staff_depts[] = {
	{"service", "客服部", "客服中心|customer-service"},
	{"engineering", "工程部", "维修部|工程"},
	{"security", "安保部", "秩序维护部|安保"},
	{"cleaning", "环境部", "保洁部|保洁"},
	{"finance", "财务部", "财务"},
	{"management", "管理处", "物业服务中心"},
	{NULL, NULL, NULL},
};

/* Check and normalize the fields given; on success the keys and values
 * to store are in the out-parameters (pointing into static tables or
 * the buffers). */
static int
check_fields(const struct pm_staff *s, const char **dept, const char **role,
	     struct pm_buf *name, struct pm_buf *phone, struct pm_buf *joined,
	     struct pm_err *err)
{
	const char *why;
	int landline;

	*dept = *role = NULL;
	if (s->name && (why = pm_name_normalize(s->name, strlen(s->name), name)))
		return pm_err_set(err, PM_EXIT_DATA, _("name: %s"), why);
	if (s->dept && !(*dept = pm_keyword_key(pm_staff_depts, s->dept)))
		return pm_err_set(err, PM_EXIT_DATA, _("unknown department '%s' (one of: %s)"),
		    s->dept, pm_keyword_list(pm_staff_depts));
	if (s->role && !(*role = pm_keyword_key(pm_staff_roles, s->role)))
		return pm_err_set(err, PM_EXIT_DATA, _("unknown role '%s' (one of: %s)"),
		    s->role, pm_keyword_list(pm_staff_roles));
	if (s->phone && *s->phone &&
	    (why = pm_phone_normalize(s->phone, strlen(s->phone), phone, &landline)))
		return pm_err_set(err, PM_EXIT_DATA, _("phone: %s"), why);
	if (s->joined) {
		struct pm_date d;
		enum pm_date_rc rc = pm_date_parse(s->joined, strlen(s->joined), &d);
		char buf[PM_DATE_BUFSZ];

		if (rc != PM_DATE_OK)
			return pm_err_set(err, PM_EXIT_DATA, _("date '%s': %s"), s->joined,
			    pm_date_reason(rc));
		pm_buf_reset(joined);
		if (pm_buf_adds(joined, pm_date_fmt(d, buf)) < 0)
			return pm_err_oom(err);
	}
	return 0;
}

/* Audit a change to the staff member name, recorded as "staff NAME"
 * like "unit 3-2-1501" elsewhere (the name as typed, trimmed). */
static int
audit_staff(struct pm_db *db, const char *name, struct pm_err *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int
audit_staff(struct pm_db *db, const char *name, struct pm_err *err, const char *fmt, ...)
{
	struct pm_buf rec = PM_BUF_INIT;
	size_t n = strlen(name);
	va_list ap;
	char *change;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(&change, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return pm_err_oom(err);
	pm_text_trim(&name, &n);
	if (pm_buf_addf(&rec, "staff %.*s", (int)n, name) < 0)
		rc = pm_err_oom(err);
	else
		rc = pm_audit(db, rec.s, change, err);
	pm_buf_free(&rec);
	free(change);
	return rc;
}

static int
today_buf(struct pm_buf *b, struct pm_err *err)
{
	struct pm_date d;
	char buf[PM_DATE_BUFSZ];

	if (pm_today(&d, err) < 0)
		return -1;
	pm_buf_reset(b);
	return pm_buf_adds(b, pm_date_fmt(d, buf)) < 0 ? pm_err_oom(err) : 0;
}

int
pm_staff_add(struct pm_db *db, const struct pm_staff *s, int64_t *id, struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO staff(name, dept, role, phone, area, joined)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	struct pm_buf name = PM_BUF_INIT, phone = PM_BUF_INIT, joined = PM_BUF_INIT;
	const char *dept, *role;
	struct pm_stmt *st = NULL;
	int64_t other;
	int rc = -1;

	if (!s->name || !s->role || !s->dept) {
		pm_err_set(err, PM_EXIT_USAGE, _("a staff member needs a name, a department and a role"));
		goto out;
	}
	if (check_fields(s, &dept, &role, &name, &phone, &joined, err) < 0)
		goto out;
	if (!s->joined && today_buf(&joined, err) < 0)
		goto out;
	if (pm_staff_find(db, name.s, &other, NULL, err) == 0) {
		pm_err_set(err, PM_EXIT_DATA,
		    _("'%s' is already on the staff: tell them apart, e.g. '%s(%s)'"),
		    name.s, name.s, pm_keyword_label(pm_staff_depts, dept));
		goto out;
	}
	pm_err_clear(err);
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, name.s);
	pm_bind_text(st, 2, dept);
	pm_bind_text(st, 3, role);
	pm_bind_text_null(st, 4, pm_buf_str(&phone));
	pm_bind_text_null(st, 5, s->area);
	pm_bind_text(st, 6, joined.s);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	*id = pm_db_last_id(db);
	if (audit_staff(db, name.s, err, "staff added: %s, %s, from %s", dept, role, joined.s) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&name);
	pm_buf_free(&phone);
	pm_buf_free(&joined);
	return rc;
}

int
pm_staff_set(struct pm_db *db, const char *name, const struct pm_staff *s, struct pm_err *err)
{
	static const char sql[] =
	    "UPDATE staff SET name = coalesce(?2, name), dept = coalesce(?3, dept),"
	    " role = coalesce(?4, role), phone = coalesce(?5, phone),"
	    " area = coalesce(?6, area), joined = coalesce(?7, joined)"
	    " WHERE id = ?1";
	struct pm_buf nname = PM_BUF_INIT, phone = PM_BUF_INIT, joined = PM_BUF_INIT;
	struct pm_buf change = PM_BUF_INIT;
	const char *dept, *role;
	struct pm_stmt *st = NULL;
	int64_t id, other;
	int rc = -1;

	if (pm_staff_find(db, name, &id, NULL, err) < 0)
		goto out;
	if (check_fields(s, &dept, &role, &nname, &phone, &joined, err) < 0)
		goto out;
	if (s->name && strcmp(nname.s, name) && pm_staff_find(db, nname.s, &other, NULL, err) == 0) {
		pm_err_set(err, PM_EXIT_DATA, _("'%s' is already on the staff"), nname.s);
		goto out;
	}
	pm_err_clear(err);
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_text_null(st, 2, s->name ? nname.s : NULL);
	pm_bind_text_null(st, 3, dept);
	pm_bind_text_null(st, 4, role);
	if (s->phone)
		pm_bind_text(st, 5, pm_buf_str(&phone));
	if (s->area)
		pm_bind_text(st, 6, s->area);
	pm_bind_text_null(st, 7, s->joined ? joined.s : NULL);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (s->name)
		pm_buf_addf(&change, "name=%s ", nname.s);
	if (dept)
		pm_buf_addf(&change, "dept=%s ", dept);
	if (role)
		pm_buf_addf(&change, "role=%s ", role);
	if (s->phone)
		pm_buf_adds(&change, "phone changed ");
	if (s->area)
		pm_buf_addf(&change, "area=%s ", s->area);
	if (s->joined)
		pm_buf_addf(&change, "joined=%s ", joined.s);
	if (change.len)
		change.s[--change.len] = '\0';
	if (audit_staff(db, name, err, "%s", pm_buf_str(&change)) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&nname);
	pm_buf_free(&phone);
	pm_buf_free(&joined);
	pm_buf_free(&change);
	return rc;
}

int
pm_staff_leave(struct pm_db *db, const char *name, const char *date, struct pm_err *err)
{
	struct pm_buf day = PM_BUF_INIT;
	struct pm_stmt *st = NULL;
	int64_t id;
	int rc = -1;

	if (pm_staff_find(db, name, &id, NULL, err) < 0)
		goto out;
	if (date) {
		struct pm_date d;
		enum pm_date_rc dr = pm_date_parse(date, strlen(date), &d);
		char buf[PM_DATE_BUFSZ];

		if (dr != PM_DATE_OK) {
			pm_err_set(err, PM_EXIT_DATA, _("date '%s': %s"), date, pm_date_reason(dr));
			goto out;
		}
		pm_buf_adds(&day, pm_date_fmt(d, buf));
	} else if (today_buf(&day, err) < 0) {
		goto out;
	}
	if (pm_db_prepare(db, "UPDATE staff SET left_on = ?2 WHERE id = ?1 AND joined <= ?2",
	    &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, pm_buf_str(&day));
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (pm_db_changes(db) == 0) {
		pm_err_set(err, PM_EXIT_DATA, _("'%s' cannot leave on %s, before joining"), name,
		    pm_buf_str(&day));
		goto out;
	}
	if (audit_staff(db, name, err, "left on %s", pm_buf_str(&day)) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&day);
	return rc;
}

int
pm_staff_list(struct pm_db *db, int all, const char *role, const char *dept,
	      struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"name", N_("Name"), PM_COL_TEXT, 0},
		{"dept", N_("Department"), PM_COL_CODE, 0},
		{"role", N_("Role"), PM_COL_CODE, 0},
		{"phone", N_("Phone"), PM_COL_PHONE, 0},
		{"area", N_("Area"), PM_COL_TEXT, 0},
		{"joined", N_("Joined"), PM_COL_CODE, 0},
		{"left_on", N_("Left"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT name, dept, role, phone, area, joined, left_on FROM staff"
	    " WHERE (?1 OR left_on IS NULL) AND (?2 IS NULL OR role = ?2)"
	    "   AND (?3 IS NULL OR dept = ?3)"
	    " ORDER BY dept, role, name";
	const char *rk = NULL, *dk = NULL;
	struct pm_stmt *st;
	int rc;

	if (role && !(rk = pm_keyword_key(pm_staff_roles, role)))
		return pm_err_set(err, PM_EXIT_USAGE, _("unknown role '%s' (one of: %s)"), role,
		    pm_keyword_list(pm_staff_roles));
	if (dept && !(dk = pm_keyword_key(pm_staff_depts, dept)))
		return pm_err_set(err, PM_EXIT_USAGE, _("unknown department '%s' (one of: %s)"),
		    dept, pm_keyword_list(pm_staff_depts));
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, all);
	pm_bind_text_null(st, 2, rk);
	pm_bind_text_null(st, 3, dk);
	pm_out_begin(out, NULL, cols, sizeof cols / sizeof cols[0], 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

int
pm_staff_find(struct pm_db *db, const char *name, int64_t *id, const char **role,
	      struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;
	size_t n = strlen(name);

	pm_text_trim(&name, &n);
	if (pm_db_prepare(db, "SELECT id, role FROM staff WHERE name = ?1 AND left_on IS NULL",
	    &st, err) < 0)
		return -1;
	pm_bind_textn(st, 1, name, n);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		*id = pm_col_int64(st, 0);
		if (role) {
			const struct pm_keyword *k = pm_keyword_find(pm_staff_roles, pm_col_text(st, 1));

			*role = k ? k->key : "";
		}
	}
	pm_stmt_free(st);
	if (rc == PM_ROW)
		return 0;
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading staff"));
	return pm_err_set(err, PM_EXIT_DATA,
	    _("no current staff member '%.*s' (see pm-admin staff list)"), (int)n, name);
}

int
pm_staff_require(struct pm_db *db, const char *name, const char *roles, const char *what,
		 int64_t *id, struct pm_err *err)
{
	const char *role, *p = roles;

	if (pm_staff_find(db, name, id, &role, err) < 0)
		return -1;
	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t k = bar ? (size_t)(bar - p) : strlen(p);

		if (strlen(role) == k && !strncmp(role, p, k))
			return 0;
		p = bar ? bar + 1 : NULL;
	}
	return pm_err_set(err, PM_EXIT_DATA, _("%s needs a %s, and '%s' is a %s"), what,
	    roles, name, role);
}

int
pm_staff_complete(struct pm_db *db, const char *prefix, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {{"name", N_("Name"), PM_COL_CODE, 0}};
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT name FROM staff WHERE left_on IS NULL"
	    " AND substr(name, 1, length(?1)) = ?1 ORDER BY name", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, prefix);
	pm_out_begin(out, NULL, cols, 1, 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}
