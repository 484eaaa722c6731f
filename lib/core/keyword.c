/* keyword.c - matching English and Chinese keywords */
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "i18n.h"
#include "keyword.h"
#include "utf8.h"

static int
same(const char *a, size_t n, const char *b, size_t m)
{
	return n == m && !strncasecmp(a, b, n);
}

const struct pm_keyword *
pm_keyword_find(const struct pm_keyword *t, const char *s)
{
	return s ? pm_keyword_findn(t, s, strlen(s)) : NULL;
}

const struct pm_keyword pm_yes_no[] = {
	{"yes", "是", "y|1|true"},
	{"no", "否", "n|0|false"},
	{NULL, NULL, NULL},
};

const struct pm_keyword *
pm_keyword_findn(const struct pm_keyword *t, const char *s, size_t n)
{
	pm_text_trim(&s, &n);
	for (; t->key; t++) {
		const char *a = t->aliases;

		if (same(s, n, t->key, strlen(t->key)) || (t->zh && same(s, n, t->zh, strlen(t->zh))))
			return t;
		while (a && *a) {
			const char *bar = strchr(a, '|');
			size_t k = bar ? (size_t)(bar - a) : strlen(a);

			if (same(s, n, a, k))
				return t;
			a = bar ? bar + 1 : NULL;
		}
	}
	return NULL;
}

const char *
pm_keyword_key(const struct pm_keyword *t, const char *s)
{
	const struct pm_keyword *k = pm_keyword_find(t, s);

	return k ? k->key : NULL;
}

const char *
pm_keyword_label(const struct pm_keyword *t, const char *key)
{
	const char *lang = _("en");

	for (; t->key; t++)
		if (!strcmp(t->key, key))
			return !strcmp(lang, "zh") && t->zh ? t->zh : t->key;
	return key;
}

const char *
pm_keyword_list(const struct pm_keyword *t)
{
	static struct pm_buf b;

	pm_buf_reset(&b);
	for (; t->key; t++) {
		if (b.len)
			pm_buf_adds(&b, ", ");
		pm_buf_adds(&b, t->key);
	}
	return pm_buf_str(&b);
}
