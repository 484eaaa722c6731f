/* header.c - header rows to importer fields, with Chinese aliases */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "header.h"
#include "i18n.h"
#include "utf8.h"

static int
same(const char *a, size_t n, const char *b, size_t m)
{
	return n == m && !strncasecmp(a, b, n);
}

/* The field a header cell names, or -1. */
static long
lookup(const char *s, size_t n, const struct pm_field_def *defs, const struct pm_strv *maps)
{
	size_t i, f;

	/* explicit maps first: they may rename a header that is also an alias */
	for (i = 0; maps && i < maps->n; i++) {
		const char *eq = strrchr(maps->v[i], '=');
		const char *m = maps->v[i];
		size_t mn;

		if (!eq)
			continue;
		mn = (size_t)(eq - m);
		pm_text_trim(&m, &mn);
		if (same(s, n, m, mn)) {
			for (f = 0; defs[f].name; f++)
				if (!strcasecmp(defs[f].name, eq + 1))
					return (long)f;
			return -2;  /* mapped to "ignore" or unknown: checked earlier */
		}
	}
	for (f = 0; defs[f].name; f++) {
		const char *a = defs[f].aliases;

		if (same(s, n, defs[f].name, strlen(defs[f].name)))
			return (long)f;
		while (a && *a) {
			const char *bar = strchr(a, '|');
			size_t k = bar ? (size_t)(bar - a) : strlen(a);

			if (same(s, n, a, k))
				return (long)f;
			a = bar ? bar + 1 : NULL;
		}
	}
	return -1;
}

static const char *
field_list(const struct pm_field_def *defs)
{
	static char buf[512];
	size_t f, used = 0;

	buf[0] = '\0';
	for (f = 0; defs[f].name && used < sizeof buf; f++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", f ? ", " : "",
		    defs[f].name);
	return buf;
}

int
pm_header_map(const struct pm_row *header, const struct pm_field_def *defs,
	      const struct pm_strv *maps, const char *file, struct pm_header *h,
	      struct pm_err *err)
{
	size_t i, f;

	memset(h, 0, sizeof *h);
	for (h->nfields = 0; defs[h->nfields].name; h->nfields++)
		;
	h->ncols = header->n;
	h->col = malloc(h->nfields * sizeof *h->col);
	if (!h->col)
		return pm_err_oom(err);
	for (f = 0; f < h->nfields; f++)
		h->col[f] = -1;
	for (i = 0; maps && i < maps->n; i++) {
		const char *eq = strrchr(maps->v[i], '=');

		if (!eq || eq == maps->v[i])
			return pm_err_set(err, PM_EXIT_USAGE,
			    _("--map '%s': write it as 'header=field'"), maps->v[i]);
		for (f = 0; defs[f].name && strcasecmp(defs[f].name, eq + 1); f++)
			;
		if (!defs[f].name && strcmp(eq + 1, "ignore"))
			return pm_err_set(err, PM_EXIT_USAGE,
			    _("--map '%s': no field '%s' (fields: %s, or ignore)"), maps->v[i],
			    eq + 1, field_list(defs));
		/* the first would silently win over a later correction */
		for (f = 0; f < i; f++) {
			const char *a = maps->v[i], *b = maps->v[f], *beq = strrchr(b, '=');
			size_t an = (size_t)(eq - a), bn = (size_t)(beq - b);

			pm_text_trim(&a, &an);
			pm_text_trim(&b, &bn);
			if (same(a, an, b, bn) && strcasecmp(eq + 1, beq + 1))
				return pm_err_set(err, PM_EXIT_USAGE,
				    _("--map '%s' and --map '%s' map one header twice: give one"),
				    maps->v[f], maps->v[i]);
		}
	}
	for (i = 0; i < header->n; i++) {
		const char *s = header->f[i].s;
		size_t n = header->f[i].len;
		long fi;

		pm_text_trim(&s, &n);
		if (pm_strv_add(&h->names, s, n) < 0)
			return pm_err_oom(err);
		fi = lookup(s, n, defs, maps);
		if (fi == -2)
			continue;
		if (fi < 0) {
			if (n && pm_strv_add(&h->unknown, s, n) < 0)
				return pm_err_oom(err);
			continue;
		}
		if (h->col[fi] >= 0)
			return pm_err_set(err, PM_EXIT_DATA,
			    _("%s:1: columns '%s' and '%.*s' both give '%s'"), file,
			    h->names.v[h->col[fi]], (int)n, s, defs[fi].name);
		h->col[fi] = (long)i;
	}
	for (f = 0; f < h->nfields; f++)
		if (defs[f].required && h->col[f] < 0) {
			const char *a = defs[f].aliases;
			size_t k = a ? strcspn(a, "|") : 0;

			return pm_err_set(err, PM_EXIT_DATA, k
			    ? _("%s:1: no '%s' column (or '%.*s')")
			    : _("%s:1: no '%s' column%.*s"), file, defs[f].name, (int)k, a ? a : "");
		}
	return 0;
}

/* ="110105199001011232" is how an --excel export (and many a
 * spreadsheet user) keeps a long number as text; it reads as the
 * number.  Only digits (and an ID number's X) are unwrapped: any other
 * formula stays as written. */
static const char *
excel_text(const char *s, size_t *n)
{
	size_t i;

	if (*n < 4 || s[0] != '=' || s[1] != '"' || s[*n - 1] != '"')
		return s;
	for (i = 2; i < *n - 1; i++)
		if (!(s[i] >= '0' && s[i] <= '9') && s[i] != 'X' && s[i] != 'x')
			return s;
	*n -= 3;
	return s + 2;
}

const char *
pm_header_cell(const struct pm_header *h, const struct pm_row *row, size_t f, size_t *n)
{
	long c = f < h->nfields ? h->col[f] : -1;

	if (c < 0 || (size_t)c >= row->n) {
		*n = 0;
		return NULL;
	}
	*n = row->f[c].len;
	return excel_text(row->f[c].s, n);
}

void
pm_header_free(struct pm_header *h)
{
	free(h->col);
	pm_strv_free(&h->names);
	pm_strv_free(&h->unknown);
	memset(h, 0, sizeof *h);
}
