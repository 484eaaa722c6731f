/* report.c - arrears and their age, reminder letters, statements, the collection rate */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/settings.h"
#include "core/money.h"
#include "fee.h"
#include "ledger.h"
#include "report.h"

/* ",3,17,42," for SQL's instr(); NULL when o lists no units. */
static int
unit_set(const struct pm_fee_arrears_opts *o, struct pm_buf *b, struct pm_err *err)
{
	size_t i;

	pm_buf_reset(b);
	if (!o->units)
		return 0;
	if (pm_buf_addc(b, ',') < 0)
		return pm_err_oom(err);
	for (i = 0; i < o->nunits; i++)
		if (pm_buf_addf(b, "%lld,", (long long)o->units[i]) < 0)
			return pm_err_oom(err);
	return 0;
}

static int
bind_today(struct pm_stmt *st, struct pm_err *err)
{
	if (pm_bind_today(st, err) < 0) {
		pm_stmt_free(st);
		return -1;
	}
	return 0;
}

/* Every owed line with its age; the arrears queries build on it. */
#define OWED_CTE \
	"WITH o AS (SELECT b.unit_id, b.item_id, b.period, b.starts, " PM_FEE_OWED_SQL " AS owed," \
	"  " PM_FEE_MONTHS_SQL("b.starts", ":today") " AS age" \
	" FROM bill b WHERE (:set IS NULL OR instr(:set, ',' || b.unit_id || ',') > 0))," \
	" a AS (SELECT unit_id," \
	"  sum(CASE WHEN age <= 0 THEN owed ELSE 0 END) AS c0," \
	"  sum(CASE WHEN age BETWEEN 1 AND 3 THEN owed ELSE 0 END) AS c1," \
	"  sum(CASE WHEN age BETWEEN 4 AND 6 THEN owed ELSE 0 END) AS c2," \
	"  sum(CASE WHEN age BETWEEN 7 AND 12 THEN owed ELSE 0 END) AS c3," \
	"  sum(CASE WHEN age >= 13 THEN owed ELSE 0 END) AS c4," \
	"  sum(owed) AS total, min(starts) AS oldest, max(age) AS age" \
	" FROM o WHERE owed > 0 GROUP BY unit_id" \
	" HAVING total >= :min AND (:older < 0 OR max(age) > :older))"

#define OWNERS_SQL(u) \
	"(SELECT group_concat(p.name, '、') FROM ownership w JOIN person p ON p.id = w.person_id" \
	" WHERE w.unit_id = " u " AND w.until IS NULL)"

static void
bind_opts(struct pm_stmt *st, const struct pm_fee_arrears_opts *o, const struct pm_buf *set)
{
	int i;

	if ((i = pm_param_index(st, ":set")))
		pm_bind_text_null(st, i, set->len ? set->s : NULL);
	if ((i = pm_param_index(st, ":min")))
		pm_bind_int(st, i, o->min);
	if ((i = pm_param_index(st, ":older")))
		pm_bind_int(st, i, o->older_than);
}

