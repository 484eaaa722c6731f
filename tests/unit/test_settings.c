/* test_settings.c - the settings table, its checks and its storage */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/settings.h"
#include "core/time.h"
#include "tmpdb.h"

static int
setup(void **state)
{
	static struct tmpdb t;

	tmpdb_open(&t);
	*state = &t;
	return 0;
}

static int
teardown(void **state)
{
	tmpdb_close(*state);
	return 0;
}

/* every default must pass its own check, or a fresh estate is invalid */
static void
test_defaults_valid(void **state)
{
	const struct pm_setting *s;
	int n = 0;

	(void)state;
	for (s = pm_settings; s->name; s++, n++) {
		const char *why = pm_setting_check(s, s->def);

		if (why)
			fail_msg("default of %s '%s': %s", s->name, s->def, why);
		assert_non_null(s->help);
		assert_ptr_equal(pm_setting_find(s->name), s);
	}
	assert_true(n >= 10);
	assert_null(pm_setting_find("no.such"));
	assert_null(pm_setting_find(""));
	assert_null(pm_setting_find("Timezone"));
}

static void
test_check(void **state)
{
	static const struct {
		const char *name, *value, *why;
	} t[] = {
		{"callback.other_days", "7", NULL},
		{"callback.other_days", "1", NULL},
		{"callback.other_days", "365", NULL},
		{"callback.other_days", "0", "out of range"},
		{"callback.other_days", "366", "out of range"},
		{"callback.other_days", "-1", "out of range"},
		{"callback.other_days", "abc", "not a whole number"},
		{"callback.other_days", "", "not a whole number"},
		{"callback.other_days", "7d", "not a whole number"},
		{"callback.other_days", "7 ", "not a whole number"},
		{"callback.other_days", "7.5", "not a whole number"},
		{"callback.other_days", "99999999999999999999", "not a whole number"},
		{"visit.monthly_target", "0", NULL},
		{"complaint.reply_hours", "8760", NULL},
		{"complaint.reply_hours", "8761", "out of range"},
		{"timezone", "Asia/Shanghai", NULL},
		{"timezone", "Europe/Paris", NULL},
		{"timezone", "UTC", NULL},
		{"timezone", "Asia/Beijing", "unknown time zone"},
		{"timezone", "Asia", "unknown time zone"},
		{"timezone", "", "unknown time zone"},
		{"fee.movein_billing", "whole", NULL},
		{"fee.movein_billing", "days", NULL},
		{"fee.movein_billing", "day", "not one of the choices"},
		{"fee.movein_billing", "", "not one of the choices"},
		{"fee.movein_billing", "whole,days", "not one of the choices"},
		{"fee.movein_billing", "Whole", "not one of the choices"},
		{"estate.name", "阳光花园", NULL},
		{"estate.name", "", NULL},
		{"movein.documents", "a,b,c", NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *why = pm_setting_check(pm_setting_find(t[i].name), t[i].value);

		if (t[i].why ? !why || strcmp(why, t[i].why) : why != NULL)
			fail_msg("%s '%s': %s", t[i].name, t[i].value, why ? why : "accepted");
	}
}

static void
test_get_set(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	char *v = NULL, *old = NULL;
	int64_t n = 0;
	int set = -1;

	/* defaults, with nothing stored */
	assert_int_equal(pm_setting_get(t->db, "callback.other_days", &v, &err), 0);
	assert_string_equal(v, "7");
	free(v);
	assert_int_equal(pm_setting_get(t->db, "timezone", &v, &err), 0);
	assert_string_equal(v, "Asia/Shanghai");
	free(v);
	assert_int_equal(pm_setting_get_int(t->db, "complaint.reply_hours", &n, &err), 0);
	assert_int_equal(n, 72);
	assert_int_equal(tmpdb_int(t, "SELECT count(*) FROM setting"), 0);

	/* a value is stored, read back, and the old one handed over */
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_setting_set(t->db, "callback.other_days", "10", &old, &err), 0);
	assert_string_equal(old, "7");
	free(old);
	assert_int_equal(pm_setting_set(t->db, "callback.other_days", "12", &old, &err), 0);
	assert_string_equal(old, "10");
	free(old);
	assert_int_equal(pm_db_commit(t->db, &err), 0);
	assert_int_equal(pm_setting_get_int(t->db, "callback.other_days", &n, &err), 0);
	assert_int_equal(n, 12);
	assert_int_equal(pm_setting_is_set(t->db, "callback.other_days", &set, &err), 0);
	assert_int_equal(set, 1);
	assert_int_equal(tmpdb_int(t, "SELECT count(*) FROM setting"), 1);

	/* setting the default removes the row */
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_setting_set(t->db, "callback.other_days", "7", NULL, &err), 0);
	assert_int_equal(pm_db_commit(t->db, &err), 0);
	assert_int_equal(pm_setting_is_set(t->db, "callback.other_days", &set, &err), 0);
	assert_int_equal(set, 0);
	assert_int_equal(tmpdb_int(t, "SELECT count(*) FROM setting"), 0);

	/* a whole number is stored as one: "+10", "010" and "10" are one value,
	 * and "007" is the default */
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_setting_set(t->db, "callback.other_days", "+010", NULL, &err), 0);
	assert_int_equal(pm_setting_get(t->db, "callback.other_days", &v, &err), 0);
	assert_string_equal(v, "10");
	free(v);
	assert_int_equal(pm_setting_set(t->db, "callback.other_days", "007", NULL, &err), 0);
	assert_int_equal(pm_db_commit(t->db, &err), 0);
	assert_int_equal(tmpdb_int(t, "SELECT count(*) FROM setting"), 0);
}

