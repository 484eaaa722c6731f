/* due.c - what falls due: callbacks, complaint replies, rework notices;
 * and the morning's reminder mail built from it */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin/staff.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/utf8.h"
#include "internal.h"
#include "ticket.h"

static const struct pm_col due_cols[] = {
	{"ticket", N_("Ticket"), PM_COL_CODE, 0},
	{"item", N_("Item"), PM_COL_CODE, 0},
	{"due", N_("Due"), PM_COL_CODE, 0},
	{"state", N_("State"), PM_COL_CODE, 0},
	{"person", N_("Person"), PM_COL_TEXT, 0},
	{"unit", N_("Unit"), PM_COL_CODE, 0},
	{"kind", N_("Kind"), PM_COL_CODE, 0},
	{"summary", N_("Summary"), PM_COL_TEXT, 0},
};

/* Columns 0-7 as due_cols, then 8 the person's staff id and 9 their
 * department.  The callback and the complaint reply belong to the
 * callback owner; a rework notice to the repair staff it went to. */
#define DUE_SQL \
	"SELECT t.no, 'callback', t.callback_due," \
	"  CASE WHEN t.callback_due < :now THEN 'overdue' ELSE 'due' END," \
	"  s.name, u.code, t.kind, t.summary, s.id, s.dept" \
	" FROM ticket t JOIN staff s ON s.id = t.callback_by LEFT JOIN unit u ON u.id = t.unit_id" \
	" WHERE t.callback_due IS NOT NULL AND t.callback_due < :until" \
	"   AND (:by IS NULL OR t.callback_by = :by)" \
	" UNION ALL" \
	" SELECT t.no, 'reply', t.reply_due," \
	"  CASE WHEN t.reply_due < :now THEN 'overdue' ELSE 'due' END," \
	"  s.name, u.code, t.kind, t.summary, s.id, s.dept" \
	" FROM ticket t JOIN staff s ON s.id = t.callback_by LEFT JOIN unit u ON u.id = t.unit_id" \
	" WHERE t.replied IS NULL AND t.reply_due IS NOT NULL AND t.reply_due < :until" \
	"   AND (:by IS NULL OR t.callback_by = :by)" \
	" UNION ALL" \
	" SELECT t.no, 'rework', r.due," \
	"  CASE WHEN r.due < :now THEN 'overdue' ELSE 'due' END," \
	"  s.name, u.code, t.kind, t.summary, s.id, s.dept" \
	" FROM rework r JOIN ticket t ON t.id = r.ticket_id" \
	" JOIN staff s ON s.id = coalesce(r.staff_id, t.callback_by)" \
	" LEFT JOIN unit u ON u.id = t.unit_id" \
	" WHERE r.done IS NULL AND r.due < :until" \
	"   AND (:by IS NULL OR coalesce(r.staff_id, t.callback_by) = :by)"

/* Prepare the due query ordered as asked; binds :now, :until, :by. */
static int
due_query(struct pm_db *db, const struct pm_due_filter *f, const char *order, struct pm_stmt **st,
	  struct pm_err *err)
{
	struct pm_buf sql = PM_BUF_INIT;
	char now[PM_TIME_BUFSZ], until[PM_TIME_BUFSZ];
	pm_time t;
	int64_t by = 0;
	int rc;

	*st = NULL;
	if (f->by && pm_staff_find(db, f->by, &by, NULL, err) < 0)
		return -1;
	if (pm_now(&t, err) < 0)
		return -1;
	pm_time_fmt(t, now);
	if (f->overdue) {
		snprintf(until, sizeof until, "%s", now);
	} else if (f->within >= 0) {
		/* due at exactly now + within is within */
		pm_time_fmt(t + f->within + 1, until);
	} else {
		/* to the end of today: before tomorrow's midnight */
		char d[PM_DATE_BUFSZ];

		snprintf(until, sizeof until, "%sT00:00:00",
		    pm_date_fmt(pm_date_add(pm_time_date(t), 1), d));
	}
	if (pm_buf_addf(&sql, "SELECT * FROM (" DUE_SQL ") ORDER BY %s", order) < 0) {
		pm_buf_free(&sql);
		return pm_err_oom(err);
	}
	rc = pm_db_prepare(db, sql.s, st, err);
	pm_buf_free(&sql);
	if (rc < 0)
		return -1;
	pm_bind_text(*st, pm_param_index(*st, ":now"), now);
	pm_bind_text(*st, pm_param_index(*st, ":until"), until);
	if (by)
		pm_bind_int(*st, pm_param_index(*st, ":by"), by);
	return 0;
}