int
pm_fee_arrears(struct pm_db *db, const struct pm_fee_arrears_opts *o, struct pm_out *out,
	       struct pm_err *err)
{
	static const struct pm_col unit_cols[] = {
		{"unit", N_("Unit"), PM_COL_CODE, 0},
		{"owner", N_("Owner"), PM_COL_TEXT, 0},
		{"current", N_("Current"), PM_COL_MONEY, 0},
		{"months_1_3", N_("1-3 months"), PM_COL_MONEY, 0},
		{"months_4_6", N_("4-6 months"), PM_COL_MONEY, 0},
		{"months_7_12", N_("7-12 months"), PM_COL_MONEY, 0},
		{"over_year", N_("Over a year"), PM_COL_MONEY, 0},
		{"total", N_("Total"), PM_COL_MONEY, 0},
		{"oldest", N_("Owed since"), PM_COL_CODE, 0},
	};
	static const struct pm_col bldg_cols[] = {
		{"building", N_("Building"), PM_COL_CODE, 0},
		{"units", N_("Units owing"), PM_COL_INT, 0},
		{"current", N_("Current"), PM_COL_MONEY, 0},
		{"months_1_3", N_("1-3 months"), PM_COL_MONEY, 0},
		{"months_4_6", N_("4-6 months"), PM_COL_MONEY, 0},
		{"months_7_12", N_("7-12 months"), PM_COL_MONEY, 0},
		{"over_year", N_("Over a year"), PM_COL_MONEY, 0},
		{"total", N_("Total"), PM_COL_MONEY, 0},
		{"oldest", N_("Owed since"), PM_COL_CODE, 0},
	};
	static const char unit_sql[] = OWED_CTE
	    " SELECT u.code, " OWNERS_SQL("u.id") ", c0, c1, c2, c3, c4, total, oldest"
	    " FROM a JOIN unit u ON u.id = a.unit_id ORDER BY u.code";
	static const char bldg_sql[] = OWED_CTE
	    " SELECT u.building, count(*), sum(c0), sum(c1), sum(c2), sum(c3), sum(c4), sum(total),"
	    " min(oldest) FROM a JOIN unit u ON u.id = a.unit_id GROUP BY u.building ORDER BY u.building";
	struct pm_buf set = PM_BUF_INIT;
	struct pm_stmt *st;
	int rc;

	if (unit_set(o, &set, err) < 0)
		return -1;
	if (pm_db_prepare(db, o->by_building ? bldg_sql : unit_sql, &st, err) < 0 ||
	    bind_today(st, err) < 0) {
		pm_buf_free(&set);
		return -1;
	}
	bind_opts(st, o, &set);
	pm_out_begin(out, NULL, o->by_building ? bldg_cols : unit_cols, 9, 0);
	rc = pm_out_stmt_all(out, st, err);
	pm_stmt_free(st);
	pm_buf_free(&set);
	if (rc == 0)
		pm_out_end(out);
	return rc;
}

/* One letter being put together. */
struct letter {
	int64_t unit;
	char *code, *owner, *phone;
	struct pm_buf items, periods, amounts;
	int64_t total;
	int age;
	char oldest[PM_DATE_BUFSZ];
	char *estate;                /* html letters: the estate's name, owned */
	/* the item being gathered */
	int64_t item, item_owed;
	char *item_name, *first, *last;
};

static void
letter_item_flush(struct letter *l)
{
	char a[PM_DEC_BUFSZ];

	if (!l->item_name)
		return;
	if (l->items.len) {
		pm_buf_adds(&l->items, "; ");
		pm_buf_adds(&l->periods, "; ");
		pm_buf_adds(&l->amounts, "; ");
	}
	pm_buf_adds(&l->items, l->item_name);
	pm_buf_adds(&l->periods, l->first);
	if (strcmp(l->first, l->last))
		pm_buf_addf(&l->periods, "~%s", l->last);
	pm_buf_adds(&l->amounts, pm_money_fmt(l->item_owed, a));
	free(l->item_name);
	free(l->first);
	free(l->last);
	l->item_name = l->first = l->last = NULL;
	l->item_owed = 0;
}

static void
letter_reset(struct letter *l)
{
	letter_item_flush(l);
	free(l->code);
	free(l->owner);
	free(l->phone);
	l->code = l->owner = l->phone = NULL;
	pm_buf_reset(&l->items);
	pm_buf_reset(&l->periods);
	pm_buf_reset(&l->amounts);
	l->total = 0;
	l->age = -1;
	l->unit = 0;
	l->item = 0;
}

static const struct pm_col letter_cols[] = {
	{"unit", N_("Unit"), PM_COL_CODE, 0},
	{"owner", N_("Owner"), PM_COL_TEXT, 0},
	{"phone", N_("Phone"), PM_COL_PHONE, 0},
	{"items", N_("Items"), PM_COL_TEXT, 0},
	{"periods", N_("Periods"), PM_COL_TEXT, 0},
	{"amounts", N_("Amounts"), PM_COL_TEXT, 0},
	{"total", N_("Total"), PM_COL_MONEY, 0},
	{"oldest", N_("Owed since"), PM_COL_CODE, 0},
	{"date", N_("Date"), PM_COL_CODE, 0},
};

