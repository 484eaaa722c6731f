/* test_keys.c - a column of keys from a CSV on a pipe */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <fcntl.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/keys.h"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/pm-keys.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Write text to a file in dir; its path in a static buffer. */
static const char *
file(const char *name, const char *text)
{
	static char path[128];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	return path;
}

/* Read keys from text and compare with want ("a|b|c", "" for none). */
static void
keys_are(const char *text, const char *const *names, const char *want)
{
	struct pm_strv sv = PM_STRV_INIT;
	struct pm_err err = {0, NULL};
	struct pm_buf got = PM_BUF_INIT;
	size_t i;

	if (pm_keys_read(file("in.csv", text), names, &sv, &err) != 0)
		fail_msg("'%s': %s", text, pm_err_msg(&err));
	for (i = 0; i < sv.n; i++)
		pm_buf_addf(&got, "%s%s", i ? "|" : "", sv.v[i]);
	if (strcmp(pm_buf_str(&got), want))
		fail_msg("'%s': got '%s', want '%s'", text, pm_buf_str(&got), want);
	pm_buf_free(&got);
	pm_strv_free(&sv);
}

static void
test_columns(void **state)
{
	(void)state;
	keys_are("unit,name\n3-2-1501,张三\n B2-138 ,李四\n", pm_keys_unit, "3-2-1501|B2-138");
	keys_are("name,unit,area\n张三,3-2-1501,89.37\n", pm_keys_unit, "3-2-1501");
	keys_are("UNIT\n1-1-101\n", pm_keys_unit, "1-1-101");
	keys_are(" Unit \n1-1-101\n", pm_keys_unit, "1-1-101");
	/* the first matching header wins */
	keys_are("code,unit\nA,B\n", pm_keys_unit, "A");
	/* Chinese headers, with Excel's BOM and CRLF */
	keys_are("\xEF\xBB\xBF房号,姓名\r\n3-2-1501,张三\r\n3-2-1502,李四\r\n", pm_keys_unit,
	    "3-2-1501|3-2-1502");
	keys_are("业主,房号\n张三,3栋2单元1501\n", pm_keys_unit, "3栋2单元1501");
	/* tab-separated */
	keys_are("name\tunit\n张三\t3-2-1501\n", pm_keys_unit, "3-2-1501");
	/* blank values and short rows are no keys */
	keys_are("name,unit\nx\n张三,\n李四,  \n王五,1-1-101\n", pm_keys_unit, "1-1-101");
	/* record numbers */
	keys_are("id,status\nT2026-000001,open\nT2026-000002,done\n", pm_keys_id,
	    "T2026-000001|T2026-000002");
	keys_are("编号\nT2026-000001\n", pm_keys_id, "T2026-000001");
	/* a header alone, or nothing at all: no keys */
	keys_are("unit\n", pm_keys_unit, "");
	keys_are("", pm_keys_unit, "");
}

/* one column whose first line is no header: every line is a key */
static void
test_plain_list(void **state)
{
	(void)state;
	keys_are("3-2-1501\n1-1-101\n\nB2-138\n", pm_keys_unit, "3-2-1501|1-1-101|B2-138");
	keys_are("3-2-1501", pm_keys_unit, "3-2-1501");
	keys_are("T2026-000001\r\nT2026-000002\r\n", pm_keys_id, "T2026-000001|T2026-000002");
}

static void
test_errors(void **state)
{
	struct pm_strv sv = PM_STRV_INIT;
	struct pm_err err = {0, NULL};
	const char *path;
	char want[256];

	(void)state;
	path = file("nocol.csv", "name,phone\n张三,13800138000\n");
	assert_int_equal(pm_keys_read(path, pm_keys_unit, &sv, &err), -1);
	assert_int_equal(err.code, PM_EXIT_DATA);
	snprintf(want, sizeof want, "%s: no 'unit' column", path);
	assert_string_equal(pm_err_msg(&err), want);
	assert_int_equal(sv.n, 0);
	pm_err_clear(&err);

	snprintf(want, sizeof want, "%s/missing.csv", dir);
	assert_int_equal(pm_keys_read(want, pm_keys_unit, &sv, &err), -1);
	assert_int_equal(err.code, PM_EXIT_NOINPUT);
	pm_err_clear(&err);

	assert_int_equal(pm_keys_read(dir, pm_keys_unit, &sv, &err), -1);
	assert_int_equal(err.code, PM_EXIT_NOINPUT);
	pm_err_clear(&err);

	/* a broken file is the reader's error, with its line */
	path = file("bad.csv", "unit\n1-1-101\n\"2-2-202\n");
	assert_int_equal(pm_keys_read(path, pm_keys_unit, &sv, &err), -1);
	assert_int_equal(err.code, PM_EXIT_DATA);
	assert_non_null(strstr(pm_err_msg(&err), ":3: quoted field never closed"));
	pm_err_clear(&err);
	pm_strv_free(&sv);
}

/* "-" is stdin; keys are appended to what out already holds */
static void
test_stdin_append(void **state)
{
	struct pm_strv sv = PM_STRV_INIT;
	struct pm_err err = {0, NULL};
	int fd, saved;

	(void)state;
	assert_int_equal(pm_strv_add(&sv, "first", 5), 0);
	fd = open(file("stdin.csv", "unit\n3-2-1501\n"), O_RDONLY);
	assert_true(fd >= 0);
	saved = dup(0);
	assert_int_equal(dup2(fd, 0), 0);
	close(fd);
	assert_int_equal(pm_keys_read("-", pm_keys_unit, &sv, &err), 0);
	assert_int_equal(dup2(saved, 0), 0);
	close(saved);
	assert_int_equal(sv.n, 2);
	assert_string_equal(sv.v[0], "first");
	assert_string_equal(sv.v[1], "3-2-1501");
	/* strv_add copies exactly n bytes */
	assert_int_equal(pm_strv_add(&sv, "abcdef", 3), 0);
	assert_string_equal(sv.v[2], "abc");
	pm_strv_free(&sv);
	assert_int_equal(sv.n, 0);
	assert_null(sv.v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_plain_list),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_stdin_append),
	};

	return cmocka_run_group_tests_name("keys", tests, setup, teardown);
}