static void
test_refused(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	char *v = NULL, *old = (char *)"untouched";

	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_setting_set(t->db, "no.such", "1", &old, &err), -1);
	assert_int_equal(err.code, PM_EXIT_USAGE);
	assert_string_equal(pm_err_msg(&err), "unknown setting 'no.such' (see pm-admin settings list)");
	assert_null(old);
	pm_err_clear(&err);
	assert_int_equal(pm_setting_set(t->db, "callback.leak_days", "abc", NULL, &err), -1);
	assert_int_equal(err.code, PM_EXIT_DATA);
	assert_string_equal(pm_err_msg(&err), "setting 'callback.leak_days': 'abc': not a whole number");
	pm_err_clear(&err);
	assert_int_equal(pm_setting_set(t->db, "timezone", "Mars/Olympus", NULL, &err), -1);
	assert_int_equal(err.code, PM_EXIT_DATA);
	pm_err_clear(&err);
	pm_db_rollback(t->db);
	assert_int_equal(tmpdb_int(t, "SELECT count(*) FROM setting"), 0);

	/* an unknown name to get is a bug in the caller */
	assert_int_equal(pm_setting_get(t->db, "no.such", &v, &err), -1);
	assert_int_equal(err.code, PM_EXIT_SOFTWARE);
	assert_null(v);
	pm_err_clear(&err);
}

/* the stored zone is the zone the next open uses */
static void
test_timezone_applied(void **state)
{
	struct tmpdb *t = *state;
	struct pm_err err = {0, NULL};
	struct pm_date d = {2026, 11, 30};
	char *path = strdup(t->path);

	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_setting_set(t->db, "timezone", "UTC", NULL, &err), 0);
	assert_int_equal(pm_db_commit(t->db, &err), 0);
	pm_db_close(t->db);
	assert_int_equal(pm_db_open(path, 0, &t->db, &err), 0);
	assert_int_equal(pm_date_time(d), 1796000400 + 8 * 3600 - 9 * 3600);
	assert_int_equal(pm_db_begin(t->db, &err), 0);
	assert_int_equal(pm_setting_set(t->db, "timezone", "Asia/Shanghai", NULL, &err), 0);
	assert_int_equal(pm_db_commit(t->db, &err), 0);
	pm_db_close(t->db);
	assert_int_equal(pm_db_open(path, 0, &t->db, &err), 0);
	assert_int_equal(pm_date_time(d), 1796000400 - 9 * 3600);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_valid),
		cmocka_unit_test(test_check),
		cmocka_unit_test_setup_teardown(test_get_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_timezone_applied, setup, teardown),
	};

	return cmocka_run_group_tests_name("settings", tests, NULL, NULL);
}
