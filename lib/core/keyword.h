/*
 * keyword.h - keywords on input, in English or Chinese
 *
 * Wherever a command takes a keyword (a ticket kind, a role, a payment
 * method), it accepts the English key, the Chinese name and any listed
 * alias: "--kind repair", "--kind 报修" and "--kind 维修" are one.  The
 * tables live with their domains; this is the one matcher.
 */
#ifndef PM_KEYWORD_H
#define PM_KEYWORD_H

#include <stddef.h>

struct pm_keyword {
	const char *key;      /* stored and printed in csv/json */
	const char *zh;       /* the Chinese name, printed in tables under zh_CN */
	const char *aliases;  /* more accepted spellings, '|'-separated, or NULL */
};

/* The entry s names (case-insensitive for ASCII, surrounding spaces
 * ignored), or NULL.  The table ends with a NULL key. */
const struct pm_keyword *pm_keyword_find(const struct pm_keyword *table, const char *s);

/* The same for the n bytes at s. */
const struct pm_keyword *pm_keyword_findn(const struct pm_keyword *table, const char *s, size_t n);

/* The key for s, or NULL. */
const char *pm_keyword_key(const struct pm_keyword *table, const char *s);

/* The name to show for key: Chinese when messages are Chinese, else the
 * key itself. */
const char *pm_keyword_label(const struct pm_keyword *table, const char *key);

/* "yes" and "no" as flag columns print them: 是 and 否 in a Chinese table. */
extern const struct pm_keyword pm_yes_no[];

/* "repair, complaint, ..." for error messages; static storage. */
const char *pm_keyword_list(const struct pm_keyword *table);

#endif