int
pm_ticket_due(struct pm_db *db, const struct pm_due_filter *f, struct pm_out *out,
	      long *overdue, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	*overdue = 0;
	if (due_query(db, f, "3, 1, 2", &st, err) < 0)
		return -1;
	pm_out_begin(out, NULL, due_cols, N(due_cols), 0);
	while ((rc = pm_step(st)) == PM_ROW) {
		if (!strcmp(pm_col_text(st, 3), "overdue"))
			(*overdue)++;
		if (pm_out_stmt(out, st) < 0)
			break;
	}
	pm_stmt_free(st);
	if (rc != PM_ROW && rc != PM_DONE)
		return pm_db_fail(db, err, _("listing what is due"));
	pm_out_end(out);
	return 0;
}

int
pm_ticket_open_work(struct pm_db *db, const char *name, struct pm_buf *list, long *n,
		    struct pm_err *err)
{
	/* a century ahead: every deadline they hold, not only today's */
	struct pm_due_filter f = {(int64_t)100 * 366 * 86400, 0, name};
	struct pm_stmt *st = NULL;
	int64_t id;
	int rc;

	*n = 0;
	pm_buf_reset(list);
	if (due_query(db, &f, "3, 1, 2", &st, err) < 0)
		return -1;
	while ((rc = pm_step(st)) == PM_ROW) {
		pm_buf_addf(list, "%s%s (%s)", *n ? ", " : "", pm_col_text(st, 0),
		    pm_keyword_label(pm_ticket_due_items, pm_col_text(st, 1)));
		(*n)++;
	}
	pm_stmt_free(st);
	st = NULL;
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("listing what is due"));
	if (pm_staff_find(db, name, &id, NULL, err) < 0 ||
	    pm_db_prepare(db, "SELECT no FROM ticket WHERE assignee = ?1"
	    " AND status IN ('dispatched', 'accepted', 'working', 'rework') ORDER BY id", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, id);
	while ((rc = pm_step(st)) == PM_ROW) {
		pm_buf_addf(list, "%s%s (%s)", *n ? ", " : "", pm_col_text(st, 0), _("dispatched to them"));
		(*n)++;
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("listing what is due"));
	if (list->len && !list->s)
		return pm_err_oom(err);
	return 0;
}

/* --- mail ------------------------------------------------------------ */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void
base64(struct pm_buf *b, const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		pm_buf_addc(b, b64[s[i] >> 2]);
		pm_buf_addc(b, b64[((s[i] & 3) << 4) | (s[i + 1] >> 4)]);
		pm_buf_addc(b, b64[((s[i + 1] & 15) << 2) | (s[i + 2] >> 6)]);
		pm_buf_addc(b, b64[s[i + 2] & 63]);
	}
	if (n - i == 1) {
		pm_buf_addc(b, b64[s[i] >> 2]);
		pm_buf_addc(b, b64[(s[i] & 3) << 4]);
		pm_buf_adds(b, "==");
	} else if (n - i == 2) {
		pm_buf_addc(b, b64[s[i] >> 2]);
		pm_buf_addc(b, b64[((s[i] & 3) << 4) | (s[i + 1] >> 4)]);
		pm_buf_addc(b, b64[(s[i + 1] & 15) << 2]);
		pm_buf_addc(b, '=');
	}
}

/* A header value: plain when printable ASCII, else RFC 2047 encoded
 * words of at most 45 bytes of whole UTF-8 characters each. */
static void
header_text(struct pm_buf *b, const char *s, int phrase)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i, start;
	int ascii = 1, special = 0;

	for (i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] >= 0x7F)
			ascii = 0;
		else if (strchr("()<>[]:;@\\,.\"", p[i]))
			special = 1;
	}
	if (ascii && !(phrase && special)) {
		pm_buf_adds(b, s);
		return;
	}
	if (ascii) {
		pm_buf_addc(b, '"');
		for (i = 0; i < n; i++) {
			if (p[i] == '"' || p[i] == '\\')
				pm_buf_addc(b, '\\');
			pm_buf_addc(b, (char)p[i]);
		}
		pm_buf_addc(b, '"');
		return;
	}
	for (start = 0; start < n;) {
		size_t end = start;

		while (end < n) {
			size_t k = 1;

			if (p[end] >= 0xF0)
				k = 4;
			else if (p[end] >= 0xE0)
				k = 3;
			else if (p[end] >= 0xC0)
				k = 2;
			if (end + k - start > 45 && end > start)
				break;
			end += k;
		}
		if (end > n)
			end = n;
		if (start)
			pm_buf_adds(b, "\n ");
		pm_buf_adds(b, "=?UTF-8?B?");
		base64(b, p + start, end - start);
		pm_buf_adds(b, "?=");
		start = end;
	}
}

