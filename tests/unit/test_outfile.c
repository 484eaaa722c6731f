/* test_outfile.c - a named output never replaces the database or the input */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/outfile.h"

static char dir[] = "/tmp/pm-outfile.XXXXXX";

static char *
at(const char *name)
{
	static char buf[4][256];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static void
touch(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	assert_true(fputs(text, fp) >= 0);
	assert_int_equal(fclose(fp), 0);
}

/* pm_outfile_check's verdict on path: 0, or the message */
static void
verdict(const char *path, const char *db, const char *input, const char *want)
{
	struct pm_outfile_guard g = {"--out", db, input};
	struct pm_err err = {0, NULL};
	int rc = pm_outfile_check(path, &g, &err);

	if (!want) {
		if (rc != 0)
			fail_msg("%s: refused: %s", path, pm_err_msg(&err));
		return;
	}
	if (rc != -1)
		fail_msg("%s: accepted, want '%s'", path, want);
	assert_int_equal(err.code, PM_EXIT_CANTCREAT);
	if (!strstr(pm_err_msg(&err), want))
		fail_msg("%s: '%s' lacks '%s'", path, pm_err_msg(&err), want);
	pm_err_clear(&err);
}

static void
test_check(void **state)
{
	char db[256];

	(void)state;
	snprintf(db, sizeof db, "%s", at("estate.db"));
	touch(db, "SQLite format 3");
	touch(at("roll.csv"), "unit\n");
	assert_int_equal(link(db, at("hard.db")), 0);
	assert_int_equal(symlink(db, at("soft.db")), 0);
	assert_int_equal(mkfifo(at("fifo"), 0600), 0);
	verdict(db, db, NULL, "is the database itself");
	verdict(at("hard.db"), db, NULL, "is the database itself");
	verdict(at("soft.db"), db, NULL, "is the database itself");
	verdict(at("../pm-outfile.x/../x"), db, NULL, NULL);
	verdict(at("estate.db-wal"), db, NULL, "the database's -wal file");
	verdict(at("estate.db-shm"), db, NULL, "the database's -shm file");
	verdict(at("estate.db-journal"), db, NULL, "the database's -journal file");
	verdict(at("estate.db-walrus"), db, NULL, NULL);
	verdict(at("estate.d"), db, NULL, NULL);
	verdict(at("roll.csv"), db, at("roll.csv"), "is the file being read");
	verdict(at("roll.csv"), db, "-", NULL);
	verdict(at("fifo"), db, NULL, "is not a regular file");
	verdict(dir, db, NULL, "is not a regular file");
	verdict(at("new.csv"), db, at("roll.csv"), NULL);
	verdict(at("new.csv"), NULL, NULL, NULL);
	verdict("/no/such/folder/x", db, NULL, NULL);
}

static void
test_write(void **state)
{
	struct pm_outfile_guard g = {"--out", NULL, NULL};
	struct pm_outfile o;
	struct pm_err err = {0, NULL};
	struct stat st;
	char text[16] = "";
	FILE *fp;

	(void)state;
	assert_int_equal(pm_outfile_open(&o, at("out.csv"), &g, 0, &err), 0);
	assert_true(fputs("a,b\n", o.fp) >= 0);
	assert_int_equal(access(at("out.csv"), F_OK), -1);
	assert_int_equal(pm_outfile_commit(&o, &g, &err), 0);
	assert_int_equal(stat(at("out.csv"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_non_null(fp = fopen(at("out.csv"), "r"));
	assert_non_null(fgets(text, sizeof text, fp));
	fclose(fp);
	assert_string_equal(text, "a,b\n");

	/* aborted: the old file stays, no temporary is left */
	assert_int_equal(pm_outfile_open(&o, at("out.csv"), &g, 1, &err), 0);
	assert_true(fputs("x\n", o.fp) >= 0);
	pm_outfile_abort(&o);
	assert_non_null(fp = fopen(at("out.csv"), "r"));
	assert_non_null(fgets(text, sizeof text, fp));
	fclose(fp);
	assert_string_equal(text, "a,b\n");

	assert_int_equal(pm_outfile_open(&o, "/no/such/folder/x", &g, 0, &err), -1);
	assert_int_equal(err.code, PM_EXIT_CANTCREAT);
	pm_err_clear(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_write),
	};
	char rm[64];
	int rc;

	if (!mkdtemp(dir))
		return 1;
	rc = cmocka_run_group_tests_name("outfile", tests, NULL, NULL);
	snprintf(rm, sizeof rm, "rm -rf '%s'", dir);
	if (system(rm) != 0)
		rc = rc ? rc : 1;
	return rc;
}
