/* ticket.c - taking a ticket, attachments, showing one, the household archive */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/audit.h"
#include "core/i18n.h"
#include "core/seq.h"
#include "core/settings.h"
#include "core/validate.h"
#include "internal.h"
#include "owner/unit.h"
#include "ticket.h"

#define ATTACH_MAX (16L * 1024 * 1024)

const struct pm_keyword pm_ticket_kinds[] = {
	{"repair", "报修", "维修|repairs"},
	{"complaint", "投诉", NULL},
	{"suggestion", "建议", "意见"},
	{"inquiry", "咨询", "查询|enquiry"},
	{"errand", "委托代办", "代办|委托"},
	{"emergency", "紧急", "应急|紧急维修"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_ticket_categories[] = {
	{"safety", "安全设施", "安全|消防|fire"},
	{"leak", "渗漏", "渗漏水|漏水|房屋渗漏水"},
	{"electrical", "电气", "电|水电|electric"},
	{"plumbing", "给排水", "水管|下水|管道"},
	{"public", "公共区域", "公区|公共|public-area"},
	{"inhome", "户内", "室内|in-home"},
	{"elevator", "电梯", "lift"},
	{"doors", "门禁", "门窗|门|access"},
	{"greenery", "绿化", "园林"},
	{"cleaning", "保洁", "卫生|环境卫生"},
	{"parking", "停车", "车辆|车位"},
	{"noise", "噪音", "扰民"},
	{"security", "治安", "安保|秩序"},
	{"fees", "收费", "费用|物业费"},
	{"other", "其他", "其它"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_ticket_channels[] = {
	{"desk", "前台", "接待窗口|窗口|来访"},
	{"phone", "电话", "tel"},
	{"hotline", "24小时热线", "热线|投诉电话|监督电话"},
	{"box", "意见箱", "联系箱|业主联系箱"},
	{"online", "网络", "网上|线上|微信|app"},
	{"patrol", "巡视", "巡查"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_ticket_priorities[] = {
	{"low", "低", NULL},
	{"normal", "普通", "一般|中"},
	{"high", "高", "急"},
	{"urgent", "紧急", "特急"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_ticket_statuses[] = {
	{"open", "待派单", "新|new"},
	{"dispatched", "已派单", "派单"},
	{"accepted", "已接单", "接单"},
	{"working", "处理中", "维修中"},
	{"finished", "已完成", "完成|完工"},
	{"called", "已回访", "回访"},
	{"rework", "返修", "整改"},
	{"closed", "已关闭", "关闭|结案"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_callback_results[] = {
	{"satisfied", "满意", NULL},
	{"basic", "基本满意", "basically-satisfied|basically"},
	{"unsatisfied", "不满意", "dissatisfied"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_recheck_results[] = {
	{"confirmed", "属实", "ok|true"},
	{"disputed", "不实", "不属实|false|wrong"},
	{NULL, NULL, NULL},
};

/* Words the program writes itself, shown in Chinese tables (never typed):
 * the steps of a ticket's history, what is due in the due list, and
 * whether it is late yet. */
const struct pm_keyword pm_ticket_steps[] = {
	{"new", "受理", NULL},
	{"dispatch", "派工", NULL},
	{"accept", "接单", NULL},
	{"start", "开工", NULL},
	{"finish", "完工", NULL},
	{"reply", "答复", NULL},
	{"callback", "回访", NULL},
	{"rework", "返工", NULL},
	{"close", "结案", NULL},
	{"reopen", "重开", NULL},
	{"handover", "转交", NULL},
	{"attach", "附件", NULL},
	{"recheck", "复查", NULL},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_ticket_due_items[] = {
	{"callback", "回访", NULL},
	{"reply", "答复", NULL},
	{"rework", "返工", NULL},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_due_states[] = {
	{"overdue", "已逾期", NULL},
	{"due", "待办", NULL},
	{NULL, NULL, NULL},
};

/* The metrics and keys of the weekly and monthly statistics (stats.c). */
const struct pm_keyword pm_ticket_stats_words[] = {
	{"period", "统计期", NULL},
	{"day", "日", NULL},
	{"week", "周", NULL},
	{"month", "月", NULL},
	{"quarter", "季度", NULL},
	{"year", "年", NULL},
	{"first", "起", NULL},
	{"last", "止", NULL},
	{"tickets", "工单", NULL},
	{"kind", "类型", NULL},
	{"category", "类别", NULL},
	{"building", "楼栋", NULL},
	{"handling", "处理", NULL},
	{"callbacks", "回访", NULL},
	{"satisfaction", "满意度", NULL},
	{"complaints", "投诉", NULL},
	{"rework", "返修", NULL},
	{"received", "受理", NULL},
	{"reopened", "重开", NULL},
	{"finished", "完工", NULL},
	{"same_day", "当天完成", NULL},
	{"same_day_percent", "当天完成率 %", NULL},
	{"made", "已回访", NULL},
	{"on_time", "按时", NULL},
	{"on_time_percent", "按时率 %", NULL},
	{"overdue", "逾期", NULL},
	{"satisfied", "满意", NULL},
	{"basic", "基本满意", NULL},
	{"unsatisfied", "不满意", NULL},
	{"percent", "满意率 %", NULL},
	{"answered_on_time", "按时答复", NULL},
	{"answered_late", "逾期答复", NULL},
	{"unanswered", "未答复", NULL},
	{"households", "户数", NULL},
	{"per_100_households", "每百户投诉", NULL},
	{"issued", "开具", NULL},
	{"done_on_time", "按时完成", NULL},
	{NULL, NULL, NULL},
};

static int
keyword(const struct pm_keyword *table, const char *what, const char *typed, const char *def,
	const char **key, struct pm_err *err)
{
	*key = def;
	if (!typed)
		return 0;
	if (!(*key = pm_keyword_key(table, typed)))
		return pm_err_set(err, PM_EXIT_DATA, _("unknown %s '%s' (one of: %s)"), what, typed,
		    pm_keyword_list(table));
	return 0;
}

/* Read a whole file ("-" stdin) into b; 66 when it cannot be opened. */
static int
slurp(const char *path, struct pm_buf *b, struct pm_err *err)
{
	FILE *fp;
	char chunk[65536];
	size_t n;
	struct stat sb;
	int rc = 0;

	pm_buf_reset(b);
	if (!strcmp(path, "-"))
		fp = stdin;
	else if (!(fp = fopen(path, "rb")))
		return pm_err_set(err, PM_EXIT_NOINPUT, _("cannot open '%s': %s"), path, strerror(errno));
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		rc = pm_err_set(err, PM_EXIT_NOINPUT, _("cannot open '%s': %s"), path, strerror(EISDIR));
		goto out;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (b->len + n > (size_t)ATTACH_MAX) {
			rc = pm_err_set(err, PM_EXIT_DATA, _("'%s' is larger than %ld MiB"), path,
			    ATTACH_MAX / 1024 / 1024);
			goto out;
		}
		if (pm_buf_add(b, chunk, n) < 0) {
			rc = pm_err_oom(err);
			goto out;
		}
	}
	if (ferror(fp))
		rc = pm_err_set(err, PM_EXIT_IO, _("cannot read '%s': %s"), path, strerror(errno));
out:
	if (fp != stdin)
		fclose(fp);
	return rc;
}

static int
attach(struct pm_db *db, int64_t ticket_id, const char *no, const char *path, int64_t staff,
       const char *at, struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO attachment(kind, owner_id, name, added, data) VALUES ('ticket', ?1, ?2, ?3, ?4)";
	struct pm_buf data = PM_BUF_INIT;
	const char *base = strrchr(path, '/');
	struct pm_stmt *st = NULL;
	char *detail = NULL;
	int rc = -1;

	base = base ? base + 1 : path;
	if (!strcmp(path, "-"))
		base = "stdin";
	if (slurp(path, &data, err) < 0)
		goto out;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, ticket_id);
	pm_bind_text(st, 2, base);
	pm_bind_text(st, 3, at);
	pm_bind_blob(st, 4, data.s, data.len);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (asprintf(&detail, "%s (%zu bytes)", base, data.len) < 0) {
		detail = NULL;
		pm_err_oom(err);
		goto out;
	}
	if (tk_event(db, ticket_id, at, "attach", staff, detail, err) < 0)
		goto out;
	if (pm_auditf(db, no, err, "attached %s", detail) < 0)
		goto out;
	rc = 0;
out:
	free(detail);
	pm_stmt_free(st);
	pm_buf_free(&data);
	return rc;
}

int
pm_ticket_new(struct pm_db *db, const struct pm_ticket_new *t, char no[24], struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO ticket(no, kind, category, unit_id, building, location, reporter, phone,"
	    " channel, priority, summary, detail, received, taken_by, callback_by, reply_due, patrol_id)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16)";
	struct pm_buf summary = PM_BUF_INIT, detail = PM_BUF_INIT, location = PM_BUF_INIT;
	struct pm_buf reporter = PM_BUF_INIT, phone = PM_BUF_INIT, building = PM_BUF_INIT;
	const char *kind, *category, *channel, *priority, *why;
	struct pm_stmt *st = NULL;
	char now[PM_TIME_BUFSZ], due[PM_TIME_BUFSZ];
	char *code = NULL;
	int64_t taker, unit_id = 0, id;
	const char *const *a;
	int rc = -1, year;

	if (keyword(pm_ticket_kinds, _("kind"), t->kind, "repair", &kind, err) < 0 ||
	    keyword(pm_ticket_categories, _("category"), t->category, NULL, &category, err) < 0 ||
	    keyword(pm_ticket_channels, _("channel"), t->channel, "desk", &channel, err) < 0 ||
	    keyword(pm_ticket_priorities, _("priority"), t->priority, "normal", &priority, err) < 0)
		goto out;
	if (tk_text(_("summary"), t->summary, &summary, err) < 0 ||
	    tk_text(_("detail"), t->detail, &detail, err) < 0 ||
	    tk_text(_("location"), t->location, &location, err) < 0 ||
	    tk_text(_("building"), t->building, &building, err) < 0)
		goto out;
	if (!summary.len) {
		pm_err_set(err, PM_EXIT_USAGE, _("a ticket needs a summary: what is the matter?"));
		goto out;
	}
	if (!strcmp(kind, "repair") && !category) {
		pm_err_set(err, PM_EXIT_USAGE,
		    _("a repair needs --category (the callback deadline depends on it): one of: %s"),
		    pm_keyword_list(pm_ticket_categories));
		goto out;
	}
	if (t->reporter && *t->reporter &&
	    (why = pm_name_normalize(t->reporter, strlen(t->reporter), &reporter))) {
		pm_err_set(err, PM_EXIT_DATA, _("reporter: %s"), why);
		goto out;
	}
	if (t->phone && *t->phone) {
		int landline;

		if ((why = pm_phone_normalize(t->phone, strlen(t->phone), &phone, &landline))) {
			pm_err_set(err, PM_EXIT_DATA, _("phone: %s"), why);
			goto out;
		}
	}
	if (tk_staff(db, t->by, &taker, err) < 0)
		goto out;
	if (t->unit && *t->unit) {
		struct pm_stmt *b;

		if (pm_unit_find(db, t->unit, &unit_id, &code, err) < 0)
			goto out;
		if (pm_db_prepare(db, "SELECT building FROM unit WHERE id = ?1", &b, err) < 0)
			goto out;
		pm_bind_int(b, 1, unit_id);
		if (pm_step(b) == PM_ROW) {
			pm_buf_reset(&building);
			pm_buf_adds(&building, pm_col_text(b, 0));
		}
		pm_stmt_free(b);
	}
	if (tk_now(now, err) < 0)
		goto out;
	year = atoi(now);
	if (pm_seq_next(db, "T", year, no, err) < 0)
		goto out;
	due[0] = '\0';
	if (!strcmp(kind, "complaint")) {
		int64_t hours;

		if (pm_setting_get_int(db, "complaint.reply_hours", &hours, err) < 0 ||
		    tk_add(now, 0, hours, due, err) < 0)
			goto out;
	}
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, no);
	pm_bind_text(st, 2, kind);
	pm_bind_text_null(st, 3, category);
	if (unit_id)
		pm_bind_int(st, 4, unit_id);
	pm_bind_text(st, 5, pm_buf_str(&building));
	pm_bind_text_null(st, 6, pm_buf_str(&location));
	pm_bind_text_null(st, 7, pm_buf_str(&reporter));
	pm_bind_text_null(st, 8, pm_buf_str(&phone));
	pm_bind_text(st, 9, channel);
	pm_bind_text(st, 10, priority);
	pm_bind_text(st, 11, summary.s);
	pm_bind_text_null(st, 12, pm_buf_str(&detail));
	pm_bind_text(st, 13, now);
	pm_bind_int(st, 14, taker);
	pm_bind_text_null(st, 15, due);
	if (t->patrol_id)
		pm_bind_int(st, 16, t->patrol_id);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	id = pm_db_last_id(db);
	if (tk_event(db, id, now, "new", taker, summary.s, err) < 0)
		goto out;
	if (pm_auditf(db, no, err, "new %s%s%s%s%s via %s", kind, category ? "/" : "",
	    category ? category : "", code ? " unit " : "", code ? code : "", channel) < 0)
		goto out;
	for (a = t->attach; a && *a; a++)
		if (attach(db, id, no, *a, taker, now, err) < 0)
			goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	free(code);
	pm_buf_free(&summary);
	pm_buf_free(&detail);
	pm_buf_free(&location);
	pm_buf_free(&reporter);
	pm_buf_free(&phone);
	pm_buf_free(&building);
	return rc;
}

int
pm_ticket_attach(struct pm_db *db, const char *no, const char *path, const char *by,
		 struct pm_err *err)
{
	struct tk t;
	int64_t staff;
	char now[PM_TIME_BUFSZ];

	if (tk_load(db, no, &t, err) < 0 || tk_staff(db, by, &staff, err) < 0 ||
	    tk_now(now, err) < 0)
		return -1;
	return attach(db, t.id, t.no, path, staff, now, err);
}

int
pm_ticket_attachment(struct pm_db *db, const char *no, int64_t id, char **data, size_t *len,
		     struct pm_err *err)
{
	struct pm_stmt *st;
	struct tk t;
	int rc;

	*data = NULL;
	*len = 0;
	if (tk_load(db, no, &t, err) < 0)
		return -1;
	if (pm_db_prepare(db, "SELECT data FROM attachment WHERE kind = 'ticket'"
	    " AND owner_id = ?1 AND id = ?2", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, t.id);
	pm_bind_int(st, 2, id);
	rc = pm_db_blob(db, st, data, len, err);
	if (rc == 1)
		return pm_err_set(err, PM_EXIT_DATA, _("ticket %s has no attachment %lld"), t.no,
		    (long long)id);
	return rc;
}

/* One section of show: a query whose only parameter is the ticket row. */
static int
section(struct pm_db *db, int64_t id, struct pm_out *out, const char *name,
	const struct pm_col *cols, size_t ncols, int single, const char *sql, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	pm_out_begin(out, name, cols, ncols, single);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	pm_out_end(out);
	return rc;
}

int
pm_ticket_show(struct pm_db *db, const char *no, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col tcols[] = {
		{"ticket", N_("Ticket"), PM_COL_CODE, 0},
		{"kind", N_("Kind"), PM_COL_CODE, 0},
		{"category", N_("Category"), PM_COL_CODE, 0},
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"building", N_("Building"), PM_COL_CODE, 0},
		{"location", N_("Location"), PM_COL_TEXT, 0},
		{"reporter", N_("Reporter"), PM_COL_TEXT, 0},
		{"phone", N_("Phone"), PM_COL_PHONE, 0},
		{"channel", N_("Channel"), PM_COL_CODE, 0},
		{"priority", N_("Priority"), PM_COL_CODE, 0},
		{"status", N_("Status"), PM_COL_CODE, 0},
		{"summary", N_("Summary"), PM_COL_TEXT, 0},
		{"detail", N_("Detail"), PM_COL_TEXT, 0},
		{"received", N_("Received"), PM_COL_CODE, 0},
		{"taken_by", N_("Taken by"), PM_COL_TEXT, 0},
		{"callback_by", N_("Callback by"), PM_COL_TEXT, 0},
		{"dept", N_("Department"), PM_COL_CODE, 0},
		{"assignee", N_("Assignee"), PM_COL_TEXT, 0},
		{"finished", N_("Finished"), PM_COL_CODE, 0},
		{"callback_due", N_("Callback due"), PM_COL_CODE, 0},
		{"reply_due", N_("Reply due"), PM_COL_CODE, 0},
		{"replied", N_("Replied"), PM_COL_CODE, 0},
		{"closed", N_("Closed"), PM_COL_CODE, 0},
		{"reopened", N_("Reopened"), PM_COL_INT, 0},
		{"patrol", N_("Patrol"), PM_COL_INT, 0},
	};
	static const char tsql[] =
	    "SELECT t.no, t.kind, t.category, u.code, t.building, t.location, t.reporter, t.phone,"
	    " t.channel, t.priority, t.status, t.summary, t.detail, t.received, a.name, b.name,"
	    " t.dept, c.name, t.finished, t.callback_due, t.reply_due, t.replied, t.closed,"
	    " t.reopened, t.patrol_id"
	    " FROM ticket t LEFT JOIN unit u ON u.id = t.unit_id"
	    " JOIN staff a ON a.id = t.taken_by JOIN staff b ON b.id = t.callback_by"
	    " LEFT JOIN staff c ON c.id = t.assignee WHERE t.id = ?1";
	static const struct pm_col ecols[] = {
		{"at", N_("Time"), PM_COL_CODE, 0},
		{"what", N_("Step"), PM_COL_CODE, 0},
		{"staff", N_("Staff"), PM_COL_TEXT, 0},
		{"recorder", N_("Recorded by"), PM_COL_TEXT, 0},
		{"detail", N_("Detail"), PM_COL_TEXT, 0},
	};
	static const char esql[] =
	    "SELECT e.at, e.what, s.name, e.recorder, e.detail FROM ticket_event e"
	    " LEFT JOIN staff s ON s.id = e.staff_id WHERE e.ticket_id = ?1 ORDER BY e.id";
	static const struct pm_col ccols[] = {
		{"at", N_("Time"), PM_COL_CODE, 0},
		{"due", N_("Due"), PM_COL_CODE, 0},
		{"on_time", N_("On time"), PM_COL_CODE, 0},
		{"staff", N_("Staff"), PM_COL_TEXT, 0},
		{"result", N_("Result"), PM_COL_CODE, 0},
		{"notes", N_("Notes"), PM_COL_TEXT, 0},
		{"recheck", N_("Re-check"), PM_COL_CODE, 0},
		{"recheck_by", N_("Re-checked by"), PM_COL_TEXT, 0},
		{"recheck_notes", N_("Re-check notes"), PM_COL_TEXT, 0},
	};
	static const char csql[] =
	    "SELECT c.at, c.due, CASE WHEN c.due IS NULL THEN NULL WHEN c.at <= c.due THEN 'yes'"
	    " ELSE 'no' END, s.name, c.result, c.notes, c.recheck, r.name, c.recheck_notes"
	    " FROM callback c JOIN staff s ON s.id = c.staff_id"
	    " LEFT JOIN staff r ON r.id = c.recheck_by WHERE c.ticket_id = ?1 ORDER BY c.id";
	static const struct pm_col rcols[] = {
		{"issued", N_("Issued"), PM_COL_CODE, 0},
		{"due", N_("Due"), PM_COL_CODE, 0},
		{"staff", N_("Repair staff"), PM_COL_TEXT, 0},
		{"problem", N_("Problem"), PM_COL_TEXT, 0},
		{"done", N_("Done"), PM_COL_CODE, 0},
	};
	static const char rsql[] =
	    "SELECT r.issued, r.due, s.name, r.problem, r.done FROM rework r"
	    " LEFT JOIN staff s ON s.id = r.staff_id WHERE r.ticket_id = ?1 ORDER BY r.id";
	static const struct pm_col acols[] = {
		{"id", N_("No."), PM_COL_INT, 0},
		{"name", N_("File"), PM_COL_TEXT, 0},
		{"bytes", N_("Bytes"), PM_COL_INT, 0},
		{"added", N_("Added"), PM_COL_CODE, 0},
	};
	static const char asql[] =
	    "SELECT id, name, length(data), added FROM attachment"
	    " WHERE kind = 'ticket' AND owner_id = ?1 ORDER BY id";
	struct tk t;

	if (tk_load(db, no, &t, err) < 0)
		return -1;
	if (section(db, t.id, out, N_("ticket"), tcols, N(tcols), 1, tsql, err) < 0 ||
	    section(db, t.id, out, N_("events"), ecols, N(ecols), 0, esql, err) < 0 ||
	    section(db, t.id, out, N_("callbacks"), ccols, N(ccols), 0, csql, err) < 0 ||
	    section(db, t.id, out, N_("rework"), rcols, N(rcols), 0, rsql, err) < 0 ||
	    section(db, t.id, out, N_("attachments"), acols, N(acols), 0, asql, err) < 0)
		return -1;
	return 0;
}

int
pm_ticket_archive(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"ticket", N_("Ticket"), PM_COL_CODE, 0},
		{"received", N_("Received"), PM_COL_CODE, 0},
		{"kind", N_("Kind"), PM_COL_CODE, 0},
		{"category", N_("Category"), PM_COL_CODE, 0},
		{"status", N_("Status"), PM_COL_CODE, 0},
		{"summary", N_("Summary"), PM_COL_TEXT, 0},
		{"finished", N_("Finished"), PM_COL_CODE, 0},
		{"callback", N_("Callback"), PM_COL_CODE, 0},
	};
	static const char sql[] =
	    "SELECT t.no, t.received, t.kind, t.category, t.status, t.summary, t.finished,"
	    " (SELECT c.result FROM callback c WHERE c.ticket_id = t.id ORDER BY c.id DESC LIMIT 1)"
	    " FROM ticket t WHERE t.unit_id = ?1 ORDER BY t.id";

	return section(db, unit_id, out, "tickets", cols, N(cols), 0, sql, err);
}

int
pm_ticket_complete(struct pm_db *db, const char *prefix, struct pm_out *out, struct pm_err *err)
{
	return pm_out_complete(out, db, "SELECT no FROM ticket WHERE no >= ?1 AND no < ?2"
	    " ORDER BY status = 'closed', received DESC, no DESC", "ticket", prefix, err);
}