/* -o html: the letter itself, a page for each household. */
static int
letter_page(struct letter *l, const char *today, const char *const *v, struct pm_out *out)
{
	static const char *const sign[] = {N_("Property service centre (seal)"), N_("Date")};
	struct pm_buf text = PM_BUF_INIT;
	int rc;

	pm_out_page(out, _("Reminder of fees owed (催缴通知书)"));
	pm_buf_addf(&text, _("Dear %s (unit %s):"), l->owner, l->code);
	pm_out_note(out, pm_buf_str(&text));
	pm_buf_reset(&text);
	pm_buf_addf(&text, _("As of %s our records show the fees below unpaid.  Please pay them at the "
	    "customer-service desk within seven days of this letter, or call us if you think there "
	    "is a mistake.  If you have paid in the meantime, please ignore this letter."),
	    pm_out_date(out, today));
	pm_out_note(out, pm_buf_str(&text));
	pm_buf_free(&text);
	pm_out_begin(out, "letter", letter_cols, 9, 1);
	pm_out_row(out, v);
	pm_out_end(out);
	rc = pm_out_signatures(out, sign, 2);
	return rc;
}

static int
letter_write(struct letter *l, const struct pm_fee_arrears_opts *o, const char *today,
	     struct pm_out *out)
{
	char total[24];
	const char *v[9];

	letter_item_flush(l);
	if (!l->unit || l->total < o->min || (o->older_than >= 0 && l->age <= o->older_than))
		return 0;
	snprintf(total, sizeof total, "%lld", (long long)l->total);
	v[0] = l->code;
	v[1] = l->owner;
	v[2] = l->phone;
	v[3] = pm_buf_str(&l->items);
	v[4] = pm_buf_str(&l->periods);
	v[5] = pm_buf_str(&l->amounts);
	v[6] = total;
	v[7] = l->oldest;
	v[8] = today;
	if (pm_out_format(out) == PM_FMT_HTML)
		return letter_page(l, today, v, out);
	return pm_out_row(out, v);
}

int
pm_fee_letters(struct pm_db *db, const struct pm_fee_arrears_opts *o, struct pm_out *out,
	       struct pm_err *err)
{
	static const char sql[] =
	    "SELECT b.unit_id, u.code, " OWNERS_SQL("u.id") ","
	    " (SELECT p.phone FROM ownership w JOIN person p ON p.id = w.person_id"
	    "  WHERE w.unit_id = u.id AND w.until IS NULL ORDER BY w.id LIMIT 1),"
	    " b.item_id, i.name, b.period, b.starts, " PM_FEE_OWED_SQL " AS owed,"
	    " " PM_FEE_MONTHS_SQL("b.starts", ":today")
	    " FROM bill b JOIN unit u ON u.id = b.unit_id JOIN fee_item i ON i.id = b.item_id"
	    " WHERE owed > 0 AND (:set IS NULL OR instr(:set, ',' || b.unit_id || ',') > 0)"
	    " ORDER BY u.code, i.id, b.starts, b.id";
	struct letter l;
	struct pm_buf set = PM_BUF_INIT;
	struct pm_date d;
	char today[PM_DATE_BUFSZ];
	struct pm_stmt *st;
	int rc, over = 0;

