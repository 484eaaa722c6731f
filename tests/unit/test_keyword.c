/* test_keyword.c - keywords in English and Chinese */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "admin/staff.h"
#include "core/keyword.h"

static const struct pm_keyword kinds[] = {
	{"repair", "报修", "维修|fix"},
	{"complaint", "投诉", NULL},
	{"inquiry", NULL, "question"},
	{NULL, NULL, NULL},
};

static void
test_find(void **state)
{
	static const struct {
		const char *in, *key;
	} t[] = {
		{"repair", "repair"},
		{"REPAIR", "repair"},
		{"Repair", "repair"},
		{" repair\t", "repair"},
		{"报修", "repair"},
		{"\xE3\x80\x80报修\xE3\x80\x80", "repair"},
		{"维修", "repair"},
		{"fix", "repair"},
		{"FIX", "repair"},
		{"complaint", "complaint"},
		{"投诉", "complaint"},
		{"question", "inquiry"},
		{"inquiry", "inquiry"},
		{"rep", NULL},
		{"repairs", NULL},
		{"维", NULL},
		{"维修|fix", NULL},
		{"", NULL},
		{"fi", NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *k = pm_keyword_key(kinds, t[i].in);

		if (t[i].key ? !k || strcmp(k, t[i].key) : k != NULL)
			fail_msg("'%s': got %s", t[i].in, k ? k : "NULL");
	}
	assert_null(pm_keyword_find(kinds, NULL));
	assert_ptr_equal(pm_keyword_find(kinds, "投诉"), &kinds[1]);
}

static void
test_label_list(void **state)
{
	(void)state;
	/* messages are not Chinese here: the label is the key */
	assert_string_equal(pm_keyword_label(kinds, "repair"), "repair");
	assert_string_equal(pm_keyword_label(kinds, "unknown"), "unknown");
	assert_string_equal(pm_keyword_list(kinds), "repair, complaint, inquiry");
	/* a second list replaces the first */
	assert_string_equal(pm_keyword_list(kinds + 1), "complaint, inquiry");
}

/* the staff tables: every Chinese name and alias leads to its key */
static void
test_staff_tables(void **state)
{
	static const struct {
		const char *in, *key;
	} roles[] = {
		{"clerk", "clerk"}, {"客服助理", "clerk"}, {"前台", "clerk"}, {"客服", "clerk"},
		{"butler", "butler"}, {"管家", "butler"}, {"客服管家", "butler"},
		{"主管", "supervisor"}, {"经理", "manager"}, {"客服经理", "manager"},
		{"维修", "repair"}, {"维修工", "repair"}, {"保安", "security"}, {"安保", "security"},
		{"保洁", "cleaning"}, {"出纳", "finance"}, {"财务", "finance"}, {"工程主管", "engineer"},
	}, depts[] = {
		{"service", "service"}, {"客服部", "service"}, {"客服中心", "service"},
		{"工程部", "engineering"}, {"维修部", "engineering"}, {"安保部", "security"},
		{"环境部", "cleaning"}, {"保洁部", "cleaning"}, {"财务部", "finance"},
		{"管理处", "management"}, {"物业服务中心", "management"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		const char *k = pm_keyword_key(pm_staff_roles, roles[i].in);

		if (!k || strcmp(k, roles[i].key))
			fail_msg("role '%s': got %s", roles[i].in, k ? k : "NULL");
	}
	for (i = 0; i < sizeof depts / sizeof depts[0]; i++) {
		const char *k = pm_keyword_key(pm_staff_depts, depts[i].in);

		if (!k || strcmp(k, depts[i].key))
			fail_msg("dept '%s': got %s", depts[i].in, k ? k : "NULL");
	}
	assert_null(pm_keyword_key(pm_staff_roles, "boss"));
	assert_null(pm_keyword_key(pm_staff_depts, "sales"));
	assert_string_equal(pm_keyword_list(pm_staff_roles),
	    "clerk, butler, supervisor, manager, engineer, repair, security, cleaning, finance");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_label_list),
		cmocka_unit_test(test_staff_tables),
	};

	return cmocka_run_group_tests_name("keyword", tests, NULL, NULL);
}
