/*
 * fuzz_setting.c - the types of pm-admin settings
 *
 * The first byte picks a setting, the rest is its value.  Properties:
 *   - mail.from and mail.domain values that are accepted hold nothing a
 *     mail header could split on or take as another address: no byte
 *     outside printable ASCII, no space, no , ; : < > @ ( ) [ ] " \ ;
 *     a domain only letters, digits, '-' and '.';
 *   - an accepted "local@domain" built from them is one line;
 *   - one-line settings (estate.name, the lists) that are accepted are
 *     valid UTF-8 without a line break, a C0 or C1 control (tab aside)
 *     or a bidi override;
 *   - whole numbers that are accepted are within the setting's range.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/settings.h"
#include "core/utf8.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void
check_mail(const struct pm_setting *s, const char *v)
{
	const unsigned char *p;

	for (p = (const unsigned char *)v; *p; p++) {
		FUZZ_CHECK(*p > 0x20 && *p < 0x7F);
		FUZZ_CHECK(!strchr(",;:<>@()[]\"\\", *p));
		if (s->type == PM_SET_DOMAIN)
			FUZZ_CHECK((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.');
	}
	FUZZ_CHECK(*v && v[0] != '.' && v[strlen(v) - 1] != '.');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct pm_setting *s;
	size_t nsettings = 0;
	char *v;

	if (size < 1)
		return 0;
	while (pm_settings[nsettings].name)
		nsettings++;
	s = &pm_settings[data[0] % nsettings];
	/* a value is a C string: it ends at the first NUL, as argv does */
	v = malloc(size);
	if (!v)
		abort();
	memcpy(v, data + 1, size - 1);
	v[size - 1] = '\0';
	if (!pm_setting_check(s, v)) {
		size_t n = strlen(v);

		switch (s->type) {
		case PM_SET_MAIL_LOCAL:
		case PM_SET_DOMAIN:
			check_mail(s, v);
			break;
		case PM_SET_TEXT:
		case PM_SET_LIST:
			FUZZ_CHECK(pm_utf8_check(v, n, NULL) == 0);
			FUZZ_CHECK(!pm_text_has_control(v, n, 0));
			FUZZ_CHECK(!memchr(v, '\n', n) && !memchr(v, '\r', n));
			break;
		case PM_SET_INT: {
			long long x = strtoll(v, NULL, 10);

			FUZZ_CHECK(x >= s->min && x <= s->max);
			break;
		}
		case PM_SET_ZONE:
		case PM_SET_ENUM:
			FUZZ_CHECK(n > 0);
			break;
		}
	}
	free(v);
	return 0;
}