	if (pm_today(&d, err) < 0 || unit_set(o, &set, err) < 0)
		return -1;
	pm_date_fmt(d, today);
	if (pm_db_prepare(db, sql, &st, err) < 0 || bind_today(st, err) < 0) {
		pm_buf_free(&set);
		return -1;
	}
	bind_opts(st, o, &set);
	memset(&l, 0, sizeof l);
	l.age = -1;
	if (pm_out_format(out) == PM_FMT_HTML) {
		char *estate = NULL;

		/* every page carries the estate's name */
		if (pm_setting_get(db, "estate.name", &estate, err) < 0) {
			pm_stmt_free(st);
			pm_buf_free(&set);
			return -1;
		}
		pm_out_title(out, NULL, estate);
		l.estate = estate;
	} else {
		pm_out_begin(out, NULL, letter_cols, 9, 0);
	}
	while ((rc = pm_step(st)) == PM_ROW) {
		int64_t unit = pm_col_int64(st, 0), item = pm_col_int64(st, 4);
		int age = pm_col_int(st, 9);

		if (unit != l.unit) {
			if (letter_write(&l, o, today, out) < 0)
				break;
			letter_reset(&l);
			l.unit = unit;
			l.code = strdup(pm_col_text(st, 1));
			l.owner = strdup(pm_col_text(st, 2));
			l.phone = strdup(pm_col_text(st, 3));
			snprintf(l.oldest, sizeof l.oldest, "%s", pm_col_text(st, 7));
		}
		if (item != l.item) {
			letter_item_flush(&l);
			l.item = item;
			l.item_name = strdup(pm_col_text(st, 5));
			l.first = strdup(pm_col_text(st, 6));
		}
		free(l.last);
		l.last = strdup(pm_col_text(st, 6));
		if (pm_money_add(&l.item_owed, pm_col_int64(st, 8), _("arrears"), err) < 0 ||
		    pm_money_add(&l.total, pm_col_int64(st, 8), _("arrears"), err) < 0) {
			over = 1;
			break;
		}
		if (age > l.age)
			l.age = age;
		if (strcmp(pm_col_text(st, 7), l.oldest) < 0)
			snprintf(l.oldest, sizeof l.oldest, "%s", pm_col_text(st, 7));
		if (!l.code || !l.owner || !l.phone || !l.item_name || !l.first || !l.last) {
			rc = PM_STEP_OOM;
			break;
		}
	}
	if (rc == PM_DONE)
		letter_write(&l, o, today, out);
	letter_reset(&l);
	free(l.estate);
	pm_buf_free(&l.items);
	pm_buf_free(&l.periods);
	pm_buf_free(&l.amounts);
	pm_buf_free(&set);
	pm_stmt_free(st);
	if (over)
		return -1;
	if (rc == PM_STEP_OOM)
		return pm_err_oom(err);
	if (rc != PM_DONE && rc != PM_ROW)
		return pm_db_fail(db, err, _("reading bills"));
	if (pm_out_format(out) != PM_FMT_HTML)
		pm_out_end(out);
	return 0;
}

/* balance += debit - credit, checked */
static int
statement_add(int64_t *balance, int64_t debit, int64_t credit, struct pm_err *err)
{
	return pm_money_add(balance, debit, _("the statement"), err) < 0 ||
	    pm_money_sub(balance, credit, _("the statement"), err) < 0 ? -1 : 0;
}

