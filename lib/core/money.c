/* money.c - exact decimal parsing, formatting and the rounding rule */
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "money.h"
#include "utf8.h"

static const int64_t pow10[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000, 1000000000000,
};

const char *
pm_num_reason(enum pm_num rc)
{
	switch (rc) {
	case PM_NUM_OK:        return "";
	case PM_NUM_EMPTY:     return _("missing");
	case PM_NUM_SYNTAX:    return _("not a number");
	case PM_NUM_PRECISION: return _("too many decimals");
	case PM_NUM_RANGE:     return _("too large");
	case PM_NUM_NEGATIVE:  return _("negative");
	/* the texts of PM_MONEY_MAX_TEXT and PM_AREA_MAX_TEXT (test_money
	 * checks they agree), whole for xgettext */
	case PM_NUM_LIMIT:     return _("above the limit of 100000000.00");
	case PM_NUM_AREA_LIMIT: return _("above the limit of 100000.00 m²");
	}
	return _("not a number");
}

/* The core: s is already clean ASCII (trimmed, folded), commas removed. */
static enum pm_num
parse_plain(const char *s, size_t n, int scale, int64_t *out)
{
	size_t i = 0;
	int neg = 0, digits = 0, frac = -1, lost = 0;
	int64_t v = 0;

	if (n == 0)
		return PM_NUM_EMPTY;
	if (s[0] == '-') {
		neg = 1;
		i++;
	}
	for (; i < n; i++) {
		char c = s[i];

		if (c == '.' && frac < 0 && digits > 0) {
			frac = 0;
			continue;
		}
		if (c < '0' || c > '9')
			return PM_NUM_SYNTAX;
		if (frac >= 0 && ++frac > scale) {
			/* extra zeros past the scale lose nothing: 12.500;
			 * anything else is too precise, once the rest is
			 * known to be a number ("1.234,5" is not one) */
			if (c != '0')
				lost = 1;
			continue;
		}
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, c - '0', &v))
			return PM_NUM_RANGE;
		digits++;
	}
	if (!digits || frac == 0)
		return PM_NUM_SYNTAX;
	if (lost)
		return PM_NUM_PRECISION;
	if (frac < 0)
		frac = 0;
	if (frac > scale)
		frac = scale;
	if (__builtin_mul_overflow(v, pow10[scale - frac], &v))
		return PM_NUM_RANGE;
	*out = neg ? -v : v;
	return PM_NUM_OK;
}

/* Values longer than this are refused as too large before parsing. */
#define NUMBUF 64

enum pm_num
pm_dec_parse(const char *s, size_t n, int scale, int64_t *out)
{
	char buf[NUMBUF];
	long k;

	if (scale < 0 || scale > 6)
		return PM_NUM_RANGE;
	k = pm_text_clean_to(buf, sizeof buf, s, n);
	if (k < 0)
		return PM_NUM_RANGE;
	return parse_plain(buf, (size_t)k, scale, out);
}

/* Drop a currency sign in front and 元 behind, and thousands commas that
 * sit between groups of three digits, in place; anything else is left
 * for parse_plain to refuse.  *n is updated. */
static enum pm_num
strip_money(char *s, size_t *len)
{
	size_t n = *len, i, o = 0, intdigits = 0, group = 0;
	int commas = 0, neg = 0, sawdot = 0, marked = 0;

	if (n >= 1 && s[0] == '-') {
		neg = 1;
		memmove(s, s + 1, --n);
	}
	if (n >= 2 && !memcmp(s, "\xC2\xA5", 2)) {          /* ¥ U+00A5 */
		memmove(s, s + 2, n -= 2);
		marked = 1;
	} else if (n >= 3 && !memcmp(s, "\xEF\xBF\xA5", 3)) { /* ￥ U+FFE5 */
		memmove(s, s + 3, n -= 3);
		marked = 1;
	}
	if (n >= 3 && !memcmp(s + n - 3, "\xE5\x85\x83", 3)) { /* 元 */
		n -= 3;
		marked = 1;
	}
	/* a currency sign with no amount is not a number, not a blank */
	if (marked && n == 0)
		return PM_NUM_SYNTAX;
	if (!neg && n >= 1 && s[0] == '-') {
		neg = 1;
		memmove(s, s + 1, --n);
	}
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '.')
			sawdot = 1;
		if (c == ',' && !sawdot) {
			if (intdigits == 0 || (commas && group != 3) ||
			    (!commas && group > 3))
				return PM_NUM_SYNTAX;
			commas = 1;
			group = 0;
			continue;
		}
		if (!sawdot && c >= '0' && c <= '9') {
			intdigits++;
			group++;
		}
		s[o++] = c;
	}
	if (commas && group != 3)
		return PM_NUM_SYNTAX;
	if (neg) {
		memmove(s + 1, s, o);
		s[0] = '-';
		o++;
	}
	*len = o;
	return PM_NUM_OK;
}

