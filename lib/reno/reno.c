/* reno.c - applications, their two reviews, resubmission; what the
 * other parts of pm-reno share */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "admin/staff.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "owner/unit.h"
#include "reno.h"
#include "state.h"

/* Attachments larger than this are refused: a scan, not a film. */
#define ATTACH_MAX (20L * 1024 * 1024)

const struct pm_keyword pm_reno_statuses[] = {
	{"applied", "已申请", "申请|待审"},
	{"reviewed", "初审通过", "初审"},
	{"approved", "已批准", "批准|复审通过"},
	{"rejected", "已驳回", "驳回|退回"},
	{"started", "施工中", "开工|施工"},
	{"finished", "已验收", "验收|完工"},
	{"refunded", "已退押金", "退款|结束"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_reno_violations[] = {
	{"structure", "拆改结构", "承重墙|结构"},
	{"facade", "改变外立面", "外立面|外观"},
	{"hours", "违时施工", "时间|超时"},
	{"waste", "乱倒垃圾", "建筑垃圾|垃圾"},
	{"fire", "违规动火", "动火|消防"},
	{"pipes", "改动管线", "管线|管道|水电"},
	{"noise", "噪音扰民", "噪音"},
	{"unregistered", "无证人员", "未登记|无证"},
	{"other", "其他", "其它"},
	{NULL, NULL, NULL},
};

/* Words the program writes itself, shown in Chinese tables (never typed):
 * the renovation log's events, what the due list finds late, a pass's
 * state, and the lines of the monthly summary. */
const struct pm_keyword pm_reno_events[] = {
	{"applied", "提交申请", NULL},
	{"resubmitted", "重新提交", NULL},
	{"first review: approved", "初审通过", NULL},
	{"first review: rejected", "初审驳回", NULL},
	{"second review: approved", "复审通过", NULL},
	{"second review: rejected", "复审驳回", NULL},
	{"paid", "缴费", NULL},
	{"started", "开工", NULL},
	{"inspection: ok", "巡查：正常", NULL},
	{"inspection: violation", "巡查：违规", NULL},
	{"notice", "整改通知", NULL},
	{"rectified", "已整改", NULL},
	{"worker registered", "登记施工人员", NULL},
	{"pass issued", "发放出入证", NULL},
	{"pass returned", "交回出入证", NULL},
	{"pass lost", "出入证遗失", NULL},
	{"extended", "延期", NULL},
	{"finished", "竣工验收", NULL},
	{"refunded", "退还押金", NULL},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_reno_late[] = {
	{"review", "审批超时", NULL},
	{"notice", "整改逾期", NULL},
	{"overrun", "超期施工", NULL},
	{"inspections", "巡查不足", NULL},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_pass_states[] = {
	{"out", "在用", NULL},
	{"returned", "已交回", NULL},
	{"lost", "已遗失", NULL},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_reno_summary_lines[] = {
	{"applications", "申请", NULL},
	{"resubmissions", "重新提交", NULL},
	{"approvals", "批准", NULL},
	{"rejections", "驳回", NULL},
	{"review_hours", "审批用时（小时）", NULL},
	{"violations", "违规", NULL},
	{"notices", "整改通知", NULL},
	{"finished", "竣工", NULL},
	{"deposits", "押金", NULL},
	{"average", "平均", NULL},
	{"issued", "开具", NULL},
	{"rectified", "已整改", NULL},
	{"taken", "收取", NULL},
	{"refunded", "退还", NULL},
	{"deducted", "扣除", NULL},
	{"held", "在押", NULL},
	{NULL, NULL, NULL},
};

void
reno_number(const char *typed, char buf[24])
{
	const char *s = typed;
	size_t n = strlen(s), i;

	pm_text_trim(&s, &n);
	if (n > 23)
		n = 23;
	for (i = 0; i < n; i++)
		buf[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
	buf[n] = '\0';
}

int
pm_reno_find(struct pm_db *db, const char *typed, int64_t *id, struct pm_err *err)
{
	struct pm_stmt *st;
	char no[24];
	int rc;

	reno_number(typed, no);
	if (pm_db_prepare(db, "SELECT id FROM reno WHERE no = ?1", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, no);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*id = pm_col_int64(st, 0);
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_DATA, _("no renovation '%s' (see pm-reno list)"), no);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("reading renovations"));
}

int
reno_load(struct pm_db *db, int64_t id, struct reno_state *s, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT id, unit_id, coalesce(deposit_id, 0), coalesce(fee_bill_id, 0), no, status,"
	    " planned_start, planned_end, submitted, round, paid IS NOT NULL FROM reno WHERE id = ?1";
	struct pm_stmt *st;
	int rc;

	memset(s, 0, sizeof *s);
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		s->id = pm_col_int64(st, 0);
		s->unit_id = pm_col_int64(st, 1);
		s->deposit_id = pm_col_int64(st, 2);
		s->fee_bill_id = pm_col_int64(st, 3);
		snprintf(s->no, sizeof s->no, "%s", pm_col_text(st, 4));
		snprintf(s->status, sizeof s->status, "%s", pm_col_text(st, 5));
		snprintf(s->start, sizeof s->start, "%s", pm_col_text(st, 6));
		snprintf(s->end, sizeof s->end, "%s", pm_col_text(st, 7));
		snprintf(s->submitted, sizeof s->submitted, "%s", pm_col_text(st, 8));
		s->round = pm_col_int(st, 9);
		s->paid = pm_col_int(st, 10);
	}
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_SOFTWARE, _("no renovation #%lld"), (long long)id);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("reading renovations"));
}

int
reno_refuse(const struct reno_state *s, const char *why, struct pm_err *err)
{
	return pm_err_set(err, PM_EXIT_DATA, _("%s: %s (its status is %s)"), s->no, why, s->status);
}

int
reno_event(struct pm_db *db, const struct reno_state *s, const char *event, int64_t staff_id,
	   const char *detail, struct pm_err *err)
{
	struct pm_stmt *st;
	pm_time now;
	char at[PM_TIME_BUFSZ], record[48];
	int rc;

	if (pm_now(&now, err) < 0)
		return -1;
	if (pm_db_prepare(db, "INSERT INTO reno_event(reno_id, at, event, staff_id, clerk, detail)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, s->id);
	pm_bind_text(st, 2, pm_time_fmt(now, at));
	pm_bind_text(st, 3, event);
	if (staff_id)
		pm_bind_int(st, 4, staff_id);
	pm_bind_text(st, 5, pm_audit_who());
	pm_bind_text_null(st, 6, detail);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	if (rc < 0)
		return -1;
	snprintf(record, sizeof record, "renovation %s", s->no);
	return pm_auditf(db, record, err, "%s%s%s", event, detail ? ": " : "", detail ? detail : "");
}

int
reno_date(const char *typed, const char *what, char buf[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_date d;
	enum pm_date_rc rc;

	if (!typed)
		return pm_err_set(err, PM_EXIT_USAGE, _("give the %s"), what);
	rc = pm_date_parse(typed, strlen(typed), &d);
	if (rc != PM_DATE_OK)
		return pm_err_set(err, PM_EXIT_DATA, _("%s '%s': %s"), what, typed, pm_date_reason(rc));
	pm_date_fmt(d, buf);
	return 0;
}

int
reno_text(const char *typed, const char *what, int required, struct pm_buf *out,
	  struct pm_err *err)
{
	const char *why;

	pm_buf_reset(out);
	if (!typed || !*typed)
		return required ? pm_err_set(err, PM_EXIT_DATA, _("give the %s"), what) : 0;
	if ((why = pm_text_normalize(typed, strlen(typed), out)))
		return pm_err_set(err, PM_EXIT_DATA, _("%s: %s"), what, why);
	if (required && !out->len)
		return pm_err_set(err, PM_EXIT_DATA, _("give the %s"), what);
	return 0;
}

int
reno_attach(struct pm_db *db, const char *kind, int64_t owner, const char *path,
	    struct pm_err *err)
{
	struct pm_buf data = PM_BUF_INIT;
	struct stat sb;
	struct pm_stmt *st;
	const char *base = strrchr(path, '/');
	char added[PM_TIME_BUFSZ];
	pm_time now;
	FILE *fp;
	int rc;

	if (!(fp = fopen(path, "rb")))
		return pm_err_set(err, PM_EXIT_NOINPUT, _("cannot open '%s': %s"), path, strerror(errno));
	if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(fp);
		return pm_err_set(err, PM_EXIT_NOINPUT, _("cannot open '%s': not a file"), path);
	}
	if (sb.st_size > ATTACH_MAX) {
		fclose(fp);
		return pm_err_set(err, PM_EXIT_DATA, _("'%s' is larger than %ld MiB"), path,
		    ATTACH_MAX / 1024 / 1024);
	}
	for (;;) {
		char chunk[65536];
		size_t got = fread(chunk, 1, sizeof chunk, fp);

		if (got && pm_buf_add(&data, chunk, got) < 0) {
			fclose(fp);
			pm_buf_free(&data);
			return pm_err_oom(err);
		}
		if (got < sizeof chunk)
			break;
	}
	rc = ferror(fp);
	fclose(fp);
	if (rc || data.len > (size_t)ATTACH_MAX) {
		pm_buf_free(&data);
		return pm_err_set(err, PM_EXIT_IO, _("cannot read '%s'"), path);
	}
	if (pm_now(&now, err) < 0 ||
	    pm_db_prepare(db, "INSERT INTO attachment(kind, owner_id, name, added, data)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)", &st, err) < 0) {
		pm_buf_free(&data);
		return -1;
	}
	pm_bind_text(st, 1, kind);
	pm_bind_int(st, 2, owner);
	pm_bind_text(st, 3, base ? base + 1 : path);
	pm_bind_text(st, 4, pm_time_fmt(now, added));
	pm_bind_blob(st, 5, data.s, data.len);
	rc = pm_db_step_done(db, st, err);
	pm_stmt_free(st);
	pm_buf_free(&data);
	return rc;
}

/* The applicant: a person named so who owns the unit now, or rents it. */
static int
find_applicant(struct pm_db *db, int64_t unit_id, const char *name, int64_t *person, int *party,
	       struct pm_err *err)
{
	static const char sql[] =
	    "SELECT p.id FROM person p WHERE p.name = ?1 AND (p.id IN (SELECT person_id FROM ownership"
	    " WHERE unit_id = ?2 AND until IS NULL) OR p.id IN (SELECT person_id FROM lease"
	    " WHERE unit_id = ?2)) ORDER BY p.id";
	struct pm_stmt *st;
	struct pm_buf n = PM_BUF_INIT;
	const char *why;
	int rc, found = 0;

	if (!name)
		return pm_err_set(err, PM_EXIT_USAGE, _("give the --applicant"));
	if ((why = pm_name_normalize(name, strlen(name), &n))) {
		pm_buf_free(&n);
		return pm_err_set(err, PM_EXIT_DATA, _("applicant: %s"), why);
	}
	if (pm_db_prepare(db, sql, &st, err) < 0) {
		pm_buf_free(&n);
		return -1;
	}
	pm_bind_text(st, 1, n.s);
	pm_bind_int(st, 2, unit_id);
	*party = 0;
	while ((rc = pm_step(st)) == PM_ROW && !*party) {
		*person = pm_col_int64(st, 0);
		found = 1;
		if (pm_unit_party(db, unit_id, *person, party, err) < 0) {
			pm_stmt_free(st);
			pm_buf_free(&n);
			return -1;
		}
	}
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE) {
		pm_buf_free(&n);
		return pm_db_fail(db, err, _("reading owners"));
	}
	if (!*party) {
		pm_err_set(err, PM_EXIT_DATA, found
		    ? _("'%s' is neither an owner nor a tenant of the unit today")
		    : _("'%s' is neither an owner nor a tenant of the unit: only they may apply"), n.s);
		pm_buf_free(&n);
		return -1;
	}
	pm_buf_free(&n);
	return 0;
}

static int
check_phone(const char *typed, struct pm_buf *out, struct pm_err *err)
{
	const char *why;
	int landline;

	pm_buf_reset(out);
	if (!typed || !*typed)
		return 0;
	if ((why = pm_phone_normalize(typed, strlen(typed), out, &landline)))
		return pm_err_set(err, PM_EXIT_DATA, _("phone: %s"), why);
	return 0;
}

int
pm_reno_apply(struct pm_db *db, const struct pm_reno_apply *a, char no[PM_SEQ_BUFSZ],
	      struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO reno(no, unit_id, applicant_id, party, consent, contractor, phone, scope,"
	    " planned_start, planned_end, applied, submitted)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
	struct pm_buf consent = PM_BUF_INIT, contractor = PM_BUF_INIT, scope = PM_BUF_INIT;
	struct pm_buf phone = PM_BUF_INIT, detail = PM_BUF_INIT;
	char start[PM_DATE_BUFSZ], end[PM_DATE_BUFSZ], now[PM_TIME_BUFSZ];
	struct reno_state s;
	struct pm_stmt *st = NULL;
	int64_t person = 0;
	pm_time t;
	size_t i;
	int party = 0, rc = -1;

	if (reno_text(a->contractor, _("contractor"), 1, &contractor, err) < 0 ||
	    reno_text(a->scope, _("scope of work"), 1, &scope, err) < 0 ||
	    reno_text(a->consent, _("owner's consent"), 0, &consent, err) < 0 ||
	    check_phone(a->phone, &phone, err) < 0 ||
	    reno_date(a->start, _("planned start"), start, err) < 0 ||
	    reno_date(a->end, _("planned end"), end, err) < 0)
		goto out;
	if (strcmp(end, start) < 0) {
		pm_err_set(err, PM_EXIT_DATA, _("the planned end %s is before the start %s"), end, start);
		goto out;
	}
	if (find_applicant(db, a->unit_id, a->applicant, &person, &party, err) < 0)
		goto out;
	if (party == 2 && !consent.len) {
		pm_err_set(err, PM_EXIT_DATA,
		    _("'%s' is a tenant: record the owner's consent with --consent"), a->applicant);
		goto out;
	}
	if (pm_now(&t, err) < 0)
		goto out;
	pm_time_fmt(t, now);
	if (pm_seq_next(db, "Z", atoi(now), no, err) < 0 || pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_text(st, 1, no);
	pm_bind_int(st, 2, a->unit_id);
	pm_bind_int(st, 3, person);
	pm_bind_text(st, 4, party == 1 ? "owner" : "tenant");
	pm_bind_text_null(st, 5, pm_buf_str(&consent));
	pm_bind_text(st, 6, contractor.s);
	pm_bind_text_null(st, 7, pm_buf_str(&phone));
	pm_bind_text(st, 8, scope.s);
	pm_bind_text(st, 9, start);
	pm_bind_text(st, 10, end);
	pm_bind_text(st, 11, now);
	if (pm_db_step_done(db, st, err) < 0 || reno_load(db, pm_db_last_id(db), &s, err) < 0)
		goto out;
	for (i = 0; i < a->nattach; i++)
		if (reno_attach(db, "reno", s.id, a->attach[i], err) < 0)
			goto out;
	pm_buf_addf(&detail, "%s (%s), %s, %s..%s, %zu attached", a->applicant,
	    party == 1 ? "owner" : "tenant", contractor.s, start, end, a->nattach);
	if (reno_event(db, &s, "applied", 0, detail.s, err) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&consent);
	pm_buf_free(&contractor);
	pm_buf_free(&scope);
	pm_buf_free(&phone);
	pm_buf_free(&detail);
	return rc;
}

int
pm_reno_review(struct pm_db *db, int64_t id, int second, int approve, const char *reason,
	       const char *by, struct pm_err *err)
{
	struct reno_state s;
	struct pm_buf why = PM_BUF_INIT, detail = PM_BUF_INIT;
	struct pm_stmt *st = NULL;
	char now[PM_TIME_BUFSZ];
	const char *step = second ? "second" : "first";
	int64_t staff;
	pm_time t;
	int rc = -1;

	if (reno_load(db, id, &s, err) < 0)
		goto out;
	if (!second && strcmp(s.status, "applied")) {
		reno_refuse(&s, !strcmp(s.status, "reviewed") ? _("the first review has been given")
		    : _("it is not waiting for a review"), err);
		goto out;
	}
	if (second && strcmp(s.status, "reviewed")) {
		reno_refuse(&s, !strcmp(s.status, "applied")
		    ? _("the second review comes after the first")
		    : _("it is not waiting for a review"), err);
		goto out;
	}
	if (!by) {
		pm_err_set(err, PM_EXIT_USAGE, _("give the reviewer with --by"));
		goto out;
	}
	if (pm_staff_require(db, by, second ? "manager" : "engineer",
	    second ? _("the second review") : _("the first review"), &staff, err) < 0)
		goto out;
	if (!approve && reno_text(reason, _("reason for rejecting"), 1, &why, err) < 0)
		goto out;
	if (pm_now(&t, err) < 0)
		goto out;
	pm_time_fmt(t, now);
	if (pm_db_prepare(db, "INSERT INTO reno_review(reno_id, round, step, verdict, reason, staff_id, at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_int(st, 2, s.round);
	pm_bind_text(st, 3, step);
	pm_bind_text(st, 4, approve ? "approve" : "reject");
	pm_bind_text_null(st, 5, pm_buf_str(&why));
	pm_bind_int(st, 6, staff);
	pm_bind_text(st, 7, now);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	pm_stmt_free(st);
	st = NULL;
	if (pm_db_prepare(db, "UPDATE reno SET status = ?2,"
	    " approved = CASE WHEN ?2 = 'approved' THEN ?3 ELSE approved END WHERE id = ?1", &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, !approve ? "rejected" : second ? "approved" : "reviewed");
	pm_bind_text(st, 3, now);
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	if (approve)
		pm_buf_addf(&detail, "by %s", by);
	else
		pm_buf_addf(&detail, "by %s: %s", by, why.s);
	if (reno_event(db, &s, approve ? (second ? "second review: approved" : "first review: approved")
	    : (second ? "second review: rejected" : "first review: rejected"), staff, detail.s, err) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&why);
	pm_buf_free(&detail);
	return rc;
}

int
pm_reno_resubmit(struct pm_db *db, int64_t id, const struct pm_reno_apply *a, struct pm_err *err)
{
	static const char sql[] =
	    "UPDATE reno SET status = 'applied', round = round + 1, submitted = ?2,"
	    " contractor = coalesce(?3, contractor), phone = coalesce(?4, phone),"
	    " scope = coalesce(?5, scope), planned_start = coalesce(?6, planned_start),"
	    " planned_end = coalesce(?7, planned_end), consent = coalesce(?8, consent) WHERE id = ?1";
	struct pm_buf contractor = PM_BUF_INIT, scope = PM_BUF_INIT, phone = PM_BUF_INIT;
	struct pm_buf consent = PM_BUF_INIT, detail = PM_BUF_INIT;
	char start[PM_DATE_BUFSZ] = "", end[PM_DATE_BUFSZ] = "", now[PM_TIME_BUFSZ];
	struct reno_state s;
	struct pm_stmt *st = NULL;
	pm_time t;
	size_t i;
	int rc = -1;

	if (reno_load(db, id, &s, err) < 0)
		goto out;
	if (strcmp(s.status, "rejected")) {
		reno_refuse(&s, _("only a rejected application is resubmitted"), err);
		goto out;
	}
	if (reno_text(a->contractor, _("contractor"), 0, &contractor, err) < 0 ||
	    reno_text(a->scope, _("scope of work"), 0, &scope, err) < 0 ||
	    reno_text(a->consent, _("owner's consent"), 0, &consent, err) < 0 ||
	    check_phone(a->phone, &phone, err) < 0 ||
	    (a->start && reno_date(a->start, _("planned start"), start, err) < 0) ||
	    (a->end && reno_date(a->end, _("planned end"), end, err) < 0))
		goto out;
	if (strcmp(*end ? end : s.end, *start ? start : s.start) < 0) {
		pm_err_set(err, PM_EXIT_DATA, _("the planned end %s is before the start %s"),
		    *end ? end : s.end, *start ? start : s.start);
		goto out;
	}
	if (pm_now(&t, err) < 0)
		goto out;
	pm_time_fmt(t, now);
	if (pm_db_prepare(db, sql, &st, err) < 0)
		goto out;
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, now);
	pm_bind_text_null(st, 3, pm_buf_str(&contractor));
	pm_bind_text_null(st, 4, pm_buf_str(&phone));
	pm_bind_text_null(st, 5, pm_buf_str(&scope));
	pm_bind_text_null(st, 6, start);
	pm_bind_text_null(st, 7, end);
	pm_bind_text_null(st, 8, pm_buf_str(&consent));
	if (pm_db_step_done(db, st, err) < 0)
		goto out;
	for (i = 0; i < a->nattach; i++)
		if (reno_attach(db, "reno", id, a->attach[i], err) < 0)
			goto out;
	pm_buf_addf(&detail, "round %d", s.round + 1);
	if (scope.len)
		pm_buf_addf(&detail, ", scope: %s", scope.s);
	if (*start || *end)
		pm_buf_addf(&detail, ", %s..%s", *start ? start : s.start, *end ? end : s.end);
	if (a->nattach)
		pm_buf_addf(&detail, ", %zu attached", a->nattach);
	if (reno_event(db, &s, "resubmitted", 0, detail.s, err) < 0)
		goto out;
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&contractor);
	pm_buf_free(&scope);
	pm_buf_free(&phone);
	pm_buf_free(&consent);
	pm_buf_free(&detail);
	return rc;
}

int
pm_reno_complete(struct pm_db *db, const char *prefix, struct pm_out *out, struct pm_err *err)
{
	return pm_out_complete(out, db, "SELECT no FROM reno WHERE no >= ?1 AND no < ?2"
	    " ORDER BY status IN ('rejected', 'refunded'), applied DESC, no DESC", "permit",
	    prefix, err);
}
