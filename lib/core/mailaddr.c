/* mailaddr.c - local parts and domains safe to put in a mail header */
#include <string.h>

#include "i18n.h"
#include "mailaddr.h"

#define LOCAL_MAX 64
#define DOMAIN_MAX 253
#define LABEL_MAX 63

static int
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* RFC 5322 atext, ASCII only: no space, no specials such as < > , ; : @ */
static int
is_atext(unsigned char c)
{
	return is_alnum(c) || (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

const char *
pm_mail_local_check(const char *s)
{
	size_t n = strlen(s), i;

	if (!n)
		return _("empty");
	if (n > LOCAL_MAX)
		return _("longer than 64 bytes");
	if (s[0] == '.' || s[n - 1] == '.' || strstr(s, ".."))
		return _("a dot at either end or two dots in a row");
	for (i = 0; i < n; i++)
		if (s[i] != '.' && !is_atext((unsigned char)s[i]))
			return _("only letters, digits, dots and !#$%&'*+-/=?^_`{|}~ may be in the part before the @");
	return NULL;
}

const char *
pm_mail_domain_check(const char *s)
{
	size_t n = strlen(s), i, label = 0;

	if (!n)
		return _("empty");
	if (n > DOMAIN_MAX)
		return _("longer than 253 bytes");
	for (i = 0; i <= n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '.' || c == '\0') {
			if (!label)
				return _("an empty label (a dot at either end or two in a row)");
			if (s[i - 1] == '-')
				return _("a label ends with a hyphen");
			label = 0;
			continue;
		}
		if (!is_alnum(c) && c != '-')
			return _("only letters, digits, hyphens and dots may be in a domain");
		if (c == '-' && !label)
			return _("a label starts with a hyphen");
		if (++label > LABEL_MAX)
			return _("a label is longer than 63 bytes");
	}
	return NULL;
}