enum pm_num
pm_money_parse(const char *s, size_t n, int64_t *fen)
{
	char buf[NUMBUF + 1];
	long k;
	size_t len;
	enum pm_num rc;

	k = pm_text_clean_to(buf, NUMBUF, s, n);
	if (k < 0)
		return PM_NUM_RANGE;
	len = (size_t)k;
	rc = strip_money(buf, &len);
	if (rc == PM_NUM_OK) {
		int64_t v;

		rc = parse_plain(buf, len, 2, &v);
		if (rc == PM_NUM_RANGE || (rc == PM_NUM_OK && (v > PM_MONEY_MAX || v < -PM_MONEY_MAX)))
			rc = PM_NUM_LIMIT;
		if (rc == PM_NUM_OK)
			*fen = v;
	}
	return rc;
}

enum pm_num
pm_area_parse(const char *s, size_t n, int64_t *area)
{
	int64_t v;
	enum pm_num rc = pm_dec_parse(s, n, 2, &v);

	if (rc == PM_NUM_RANGE || (rc == PM_NUM_OK && v > PM_AREA_MAX))
		return PM_NUM_AREA_LIMIT;
	if (rc == PM_NUM_OK && v < 0)
		return PM_NUM_NEGATIVE;
	if (rc == PM_NUM_OK)
		*area = v;
	return rc;
}

char *
pm_dec_fmt(int64_t v, int scale, char buf[PM_DEC_BUFSZ])
{
	/* work in unsigned so INT64_MIN prints right */
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t p = (uint64_t)pow10[scale];

	if (scale == 0)
		snprintf(buf, PM_DEC_BUFSZ, "%s%llu", v < 0 ? "-" : "",
		    (unsigned long long)u);
	else
		snprintf(buf, PM_DEC_BUFSZ, "%s%llu.%0*llu", v < 0 ? "-" : "",
		    (unsigned long long)(u / p), scale,
		    (unsigned long long)(u % p));
	return buf;
}

char *
pm_money_fmt(int64_t fen, char buf[PM_DEC_BUFSZ])
{
	return pm_dec_fmt(fen, 2, buf);
}

char *
pm_dec_fmt_short(int64_t v, int scale, char buf[PM_DEC_BUFSZ])
{
	size_t n;

	pm_dec_fmt(v, scale, buf);
	if (!scale)
		return buf;
	n = strlen(buf);
	while (buf[n - 1] == '0')
		buf[--n] = '\0';
	if (buf[n - 1] == '.')
		buf[--n] = '\0';
	return buf;
}

/* v / d rounded half away from zero; d > 0. */
static int64_t
div_round(int64_t v, int64_t d)
{
	int64_t q = v / d, r = v % d;

	if (r < 0)
		r = -r;
	if (r >= d - r)  /* 2r >= d without overflow */
		q += v < 0 ? -1 : 1;
	return q;
}

int
pm_dec_mul(int64_t a, int sa, int64_t b, int sb, int so, int64_t *out)
{
	int64_t p;
	int drop = sa + sb - so;

	if (drop < 0 || drop > 12 || __builtin_mul_overflow(a, b, &p))
		return -1;
	*out = drop ? div_round(p, pow10[drop]) : p;
	return 0;
}

int
pm_dec_muldiv(int64_t a, int64_t num, int64_t den, int64_t *out)
{
	int64_t p;

	if (den <= 0 || __builtin_mul_overflow(a, num, &p))
		return -1;
	*out = div_round(p, den);
	return 0;
}

int
pm_dec_add(int64_t a, int64_t b, int64_t *out)
{
	return __builtin_add_overflow(a, b, out) ? -1 : 0;
}

static int
overflows(const char *what, struct pm_err *err)
{
	return pm_err_set(err, PM_EXIT_DATA,
	    _("the total of %s overflows: the database holds amounts far above the limit of %s"
	      " (see pm-fee check)"), what, PM_MONEY_MAX_TEXT);
}

int
pm_money_add(int64_t *sum, int64_t v, const char *what, struct pm_err *err)
{
	int64_t r;

	if (__builtin_add_overflow(*sum, v, &r))
		return overflows(what, err);
	*sum = r;
	return 0;
}

int
pm_money_sub(int64_t *sum, int64_t v, const char *what, struct pm_err *err)
{
	int64_t r;

	if (__builtin_sub_overflow(*sum, v, &r))
		return overflows(what, err);
	*sum = r;
	return 0;
}
