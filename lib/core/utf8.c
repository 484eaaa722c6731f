/* utf8.c - UTF-8 checks, display width, trimming and full-width folding */
#include <string.h>

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

struct range {
	int32_t lo, hi;
};

/* Combining and zero-width characters (the common blocks). */
static const struct range zero[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
	{0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E},
	{0x2060, 0x2064}, {0x2066, 0x206F}, {0x20D0, 0x20FF}, {0x302A, 0x302D},
	{0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
	{0xE0100, 0xE01EF},
};

/* East Asian Wide (W) and Fullwidth (F), Unicode 15. */
static const struct range wide[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
	{0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
	{0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
	{0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4},
	{0x17000, 0x18CFF}, {0x1AFF0, 0x1B2FF}, {0x1F004, 0x1F004},
	{0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
	{0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
	{0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
	{0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static int
in_table(int32_t c, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (c > t[mid].hi)
			lo = mid + 1;
		else if (c < t[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

int
pm_char_width(int32_t c)
{
	if (c < 0x20 || (c >= 0x7F && c < 0xA0))
		return 0;
	if (c < 0x300)
		return 1;
	if (in_table(c, zero, sizeof zero / sizeof zero[0]))
		return 0;
	if (in_table(c, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

size_t
pm_utf8_width(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t w = 0;

	while (p < end) {
		int32_t c = pm_utf8_next(&p, end);

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

void
pm_text_trim(const char **s, size_t *n)
{
	const char *p = *s, *end = *s + *n, *q;

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

int
pm_text_fold(struct pm_buf *out, const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while (p < end) {
		const char *start = p;
		int32_t c = pm_utf8_next(&p, end);
		int rc;

		if (c >= 0xFF01 && c <= 0xFF5E)
			rc = pm_buf_addc(out, (char)(c - 0xFEE0));
		else if (c == 0x3000)
			rc = pm_buf_addc(out, ' ');
		else
			rc = pm_buf_add(out, start, (size_t)(p - start));
		if (rc < 0)
			return -1;
	}
	return 0;
}

int
pm_text_clean(struct pm_buf *out, const char *s, size_t n)
{
	pm_buf_reset(out);
	pm_text_trim(&s, &n);
	if (pm_text_fold(out, s, n) < 0)
		return -1;
	/* folding can uncover spaces (U+3000 inside) at the ends: trim again */
	s = pm_buf_str(out);
	n = out->len;
	pm_text_trim(&s, &n);
	if (out->s && (s != out->s || n != out->len)) {
		memmove(out->s, s, n);
		out->len = n;
		out->s[n] = '\0';
	}
	return 0;
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
