/* test_validate.c - unit codes, phones, ID numbers, names and masks */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/validate.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

/* want: the normalized value, or NULL when refused with reason why */
struct vcase {
	const char *in, *want, *why;
};

typedef const char *(*normalizer)(const char *, size_t, struct pm_buf *);

static void
run_table(const char *what, normalizer fn, const struct vcase *t, size_t n)
{
	struct pm_buf out = PM_BUF_INIT;
	size_t i, bad = 0;

	for (i = 0; i < n; i++) {
		const char *why;

		/* a stale value must not survive into a refusal */
		pm_buf_adds(&out, "stale");
		why = fn(t[i].in, strlen(t[i].in), &out);
		if (t[i].want && (why || strcmp(pm_buf_str(&out), t[i].want))) {
			print_error("%s '%s': got '%s' (%s), want '%s'\n", what, t[i].in,
			    pm_buf_str(&out), why ? why : "accepted", t[i].want);
			bad++;
		} else if (!t[i].want && (!why || strcmp(why, t[i].why) || out.len)) {
			print_error("%s '%s': got '%s' (%s), want refusal '%s'\n", what, t[i].in,
			    pm_buf_str(&out), why ? why : "accepted", t[i].why);
			bad++;
		}
	}
	pm_buf_free(&out);
	assert_int_equal(bad, 0);
}

#define NOT_UNIT "not a unit code (write 3-2-1501)"
#define NO_BUILDING "no building in the unit code (write 3-2-1501 or 3-1501)"

static void
test_unit_normalize(void **state)
{
	static const struct vcase t[] = {
		{"3-2-1501", "3-2-1501", NULL},
		{"3栋2单元1501", "3-2-1501", NULL},
		{"3幢2单元1501室", "3-2-1501", NULL},
		{"3号楼2单元1501", "3-2-1501", NULL},
		{"3号楼2单元1501号", "3-2-1501", NULL},
		{"3棟2單元1501號", "3-2-1501", NULL},
		{"3#2-1501", "3-2-1501", NULL},
		{"3#2单元1501房", "3-2-1501", NULL},
		{"３-２-１５０１", "3-2-1501", NULL},
		{"３－２－１５０１", "3-2-1501", NULL},
		{"３栋２单元１５０１室", "3-2-1501", NULL},
		{" 3-2-1501 ", "3-2-1501", NULL},
		{"\xE3\x80\x80" "3-2-1501" "\xC2\xA0", "3-2-1501", NULL},
		{"3 - 2 - 1501", "3-2-1501", NULL},
		{"3 2 1501", "3-2-1501", NULL},
		{"3--2--1501", "3-2-1501", NULL},
		{"3—2—1501", "3-2-1501", NULL},
		{"3/2/1501", "3-2-1501", NULL},
		{"3_2_1501", "3-2-1501", NULL},
		/* a leading separator is a building left out, not noise:
		 * "-2-1501" must not become building 2 (issue 14) */
		{"-3-2-1501-", NULL, NO_BUILDING},
		{"-2-1501", NULL, NO_BUILDING},
		{"栋2单元1501", NULL, NO_BUILDING},
		{"03-02-1501", "3-2-1501", NULL},
		{"003栋02单元1501", "3-2-1501", NULL},
		{"b2-138", "B2-138", NULL},
		{"A座1502", "A-1502", NULL},
		{"a座1502室", "A-1502", NULL},
		{"1-0-101", "1-0-101", NULL},
		{"0-1", "0-1", NULL},
		{"101", "101", NULL},
		{"1-2-3-101", "1-2-3-101", NULL},
		{"12345678901234567890123456789012", "12345678901234567890123456789012", NULL},

		{"", NULL, "unit missing"},
		{"   ", NULL, "unit missing"},
		{"-", NULL, NOT_UNIT},
		{"室", NULL, NOT_UNIT},
		{"栋", NULL, NOT_UNIT},
		{"3栋!1501", NULL, NOT_UNIT},
		{"3.2.1501", NULL, NOT_UNIT},
		{"3栋2单元1501室外", NULL, NOT_UNIT},
		{"三栋二单元", NULL, NOT_UNIT},
		{"3-2-1501;DROP", NULL, NOT_UNIT},
		{"3-2-é", NULL, NOT_UNIT},
		{"1-2-3-4-5", NULL, "unit code too long"},
		{"123456789012345678901234567890123", NULL, "unit code too long"},
	};

	(void)state;
	run_table("unit", pm_unit_normalize, t, N(t));
}

