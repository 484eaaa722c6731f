/* utf8.c - UTF-8 checks, display width, trimming and full-width folding */
#include <string.h>

#include <uniwidth.h>

#include "utf8.h"

/* Length of the sequence that lead byte c starts, 0 if c cannot lead. */
static int
seqlen(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* Is b a valid second byte after lead byte c?  This is where overlongs,
 * surrogates and values past U+10FFFF are refused (RFC 3629 table). */
static int
second_ok(unsigned char c, unsigned char b)
{
	switch (c) {
	case 0xE0: return b >= 0xA0 && b <= 0xBF;
	case 0xED: return b >= 0x80 && b <= 0x9F;
	case 0xF0: return b >= 0x90 && b <= 0xBF;
	case 0xF4: return b >= 0x80 && b <= 0x8F;
	default:   return b >= 0x80 && b <= 0xBF;
	}
}

int
pm_utf8_check(const char *s, size_t n, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		int k, len;

		/* ASCII eight bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, u + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		len = seqlen(u[i]);
		if (!len)
			goto invalid;
		for (k = 1; k < len; k++) {
			if (i + k >= n) {
				if (bad)
					*bad = i;
				return 1;
			}
			if (k == 1 ? !second_ok(u[i], u[i + 1])
			    : (u[i + k] & 0xC0) != 0x80)
				goto invalid;
		}
		i += (size_t)len;
	}
	return 0;
invalid:
	if (bad)
		*bad = i;
	return -1;
}

int32_t
pm_utf8_next(const char **p, const char *end)
{
	const unsigned char *u = (const unsigned char *)*p;
	size_t avail = (size_t)(end - *p);
	int len = seqlen(u[0]);
	int32_t c;
	int k;

	if (!len || (size_t)len > avail || (len > 1 && !second_ok(u[0], u[1]))) {
		(*p)++;
		return -1;
	}
	if (len == 1) {
		(*p)++;
		return u[0];
	}
	c = u[0] & (0x7F >> len);
	for (k = 1; k < len; k++) {
		if ((u[k] & 0xC0) != 0x80) {
			(*p)++;
			return -1;
		}
		c = (c << 6) | (u[k] & 0x3F);
	}
	*p += len;
	return c;
}

int
pm_utf8_put(struct pm_buf *b, int32_t c)
{
	char t[4];
	size_t n;

	if (c < 0x80) {
		t[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		t[0] = (char)(0xC0 | (c >> 6));
		t[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		t[0] = (char)(0xE0 | (c >> 12));
		t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		t[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		t[0] = (char)(0xF0 | (c >> 18));
		t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		t[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	return pm_buf_add(b, t, n);
}

/* The width tables are libunistring's (the Unicode data of its release,
 * and locale-independent: "UTF-8" keeps the East Asian Ambiguous
 * characters narrow, as every UTF-8 terminal does).  It answers -1 for
 * a control; we say 0, as utf8.h promises. */
int
pm_char_width(int32_t c)
{
	int w;

	if (c < 0x20 || (c >= 0x7F && c < 0xA0))
		return 0;
	if (c < 0x7F)
		return 1;
	if (c > 0x10FFFF)
		return 1;
	w = uc_width((ucs4_t)c, "UTF-8");
	return w < 0 ? 0 : w;
}

size_t
pm_utf8_width(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t w = 0;

	while (p < end) {
		int32_t c;

		/* ASCII, most of every table, without a call */
		if ((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7F) {
			w++;
			p++;
			continue;
		}
		c = pm_utf8_next(&p, end);
		w += c < 0 ? 1 : (size_t)pm_char_width(c);
	}
	return w;
}

static int
is_space(int32_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
	       c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* Can a character starting with byte c be white space by our rule?
 * (space and tab; NBSP C2 A0; U+2000.. E2; U+3000 E3; U+FEFF EF) */
static int
space_lead(unsigned char c)
{
	return c <= ' ' || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF;
}

void
pm_text_trim(const char **s, size_t *n)
{
	const char *p = *s, *end = *s + *n, *q;

	/* most cells: neither end can be a space, nothing to remove */
	if (*n == 0)
		return;
	q = end - 1;
	while (q > p && ((unsigned char)*q & 0xC0) == 0x80)
		q--;
	if (!space_lead((unsigned char)p[0]) && !space_lead((unsigned char)*q))
		return;
	while (p < end) {
		q = p;
		if (!is_space(pm_utf8_next(&q, end)))
			break;
		p = q;
	}
	while (end > p) {
		/* step back to the start of the last character */
		const char *last = end - 1;

		while (last > p && ((unsigned char)*last & 0xC0) == 0x80)
			last--;
		q = last;
		if (!is_space(pm_utf8_next(&q, end)) || q != end)
			break;
		end = last;
	}
	*s = p;
	*n = (size_t)(end - p);
}

/* Fold into dst[0..cap): returns the length, or -1 when it does not fit.
 * Runs of ASCII are copied whole; only U+3000 (E3 80 80) and the
 * full-width block U+FF01..U+FF5E (EF BC 81 .. EF BD 9E) change. */
static long
fold_to(char *dst, size_t cap, const char *s, size_t n)
{
	size_t i = 0, o = 0;

	while (i < n) {
		const unsigned char *u = (const unsigned char *)s + i;
		size_t run = 0;

		while (i + run < n && (u[run] < 0x80 || (u[run] != 0xE3 && u[run] != 0xEF) ||
		    i + run + 2 >= n))
			run++;
		if (run) {
			if (o + run > cap)
				return -1;
			memcpy(dst + o, s + i, run);
			o += run;
			i += run;
			continue;
		}
		/* u[0] is 0xE3 or 0xEF with two bytes after it */
		if (o + 3 > cap)
			return -1;
		if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) {
			dst[o++] = ' ';
		} else if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x81 && u[2] <= 0xBF) {
			dst[o++] = (char)(u[2] - 0x81 + 0x21);   /* U+FF01..U+FF3F */
		} else if (u[0] == 0xEF && u[1] == 0xBD && u[2] >= 0x80 && u[2] <= 0x9E) {
			dst[o++] = (char)(u[2] - 0x80 + 0x60);   /* U+FF40..U+FF5E */
		} else {
			memcpy(dst + o, u, 3);
			o += 3;
		}
		i += 3;
	}
	return (long)o;
}

int
pm_text_fold(struct pm_buf *out, const char *s, size_t n)
{
	long k;

	/* folding never lengthens */
	if (pm_buf_grow(out, n) < 0)
		return -1;
	k = fold_to(out->s + out->len, n, s, n);
	if (k < 0)
		return -1;
	out->len += (size_t)k;
	out->s[out->len] = '\0';
	return 0;
}

long
pm_text_clean_to(char *dst, size_t cap, const char *s, size_t n)
{
	const char *t;
	long k;
	size_t m;

	pm_text_trim(&s, &n);
	if (cap == 0 || (k = fold_to(dst, cap - 1, s, n)) < 0)
		return -1;
	/* folding can uncover spaces (U+3000 inside) at the ends: trim again */
	t = dst;
	m = (size_t)k;
	pm_text_trim(&t, &m);
	if (t != dst)
		memmove(dst, t, m);
	dst[m] = '\0';
	return (long)m;
}

int
pm_text_clean(struct pm_buf *out, const char *s, size_t n)
{
	long k;

	pm_buf_reset(out);
	if (pm_buf_grow(out, n) < 0)
		return -1;
	k = pm_text_clean_to(out->s, n + 1, s, n);
	if (k < 0)
		return -1;
	out->len = (size_t)k;
	return 0;
}

size_t
pm_utf8_chars(const char *s, size_t n)
{
	size_t k = 0, i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			k++;
	return k;
}

int
pm_text_has_control(const char *s, size_t n, int allow_newline)
{
	const char *p = s, *end = s + n;

	while (p < end) {
		int32_t c = pm_utf8_next(&p, end);

		if (c == '\t' || (allow_newline && (c == '\n' || c == '\r')))
			continue;
		if (c < 0x20 || (c >= 0x7F && c < 0xA0) ||
		    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
			return 1;
	}
	return 0;
}
