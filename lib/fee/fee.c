/* fee.c - pm-fee's keywords, dates, balances and how a line was computed */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/money.h"
#include "fee.h"
#include "ledger.h"

const struct pm_keyword pm_fee_methods[] = {
	{"cash", "现金", "现款"},
	{"transfer", "转账", "银行转账|bank|汇款"},
	{"wechat", "微信", "微信支付|weixin"},
	{"alipay", "支付宝", NULL},
	{"card", "刷卡", "银行卡|pos|银联"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_fee_bases[] = {
	{"area", "按面积", "面积|建筑面积|m2"},
	{"unit", "按户", "户|每户"},
	{"space", "按车位", "车位"},
	{"meter", "按表", "抄表|读数"},
	{"fixed", "一次性", "固定|定额"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_fee_cycles[] = {
	{"monthly", "月", "按月|每月|month"},
	{"quarterly", "季", "按季|每季|quarter"},
	{"yearly", "年", "按年|每年|year|annual"},
	{"season", "采暖季", "供暖季|heating"},
	{"once", "一次", "一次性|oneoff"},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_fee_meters[] = {
	{"water", "水", "水表|自来水"},
	{"electricity", "电", "电表|electric|power"},
	{"gas", "燃气", "气|煤气|天然气|燃气表"},
	{"hotwater", "热水", "热水表|hot-water"},
	{NULL, NULL, NULL},
};

/* Words the program writes itself, shown in Chinese tables (never typed):
 * the entries of the cash journal and of a unit's statement, and the
 * lines and checks of the monthly close. */
const struct pm_keyword pm_fee_entries[] = {
	{"opening", "期初余额", NULL},
	{"closing", "期末余额", NULL},
	{"bill", "账单", NULL},
	{"charge", "一次性收费", NULL},
	{"adjust", "调整", NULL},
	{"payment", "收款", NULL},
	{"void", "作废", NULL},
	{"deposit", "收押金", NULL},
	{"refund", "退押金", NULL},
	{"handover", "交财务", NULL},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_fee_close_lines[] = {
	{"bills", "应收", NULL},
	{"method", "收款方式", NULL},
	{"item", "收费项目", NULL},
	{"credit", "预存款", NULL},
	{"cash", "现金", NULL},
	{"deposit", "押金", NULL},
	{"billed", "本月应收", NULL},
	{"adjusted", "调整", NULL},
	{"total", "合计", NULL},
	{"change", "增减", NULL},
	{"opening", "期初余额", NULL},
	{"receipts", "收入", NULL},
	{"paid_out", "支出", NULL},
	{"handed_over", "交财务", NULL},
	{"closing", "期末余额", NULL},
	{"taken", "收取", NULL},
	{"refunded", "退还", NULL},
	{"deducted", "扣除", NULL},
	{"held", "在押", NULL},
	{NULL, NULL, NULL},
};

const struct pm_keyword pm_fee_checks[] = {
	{"lines", "账单明细", NULL},
	{"payments", "收款分配", NULL},
	{"numbers", "票据编号", NULL},
	{"deposits", "押金", NULL},
	{"books", "应收与欠费", NULL},
	{NULL, NULL, NULL},
};

/* The collection rate's group when not broken down. */
const struct pm_keyword pm_group_all[] = {
	{"all", "全部", NULL},
	{NULL, NULL, NULL},
};

int
pm_fee_method(const char *typed, const char **key, struct pm_err *err)
{
	if (!typed || !(*key = pm_keyword_key(pm_fee_methods, typed)))
		return pm_err_set(err, PM_EXIT_DATA, _("unknown payment method '%s' (one of: %s)"),
		    typed ? typed : "", pm_keyword_list(pm_fee_methods));
	return 0;
}

int
pm_fee_closed(struct pm_db *db, const char *month, int *closed, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	/* closing a month locks the books up to its end */
	if (pm_db_prepare(db, "SELECT ?1 <= max(month) FROM fee_close", &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, month);
	rc = pm_step(st);
	*closed = rc == PM_ROW && pm_col_int(st, 0);
	pm_stmt_free(st);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading closes"));
	return 0;
}

int
pm_fee_date(struct pm_db *db, const char *typed, char buf[PM_DATE_BUFSZ], struct pm_err *err)
{
	struct pm_date d, today;
	char month[8];
	int closed;

	if (pm_today(&today, err) < 0)
		return -1;
	if (typed) {
		enum pm_date_rc rc = pm_date_parse(typed, strlen(typed), &d);

		if (rc != PM_DATE_OK)
			return pm_err_set(err, PM_EXIT_DATA, _("date '%s': %s"), typed, pm_date_reason(rc));
		if (pm_date_cmp(d, today) > 0)
			return pm_err_set(err, PM_EXIT_DATA, _("date '%s' is in the future"), typed);
	} else {
		d = today;
	}
	pm_date_fmt(d, buf);
	snprintf(month, sizeof month, "%.7s", buf);
	if (pm_fee_closed(db, month, &closed, err) < 0)
		return -1;
	if (closed)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("month %s is closed: record it in an open month (a correction goes "
		      "into the month it is made in)"), month);
	return 0;
}

int
pm_fee_cash_date(struct pm_db *db, const char *method, const char *date, struct pm_err *err)
{
	static const char sql[] =
	    "SELECT no, date FROM handover WHERE date >= ?1 ORDER BY date, id LIMIT 1";
	struct pm_stmt *st;
	struct pm_date today;
	char t[PM_DATE_BUFSZ];
	int rc;

	if (strcmp(method, "cash"))
		return 0;
	if (pm_today(&today, err) < 0)
		return -1;
	if (strcmp(date, pm_date_fmt(today, t)) >= 0)
		return 0;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, date);
	rc = pm_step(st);
	if (rc == PM_ROW)
		pm_err_set(err, PM_EXIT_DATA,
		    _("cash for %s was handed over already (%s, %s): record it as today's"),
		    date, pm_col_text(st, 0), pm_col_text(st, 1));
	else if (rc != PM_DONE)
		pm_db_fail(db, err, _("reading hand-overs"));
	pm_stmt_free(st);
	return rc == PM_DONE ? 0 : -1;
}

int
pm_fee_now(char buf[PM_TIME_BUFSZ], struct pm_err *err)
{
	pm_time now;

	if (pm_now(&now, err) < 0)
		return -1;
	pm_time_fmt(now, buf);
	return 0;
}

/* A rate: four decimals, trailing zeros dropped down to two. */
static const char *
rate_fmt(int64_t rate, char buf[PM_DEC_BUFSZ])
{
	size_t n;

	pm_dec_fmt(rate, 4, buf);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0' && n >= 3 && buf[n - 3] != '.')
		buf[--n] = '\0';
	return buf;
}

int
pm_fee_how(const struct pm_fee_line *l, struct pm_buf *b)
{
	char q[PM_DEC_BUFSZ], r[PM_DEC_BUFSZ], a[PM_DEC_BUFSZ], x[PM_DEC_BUFSZ], y[PM_DEC_BUFSZ];
	int rc = 0;

	pm_dec_fmt(l->qty, 2, q);
	rate_fmt(l->rate, r);
	pm_money_fmt(l->base, a);
	if (!strcmp(l->basis, "area")) {
		rc = pm_buf_addf(b, _("%s m² × %s = %s"), q, r, a);
	} else if (!strcmp(l->basis, "meter")) {
		const char *m = pm_keyword_label(pm_fee_meters, l->meter ? l->meter : "");

		if (l->prev >= 0 && l->cur >= 0 && l->cur - l->prev == l->qty)
			rc = pm_buf_addf(b, _("%s %s → %s = %s × %s = %s"), m,
			    pm_dec_fmt(l->prev, 2, x), pm_dec_fmt(l->cur, 2, y), q, r, a);
		else if (l->prev >= 0 && l->cur >= 0)
			rc = pm_buf_addf(b, _("%s %s → %s (new meter) = %s × %s = %s"), m,
			    pm_dec_fmt(l->prev, 2, x), pm_dec_fmt(l->cur, 2, y), q, r, a);
		else
			rc = pm_buf_addf(b, _("%s %s × %s = %s"), m, q, r, a);
	} else {
		pm_dec_fmt_short(l->qty, 2, q);
		if (!strcmp(l->basis, "space"))
			rc = pm_buf_addf(b, _("%s spaces × %s = %s"), q, r, a);
		else if (!strcmp(l->basis, "unit"))
			rc = pm_buf_addf(b, _("%s unit × %s = %s"), q, r, a);
		else
			rc = pm_buf_addf(b, _("%s × %s = %s"), q, r, a);
	}
	if (rc == 0 && l->days >= 0 && l->of_days > 0) {
		int64_t p = 0;

		pm_dec_muldiv(l->base, l->days, l->of_days, &p);
		rc = pm_buf_addf(b, _("; %lld/%lld days = %s"), (long long)l->days,
		    (long long)l->of_days, pm_money_fmt(p, a));
	}
	if (rc == 0 && l->discount > 0)
		rc = pm_buf_addf(b, _("; vacant −%lld%% = %s"), (long long)l->discount,
		    pm_money_fmt(l->amount, a));
	return rc;
}

int
pm_fee_balance(struct pm_db *db, int64_t unit_id, int64_t *owed, int64_t *credit,
	       struct pm_err *err)
{
	static const char sql[] =
	    "SELECT (SELECT coalesce(sum(amount), 0) FROM bill WHERE unit_id = ?1)"
	    " + (SELECT coalesce(sum(j.amount), 0) FROM adjustment j JOIN bill b ON b.id = j.bill_id"
	    "    WHERE b.unit_id = ?1),"
	    " (SELECT coalesce(sum(amount), 0) FROM payment WHERE unit_id = ?1 AND voided IS NULL),"
	    " (SELECT coalesce(sum(l.amount), 0) FROM alloc l JOIN payment p ON p.id = l.payment_id"
	    "    WHERE p.unit_id = ?1 AND p.voided IS NULL)";
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	rc = pm_step(st);
	if (rc == PM_ROW) {
		int64_t billed = pm_col_int64(st, 0);
		int64_t paid = pm_col_int64(st, 1);
		int64_t used = pm_col_int64(st, 2);

		*owed = billed - used;
		*credit = paid - used;
	}
	pm_stmt_free(st);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("reading the unit's balance"));
	return 0;
}

int
pm_fee_line_owed(struct pm_db *db, int64_t bill_id, int64_t *owed, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc;

	if (pm_db_prepare(db, "SELECT " PM_FEE_OWED_SQL " FROM bill b WHERE b.id = ?1", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, bill_id);
	rc = pm_step(st);
	if (rc == PM_ROW)
		*owed = pm_col_int64(st, 0);
	pm_stmt_free(st);
	if (rc == PM_DONE)
		return pm_err_set(err, PM_EXIT_SOFTWARE, _("no bill line #%lld"), (long long)bill_id);
	return rc == PM_ROW ? 0 : pm_db_fail(db, err, _("reading bills"));
}
