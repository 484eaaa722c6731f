/* test_money.c - parsing, formatting and the rounding rule of lib/core/money */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/err.h"
#include "core/money.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

struct parse_case {
	const char *in;
	enum pm_num rc;
	int64_t want; /* when rc is PM_NUM_OK */
};

static const char *
num_name(enum pm_num rc)
{
	static const char *const names[] = {"OK", "EMPTY", "SYNTAX", "PRECISION", "RANGE", "NEGATIVE", "LIMIT", "AREA_LIMIT"};

	return (unsigned)rc < N(names) ? names[rc] : "?";
}

/* Run a table; report every row that is wrong, then fail once. */
static void
run_parse_table(const struct parse_case *t, size_t n, int money, int scale)
{
	size_t i, bad = 0;

	for (i = 0; i < n; i++) {
		int64_t got = 0x5A5A5A5A;
		enum pm_num rc = money ? pm_money_parse(t[i].in, strlen(t[i].in), &got)
				       : pm_dec_parse(t[i].in, strlen(t[i].in), scale, &got);

		if (rc != t[i].rc || (rc == PM_NUM_OK && got != t[i].want)) {
			print_error("'%s': got %s %lld, want %s %lld\n", t[i].in, num_name(rc),
			    (long long)got, num_name(t[i].rc), (long long)t[i].want);
			bad++;
		} else if (rc != PM_NUM_OK && got != 0x5A5A5A5A) {
			print_error("'%s': refused, but the output was written\n", t[i].in);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* BAD-INPUTS row 22 and the way desks write money */
static void
test_money_parse(void **state)
{
	static const struct parse_case t[] = {
		{"1234.5", PM_NUM_OK, 123450},
		{"1234.50", PM_NUM_OK, 123450},
		{"1,234.50", PM_NUM_OK, 123450},
		{"12,345,678.90", PM_NUM_OK, 1234567890},
		{"1,234", PM_NUM_OK, 123400},
		{"¥1234.5", PM_NUM_OK, 123450},
		{"￥1234.50", PM_NUM_OK, 123450},
		{"1234.5元", PM_NUM_OK, 123450},
		{"¥1,234.5元", PM_NUM_OK, 123450},
		{"-12.30", PM_NUM_OK, -1230},
		{"-¥5", PM_NUM_OK, -500},
		{"¥-5", PM_NUM_OK, -500},
		{"-0", PM_NUM_OK, 0},
		{"0", PM_NUM_OK, 0},
		{"0.01", PM_NUM_OK, 1},
		{"12.500", PM_NUM_OK, 1250},          /* zeros past the fen lose nothing */
		{"  12.5\t", PM_NUM_OK, 1250},
		{"\xE3\x80\x80" "12.5\xC2\xA0", PM_NUM_OK, 1250}, /* U+3000, NBSP */
		{"１２３４.５", PM_NUM_OK, 123450},     /* full-width digits */
		{"１，２３４．５０", PM_NUM_OK, 123450}, /* full-width comma and point */
		{"100000000.00", PM_NUM_OK, PM_MONEY_MAX},   /* the limit itself */
		{"-100,000,000", PM_NUM_OK, -PM_MONEY_MAX},
		{"¥99999999.99元", PM_NUM_OK, PM_MONEY_MAX - 1},

		{"12.345", PM_NUM_PRECISION, 0},
		{"0.001", PM_NUM_PRECISION, 0},
		{"1e3", PM_NUM_SYNTAX, 0},
		{"1E3", PM_NUM_SYNTAX, 0},
		{"NaN", PM_NUM_SYNTAX, 0},
		{"inf", PM_NUM_SYNTAX, 0},
		{"0x10", PM_NUM_SYNTAX, 0},
		{"1,2345", PM_NUM_SYNTAX, 0},
		{"1234,567", PM_NUM_SYNTAX, 0},
		{"12,34", PM_NUM_SYNTAX, 0},
		{",123", PM_NUM_SYNTAX, 0},
		{"1,,234", PM_NUM_SYNTAX, 0},
		{"1,234,", PM_NUM_SYNTAX, 0},
		{"1.234,5", PM_NUM_SYNTAX, 0},
		{"1 234", PM_NUM_SYNTAX, 0},
		{".5", PM_NUM_SYNTAX, 0},
		{"5.", PM_NUM_SYNTAX, 0},
		{"1.2.3", PM_NUM_SYNTAX, 0},
		{"--5", PM_NUM_SYNTAX, 0},
		{"-¥-5", PM_NUM_SYNTAX, 0},
		{"+5", PM_NUM_SYNTAX, 0},
		{"-", PM_NUM_SYNTAX, 0},
		{"¥¥5", PM_NUM_SYNTAX, 0},
		{"5元元", PM_NUM_SYNTAX, 0},
		{"￥", PM_NUM_SYNTAX, 0},             /* a sign, but no amount */
		{"¥", PM_NUM_SYNTAX, 0},
		{"元", PM_NUM_SYNTAX, 0},
		{"abc", PM_NUM_SYNTAX, 0},
		/* BAD-INPUTS row 46: above the money limit, either sign */
		{"100000000.01", PM_NUM_LIMIT, 0},
		{"-100000000.01", PM_NUM_LIMIT, 0},
		{"100,000,000.01", PM_NUM_LIMIT, 0},
		{"１００００００００．０１", PM_NUM_LIMIT, 0},
		{"92233720368547758.07", PM_NUM_LIMIT, 0},  /* INT64_MAX fen */
		{"-92233720368547758.07", PM_NUM_LIMIT, 0},
		{"92233720368547758.08", PM_NUM_LIMIT, 0},  /* past int64 too */
		{"-92233720368547758.09", PM_NUM_LIMIT, 0},
		{"1234567890123456789012345", PM_NUM_LIMIT, 0}, /* 25 digits */
		{"", PM_NUM_EMPTY, 0},
		{"   ", PM_NUM_EMPTY, 0},
		{"\xE3\x80\x80", PM_NUM_EMPTY, 0},
	};

	(void)state;
	run_parse_table(t, N(t), 1, 2);
}

/* BAD-INPUTS row 48: areas, capped at PM_AREA_MAX */
static void
test_area_parse(void **state)
{
	static const struct parse_case t[] = {
		{"89.37", PM_NUM_OK, 8937},
		{"0", PM_NUM_OK, 0},
		{"-0", PM_NUM_OK, 0},
		{"８９．３７", PM_NUM_OK, 8937},
		{"100000.00", PM_NUM_OK, PM_AREA_MAX},
		{"100000.01", PM_NUM_AREA_LIMIT, 0},
		{"92233720368547758.07", PM_NUM_AREA_LIMIT, 0},
		{"99999999999999999999999", PM_NUM_AREA_LIMIT, 0},
		{"-5", PM_NUM_NEGATIVE, 0},
		{"12.345", PM_NUM_PRECISION, 0},
		{"1e3", PM_NUM_SYNTAX, 0},
		{"", PM_NUM_EMPTY, 0},
	};
	size_t i, bad = 0;

	(void)state;
	for (i = 0; i < N(t); i++) {
		int64_t got = 0x5A5A5A5A;
		enum pm_num rc = pm_area_parse(t[i].in, strlen(t[i].in), &got);

		if (rc != t[i].rc || (rc == PM_NUM_OK ? got != t[i].want : got != 0x5A5A5A5A)) {
			print_error("'%s': got %s %lld, want %s %lld\n", t[i].in, num_name(rc),
			    (long long)got, num_name(t[i].rc), (long long)t[i].want);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void
test_dec_parse(void **state)
{
	static const struct parse_case s4[] = {
		{"2.35", PM_NUM_OK, 23500},
		{"0.5283", PM_NUM_OK, 5283},
		{"2", PM_NUM_OK, 20000},
		{"-0.0001", PM_NUM_OK, -1},
		{"２.３５", PM_NUM_OK, 23500},
		{" 2.35 ", PM_NUM_OK, 23500},
		{"1.23450", PM_NUM_OK, 12345},
		{"1.23456", PM_NUM_PRECISION, 0},
		{"1,234", PM_NUM_SYNTAX, 0},  /* commas are money's, not a decimal's */
		{"¥2", PM_NUM_SYNTAX, 0},
		{"2元", PM_NUM_SYNTAX, 0},
		{"1e3", PM_NUM_SYNTAX, 0},
		{"", PM_NUM_EMPTY, 0},
		{"922337203685477.5808", PM_NUM_RANGE, 0},
		{"922337203685477.5807", PM_NUM_OK, INT64_MAX},
	};
	static const struct parse_case s0[] = {
		{"12", PM_NUM_OK, 12},
		{"12.0", PM_NUM_OK, 12},
		{"-7", PM_NUM_OK, -7},
		{"12.5", PM_NUM_PRECISION, 0},
		{"9223372036854775807", PM_NUM_OK, INT64_MAX},
		{"9223372036854775808", PM_NUM_RANGE, 0},
	};
	static const struct parse_case s6[] = {
		{"1.000001", PM_NUM_OK, 1000001},
		{"0.0000001", PM_NUM_PRECISION, 0},
	};
	int64_t v = 42;

	(void)state;
	run_parse_table(s4, N(s4), 0, 4);
	run_parse_table(s0, N(s0), 0, 0);
	run_parse_table(s6, N(s6), 0, 6);
	/* a scale outside 0..6 is refused, not read */
	assert_int_equal(pm_dec_parse("1", 1, 7, &v), PM_NUM_RANGE);
	assert_int_equal(pm_dec_parse("1", 1, -1, &v), PM_NUM_RANGE);
	assert_int_equal(v, 42);
	/* n bounds the input: the bytes after it are not read */
	assert_int_equal(pm_dec_parse("12345", 2, 0, &v), PM_NUM_OK);
	assert_int_equal(v, 12);
}

static void
test_num_reason(void **state)
{
	(void)state;
	assert_string_equal(pm_num_reason(PM_NUM_OK), "");
	assert_string_equal(pm_num_reason(PM_NUM_EMPTY), "missing");
	assert_string_equal(pm_num_reason(PM_NUM_SYNTAX), "not a number");
	assert_string_equal(pm_num_reason(PM_NUM_PRECISION), "too many decimals");
	assert_string_equal(pm_num_reason(PM_NUM_RANGE), "too large");
	assert_string_equal(pm_num_reason(PM_NUM_NEGATIVE), "negative");
	assert_string_equal(pm_num_reason(PM_NUM_LIMIT), "above the limit of " PM_MONEY_MAX_TEXT);
	assert_string_equal(pm_num_reason(PM_NUM_AREA_LIMIT),
	    "above the limit of " PM_AREA_MAX_TEXT " m²");
}

/* The limit's text is the limit; and sums of money are checked
 * (BAD-INPUTS row 47). */
static void
test_money_limit(void **state)
{
	char buf[PM_DEC_BUFSZ];
	struct pm_err err = {0};
	int64_t sum;

	(void)state;
	assert_string_equal(pm_money_fmt(PM_MONEY_MAX, buf), PM_MONEY_MAX_TEXT);
	assert_string_equal(pm_dec_fmt(PM_AREA_MAX, 2, buf), PM_AREA_MAX_TEXT);
	sum = 0;
	assert_int_equal(pm_money_add(&sum, PM_MONEY_MAX, "payments", &err), 0);
	assert_int_equal(pm_money_add(&sum, -1, "payments", &err), 0);
	assert_int_equal(sum, PM_MONEY_MAX - 1);
	sum = INT64_MAX - 1;
	assert_int_equal(pm_money_add(&sum, 1, "payments", &err), 0);
	assert_int_equal(sum, INT64_MAX);
	assert_int_equal(pm_money_add(&sum, 1, "payments", &err), -1);
	assert_int_equal(sum, INT64_MAX);  /* unchanged */
	assert_int_equal(err.code, PM_EXIT_DATA);
	assert_non_null(strstr(err.msg, "the total of payments overflows"));
	pm_err_clear(&err);
	sum = INT64_MIN;
	assert_int_equal(pm_money_add(&sum, -1, "the cash journal", &err), -1);
	assert_int_equal(sum, INT64_MIN);
	assert_non_null(strstr(err.msg, "the total of the cash journal overflows"));
	pm_err_clear(&err);
	/* two payments of 5e16 yuan wrap an unchecked int64 */
	sum = 5000000000000000000LL;
	assert_int_equal(pm_money_add(&sum, 5000000000000000000LL, "payments", NULL), -1);
}

static void
test_fmt(void **state)
{
	static const struct {
		int64_t v;
		int scale;
		const char *want, *shrt;
	} t[] = {
		{123450, 2, "1234.50", "1234.5"},
		{-5, 2, "-0.05", "-0.05"},
		{0, 2, "0.00", "0"},
		{1, 2, "0.01", "0.01"},
		{-100, 2, "-1.00", "-1"},
		{23500, 4, "2.3500", "2.35"},
		{30000, 4, "3.0000", "3"},
		{-5000, 4, "-0.5000", "-0.5"},
		{7, 0, "7", "7"},
		{-7, 0, "-7", "-7"},
		{INT64_MAX, 2, "92233720368547758.07", "92233720368547758.07"},
		{INT64_MIN, 2, "-92233720368547758.08", "-92233720368547758.08"},
		{INT64_MIN, 0, "-9223372036854775808", "-9223372036854775808"},
		{INT64_MIN, 6, "-9223372036854.775808", "-9223372036854.775808"},
		{1, 12, "0.000000000001", "0.000000000001"},
	};
	char buf[PM_DEC_BUFSZ];
	size_t i;

	(void)state;
	for (i = 0; i < N(t); i++) {
		assert_string_equal(pm_dec_fmt(t[i].v, t[i].scale, buf), t[i].want);
		assert_string_equal(pm_dec_fmt_short(t[i].v, t[i].scale, buf), t[i].shrt);
	}
	assert_string_equal(pm_money_fmt(123450, buf), "1234.50");
	assert_string_equal(pm_money_fmt(INT64_MIN, buf), "-92233720368547758.08");
	assert_ptr_equal(pm_money_fmt(1, buf), buf);
}

/* THE ROUNDING RULE: exact product, then half away from zero */
static void
test_mul_rounding(void **state)
{
	static const struct {
		int64_t a;
		int sa;
		int64_t b;
		int sb, so;
		int64_t want;
	} t[] = {
		{8937, 2, 23500, 4, 2, 21002},   /* 89.37 m2 x 2.35 = 210.0195 -> 210.02 */
		{5, 3, 1, 0, 2, 1},              /* 0.005 -> 0.01 */
		{-5, 3, 1, 0, 2, -1},            /* -0.005 -> -0.01 */
		{4, 3, 1, 0, 2, 0},              /* 0.004 -> 0.00 */
		{-4, 3, 1, 0, 2, 0},
		{15, 3, 1, 0, 2, 2},             /* 0.015 -> 0.02 */
		{25, 3, 1, 0, 2, 3},             /* 0.025 -> 0.03: not to even */
		{-25, 3, 1, 0, 2, -3},
		{1005, 3, 1, 0, 2, 101},         /* 1.005: a double would say 1.00 */
		{49999, 7, 1, 0, 2, 0},          /* 0.0049999 stays down */
		{50000, 7, 1, 0, 2, 1},          /* 0.0050000 goes up */
		{-49999, 7, 1, 0, 2, 0},
		{5283, 4, 12345, 2, 2, 6522},    /* 0.5283/kWh x 123.45 kWh = 65.218... */
		{12345, 2, 100, 2, 4, 12345 * 100}, /* nothing dropped */
		{2, 0, 3, 0, 0, 6},
		{999, 3, 1, 0, 2, 100},          /* 0.999 -> 1.00 */
		{-999, 3, 1, 0, 2, -100},
		{INT64_MAX, 2, 1, 0, 2, INT64_MAX},
		{INT64_MIN, 2, 1, 0, 2, INT64_MIN},
		{INT64_MAX, 1, 1, 0, 0, INT64_MAX / 10 + 1},  /* ...0.7 rounds up */
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(t); i++) {
		int64_t got = 0;

		if (pm_dec_mul(t[i].a, t[i].sa, t[i].b, t[i].sb, t[i].so, &got) != 0)
			fail_msg("row %zu: refused", i);
		if (got != t[i].want)
			fail_msg("row %zu: %lld x %lld: got %lld, want %lld", i, (long long)t[i].a,
			    (long long)t[i].b, (long long)got, (long long)t[i].want);
	}
}

static void
test_mul_overflow(void **state)
{
	int64_t out = 77;

	(void)state;
	assert_int_equal(pm_dec_mul(INT64_MAX, 2, 2, 0, 2, &out), -1);
	assert_int_equal(pm_dec_mul(INT64_MIN, 2, -1, 0, 2, &out), -1);
	assert_int_equal(pm_dec_mul(INT64_MAX / 2 + 1, 0, 2, 0, 0, &out), -1);
	assert_int_equal(pm_dec_mul((int64_t)1 << 32, 2, (int64_t)1 << 31, 4, 2, &out), -1);
	/* an output scale finer than the inputs' is refused, as is a drop past 10^12 */
	assert_int_equal(pm_dec_mul(1, 2, 1, 2, 5, &out), -1);
	assert_int_equal(pm_dec_mul(1, 7, 1, 7, 0, &out), -1);
	assert_int_equal(out, 77);  /* nothing stored */
	/* the largest product that fits */
	assert_int_equal(pm_dec_mul(INT64_MAX / 2, 0, 2, 0, 0, &out), 0);
	assert_int_equal(out, INT64_MAX - 1);
}

static void
test_muldiv(void **state)
{
	int64_t out = 0;

	(void)state;
	/* a month's 1000.00 fee for 10 days of 31 = 322.580... -> 322.58 */
	assert_int_equal(pm_dec_muldiv(100000, 10, 31, &out), 0);
	assert_int_equal(out, 32258);
	/* 0.5 fen goes away from zero both ways */
	assert_int_equal(pm_dec_muldiv(1, 1, 2, &out), 0);
	assert_int_equal(out, 1);
	assert_int_equal(pm_dec_muldiv(-1, 1, 2, &out), 0);
	assert_int_equal(out, -1);
	assert_int_equal(pm_dec_muldiv(1, 1, 3, &out), 0);
	assert_int_equal(out, 0);
	assert_int_equal(pm_dec_muldiv(2, 1, 3, &out), 0);
	assert_int_equal(out, 1);
	assert_int_equal(pm_dec_muldiv(-2, 1, 3, &out), 0);
	assert_int_equal(out, -1);
	assert_int_equal(pm_dec_muldiv(3, 1, 3, &out), 0);
	assert_int_equal(out, 1);
	assert_int_equal(pm_dec_muldiv(100000, 31, 31, &out), 0);
	assert_int_equal(out, 100000);
	assert_int_equal(pm_dec_muldiv(100000, 0, 31, &out), 0);
	assert_int_equal(out, 0);
	out = 5;
	assert_int_equal(pm_dec_muldiv(1, 1, 0, &out), -1);
	assert_int_equal(pm_dec_muldiv(1, 1, -3, &out), -1);
	assert_int_equal(pm_dec_muldiv(INT64_MAX, 2, 3, &out), -1);
	assert_int_equal(out, 5);
}

static void
test_add(void **state)
{
	int64_t out = 3;

	(void)state;
	assert_int_equal(pm_dec_add(1, 2, &out), 0);
	assert_int_equal(out, 3);
	assert_int_equal(pm_dec_add(INT64_MAX, -1, &out), 0);
	assert_int_equal(out, INT64_MAX - 1);
	assert_int_equal(pm_dec_add(INT64_MAX, 1, &out), -1);
	assert_int_equal(pm_dec_add(INT64_MIN, -1, &out), -1);
}

/* a fixed-seed generator, so a failure can be replayed */
static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Random amounts summed as integers equal the parse of their formatted
 * sum; and every amount survives format -> parse. */
static void
test_property_sum(void **state)
{
	int round;

	(void)state;
	for (round = 0; round < 2000; round++) {
		int64_t sum = 0, parsed_sum = 0, x;
		char buf[PM_DEC_BUFSZ];
		int k, n = 1 + (int)(next_rand() % 20);

		for (k = 0; k < n; k++) {
			/* up to 5 million yuan, either sign: 20 of them stay
			 * within the money limit */
			int64_t v = (int64_t)(next_rand() % 500000001ull);

			if (next_rand() & 1)
				v = -v;
			pm_money_fmt(v, buf);
			if (pm_money_parse(buf, strlen(buf), &x) != PM_NUM_OK || x != v)
				fail_msg("'%s' did not read back as %lld", buf, (long long)v);
			sum += v;
			parsed_sum += x;
		}
		pm_money_fmt(sum, buf);
		assert_int_equal(pm_money_parse(buf, strlen(buf), &x), PM_NUM_OK);
		assert_int_equal(x, sum);
		assert_int_equal(parsed_sum, sum);
	}
}

/* format(parse(x)) == x for canonical texts, at every scale */
static void
test_property_roundtrip(void **state)
{
	int round;

	(void)state;
	for (round = 0; round < 5000; round++) {
		int scale = (int)(next_rand() % 7);
		int64_t v = (int64_t)next_rand();
		char buf[PM_DEC_BUFSZ], again[PM_DEC_BUFSZ];
		int64_t x;

		if (v == INT64_MIN)
			v++; /* the one value with no positive twin cannot be typed */
		pm_dec_fmt(v, scale, buf);
		if (pm_dec_parse(buf, strlen(buf), scale, &x) != PM_NUM_OK || x != v)
			fail_msg("'%s' (scale %d) did not read back", buf, scale);
		assert_string_equal(pm_dec_fmt(x, scale, again), buf);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_parse),
		cmocka_unit_test(test_dec_parse),
		cmocka_unit_test(test_num_reason),
		cmocka_unit_test(test_money_limit),
		cmocka_unit_test(test_area_parse),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_mul_rounding),
		cmocka_unit_test(test_mul_overflow),
		cmocka_unit_test(test_muldiv),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_property_sum),
		cmocka_unit_test(test_property_roundtrip),
	};

	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
