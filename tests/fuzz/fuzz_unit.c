/*
 * fuzz_unit.c - the unit-code normalizer
 *
 * Properties: a code that normalizes is non-empty, at most PM_CODE_MAX
 * bytes of upper-case ASCII letters, digits and single inner dashes, in
 * one to four segments; normalizing it again gives it back unchanged
 * (idempotence: what the database holds is what a clerk's retyping
 * finds); pm_unit_split() of it takes it apart into pieces that are all
 * in the code.  A refused code leaves the output empty.
 */
#include <ctype.h>
#include <string.h>

#include "core/validate.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pm_buf out = PM_BUF_INIT, again = PM_BUF_INIT;
	struct pm_buf b = PM_BUF_INIT, e = PM_BUF_INIT, r = PM_BUF_INIT;
	const char *why;
	int floor, segs = 1;
	size_t i;

	why = pm_unit_normalize((const char *)data, size, &out);
	if (why) {
		FUZZ_CHECK(*why);
		FUZZ_CHECK(out.len == 0);
		goto done;
	}
	FUZZ_CHECK(out.len > 0 && out.len <= PM_CODE_MAX);
	FUZZ_CHECK(strlen(out.s) == out.len);
	for (i = 0; i < out.len; i++) {
		char c = out.s[i];

		if (c == '-') {
			FUZZ_CHECK(i > 0 && i + 1 < out.len && out.s[i - 1] != '-');
			segs++;
		} else {
			FUZZ_CHECK(isdigit((unsigned char)c) || isupper((unsigned char)c));
		}
	}
	FUZZ_CHECK(segs <= 4);
	why = pm_unit_normalize(out.s, out.len, &again);
	FUZZ_CHECK(!why);
	FUZZ_CHECK(again.len == out.len && !memcmp(again.s, out.s, out.len));

	pm_unit_split(out.s, &b, &e, &r, &floor);
	FUZZ_CHECK(r.len > 0);
	FUZZ_CHECK(b.len + e.len + r.len <= out.len);
	FUZZ_CHECK(!b.len || !strncmp(out.s, b.s, b.len));
	FUZZ_CHECK(out.len >= r.len && !memcmp(out.s + out.len - r.len, r.s, r.len));
	FUZZ_CHECK(floor >= 0);
done:
	pm_buf_free(&out);
	pm_buf_free(&again);
	pm_buf_free(&b);
	pm_buf_free(&e);
	pm_buf_free(&r);
	return 0;
}
