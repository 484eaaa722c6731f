/*
 * fuzz_import.c - a whole owner roll into a database
 *
 * Input: one option byte, then the roll.  The option byte picks
 * skip_bad, dry_run, the encoding option, and whether the roll is
 * imported a second time (the update-in-place path after the bulk path
 * of an empty estate).
 *
 * Each input gets a fresh in-memory database, deserialized from a
 * migrated template made once.  Properties:
 *   - pm_roll_import returns -1, 0 or 1, and -1 comes with a message and
 *     a sysexits code;
 *   - a refused import (1 without skip_bad), a dry run and a failed one
 *     leave the database exactly as it was: no unit, person, ownership
 *     or move-in row, no audit row;
 *   - afterwards the database passes integrity_check and
 *     foreign_key_check, and the counts reported add up to the rows
 *     written;
 *   - no problem reported names more than six digits in a row (no full
 *     phone or ID number in a message).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"
#include "core/db_sqlite.h"
#include "owner/roll.h"
#include "fuzz.h"

static unsigned char *template_db;
static sqlite3_int64 template_size;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pm_err err = {0};
	struct pm_db *db;

	(void)argc;
	(void)argv;
	setenv("PM_NOW", "2026-11-30T09:00:00", 1);
	if (pm_db_open(":memory:", 0, &db, &err) < 0) {
		fprintf(stderr, "fuzz_import: %s\n", pm_err_msg(&err));
		abort();
	}
	template_db = sqlite3_serialize(pm_sqlite_handle(db), "main", &template_size, 0);
	if (!template_db)
		abort();
	pm_db_close(db);
	return 0;
}

static long
count(struct pm_db *db, const char *sql)
{
	struct pm_err err = {0};
	struct pm_stmt *st;
	long n = -1;

	if (pm_db_prepare(db, sql, &st, &err) < 0)
		abort();
	if (pm_step(st) == PM_ROW)
		n = (long)pm_col_int64(st, 0);
	pm_stmt_free(st);
	return n;
}

static int
digit_run(const char *s)
{
	int best = 0, cur = 0;

	for (; s && *s; s++) {
		cur = isdigit((unsigned char)*s) ? cur + 1 : 0;
		if (cur > best)
			best = cur;
	}
	return best;
}

static int
on_problem(void *ctx, const struct pm_roll_problem *p)
{
	long *n = ctx;

	FUZZ_CHECK(p->file && p->reason && *p->reason);
	FUZZ_CHECK(p->line >= 1);
	FUZZ_CHECK(digit_run(p->reason) <= 6);
	(*n)++;
	return 0;
}

/* The rows that matter: units, people, ownerships, move-ins, audit. */
static long
rows(struct pm_db *db)
{
	return count(db, "SELECT (SELECT count(*) FROM unit) + (SELECT count(*) FROM person)"
	    " + (SELECT count(*) FROM ownership) + (SELECT count(*) FROM movein)"
	    " + (SELECT count(*) FROM audit)");
}

static void
import_once(struct pm_db *db, struct pm_roll_opts *o)
{
	struct pm_roll_stats st;
	struct pm_err err = {0};
	long problems = 0, before = rows(db), after;
	int rc = pm_roll_import(db, o, &st, on_problem, &problems, &err);

	FUZZ_CHECK(rc >= -1 && rc <= 1);
	FUZZ_CHECK(!pm_db_in_tx(db) && sqlite3_get_autocommit(pm_sqlite_handle(db)));
	after = rows(db);
	if (rc < 0) {
		FUZZ_CHECK(err.code >= 64 && err.code <= 78);
		FUZZ_CHECK(digit_run(pm_err_msg(&err)) <= 6 || strstr(pm_err_msg(&err), "/proc/"));
		FUZZ_CHECK(after == before);
	} else {
		FUZZ_CHECK((rc == 1) == (st.rejected > 0));
		FUZZ_CHECK(st.rejected <= st.rows);
		FUZZ_CHECK(rc == 0 || problems >= st.rejected);
		FUZZ_CHECK(st.units_added >= 0 && st.people_added >= 0);
		if (o->dry_run || (rc == 1 && !o->skip_bad))
			FUZZ_CHECK(after == before);
		else  /* committed: what it says it added is there */
			FUZZ_CHECK(count(db, "SELECT count(*) FROM unit") >= st.units_added);
	}
	FUZZ_CHECK(count(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'") == 0);
	FUZZ_CHECK(count(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
	pm_err_clear(&err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encs[] = {NULL, "utf-8", "gb18030", "utf-16"};
	struct pm_roll_opts o = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	unsigned char *copy;
	char path[64];
	int fd;

	if (size < 1)
		return 0;
	if ((fd = fuzz_file(data + 1, size - 1, path)) < 0)
		return 0;
	/* a fresh connection, given the migrated template's pages */
	if (pm_db_open(":memory:", PM_DB_NOMIGRATE, &db, &err) < 0)
		abort();
	copy = sqlite3_malloc64((sqlite3_uint64)template_size);
	if (!copy)
		abort();
	memcpy(copy, template_db, (size_t)template_size);
	if (sqlite3_deserialize(pm_sqlite_handle(db), "main", copy, template_size, template_size,
	    SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
		abort();

	o.path = path;
	o.skip_bad = data[0] & 1;
	o.dry_run = (data[0] >> 1) & 1;
	o.encoding = encs[(data[0] >> 2) & 3];
	import_once(db, &o);
	if (data[0] & 0x10)
		import_once(db, &o);
	pm_db_close(db);
	close(fd);
	return 0;
}
