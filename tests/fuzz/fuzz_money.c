/*
 * fuzz_money.c - money and decimal parsing, formatting and arithmetic
 *
 * Properties:
 *   - round trip: when pm_money_parse(x) gives v, pm_money_fmt(v) parses
 *     back to v, and formatting is canonical: fmt(parse(fmt(v))) ==
 *     fmt(v); the same for pm_dec_parse at every scale 0..6 (and for
 *     pm_dec_fmt_short);
 *   - a formatted value is short: it fits PM_DEC_BUFSZ;
 *   - money that parses is within the money limit, PM_MONEY_MAX;
 *   - arithmetic (the first 19 bytes as two int64 values and three
 *     scales): pm_dec_add, pm_dec_mul and pm_dec_muldiv either report
 *     overflow or give exactly the 128-bit reference result rounded by
 *     THE ROUNDING RULE (half away from zero); never undefined behaviour.
 */
#include <string.h>

#include "core/money.h"
#include "fuzz.h"

__extension__ typedef __int128 i128;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static const int64_t p10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
	100000000, 1000000000, 10000000000, 100000000000, 1000000000000};

static i128
ref_round(i128 v, i128 d)
{
	i128 q = v / d, r = v % d;

	if (r < 0)
		r = -r;
	if (2 * r >= d)
		q += v < 0 ? -1 : 1;
	return q;
}

static void
check_money(const char *s, size_t n)
{
	char buf[PM_DEC_BUFSZ], again[PM_DEC_BUFSZ];
	int64_t v, w;

	if (pm_money_parse(s, n, &v) != PM_NUM_OK)
		return;
	FUZZ_CHECK(v <= PM_MONEY_MAX && v >= -PM_MONEY_MAX);
	pm_money_fmt(v, buf);
	FUZZ_CHECK(strlen(buf) < PM_DEC_BUFSZ);
	FUZZ_CHECK(pm_money_parse(buf, strlen(buf), &w) == PM_NUM_OK);
	FUZZ_CHECK(w == v);
	FUZZ_CHECK(!strcmp(pm_money_fmt(w, again), buf));
	/* a plain decimal at scale 2 is money too */
	FUZZ_CHECK(pm_dec_parse(buf, strlen(buf), 2, &w) == PM_NUM_OK && w == v);
}

static void
check_dec(const char *s, size_t n, int scale)
{
	char buf[PM_DEC_BUFSZ], again[PM_DEC_BUFSZ];
	int64_t v, w;

	if (pm_dec_parse(s, n, scale, &v) != PM_NUM_OK)
		return;
	pm_dec_fmt(v, scale, buf);
	FUZZ_CHECK(pm_dec_parse(buf, strlen(buf), scale, &w) == PM_NUM_OK);
	FUZZ_CHECK(w == v);
	FUZZ_CHECK(!strcmp(pm_dec_fmt(w, scale, again), buf));
	pm_dec_fmt_short(v, scale, buf);
	FUZZ_CHECK(pm_dec_parse(buf, strlen(buf), scale, &w) == PM_NUM_OK);
	FUZZ_CHECK(w == v);
}

static void
check_arith(const uint8_t *d)
{
	int64_t a, b, out = 0;
	int sa = d[16] % 7, sb = d[17] % 7, so = d[18] % 7, drop;
	i128 p;

	memcpy(&a, d, 8);
	memcpy(&b, d + 8, 8);

	if (pm_dec_add(a, b, &out) == 0)
		FUZZ_CHECK((i128)out == (i128)a + b);
	else
		FUZZ_CHECK((i128)a + b > INT64_MAX || (i128)a + b < INT64_MIN);

	p = (i128)a * b;
	drop = sa + sb - so;
	if (pm_dec_mul(a, sa, b, sb, so, &out) == 0) {
		FUZZ_CHECK(drop >= 0);
		FUZZ_CHECK((i128)out == (drop ? ref_round(p, p10[drop]) : p));
	} else {
		FUZZ_CHECK(drop < 0 || p > INT64_MAX || p < INT64_MIN);
	}

	if (b > 0 && pm_dec_muldiv(a, (int64_t)sa + 1, b, &out) == 0)
		FUZZ_CHECK((i128)out == ref_round((i128)a * (sa + 1), b));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	int scale;

	check_money(s, size);
	for (scale = 0; scale <= 6; scale++)
		check_dec(s, size, scale);
	if (size >= 19)
		check_arith(data);
	return 0;
}