static void
check_split(const char *code, const char *b, const char *e, const char *r, int floor)
{
	struct pm_buf bb = PM_BUF_INIT, eb = PM_BUF_INIT, rb = PM_BUF_INIT;
	int f = -1;

	pm_buf_adds(&bb, "stale");
	pm_unit_split(code, &bb, &eb, &rb, &f);
	if (strcmp(pm_buf_str(&bb), b) || strcmp(pm_buf_str(&eb), e) ||
	    strcmp(pm_buf_str(&rb), r) || f != floor)
		fail_msg("'%s': building '%s' entrance '%s' room '%s' floor %d", code,
		    pm_buf_str(&bb), pm_buf_str(&eb), pm_buf_str(&rb), f);
	pm_buf_free(&bb);
	pm_buf_free(&eb);
	pm_buf_free(&rb);
}

static void
test_unit_split(void **state)
{
	(void)state;
	check_split("3-2-1501", "3", "2", "1501", 15);
	check_split("3-2-101", "3", "2", "101", 1);
	check_split("12-1-2304", "12", "1", "2304", 23);
	check_split("A-1502", "A", "", "1502", 15);
	check_split("B2-138", "B2", "", "138", 1);
	check_split("101", "", "", "101", 1);
	check_split("1-2-3-B101", "1", "2-3", "B101", 0);
	check_split("3-2-01", "3", "2", "01", 0);
	check_split("3-2-B1", "3", "2", "B1", 0);
	check_split("", "", "", "", 0);
	/* a room number too long to be floor and door: floor unknown */
	check_split("1-2-99999999999999999999", "1", "2", "99999999999999999999", 0);
	check_split("1-2-1234567", "1", "2", "1234567", 0);
	check_split("1-2-123456", "1", "2", "123456", 1234);
}

/* The code of a new unit: the one rule of roll import and unit add. */
static void
check_parse(const char *typed, const char *code, const char *b, const char *e, const char *why)
{
	struct pm_buf cb = PM_BUF_INIT, bb = PM_BUF_INIT, eb = PM_BUF_INIT, rb = PM_BUF_INIT;
	const char *got;
	int f;

	got = pm_unit_parse(typed, strlen(typed), &cb, &bb, &eb, &rb, &f);
	if (why ? !got || strcmp(got, why) : got != NULL)
		fail_msg("'%s': reason '%s', want '%s'", typed, got ? got : "(none)", why ? why : "(none)");
	if (!why && (strcmp(pm_buf_str(&cb), code) || strcmp(pm_buf_str(&bb), b) ||
	    strcmp(pm_buf_str(&eb), e)))
		fail_msg("'%s': code '%s' building '%s' entrance '%s'", typed, pm_buf_str(&cb),
		    pm_buf_str(&bb), pm_buf_str(&eb));
	if (why && cb.len)
		fail_msg("'%s': code '%s' kept on refusal", typed, cb.s);
	pm_buf_free(&cb);
	pm_buf_free(&bb);
	pm_buf_free(&eb);
	pm_buf_free(&rb);
}

static void
test_unit_parse(void **state)
{
	(void)state;
	check_parse("3栋2单元1501", "3-2-1501", "3", "2", NULL);
	check_parse("1-101", "1-101", "1", "", NULL);
	check_parse("S-01", "S-1", "S", "", NULL);
	check_parse("101", NULL, NULL, NULL, NO_BUILDING);
	check_parse("A101", NULL, NULL, NULL, NO_BUILDING);
	check_parse("-2-1501", NULL, NULL, NULL, NO_BUILDING);
	check_parse("", NULL, NULL, NULL, "unit missing");
}

