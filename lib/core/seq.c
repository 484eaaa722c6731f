/* seq.c - yearly sequential record numbers */
#include <stdio.h>

#include "i18n.h"
#include "seq.h"

int
pm_seq_next(struct pm_db *db, const char *prefix, int year, char buf[PM_SEQ_BUFSZ],
	    struct pm_err *err)
{
	static const char sql[] =
	    "INSERT INTO counter(prefix, year, last) VALUES (?1, ?2, 1)"
	    " ON CONFLICT(prefix, year) DO UPDATE SET last = last + 1"
	    " RETURNING last";
	struct pm_stmt *st;
	long long n = 0;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, prefix);
	pm_bind_int(st, 2, year);
	rc = pm_step(st);
	if (rc == PM_ROW)
		n = pm_col_int64(st, 0);
	pm_stmt_free(st);
	if (rc != PM_ROW)
		return pm_db_fail(db, err, _("numbering"));
	snprintf(buf, PM_SEQ_BUFSZ, "%.3s%04d-%06lld", prefix, year % 10000, n % 10000000);
	return 0;
}
