/* validate.c - the rules for unit codes, phones, ID numbers and names */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "time.h"
#include "utf8.h"
#include "validate.h"

/* Words people put between the parts of a unit code, longest first. */
static const char *const unit_seps[] = {
	"号楼", "號樓", "單元", "单元", "栋", "棟", "幢", "座", "楼", "樓", "号", "號", "#", "_", "/",
	"—", "–", NULL,
};
static const char *const unit_tail[] = {"室", "号", "號", "房", NULL};

static size_t
starts(const char *p, const char *end, const char *const *words)
{
	size_t i;

	for (i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);

		if ((size_t)(end - p) >= n && !memcmp(p, words[i], n))
			return n;
	}
	return 0;
}

/* The common case, a code already written "3-2-1501" (perhaps in lower
 * case or with leading zeros): ASCII letters, digits and single dashes.
 * Returns 1 when handled (out filled or why set), 0 to take the slow road. */
int
pm_why_is_oom(const char *why)
{
	return why && !strcmp(why, _("out of memory"));
}

static int
unit_fast(const char *s, size_t n, struct pm_buf *out, const char **why)
{
	size_t i, segs = 0, seglen = 0;
	char *o;

	for (i = 0; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || (s[i] == '-' && i && i + 1 < n && s[i - 1] != '-')))
			return 0;
	if (pm_buf_grow(out, n) < 0) {
		*why = _("out of memory");
		return 1;
	}
	o = out->s;
	segs = 1;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '-') {
			*o++ = '-';
			seglen = 0;
			segs++;
			continue;
		}
		/* drop leading zeros of a number, but keep a lone 0 */
		if (c == '0' && !seglen && i + 1 < n && isdigit((unsigned char)s[i + 1]))
			continue;
		*o++ = (char)toupper((unsigned char)c);
		seglen++;
	}
	*o = '\0';
	out->len = (size_t)(o - out->s);
	if (segs > 4 || out->len > PM_CODE_MAX) {
		*why = _("unit code too long");
		pm_buf_reset(out);
	}
	return 1;
}

const char *
pm_unit_normalize(const char *s, size_t n, struct pm_buf *out)
{
	char buf[128];
	const char *p, *end;
	const char *why = NULL;
	int segs = 0, seglen = 0, lead = 0;
	long k;

	pm_buf_reset(out);
	k = pm_text_clean_to(buf, sizeof buf, s, n);
	if (k < 0)
		return _("unit code too long");
	if (k == 0)
		return _("unit missing");
	if (unit_fast(buf, (size_t)k, out, &why))
		return why;
	p = buf;
	end = buf + k;
	while (p < end) {
		size_t w;

		if ((w = starts(p, end, unit_tail)) && p + w == end) {
			p += w;
			continue;
		}
		if ((w = starts(p, end, unit_seps)) || *p == '-' || *p == ' ') {
			/* "-2-1501", "栋2单元1501": the building was left out */
			if (!segs)
				lead = 1;
			p += w ? w : 1;
			/* one separator however many were written */
			if (seglen && pm_buf_addc(out, '-') < 0)
				goto oom;
			seglen = 0;
			continue;
		}
		if (!isalnum((unsigned char)*p)) {
			why = _("not a unit code (write 3-2-1501)");
			goto done;
		}
		/* drop leading zeros of a number, but keep a lone 0 */
		if (*p == '0' && !seglen && p + 1 < end && isdigit((unsigned char)p[1])) {
			p++;
			continue;
		}
		if (!seglen)
			segs++;
		if (pm_buf_addc(out, (char)toupper((unsigned char)*p)) < 0)
			goto oom;
		seglen++;
		p++;
	}
	if (out->len && out->s[out->len - 1] == '-')
		out->s[--out->len] = '\0';
	if (!segs || !out->len)
		why = _("not a unit code (write 3-2-1501)");
	else if (lead)
		why = _("no building in the unit code (write 3-2-1501 or 3-1501)");
	else if (segs > 4 || out->len > PM_CODE_MAX)
		why = _("unit code too long");
	goto done;
oom:
	why = _("out of memory");
done:
	if (why)
		pm_buf_reset(out);
	return why;
}

const char *
pm_unit_parse(const char *s, size_t n, struct pm_buf *code, struct pm_buf *building,
	      struct pm_buf *entrance, struct pm_buf *room, int *floor)
{
	const char *why = pm_unit_normalize(s, n, code);

	pm_buf_reset(building);
	pm_buf_reset(entrance);
	pm_buf_reset(room);
	*floor = 0;
	if (why)
		return why;
	if (!strchr(code->s, '-')) {
		pm_buf_reset(code);
		return _("no building in the unit code (write 3-2-1501 or 3-1501)");
	}
	pm_unit_split(code->s, building, entrance, room, floor);
	return NULL;
}

