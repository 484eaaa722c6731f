/* test_utf8.c - UTF-8 checks, display width, trimming and folding */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

#include "core/utf8.h"

#define N(a) (sizeof (a) / sizeof (a)[0])
#define S(lit) lit, sizeof lit - 1

static void
test_check(void **state)
{
	static const struct {
		const char *s;
		size_t n;
		int rc;
		size_t bad;
	} t[] = {
		{S(""), 0, 0},
		{S("plain ascii, 1234"), 0, 0},
		{S("中文 and ʤ"), 0, 0},
		{S("𠀀 and 😀"), 0, 0},
		{S("\xF4\x8F\xBF\xBF"), 0, 0},         /* U+10FFFF, the last */
		{S("\xEF\xBB\xBF"), 0, 0},             /* U+FEFF */
		{S("a\0b"), 0, 0},                     /* NUL is valid UTF-8 */
		{S("\xC0\x80"), -1, 0},                /* overlong NUL */
		{S("\xC1\xBF"), -1, 0},                /* overlong '?' */
		{S("ab\xE0\x80\xAF"), -1, 2},          /* overlong '/' in 3 bytes */
		{S("\xF0\x80\x80\xAF"), -1, 0},        /* overlong in 4 bytes */
		{S("x\xED\xA0\x80"), -1, 1},           /* surrogate U+D800 */
		{S("\xED\xBF\xBF"), -1, 0},            /* surrogate U+DFFF */
		{S("\xF4\x90\x80\x80"), -1, 0},        /* U+110000 */
		{S("\xF5\x80\x80\x80"), -1, 0},
		{S("\xFF"), -1, 0},
		{S("\xFE\xFF"), -1, 0},
		{S("abc\x80"), -1, 3},                 /* lone continuation */
		{S("\xE4\xB8" "x"), -1, 0},            /* interrupted */
		{S("\xE4\xB8\xAD\xE6" "a"), -1, 3},
		/* valid, but the end falls inside a character */
		{S("a\xE4\xB8"), 1, 1},
		{S("a\xE4"), 1, 1},
		{S("\xF0\x9F\x98"), 1, 0},
		{S("中\xC3"), 1, 3},
	};
	size_t i, bad;

	(void)state;
	for (i = 0; i < N(t); i++) {
		int rc;

		bad = 999;
		rc = pm_utf8_check(t[i].s, t[i].n, &bad);
		if (rc != t[i].rc || (rc != 0 && bad != t[i].bad))
			fail_msg("row %zu: rc %d bad %zu", i, rc, bad);
		assert_int_equal(pm_utf8_check(t[i].s, t[i].n, NULL), t[i].rc);
	}
}

static void
test_next_put(void **state)
{
	static const int32_t cps[] = {
		0, 'A', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xFFFD, 0xFFFF, 0x10000,
		0x1F600, 0x20000, 0x10FFFF,
	};
	struct pm_buf b = PM_BUF_INIT;
	const char *p, *end;
	size_t i;

	(void)state;
	for (i = 0; i < N(cps); i++) {
		pm_buf_reset(&b);
		assert_int_equal(pm_utf8_put(&b, cps[i]), 0);
		assert_int_equal(pm_utf8_check(b.s, b.len, NULL), 0);
		p = b.s;
		end = b.s + b.len;
		assert_int_equal(pm_utf8_next(&p, end), cps[i]);
		assert_ptr_equal(p, end);
	}
	pm_buf_reset(&b);
	pm_utf8_put(&b, 0x4E2D);
	assert_string_equal(b.s, "中");
	pm_buf_free(&b);

	/* a bad sequence is -1 and moves one byte on */
	p = "\xE4\xB8" "a";
	end = p + 3;
	assert_int_equal(pm_utf8_next(&p, end), -1);
	assert_int_equal(pm_utf8_next(&p, end), -1);
	assert_int_equal(pm_utf8_next(&p, end), 'a');
	assert_ptr_equal(p, end);
	p = "\xC0\x80";
	assert_int_equal(pm_utf8_next(&p, p + 2), -1);
	p = "\xED\xA0\x80";
	assert_int_equal(pm_utf8_next(&p, p + 3), -1);
	/* a sequence cut short by end */
	p = "\xE4\xB8\xAD";
	end = p + 2;
	assert_int_equal(pm_utf8_next(&p, end), -1);
}