int
pm_fee_statement(struct pm_db *db, int64_t unit_id, const char *since, const char *until,
		 struct pm_out *out, struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"date", N_("Date"), PM_COL_CODE, 0},
		{"entry", N_("Entry"), PM_COL_CODE, 0},
		{"ref", N_("Reference"), PM_COL_CODE, 0},
		{"item", N_("Item"), PM_COL_CODE, 0},
		{"debit", N_("Debit"), PM_COL_MONEY, 0},
		{"credit", N_("Credit"), PM_COL_MONEY, 0},
		{"balance", N_("Balance"), PM_COL_MONEY, 0},
		{"detail", N_("Detail"), PM_COL_TEXT, 0},
	};
	static const char sql[] =
	    "SELECT * FROM ("
	    " SELECT substr(b.raised, 1, 10) AS d, 1 AS ord, b.id AS id, b.kind, b.period, i.code,"
	    "  b.amount, 0, i.basis, i.meter, b.qty, b.rate, b.base, coalesce(b.prev, -1),"
	    "  coalesce(b.cur, -1), coalesce(b.days, -1), coalesce(b.of_days, -1),"
	    "  coalesce(b.discount, -1), b.note"
	    " FROM bill b JOIN fee_item i ON i.id = b.item_id WHERE b.unit_id = ?1"
	    " UNION ALL"
	    " SELECT j.date, 2, j.id, 'adjust', b.period, i.code, max(j.amount, 0), max(-j.amount, 0),"
	    "  NULL, NULL, 0, 0, 0, -1, -1, -1, -1, -1, j.reason"
	    " FROM adjustment j JOIN bill b ON b.id = j.bill_id JOIN fee_item i ON i.id = b.item_id"
	    " WHERE b.unit_id = ?1"
	    " UNION ALL"
	    " SELECT p.date, 3, p.id, 'payment', p.receipt, NULL, 0, p.amount,"
	    "  NULL, NULL, 0, 0, 0, -1, -1, -1, -1, -1, p.method"
	    " FROM payment p WHERE p.unit_id = ?1"
	    " UNION ALL"
	    " SELECT p.voided, 4, p.id, 'void', p.receipt, NULL, p.amount, 0,"
	    "  NULL, NULL, 0, 0, 0, -1, -1, -1, -1, -1, p.void_reason"
	    " FROM payment p WHERE p.unit_id = ?1 AND p.voided IS NOT NULL"
	    ") ORDER BY d, ord, id";
	struct pm_buf detail = PM_BUF_INIT;
	int64_t balance = 0;
	struct pm_stmt *st;
	char bal[24], deb[24], cre[24];
	const char *v[8];
	int rc, opened = 0, over = 0;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	pm_out_begin(out, NULL, cols, 8, 0);
	while ((rc = pm_step(st)) == PM_ROW) {
		const char *d = pm_col_text(st, 0), *entry = pm_col_text(st, 3);
		int64_t debit = pm_col_int64(st, 6), credit = pm_col_int64(st, 7);

		if (since && strcmp(d, since) < 0) {
			if (statement_add(&balance, debit, credit, err) < 0) {
				over = 1;
				break;
			}
			continue;
		}
		if (until && strcmp(d, until) > 0)
			break;
		if (!opened) {
			snprintf(bal, sizeof bal, "%lld", (long long)balance);
			v[0] = since;
			v[1] = "opening";
			v[2] = v[3] = v[4] = v[5] = v[7] = NULL;
			v[6] = bal;
			pm_out_row(out, v);
			opened = 1;
		}
		if (statement_add(&balance, debit, credit, err) < 0) {
			over = 1;
			break;
		}
		pm_buf_reset(&detail);
		if (!strcmp(entry, "bill") || !strcmp(entry, "charge")) {
			struct pm_fee_line l;

			l.basis = pm_col_text(st, 8);
			l.meter = pm_col_text(st, 9);
			l.qty = pm_col_int64(st, 10);
			l.rate = pm_col_int64(st, 11);
			l.base = pm_col_int64(st, 12);
			l.amount = debit;
			l.prev = pm_col_int64(st, 13);
			l.cur = pm_col_int64(st, 14);
			l.days = pm_col_int64(st, 15);
			l.of_days = pm_col_int64(st, 16);
			l.discount = pm_col_int64(st, 17);
			pm_fee_how(&l, &detail);
			if (!pm_col_null(st, 18))
				pm_buf_addf(&detail, " (%s)", pm_col_text(st, 18));
		} else {
			pm_buf_adds(&detail, pm_col_text(st, 18));
		}
		snprintf(deb, sizeof deb, "%lld", (long long)debit);
		snprintf(cre, sizeof cre, "%lld", (long long)credit);
		snprintf(bal, sizeof bal, "%lld", (long long)balance);
		v[0] = d;
		v[1] = entry;
		v[2] = pm_col_text(st, 4);
		v[3] = pm_col_null(st, 5) ? NULL : pm_col_text(st, 5);
		v[4] = debit ? deb : NULL;
		v[5] = credit ? cre : NULL;
		v[6] = bal;
		v[7] = pm_buf_str(&detail);
		pm_out_row(out, v);
	}
	pm_stmt_free(st);
	pm_buf_free(&detail);
	if (over)
		return -1;
	if (rc != PM_ROW && rc != PM_DONE)
		return pm_db_fail(db, err, _("reading the statement"));
	snprintf(bal, sizeof bal, "%lld", (long long)balance);
	if (!opened) {
		v[0] = since;
		v[1] = "opening";
		v[2] = v[3] = v[4] = v[5] = v[7] = NULL;
		v[6] = bal;
		pm_out_row(out, v);
	}
	v[0] = until;
	v[1] = "closing";
	v[2] = v[3] = v[4] = v[5] = v[7] = NULL;
	v[6] = bal;
	pm_out_row(out, v);
	pm_out_end(out);
	return 0;
}

