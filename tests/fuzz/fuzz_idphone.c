/*
 * fuzz_idphone.c - phone and ID numbers, names and free text, masking
 *
 * Properties:
 *   - a phone that normalizes is 11 ASCII digits starting 13..19, or a
 *     landline "AREA-NUMBER" (flagged); normalizing it again gives it
 *     back unchanged;
 *   - an ID number that normalizes is 17 digits and a check character
 *     that pm_idno_check_char() agrees with; idempotent;
 *   - the reason for a refusal never holds the digits it was given
 *     (messages must not leak ID or phone numbers);
 *   - masks keep the length and star at least four digits of a mobile
 *     number, three of a landline and eight of an ID number;
 *   - names and free text come out trimmed, valid UTF-8, without the
 *     control characters they are refused for; idempotent.
 */
#include <ctype.h>
#include <string.h>

#include "core/utf8.h"
#include "core/validate.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* The longest run of digits in s. */
static size_t
digit_run(const char *s)
{
	size_t best = 0, cur = 0;

	for (; *s; s++) {
		cur = isdigit((unsigned char)*s) ? cur + 1 : 0;
		if (cur > best)
			best = cur;
	}
	return best;
}

static size_t
stars(const struct pm_buf *b)
{
	size_t i, k = 0;

	for (i = 0; i < b->len; i++)
		k += b->s[i] == '*';
	return k;
}

static void
check_phone(const char *s, size_t n)
{
	struct pm_buf out = PM_BUF_INIT, again = PM_BUF_INIT, m = PM_BUF_INIT;
	int land, land2;
	const char *why = pm_phone_normalize(s, n, &out, &land);
	size_t i;

	if (why) {
		FUZZ_CHECK(digit_run(why) < 7);
		goto done;
	}
	if (!land) {
		FUZZ_CHECK(out.len == 11 && out.s[0] == '1' && out.s[1] >= '3');
		for (i = 0; i < 11; i++)
			FUZZ_CHECK(isdigit((unsigned char)out.s[i]));
	} else {
		FUZZ_CHECK(out.s[0] == '0' && strchr(out.s, '-'));
	}
	FUZZ_CHECK(!pm_phone_normalize(out.s, out.len, &again, &land2));
	FUZZ_CHECK(land2 == land && again.len == out.len && !memcmp(again.s, out.s, out.len));
	FUZZ_CHECK(pm_mask_phone(out.s, &m) == 0);
	/* a landline keeps its area code and last four: a 7-digit number
	 * has three stars */
	FUZZ_CHECK(m.len == out.len && stars(&m) >= (land ? 3u : 4u));
done:
	pm_buf_free(&out);
	pm_buf_free(&again);
	pm_buf_free(&m);
}

static void
check_idno(const char *s, size_t n)
{
	struct pm_buf out = PM_BUF_INIT, again = PM_BUF_INIT, m = PM_BUF_INIT;
	const char *why = pm_idno_normalize(s, n, &out);
	size_t i;

	if (why) {
		FUZZ_CHECK(digit_run(why) < 7);
		goto done;
	}
	FUZZ_CHECK(out.len == 18);
	for (i = 0; i < 17; i++)
		FUZZ_CHECK(isdigit((unsigned char)out.s[i]));
	FUZZ_CHECK(pm_idno_check_char(out.s) == out.s[17]);
	FUZZ_CHECK(!pm_idno_normalize(out.s, out.len, &again));
	FUZZ_CHECK(again.len == 18 && !memcmp(again.s, out.s, 18));
	FUZZ_CHECK(pm_mask_idno(out.s, &m) == 0);
	FUZZ_CHECK(m.len == 18 && stars(&m) >= 8);
done:
	pm_buf_free(&out);
	pm_buf_free(&again);
	pm_buf_free(&m);
}

static void
check_text(const char *s, size_t n, int name)
{
	struct pm_buf out = PM_BUF_INIT, again = PM_BUF_INIT;
	const char *why = name ? pm_name_normalize(s, n, &out) : pm_text_normalize(s, n, &out);
	const char *t;
	size_t tn;

	if (why)
		goto done;
	FUZZ_CHECK(pm_utf8_check(out.s ? out.s : "", out.len, NULL) == 0);
	FUZZ_CHECK(!pm_text_has_control(out.s ? out.s : "", out.len, !name));
	t = out.s ? out.s : "";
	tn = out.len;
	pm_text_trim(&t, &tn);
	FUZZ_CHECK(tn == out.len);
	why = name ? pm_name_normalize(t, tn, &again) : pm_text_normalize(t, tn, &again);
	FUZZ_CHECK(!why);
	FUZZ_CHECK(again.len == out.len && (!out.len || !memcmp(again.s, out.s, out.len)));
done:
	pm_buf_free(&out);
	pm_buf_free(&again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;

	check_phone(s, size);
	check_idno(s, size);
	check_text(s, size, 1);
	check_text(s, size, 0);
	return 0;
}