static void
test_width(void **state)
{
	static const struct {
		int32_t c;
		int w;
	} cw[] = {
		{'a', 1}, {' ', 1}, {'~', 1}, {0x00E9, 1}, {0x0416, 1},   /* é, Ж */
		{0x4E2D, 2}, {0x3000, 2}, {0xFF01, 2}, {0xFF21, 2}, {0x3001, 2}, /* 中, U+3000, ！, Ａ, 、 */
		{0xAC00, 2}, {0x3042, 2}, {0x1F600, 2}, {0x20000, 2}, {0xFFE5, 2}, /* 가, あ, 😀, 𠀀, ￥ */
		{0x0301, 0}, {0x200B, 0}, {0xFEFF, 0}, {0x202E, 0}, {0xFE0F, 0},
		{0, 0}, {'\t', 0}, {0x1B, 0}, {0x7F, 0}, {0x85, 0},
		{0x00A5, 1}, {0xFF61, 1},                                  /* ¥, half-width ｡ */
		/* what the old hand-made tables got wrong (issue 19 item 12):
		 * combining marks outside the common blocks, and emoji */
		{0x0941, 0}, {0x094D, 0}, {0x0670, 0}, {0x05BF, 0},       /* Devanagari u, virama; Arabic, Hebrew marks */
		{0x1F321, 1}, {0x1F6C6, 1}, {0x1F7F0, 2},                 /* 🌡 (text), 🛆, 🟰 */
		{0x1F9D1, 2}, {0x2705, 2}, {0x00B7, 1}, {0x2014, 1},      /* 🧑, ✅; ·, — ambiguous: narrow */
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(cw); i++)
		if (pm_char_width(cw[i].c) != cw[i].w)
			fail_msg("U+%04X: width %d, want %d", (unsigned)cw[i].c,
			    pm_char_width(cw[i].c), cw[i].w);
	assert_int_equal(pm_utf8_width(S("abc")), 3);
	assert_int_equal(pm_utf8_width(S("中文")), 4);
	assert_int_equal(pm_utf8_width(S("中a文b")), 6);
	assert_int_equal(pm_utf8_width(S("e\xCC\x81")), 1);       /* e + combining acute */
	assert_int_equal(pm_utf8_width(S("３-２-１５０１")), 14);
	assert_int_equal(pm_utf8_width(S("\xFF\xFE" "a")), 3);   /* bad bytes count one each */
	assert_int_equal(pm_utf8_width(S("")), 0);
	assert_int_equal(pm_utf8_width(S("😀a")), 3);
	assert_int_equal(pm_utf8_width(S("a\x01" "b")), 2);      /* a control takes no column */
}

/* The same answers as glibc's wcwidth() in a UTF-8 locale, where both
 * know the characters: every code point of blocks unchanged for years
 * (the two follow different Unicode releases at the edges, so no exact
 * match over everything), and over all of Unicode fewer than 200
 * differences (the old tables had over 2,000). */
static void
test_width_glibc(void **state)
{
	static const struct range_ {
		int32_t lo, hi;
	} same[] = {
		{0x20, 0x7E}, {0xA0, 0xAC}, {0xAE, 0x52F}, {0x900, 0x97F},
		{0x1100, 0x11FF}, {0x2000, 0x206F}, {0x2E80, 0x2FDF}, {0x3000, 0x3247},
		{0x3250, 0x4DBF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xFE00, 0xFE0F},
		{0xFF00, 0xFFEF}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2A6DF},
	};
	size_t i;
	long diff = 0;
	int32_t c;

	(void)state;
	if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "zh_CN.UTF-8"))
		skip();
	for (i = 0; i < N(same); i++)
		for (c = same[i].lo; c <= same[i].hi; c++) {
			int g = wcwidth((wchar_t)c);

			/* unassigned, for glibc's Unicode */
			if (g < 0)
				continue;
			if (pm_char_width(c) != g)
				fail_msg("U+%04X: width %d, wcwidth %d", (unsigned)c, pm_char_width(c), g);
		}
	for (c = 0; c <= 0x10FFFF; c++) {
		int g = wcwidth((wchar_t)c);

		/* unassigned (or a control) for glibc: nothing to compare */
		if ((c >= 0xD800 && c < 0xE000) || g < 0)
			continue;
		diff += pm_char_width(c) != g;
	}
	setlocale(LC_CTYPE, "C");
	if (diff >= 200)
		fail_msg("%ld code points differ from wcwidth()", diff);
}

static void
check_trim(const char *in, size_t n, const char *want)
{
	const char *s = in;
	size_t len = n;

	pm_text_trim(&s, &len);
	if (len != strlen(want) || memcmp(s, want, len))
		fail_msg("trim of '%s': '%.*s'", in, (int)len, s);
}

static void
test_trim(void **state)
{
	(void)state;
	check_trim(S(" a "), "a");
	check_trim(S("\t\tab\t"), "ab");
	check_trim(S("a b"), "a b");
	check_trim(S("\xC2\xA0" "张三" "\xC2\xA0"), "张三");               /* NBSP */
	check_trim(S("\xE3\x80\x80" "张三" "\xE3\x80\x80\xE3\x80\x80"), "张三"); /* U+3000 */
	check_trim(S("\xEF\xBB\xBF" "unit"), "unit");                      /* U+FEFF */
	check_trim(S("x\xE2\x80\x8B"), "x");                               /* U+200B */
	check_trim(S("\xE2\x80\x82" "x" "\xE2\x80\xAF"), "x");             /* U+2002, U+202F */
	check_trim(S("\xE2\x81\x9F" "x"), "x");                            /* U+205F */
	check_trim(S("张\xE3\x80\x80三"), "张\xE3\x80\x80三");             /* inside stays */
	check_trim(S(" \t\xE3\x80\x80\xC2\xA0 "), "");
	check_trim(S(""), "");
	check_trim(S("\n a \n"), "\n a \n");        /* line breaks are not trimmed */
	check_trim(S("a\xE4\xB8"), "a\xE4\xB8");    /* a broken tail is kept, not eaten */
	check_trim(S("\xE3\x80" "a"), "\xE3\x80" "a");
	check_trim(S("中 "), "中");
}