static void
test_phone(void **state)
{
	static const struct {
		const char *in, *want, *why;
		int landline;
	} t[] = {
		{"13800138000", "13800138000", NULL, 0},
		{"+86 138-0013-8000", "13800138000", NULL, 0},
		{"+8613800138000", "13800138000", NULL, 0},
		{"0086 13800138000", "13800138000", NULL, 0},
		{"0086-138-0013-8000", "13800138000", NULL, 0},
		{"86 13800138000", "13800138000", NULL, 0},
		{"8613800138000", "13800138000", NULL, 0},
		{"138 0013 8000", "13800138000", NULL, 0},
		{"138.0013.8000", "13800138000", NULL, 0},
		{"１３８００１３８０００", "13800138000", NULL, 0},
		{"＋８６ １３８－００１３－８０００", "13800138000", NULL, 0},
		{" 13800138000\t", "13800138000", NULL, 0},
		{"19912345678", "19912345678", NULL, 0},
		{"010-12345678", "010-12345678", NULL, 1},
		{"01012345678", "010-12345678", NULL, 1},
		{"(0571) 8888 6666", "0571-88886666", NULL, 1},
		{"0571-88886666", "0571-88886666", NULL, 1},
		{"0571-8888666", "0571-8888666", NULL, 1},
		{"021 6123 4567", "021-61234567", NULL, 1},
		{"(020)87654321", "020-87654321", NULL, 1},

		{"1380013800", NULL, "phone has 10 digits", 0},
		{"138001380001", NULL, "phone has 12 digits", 0},
		{"+86 1380013800", NULL, "phone has 10 digits", 0},
		{"12345", NULL, "phone has 5 digits", 0},
		{"12345678901", NULL, "not a mobile number", 0},
		{"10086000000", NULL, "not a mobile number", 0},
		{"+1 650 253 0000", NULL, "not a mainland phone number", 0},
		{"+44 20 7946 0958", NULL, "not a mainland phone number", 0},
		{"", NULL, "phone missing", 0},
		{"   ", NULL, "phone missing", 0},
		{"abc", NULL, "not a phone number", 0},
		{"-", NULL, "not a phone number", 0},
		{"138-0013-800a", NULL, "not a phone number", 0},
		{"+86 +86 13800138000", NULL, "not a phone number", 0},
		{"138+00138000", NULL, "not a phone number", 0},
		{"400-820-8820", NULL, "not a phone number", 0},
		{"010-123456", NULL, "not a phone number", 0},
		{"0571-888866667", NULL, "not a phone number", 0},
		{"0571-888866", NULL, "not a landline number", 0},
	};
	struct pm_buf out = PM_BUF_INIT;
	size_t i, bad = 0;

	(void)state;
	for (i = 0; i < N(t); i++) {
		int land = -1;
		const char *why;

		pm_buf_adds(&out, "stale");
		why = pm_phone_normalize(t[i].in, strlen(t[i].in), &out, &land);
		if (t[i].want ? (why || strcmp(pm_buf_str(&out), t[i].want) || land != t[i].landline)
			      : (!why || strcmp(why, t[i].why) || out.len || land != 0)) {
			print_error("phone '%s': got '%s' (%s) landline %d\n", t[i].in,
			    pm_buf_str(&out), why ? why : "accepted", land);
			bad++;
		}
		/* a reason never quotes the number */
		if (why && strpbrk(why, "0123456789") && !strstr(why, "digits")) {
			print_error("phone '%s': reason '%s' holds digits\n", t[i].in, why);
			bad++;
		}
	}
	pm_buf_free(&out);
	assert_int_equal(bad, 0);
}

#define EXCEL_SCI "ID number in Excel's scientific notation: format the column as text and export again"
#define ENDS_000 "ID number check digit wrong; it ends in 000, as when Excel rounds a long number: format the column as text"

static void
test_idno(void **state)
{
	static const struct vcase t[] = {
		{"11010519491231002X", "11010519491231002X", NULL},
		{"11010519491231002x", "11010519491231002X", NULL},
		{"420106199007265574", "420106199007265574", NULL},
		{"440300199901010003", "440300199901010003", NULL},
		{"310115200002291235", "310115200002291235", NULL},   /* 29 February 2000 */
		{" 11010519491231002X ", "11010519491231002X", NULL},
		{"１１０１０５１９４９１２３１００２ｘ", "11010519491231002X", NULL},
		/* a 15-digit ID of before 1999 gets its century and check digit */
		{"110105491231002", "11010519491231002X", NULL},
		{"440300990101000", "440300199901010003", NULL},

		{"110105194912310021", NULL, "ID number check digit wrong"},
		{"11010519491231002Y", NULL, "not an ID number"},
		{"110105194912310000", NULL, ENDS_000},
		{"1.10105E+17", NULL, EXCEL_SCI},
		{"1.10105e+17", NULL, EXCEL_SCI},
		{"4.20106E+17", NULL, EXCEL_SCI},
		{"110105202402300011", NULL, "ID number has no valid birth date"},
		{"110105202313010011", NULL, "ID number has no valid birth date"},
		{"110105189912310015", NULL, "ID number has no valid birth date"},
		{"110105990230001", NULL, "ID number has no valid birth date"},
		{"1101051949123100", NULL, "ID number has 16 characters, not 18"},
		{"1101051949123100211", NULL, "ID number has 19 characters, not 18"},
		{"11010519491231002", NULL, "ID number has 17 characters, not 18"},
		{"1101051949123100X", NULL, "ID number has 17 characters, not 18"},
		{"abc", NULL, "not an ID number"},
		{"11010519491231002X;", NULL, "not an ID number"},
		{"", NULL, "ID number missing"},
		{"  ", NULL, "ID number missing"},
	};

	(void)state;
	run_table("idno", pm_idno_normalize, t, N(t));
	assert_int_equal(pm_idno_check_char("11010519491231002"), 'X');
	assert_int_equal(pm_idno_check_char("42010619900726557"), '4');
	assert_int_equal(pm_idno_check_char("11010519491231000"), '3');
}

