/* list.c - the ticket list with its filters, and the day's open tickets */
#include <stdlib.h>
#include <string.h>

#include "admin/staff.h"
#include "core/i18n.h"
#include "internal.h"
#include "owner/unit.h"
#include "ticket.h"

static const struct pm_col list_cols[] = {
	{"ticket", N_("Ticket"), PM_COL_CODE, 0},
	{"received", N_("Received"), PM_COL_CODE, 0},
	{"kind", N_("Kind"), PM_COL_CODE, 0},
	{"category", N_("Category"), PM_COL_CODE, 0},
	{"unit", N_("Unit"), PM_COL_CODE, 0},
	{"channel", N_("Channel"), PM_COL_CODE, 0},
	{"priority", N_("Priority"), PM_COL_CODE, 0},
	{"status", N_("Status"), PM_COL_CODE, 0},
	{"callback_by", N_("Callback by"), PM_COL_TEXT, 0},
	{"assignee", N_("Assignee"), PM_COL_TEXT, 0},
	{"summary", N_("Summary"), PM_COL_TEXT, 0},
};

#define LIST_SELECT \
	"SELECT t.no, t.received, t.kind, t.category, u.code, t.channel, t.priority, t.status," \
	" b.name, c.name, t.summary" \
	" FROM ticket t LEFT JOIN unit u ON u.id = t.unit_id" \
	" JOIN staff b ON b.id = t.callback_by LEFT JOIN staff c ON c.id = t.assignee"

/* Tickets with a deadline passed at :now; each arm uses its partial index. */
#define OVERDUE_IDS \
	"SELECT id FROM ticket WHERE callback_due IS NOT NULL AND callback_due < :now" \
	" UNION SELECT id FROM ticket WHERE replied IS NULL AND reply_due IS NOT NULL" \
	"   AND reply_due < :now" \
	" UNION SELECT ticket_id FROM rework WHERE done IS NULL AND due < :now"

static int
bind_name(struct pm_stmt *st, const char *name, const char *value)
{
	int i = pm_param_index(st, name);

	return i ? pm_bind_text(st, i, value) : 0;
}

static int
bind_id(struct pm_stmt *st, const char *name, int64_t v)
{
	int i = pm_param_index(st, name);

	return i ? pm_bind_int(st, i, v) : 0;
}

static int
key_of(const struct pm_keyword *table, const char *what, const char *typed, const char **key,
       struct pm_err *err)
{
	*key = NULL;
	if (!typed)
		return 0;
	if (!(*key = pm_keyword_key(table, typed)))
		return pm_err_set(err, PM_EXIT_USAGE, _("unknown %s '%s' (one of: %s)"), what, typed,
		    pm_keyword_list(table));
	return 0;
}

static int
day_after(const char *typed, const char *opt, char buf[PM_DATE_BUFSZ], int next,
	  struct pm_err *err)
{
	struct pm_date d;
	enum pm_date_rc rc = pm_date_parse(typed, strlen(typed), &d);

	if (rc != PM_DATE_OK)
		return pm_err_set(err, PM_EXIT_USAGE, _("%s: '%s': %s"), opt, typed, pm_date_reason(rc));
	pm_date_fmt(pm_date_add(d, next), buf);
	return 0;
}

int
pm_ticket_list(struct pm_db *db, const struct pm_ticket_filter *f, struct pm_out *out,
	       struct pm_err *err)
{
	struct pm_buf sql = PM_BUF_INIT, ids = PM_BUF_INIT;
	const char *kind, *cat, *status = NULL, *channel;
	char since[PM_DATE_BUFSZ] = "", until[PM_DATE_BUFSZ] = "", now[PM_TIME_BUFSZ];
	int64_t unit = 0, person = 0;
	struct pm_stmt *st = NULL;
	int rc = -1;