static void
test_fold_clean(void **state)
{
	struct pm_buf b = PM_BUF_INIT;

	(void)state;
	assert_int_equal(pm_text_fold(&b, S("１２３ＡＢＣａｂｃ")), 0);
	assert_string_equal(b.s, "123ABCabc");
	pm_buf_reset(&b);
	assert_int_equal(pm_text_fold(&b, S("１，２３４．５０－＋＠＝～！")), 0);
	assert_string_equal(b.s, "1,234.50-+@=~!");
	pm_buf_reset(&b);
	assert_int_equal(pm_text_fold(&b, S("张\xE3\x80\x80三")), 0);
	assert_string_equal(b.s, "张 三");
	pm_buf_reset(&b);
	/* only U+FF01..U+FF5E: ｟ (U+FF5F), ￥ (U+FFE5) and half-width kana stay */
	assert_int_equal(pm_text_fold(&b, S("\xEF\xBD\x9F\xEF\xBF\xA5\xEF\xBD\xB1")), 0);
	assert_string_equal(b.s, "\xEF\xBD\x9F\xEF\xBF\xA5\xEF\xBD\xB1");
	pm_buf_reset(&b);
	/* bad bytes pass through */
	assert_int_equal(pm_text_fold(&b, S("a\xFF" "b")), 0);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.s, "a\xFF" "b", 3);

	/* clean = trim, fold, trim again */
	assert_int_equal(pm_text_clean(&b, S("\xE3\x80\x80 １３８ ００１３\xE3\x80\x80")), 0);
	assert_string_equal(b.s, "138 0013");
	assert_int_equal(b.len, 8);
	assert_int_equal(pm_text_clean(&b, S("")), 0);
	assert_string_equal(pm_buf_str(&b), "");
	assert_int_equal(b.len, 0);
	pm_buf_free(&b);
	/* all blank, into a buffer never used: nothing, and no crash */
	assert_int_equal(pm_text_clean(&b, S(" \xE3\x80\x80\t")), 0);
	assert_string_equal(pm_buf_str(&b), "");
	assert_int_equal(b.len, 0);
	pm_buf_free(&b);
}

static void
test_has_control(void **state)
{
	(void)state;
	assert_false(pm_text_has_control(S("张三 O'Brien"), 0));
	assert_false(pm_text_has_control(S("a\tb"), 0));
	assert_true(pm_text_has_control(S("a\nb"), 0));
	assert_false(pm_text_has_control(S("a\nb\r\nc"), 1));
	assert_true(pm_text_has_control(S("a\rb"), 0));
	assert_true(pm_text_has_control(S("a\0b"), 1));
	assert_true(pm_text_has_control(S("a\x1b[31m"), 1));
	assert_true(pm_text_has_control(S("a\x7F"), 1));
	assert_true(pm_text_has_control(S("a\xC2\x9B"), 1));           /* C1 CSI */
	assert_true(pm_text_has_control(S("\xE2\x80\xAA"), 1));        /* U+202A */
	assert_true(pm_text_has_control(S("\xE2\x80\xAE"), 1));        /* U+202E */
	assert_true(pm_text_has_control(S("\xE2\x81\xA9"), 1));        /* U+2069 */
	assert_false(pm_text_has_control(S("\xE2\x80\xAF"), 1));       /* U+202F is a space */
	assert_false(pm_text_has_control(S("\xE2\x81\xAA"), 1));       /* U+206A is not an override */
	assert_true(pm_text_has_control(S("a\xFF"), 1));               /* not UTF-8 */
	assert_false(pm_text_has_control(S(""), 0));
}

static void
test_buf(void **state)
{
	struct pm_buf b = PM_BUF_INIT;
	char *s;
	int i;

	(void)state;
	assert_string_equal(pm_buf_str(&b), "");
	for (i = 0; i < 1000; i++)
		assert_int_equal(pm_buf_addf(&b, "%d,", i), 0);
	assert_int_equal(b.len, 3890);
	assert_true(b.cap > b.len);
	assert_int_equal(b.s[b.len], '\0');
	assert_int_equal(pm_buf_add(&b, "x\0y", 3), 0);
	assert_int_equal(b.len, 3893);
	pm_buf_reset(&b);
	assert_string_equal(pm_buf_str(&b), "");
	assert_int_equal(pm_buf_addc(&b, 'z'), 0);
	s = pm_buf_detach(&b);
	assert_string_equal(s, "z");
	assert_null(b.s);
	free(s);
	s = pm_buf_detach(&b);   /* nothing added: "" */
	assert_string_equal(s, "");
	free(s);
	assert_int_equal(pm_buf_grow(&b, SIZE_MAX), -1);
	pm_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_next_put),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_glibc),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_fold_clean),
		cmocka_unit_test(test_has_control),
		cmocka_unit_test(test_buf),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