void
pm_unit_split(const char *code, struct pm_buf *building, struct pm_buf *entrance,
	      struct pm_buf *room, int *floor)
{
	const char *seg[4] = {0};
	size_t len[4] = {0};
	int k = 0;
	const char *p = code, *dash;

	pm_buf_reset(building);
	pm_buf_reset(entrance);
	pm_buf_reset(room);
	*floor = 0;
	while (k < 4 && *p) {
		dash = strchr(p, '-');
		seg[k] = p;
		len[k] = dash ? (size_t)(dash - p) : strlen(p);
		k++;
		if (!dash)
			break;
		p = dash + 1;
	}
	if (k == 0)
		return;
	/* the room is the last segment; extra middle segments join the entrance */
	if (k >= 3) {
		pm_buf_add(building, seg[0], len[0]);
		pm_buf_add(entrance, seg[1], (size_t)(seg[k - 1] - 1 - seg[1]));
	} else if (k == 2) {
		pm_buf_add(building, seg[0], len[0]);
	}
	pm_buf_add(room, seg[k - 1], len[k - 1]);
	/* 3 to 6 digits: floor and door; a longer number is no room
	 * number (and its floor would overflow an int) */
	if (room->len >= 3 && room->len <= 6) {
		size_t i;
		int f = 0;

		for (i = 0; i < room->len; i++)
			if (!isdigit((unsigned char)room->s[i]))
				return;
		for (i = 0; i + 2 < room->len; i++)
			f = f * 10 + (room->s[i] - '0');
		*floor = f;
	}
}

/* Keep the digits of s in d (cap bytes); refuse anything but digits and
 * the usual punctuation.  The digit count, or -1. */
static long
phone_digits(const char *s, char *d, size_t cap, int *plus)
{
	size_t k = 0;

	*plus = 0;
	for (; *s; s++) {
		if (isdigit((unsigned char)*s)) {
			if (k + 1 >= cap)
				return -1;
			d[k++] = *s;
		} else if (*s == '+' && !k && !*plus) {
			*plus = 1;
		} else if (!strchr(" -()./", *s)) {
			return -1;
		}
	}
	d[k] = '\0';
	return (long)k;
}

const char *
pm_phone_normalize(const char *s, size_t n, struct pm_buf *out, int *landline)
{
	static char reason[160];
	char clean[64], digits[32];
	const char *p;
	long k, nd;
	int plus;
	size_t len;

	pm_buf_reset(out);
	*landline = 0;
	k = pm_text_clean_to(clean, sizeof clean, s, n);
	if (k == 0)
		return _("phone missing");
	if (k < 0 || (nd = phone_digits(clean, digits, sizeof digits, &plus)) < 0)
		return _("not a phone number");
	if (!nd)
		return _("not a phone number");
	p = digits;
	len = (size_t)nd;
	/* country code: +86, 0086, 86 in front of a mobile number */
	if (len == 15 && !strncmp(p, "0086", 4) && p[4] == '1') {
		p += 4;
		len -= 4;
	} else if (len == 13 && !strncmp(p, "86", 2) && p[2] == '1') {
		p += 2;
		len -= 2;
	} else if (plus) {
		if (len >= 2 && !strncmp(p, "86", 2)) {
			p += 2;
			len -= 2;
		} else {
			return _("not a mainland phone number");
		}
	}
	if (len && p[0] == '1') {
		if (len != 11) {
			snprintf(reason, sizeof reason, _("phone has %zu digits"), len);
			return reason;
		}
		if (p[1] < '3')
			return _("not a mobile number");
		if (pm_buf_add(out, p, 11) < 0)
			return _("out of memory");
		return NULL;
	}
	if (len && p[0] == '0' && len >= 10 && len <= 12) {
		/* 010 and 02x have three-digit area codes, the rest four */
		size_t area = (p[1] == '1' || p[1] == '2') ? 3 : 4;

		if (len - area < 7 || len - area > 8)
			return _("not a landline number");
		if (pm_buf_add(out, p, area) < 0 || pm_buf_addc(out, '-') < 0 ||
		    pm_buf_add(out, p + area, len - area) < 0) {
			pm_buf_reset(out);
			return _("out of memory");
		}
		*landline = 1;
		return NULL;
	}
	return _("not a phone number");
}

