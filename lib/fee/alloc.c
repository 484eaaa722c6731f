/* alloc.c - allocating payments and credit to open bill lines, oldest first */
#include <stdlib.h>

#include "core/i18n.h"
#include "core/money.h"
#include "fee.h"
#include "ledger.h"

struct open_line {
	int64_t id, item, owed;
};

/* The unit's lines that still owe something, oldest period first. */
static int
open_lines(struct pm_db *db, int64_t unit_id, struct open_line **lines, size_t *n,
	   struct pm_err *err)
{
	static const char sql[] =
	    "SELECT b.id, b.item_id, " PM_FEE_OWED_SQL " AS owed FROM bill b"
	    " WHERE b.unit_id = ?1 AND owed > 0 ORDER BY b.starts, b.item_id, b.id";
	struct open_line *v = NULL;
	size_t cap = 0;
	struct pm_stmt *st;
	int rc;

	*n = 0;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	while ((rc = pm_step(st)) == PM_ROW) {
		if (*n == cap) {
			struct open_line *nv;

			cap = cap ? cap * 2 : 16;
			if (!(nv = realloc(v, cap * sizeof *v))) {
				pm_stmt_free(st);
				free(v);
				return pm_err_oom(err);
			}
			v = nv;
		}
		v[*n].id = pm_col_int64(st, 0);
		v[*n].item = pm_col_int64(st, 1);
		v[*n].owed = pm_col_int64(st, 2);
		(*n)++;
	}
	pm_stmt_free(st);
	if (rc != PM_DONE) {
		free(v);
		return pm_db_fail(db, err, _("reading open bills"));
	}
	*lines = v;
	return 0;
}

static int
wanted(int64_t item, const int64_t *items, size_t nitems)
{
	size_t i;

	if (!nitems)
		return 1;
	for (i = 0; i < nitems; i++)
		if (items[i] == item)
			return 1;
	return 0;
}

int
pm_fee_allocate(struct pm_db *db, int64_t payment_id, int64_t unit_id, int64_t amount,
		const int64_t *items, size_t nitems, const char *date, int64_t *used,
		struct pm_err *err)
{
	struct open_line *lines = NULL;
	struct pm_stmt *st = NULL;
	size_t n, i;
	int rc = -1;

	*used = 0;
	if (amount <= 0)
		return 0;
	if (open_lines(db, unit_id, &lines, &n, err) < 0)
		return -1;
	if (pm_db_prepare(db, "INSERT INTO alloc(payment_id, bill_id, amount, date)"
	    " VALUES (?1, ?2, ?3, ?4)", &st, err) < 0)
		goto out;
	for (i = 0; i < n && *used < amount; i++) {
		int64_t take;

		if (!wanted(lines[i].item, items, nitems))
			continue;
		take = amount - *used < lines[i].owed ? amount - *used : lines[i].owed;
		pm_stmt_reset(st);
		pm_bind_int(st, 1, payment_id);
		pm_bind_int(st, 2, lines[i].id);
		pm_bind_int(st, 3, take);
		pm_bind_text(st, 4, date);
		if (pm_db_step_done(db, st, err) < 0)
			goto out;
		*used += take;
	}
	rc = 0;
out:
	pm_stmt_free(st);
	free(lines);
	return rc;
}

int
pm_fee_apply_credit(struct pm_db *db, int64_t unit_id, const char *date, int64_t *applied,
		    struct pm_err *err)
{
	static const char sql[] =
	    "SELECT p.id, p.amount - coalesce((SELECT sum(l.amount) FROM alloc l"
	    "   WHERE l.payment_id = p.id), 0) AS remaining"
	    " FROM payment p WHERE p.unit_id = ?1 AND p.voided IS NULL AND remaining > 0"
	    " ORDER BY p.id";
	struct { int64_t id, left; } *v = NULL;
	size_t n = 0, cap = 0, i;
	struct pm_stmt *st;
	int rc;

	*applied = 0;
	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, unit_id);
	while ((rc = pm_step(st)) == PM_ROW) {
		if (n == cap) {
			void *nv;

			cap = cap ? cap * 2 : 4;
			if (!(nv = realloc(v, cap * sizeof *v))) {
				pm_stmt_free(st);
				free(v);
				return pm_err_oom(err);
			}
			v = nv;
		}
		v[n].id = pm_col_int64(st, 0);
		v[n].left = pm_col_int64(st, 1);
		n++;
	}
	pm_stmt_free(st);
	if (rc != PM_DONE) {
		free(v);
		return pm_db_fail(db, err, _("reading credit"));
	}
	for (i = 0; i < n; i++) {
		int64_t used;

		if (pm_fee_allocate(db, v[i].id, unit_id, v[i].left, NULL, 0, date, &used, err) < 0) {
			free(v);
			return -1;
		}
		if (pm_money_add(applied, used, _("credit applied"), err) < 0) {
			free(v);
			return -1;
		}
		if (used < v[i].left)
			break;  /* nothing left to pay */
	}
	free(v);
	return 0;
}
