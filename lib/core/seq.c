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
	sqlite3_stmt *st;
	long long n = 0;
	int rc;

	if (pm_db_prepare(db, sql, &st, err) < 0)
		return -1;
	pm_bind_text(st, 1, prefix);
	pm_bind_int(st, 2, year);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return pm_db_fail(db, rc, err, _("numbering"));
	snprintf(buf, PM_SEQ_BUFSZ, "%.3s%04d-%06lld", prefix, year % 10000, n % 10000000);
	return 0;
}