int
pm_fee_rate(struct pm_db *db, const struct pm_period *span, const char *by, struct pm_out *out,
	    struct pm_err *err)
{
	static const struct pm_col cols[] = {
		{"group", N_("Group"), PM_COL_CODE, 0},
		{"billed", N_("Billed"), PM_COL_MONEY, 0},
		{"collected", N_("Amount received"), PM_COL_MONEY, 0},
		{"outstanding", N_("Outstanding"), PM_COL_MONEY, 0},
		{"rate", N_("Rate %"), PM_COL_DEC, 2},
		{"recovered", N_("Old arrears recovered"), PM_COL_MONEY, 0},
	};
	static const char sql[] =
	    "WITH x AS ("
	    " SELECT CASE ?3 WHEN 'building' THEN u.building WHEN 'item' THEN i.code ELSE 'all' END AS k,"
	    "  b.amount + " PM_FEE_ADJ_SQL " AS billed, " PM_FEE_PAID_SQL " AS collected, 0 AS recovered"
	    " FROM bill b JOIN unit u ON u.id = b.unit_id JOIN fee_item i ON i.id = b.item_id"
	    " WHERE b.starts BETWEEN ?1 AND ?2"
	    " UNION ALL"
	    " SELECT CASE ?3 WHEN 'building' THEN u.building WHEN 'item' THEN i.code ELSE 'all' END,"
	    "  0, 0, l.amount"
	    " FROM alloc l JOIN payment p ON p.id = l.payment_id JOIN bill b ON b.id = l.bill_id"
	    " JOIN unit u ON u.id = b.unit_id JOIN fee_item i ON i.id = b.item_id"
	    " WHERE p.voided IS NULL AND l.date BETWEEN ?1 AND ?2 AND b.starts < ?1"
	    ") SELECT k, sum(billed), sum(collected), sum(recovered) FROM x GROUP BY k ORDER BY k";
	char first[PM_DATE_BUFSZ], last[PM_DATE_BUFSZ];
	struct pm_stmt *st;
	int rc;

	if (by && strcmp(by, "building") && strcmp(by, "item"))
		return pm_err_set(err, PM_EXIT_USAGE, _("--by takes building or item, not '%s'"), by);
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, pm_date_fmt(span->first, first));
	pm_bind_text(st, 2, pm_date_fmt(span->last, last));
	pm_bind_text_null(st, 3, by);
	pm_out_begin(out, NULL, cols, 6, 0);
	while ((rc = pm_step(st)) == PM_ROW) {
		int64_t billed = pm_col_int64(st, 1), got = pm_col_int64(st, 2);
		int64_t rate = 0;
		char n[4][24];
		const char *v[6];

		snprintf(n[0], sizeof n[0], "%lld", (long long)billed);
		snprintf(n[1], sizeof n[1], "%lld", (long long)got);
		snprintf(n[2], sizeof n[2], "%lld", (long long)(billed - got));
		v[0] = pm_col_text(st, 0);
		v[1] = n[0];
		v[2] = n[1];
		v[3] = n[2];
		v[4] = NULL;
		if (billed > 0 && pm_dec_muldiv(got, 10000, billed, &rate) == 0) {
			snprintf(n[3], sizeof n[3], "%lld", (long long)rate);
			v[4] = n[3];
		}
		v[5] = pm_col_text(st, 3);
		pm_out_row(out, v);
	}
	pm_stmt_free(st);
	if (rc != PM_DONE)
		return pm_db_fail(db, err, _("reading bills"));
	pm_out_end(out);
	return 0;
}