	if (key_of(pm_ticket_kinds, _("kind"), f->kind, &kind, err) < 0 ||
	    key_of(pm_ticket_categories, _("category"), f->category, &cat, err) < 0 ||
	    key_of(pm_ticket_channels, _("channel"), f->channel, &channel, err) < 0)
		return -1;
	if (f->status && strcmp(f->status, "open") && strcmp(f->status, "未结") &&
	    key_of(pm_ticket_statuses, _("status"), f->status, &status, err) < 0)
		return -1;
	if (f->since && day_after(f->since, "--since", since, 0, err) < 0)
		return -1;
	if (f->until && day_after(f->until, "--until", until, 1, err) < 0)
		return -1;
	if (f->unit && pm_unit_find(db, f->unit, &unit, NULL, err) < 0)
		return -1;
	if (f->person && pm_staff_find(db, f->person, &person, NULL, err) < 0)
		return -1;
	if (f->units) {
		/* several units: their rows as a JSON array for json_each() */
		size_t i;

		pm_buf_addc(&ids, '[');
		for (i = 0; i < f->n_units; i++) {
			int64_t id;

			if (pm_unit_find(db, f->units[i], &id, NULL, err) < 0) {
				pm_buf_free(&ids);
				return -1;
			}
			pm_buf_addf(&ids, "%s%lld", i ? "," : "", (long long)id);
		}
		if (pm_buf_addc(&ids, ']') < 0) {
			pm_buf_free(&ids);
			return pm_err_oom(err);
		}
	}
	if (tk_now(now, err) < 0)
		return -1;
	pm_buf_adds(&sql, LIST_SELECT " WHERE 1");
	if (kind)
		pm_buf_adds(&sql, " AND t.kind = :kind");
	if (cat)
		pm_buf_adds(&sql, " AND t.category = :cat");
	if (channel)
		pm_buf_adds(&sql, " AND t.channel = :channel");
	if (status)
		pm_buf_adds(&sql, " AND t.status = :status");
	else if (f->status)
		pm_buf_adds(&sql, " AND t.status <> 'closed'");
	if (unit)
		pm_buf_adds(&sql, " AND t.unit_id = :unit");
	if (f->units)
		pm_buf_adds(&sql, " AND t.unit_id IN (SELECT value FROM json_each(:units))");
	if (f->building)
		pm_buf_adds(&sql, " AND t.building = :building");
	if (person)
		pm_buf_adds(&sql, " AND (t.taken_by = :person OR t.callback_by = :person"
		    " OR t.assignee = :person)");
	if (f->since)
		pm_buf_adds(&sql, " AND t.received >= :since");
	if (f->until)
		pm_buf_adds(&sql, " AND t.received < :until");
	if (f->overdue)
		pm_buf_adds(&sql, " AND t.id IN (" OVERDUE_IDS ")");
	pm_buf_adds(&sql, " ORDER BY t.id");
	if (f->limit > 0)
		pm_buf_adds(&sql, " LIMIT :limit");
	if (!sql.s) {
		pm_err_oom(err);
		goto out;
	}
	if (pm_db_prepare(db, sql.s, &st, err) < 0)
		goto out;
	bind_name(st, ":kind", kind);
	bind_name(st, ":cat", cat);
	bind_name(st, ":channel", channel);
	bind_name(st, ":status", status);
	bind_id(st, ":unit", unit);
	bind_name(st, ":units", pm_buf_str(&ids));
	bind_name(st, ":building", f->building);
	bind_id(st, ":person", person);
	bind_name(st, ":since", since);
	bind_name(st, ":until", until);
	bind_name(st, ":now", now);
	bind_id(st, ":limit", f->limit);
	pm_out_begin(out, NULL, list_cols, N(list_cols), 0);
	if (pm_out_stmt_all(out, st, err) < 0)
		goto out;
	pm_out_end(out);
	rc = 0;
out:
	pm_stmt_free(st);
	pm_buf_free(&sql);
	pm_buf_free(&ids);
	return rc;
}

int
pm_ticket_today(struct pm_db *db, const char *day, int all, struct pm_out *out,
		struct pm_err *err)
{
	static const char sql[] = LIST_SELECT
	    " WHERE t.received >= :day AND t.received < :next"
	    "   AND (:all OR t.status NOT IN ('finished', 'called', 'closed'))"
	    " ORDER BY t.id";
	char d0[PM_DATE_BUFSZ], d1[PM_DATE_BUFSZ];
	struct pm_stmt *st;
	struct pm_date d;
	int rc;

	if (day) {
		enum pm_date_rc dr = pm_date_parse(day, strlen(day), &d);

		if (dr != PM_DATE_OK)
			return pm_err_set(err, PM_EXIT_USAGE, _("--date: '%s': %s"), day, pm_date_reason(dr));
	} else if (pm_today(&d, err) < 0) {
		return -1;
	}
	pm_date_fmt(d, d0);
	pm_date_fmt(pm_date_add(d, 1), d1);
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	bind_name(st, ":day", d0);
	bind_name(st, ":next", d1);
	bind_id(st, ":all", all);
	pm_out_begin(out, NULL, list_cols, N(list_cols), 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}