char
pm_idno_check_char(const char *body17)
{
	static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int i, sum = 0;

	for (i = 0; i < 17; i++)
		sum += (body17[i] - '0') * w[i];
	return "10X98765432"[sum % 11];
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* "1.10105E+17": what Excel shows for an 18-digit number cell. */
static int
excel_scientific(const char *s)
{
	const char *e = strpbrk(s, "Ee");

	if (!e || e == s || !isdigit((unsigned char)s[0]) || (e[1] != '+' && e[1] != '-'))
		return 0;
	return all_digits(e + 2, strlen(e + 2)) && e[2];
}

const char *
pm_idno_normalize(const char *s, size_t n, struct pm_buf *out)
{
	static char reason[160];
	char b[64], id[19];
	long k;
	size_t len;
	int y, m, d;

	pm_buf_reset(out);
	k = pm_text_clean_to(b, sizeof b, s, n);
	if (k == 0)
		return _("ID number missing");
	if (k < 0)
		return _("not an ID number");
	len = (size_t)k;
	if (excel_scientific(b))
		return _("ID number in Excel's scientific notation: format the column as text and export again");
	if (len == 15 && all_digits(b, 15)) {
		/* pre-1999 IDs: insert the century and add the check digit */
		memcpy(id, b, 6);
		memcpy(id + 6, "19", 2);
		memcpy(id + 8, b + 6, 9);
		id[17] = pm_idno_check_char(id);
	} else if (len == 18 && all_digits(b, 17) &&
		   (isdigit((unsigned char)b[17]) || b[17] == 'x' || b[17] == 'X')) {
		memcpy(id, b, 18);
		id[17] = (char)toupper((unsigned char)id[17]);
	} else {
		if (len != 18 && (all_digits(b, len) || all_digits(b, len - 1)))
			snprintf(reason, sizeof reason, _("ID number has %zu characters, not 18"), len);
		else
			snprintf(reason, sizeof reason, "%s", _("not an ID number"));
		return reason;
	}
	id[18] = '\0';
	y = (id[6] - '0') * 1000 + (id[7] - '0') * 100 + (id[8] - '0') * 10 + (id[9] - '0');
	m = (id[10] - '0') * 10 + (id[11] - '0');
	d = (id[12] - '0') * 10 + (id[13] - '0');
	if (y < 1900 || !pm_date_valid(y, m, d))
		return _("ID number has no valid birth date");
	if (pm_idno_check_char(id) != id[17])
		return memcmp(id + 15, "000", 3)
		    ? _("ID number check digit wrong")
		    : _("ID number check digit wrong; it ends in 000, as when Excel rounds a long number: format the column as text");
	if (pm_buf_add(out, id, 18) < 0)
		return _("out of memory");
	return NULL;
}

const char *
pm_name_normalize(const char *s, size_t n, struct pm_buf *out)
{
	pm_buf_reset(out);
	pm_text_trim(&s, &n);
	if (!n)
		return _("name missing");
	if (pm_utf8_check(s, n, NULL) != 0)
		return _("name is not valid UTF-8 (was the file saved in another encoding?)");
	if (pm_text_has_control(s, n, 0))
		return _("name holds a control character");
	if (pm_utf8_chars(s, n) > PM_NAME_MAX)
		return _("name too long");
	if (pm_buf_add(out, s, n) < 0)
		return _("out of memory");
	return NULL;
}

const char *
pm_text_normalize(const char *s, size_t n, struct pm_buf *out)
{
	pm_buf_reset(out);
	pm_text_trim(&s, &n);
	if (pm_utf8_check(s, n, NULL) != 0)
		return _("text is not valid UTF-8 (was the file saved in another encoding?)");
	if (pm_text_has_control(s, n, 1))
		return _("text holds a control character");
	if (pm_utf8_chars(s, n) > PM_TEXT_MAX)
		return _("text too long");
	if (pm_buf_add(out, s, n) < 0)
		return _("out of memory");
	return NULL;
}

/* Keep the first `head` and last `tail` characters, star the rest. */
static int
mask(const char *s, size_t head, size_t tail, struct pm_buf *out)
{
	size_t n = strlen(s), i;

	pm_buf_reset(out);
	if (n < head + tail + 1) {
		head = 0;
		tail = n > 2 ? 2 : 0;
	}
	for (i = 0; i < n; i++)
		if (pm_buf_addc(out, i < head || i >= n - tail ? s[i] : '*') < 0)
			return -1;
	return 0;
}

int
pm_mask_idno(const char *s, struct pm_buf *out)
{
	return mask(s, 6, 4, out);
}

int
pm_mask_phone(const char *s, struct pm_buf *out)
{
	const char *dash = strchr(s, '-');

	if (dash) {  /* landline: keep the area code and the last four */
		if (mask(s, (size_t)(dash - s) + 1, 4, out) < 0)
			return -1;
		return 0;
	}
	return mask(s, 3, 4, out);
}