static void
test_name(void **state)
{
	static const struct vcase t[] = {
		{"张三", "张三", NULL},
		{"  张三\xE3\x80\x80", "张三", NULL},
		{"O'Brien", "O'Brien", NULL},
		{"'); DROP TABLE owner;--", "'); DROP TABLE owner;--", NULL},
		{"张三\"", "张三\"", NULL},
		{"𠀀", "𠀀", NULL},
		{"李😀", "李😀", NULL},
		{"阿卜杜拉·买买提", "阿卜杜拉·买买提", NULL},
		/* 50 characters is the limit: 150 bytes of Chinese */
		{"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
		 "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十", NULL},
		{"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
		 NULL, "name too long"},
		{"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijk", NULL, "name too long"},
		{"", NULL, "name missing"},
		{" \t ", NULL, "name missing"},
		{"张\x01三", NULL, "name holds a control character"},
		{"张\n三", NULL, "name holds a control character"},
		{"张\r三", NULL, "name holds a control character"},
		{"张\x7F三", NULL, "name holds a control character"},
		{"张\xC2\x85三", NULL, "name holds a control character"},      /* U+0085 */
		{"abc\xE2\x80\xAE" "def", NULL, "name holds a control character"}, /* U+202E */
		{"abc\xE2\x81\xA6" "def", NULL, "name holds a control character"}, /* U+2066 */
		{"张\xFF三", NULL, "name is not valid UTF-8 (was the file saved in another encoding?)"},           /* not UTF-8 */
	};

	(void)state;
	run_table("name", pm_name_normalize, t, N(t));
}

static void
test_text(void **state)
{
	static const struct vcase t[] = {
		{"", "", NULL},
		{"  有漏水  ", "有漏水", NULL},
		{"第一行\n第二行\r\n第三行", "第一行\n第二行\r\n第三行", NULL},
		{"=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")", NULL},
		{"a\x01" "b", NULL, "text holds a control character"},
		{"a\xE2\x80\xAE" "b", NULL, "text holds a control character"},
		{"a\xC3", NULL, "text is not valid UTF-8 (was the file saved in another encoding?)"},
	};
	struct pm_buf in = PM_BUF_INIT, out = PM_BUF_INIT;
	int i;

	(void)state;
	run_table("text", pm_text_normalize, t, N(t));
	for (i = 0; i < PM_TEXT_MAX; i++)
		pm_buf_adds(&in, "字");
	assert_null(pm_text_normalize(in.s, in.len, &out));
	assert_int_equal(out.len, in.len);
	pm_buf_adds(&in, "x");
	assert_string_equal(pm_text_normalize(in.s, in.len, &out), "text too long");
	pm_buf_free(&in);
	pm_buf_free(&out);
}

static void
test_mask(void **state)
{
	static const struct {
		const char *in, *id, *phone;
	} t[] = {
		{"11010519491231002X", "110105********002X", "110***********002X"},
		{"13812345678", "138123*5678", "138****5678"},
		{"0571-88886666", "0571-8***6666", "0571-****6666"},
		{"010-12345678", "010-12**5678", "010-****5678"},
		{"12345", "***45", "***45"},
		{"12", "**", "**"},
		{"", "", ""},
	};
	struct pm_buf out = PM_BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < N(t); i++) {
		pm_buf_adds(&out, "stale");
		assert_int_equal(pm_mask_idno(t[i].in, &out), 0);
		if (strcmp(pm_buf_str(&out), t[i].id))
			fail_msg("idno mask of '%s': '%s'", t[i].in, pm_buf_str(&out));
		assert_int_equal(pm_mask_phone(t[i].in, &out), 0);
		if (strcmp(pm_buf_str(&out), t[i].phone))
			fail_msg("phone mask of '%s': '%s'", t[i].in, pm_buf_str(&out));
	}
	pm_buf_free(&out);
}

/* the one reason that is the machine's, not the cell's */
static void
test_why_is_oom(void **state)
{
	struct pm_buf b = PM_BUF_INIT;

	(void)state;
	assert_true(pm_why_is_oom("out of memory"));
	assert_false(pm_why_is_oom(NULL));
	assert_false(pm_why_is_oom(pm_phone_normalize("12", 2, &b, &(int){0})));
	assert_false(pm_why_is_oom(pm_unit_normalize("", 0, &b)));
	pm_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unit_normalize),
		cmocka_unit_test(test_unit_split),
		cmocka_unit_test(test_unit_parse),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_idno),
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_why_is_oom),
	};

	return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