/* "Mon, 30 Nov 2026 09:00:00 +0800" and "Mon Nov 30 09:00:00 2026",
 * in English whatever the locale, in the estate's zone. */
static void
mail_dates(pm_time t, char date[64], char ctime_[64])
{
	static const char *const wd[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const mo[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
		"Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t tt = (time_t)t;
	struct tm tm;
	long off;

	if (!localtime_r(&tt, &tm))
		memset(&tm, 0, sizeof tm);
	off = (long)(tm.tm_gmtoff / 60) % 1440;
	snprintf(date, 64, "%s, %d %s %04d %02d:%02d:%02d %c%02ld%02ld", wd[tm.tm_wday % 7],
	    tm.tm_mday % 32, mo[tm.tm_mon % 12], (tm.tm_year + 1900) % 10000, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
	snprintf(ctime_, 64, "%s %s %2d %02d:%02d:%02d %04d", wd[tm.tm_wday % 7],
	    mo[tm.tm_mon % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year + 1900);
}

/* Text on one line, at most max characters (an ellipsis when cut). */
static void
one_line(struct pm_buf *b, const char *s, size_t max)
{
	const char *p = s, *end = s + strlen(s);
	size_t k = 0;

	while (p < end) {
		const char *q = p;

		if (k == max) {
			pm_buf_adds(b, "…");
			return;
		}
		if (pm_utf8_next(&q, end) < 0)
			q = p + 1;
		if (*p == '\n' || *p == '\r' || *p == '\t')
			pm_buf_addc(b, ' ');
		else
			pm_buf_add(b, p, (size_t)(q - p));
		p = q;
		k++;
	}
}

/* A stamp as a person reads it in the mail: "2026-11-23 11:00", not the
 * ISO form with its T and seconds.  buf holds PM_TIME_BUFSZ. */
static const char *
mail_time(const char *iso, char *buf)
{
	size_t n = strlen(iso);

	if (n < 16 || iso[10] != 'T') {
		snprintf(buf, PM_TIME_BUFSZ, "%s", iso);
		return buf;
	}
	snprintf(buf, PM_TIME_BUFSZ, "%.10s %.5s", iso, iso + 11);
	return buf;
}

/* s, then blanks to width columns (a Chinese character is two) */
static void
add_padded(struct pm_buf *b, const char *s, size_t width)
{
	size_t w = pm_utf8_width(s, strlen(s));

	pm_buf_adds(b, s);
	for (; w < width; w++)
		pm_buf_addc(b, ' ');
}

struct msg {
	struct pm_buf body;
	long overdue, due;
};

static void
flush_msg(struct pm_buf *out, struct msg *m, const char *name, const char *addr,
	  const char *from, const char *date, const char *ctime_)
{
	struct pm_buf subj = PM_BUF_INIT;

	pm_buf_addf(&subj, _("pm-ticket: %ld overdue, %ld due"), m->overdue, m->due);
	pm_buf_addf(out, "From %s %s\n", from, ctime_);
	pm_buf_adds(out, "From: pm-ticket <");
	pm_buf_adds(out, from);
	pm_buf_adds(out, ">\nTo: ");
	header_text(out, name, 1);
	pm_buf_addf(out, " <%s>\nSubject: ", addr);
	header_text(out, pm_buf_str(&subj), 0);
	pm_buf_addf(out, "\nDate: %s\n", date);
	pm_buf_adds(out, "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: 8bit\n\n");
	pm_buf_add(out, pm_buf_str(&m->body), m->body.len);
	pm_buf_addf(out, _("\n%ld overdue, %ld due.  'pm-ticket show TICKET' has the details.\n"),
	    m->overdue, m->due);
	/* a blank line ends the message before the next "From " line */
	pm_buf_adds(out, "\n");
	pm_buf_free(&subj);
	pm_buf_reset(&m->body);
	m->overdue = m->due = 0;
}

/* -1 (78) when value is not what setting name must hold; the value is
 * not quoted: it may hold the line break that makes it dangerous */
static int
bad_setting(const char *name, const char *value, struct pm_err *err)
{
	const char *why = pm_setting_check(pm_setting_find(name), value);

	if (!why)
		return 0;
	return pm_err_set(err, PM_EXIT_CONFIG,
	    _("setting '%s' is not valid (%s): set it again with pm-admin settings set %s"),
	    name, why, name);
}

int
pm_ticket_remind(struct pm_db *db, const struct pm_due_filter *f, int by_dept,
		 struct pm_buf *msgs, long *count, struct pm_err *err)
{
	struct msg m = {PM_BUF_INIT, 0, 0};
	char *domain = NULL, *sender = NULL, *from = NULL, *name = NULL, *addr = NULL;
	char date[64], ctime_[64], key[64] = "", nowtext[PM_TIME_BUFSZ], when[PM_TIME_BUFSZ];
	struct pm_stmt *st = NULL;
	pm_time now;
	int rc = -1, step;

	*count = 0;
	if (pm_setting_get(db, "mail.domain", &domain, err) < 0 ||
	    pm_setting_get(db, "mail.from", &sender, err) < 0)
		goto out;
	/* a value stored before settings had types, or by hand, must not
	 * reach a header sendmail -t reads recipients from */
	if (bad_setting("mail.domain", domain, err) < 0 ||
	    bad_setting("mail.from", sender, err) < 0)
		goto out;
	if (asprintf(&from, "%s@%s", sender, domain) < 0) {
		from = NULL;
		pm_err_oom(err);
		goto out;
	}
	if (pm_now(&now, err) < 0)
		goto out;
	mail_dates(now, date, ctime_);
	pm_time_fmt(now, nowtext);
	if (due_query(db, f, by_dept ? "10, 3, 1, 2" : "9, 3, 1, 2", &st, err) < 0)
		goto out;
	while ((step = pm_step(st)) == PM_ROW) {
		const char *k = by_dept ? pm_col_text(st, 9) : pm_col_text(st, 8);
		int over = !strcmp(pm_col_text(st, 3), "overdue");

		if (strcmp(k, key)) {
			if (*key) {
				flush_msg(msgs, &m, name, addr, from, date, ctime_);
				(*count)++;
			}
			snprintf(key, sizeof key, "%s", k);
			free(name);
			free(addr);
			name = strdup(by_dept ? pm_keyword_label(pm_staff_depts, k) : pm_col_text(st, 4));
			if (by_dept ? asprintf(&addr, "%s@%s", k, domain) < 0
			    : asprintf(&addr, "staff-%s@%s", k, domain) < 0)
				addr = NULL;
			if (!name || !addr) {
				pm_err_oom(err);
				goto out;
			}
			pm_buf_addf(&m.body, _("Hello %s,\n\nthese deadlines are yours (as of %s):\n\n"),
			    name, mail_time(nowtext, when));
		}
		/* the reader's language: 回访, not callback, under zh_CN */
		add_padded(&m.body, over ? _("OVERDUE") : _("due"), 7);
		pm_buf_adds(&m.body, "  ");
		add_padded(&m.body, pm_keyword_label(pm_ticket_due_items, pm_col_text(st, 1)), 8);
		pm_buf_addf(&m.body, "  %s  %s  %s  ", pm_col_text(st, 0),
		    mail_time(pm_col_text(st, 2), when),
		    *pm_col_text(st, 5) ? pm_col_text(st, 5) : "-");
		if (by_dept)
			pm_buf_addf(&m.body, "%s  ", pm_col_text(st, 4));
		one_line(&m.body, pm_col_text(st, 7), 60);
		pm_buf_addc(&m.body, '\n');
		if (over)
			m.overdue++;
		else
			m.due++;
	}
	if (step != PM_DONE) {
		pm_db_fail(db, err, _("listing what is due"));
		goto out;
	}
	if (*key) {
		flush_msg(msgs, &m, name, addr, from, date, ctime_);
		(*count)++;
	}
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&m.body);
	free(domain);
	free(sender);
	free(from);
	free(name);
	free(addr);
	return rc;
}
