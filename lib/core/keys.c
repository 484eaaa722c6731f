/* keys.c - reading a column of keys from a CSV on a pipe */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvin.h"
#include "i18n.h"
#include "keys.h"
#include "utf8.h"

const char *const pm_keys_unit[] = {"unit", "房号", "房屋", "房间号", "code", "unit_code", NULL};
const char *const pm_keys_id[] = {"id", "no", "number", "编号", "单号", "ticket", "receipt",
	"permit", "notice", NULL};

int
pm_strv_add(struct pm_strv *sv, const char *s, size_t n)
{
	char *copy;

	if (sv->n == sv->cap) {
		size_t cap = sv->cap ? sv->cap * 2 : 16;
		char **v = realloc(sv->v, cap * sizeof *v);

		if (!v)
			return -1;
		sv->v = v;
		sv->cap = cap;
	}
	copy = strndup(s, n);
	if (!copy)
		return -1;
	sv->v[sv->n++] = copy;
	return 0;
}

void
pm_strv_free(struct pm_strv *sv)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

static int
matches(const struct pm_field *f, const char *const *names)
{
	const char *s = f->s;
	size_t n = f->len;

	pm_text_trim(&s, &n);
	for (; *names; names++)
		if (strlen(*names) == n && !strncasecmp(s, *names, n))
			return 1;
	return 0;
}

static int
add_trimmed(struct pm_strv *out, const struct pm_field *f, struct pm_err *err)
{
	const char *s = f->s;
	size_t n = f->len;

	pm_text_trim(&s, &n);
	if (n && pm_strv_add(out, s, n) < 0)
		return pm_err_oom(err);
	return 0;
}

int
pm_keys_read(const char *path, const char *const *names, struct pm_strv *out,
	     struct pm_err *err)
{
	struct pm_csvin *in = pm_csvin_open(path, NULL, err);
	struct pm_row *row;
	long col = -1;
	size_t i;
	int rc;

	if (!in)
		return -1;
	rc = pm_csvin_read(in, &row, err);
	if (rc <= 0)
		goto done;  /* empty input: no keys */
	for (i = 0; i < row->n && col < 0; i++)
		if (matches(&row->f[i], names))
			col = (long)i;
	if (col < 0) {
		if (row->n != 1) {
			rc = pm_err_set(err, PM_EXIT_DATA, _("%s: no '%s' column"),
			    pm_csvin_name(in), names[0]);
			goto done;
		}
		col = 0;  /* a plain list: the first line is a key too */
		if (add_trimmed(out, &row->f[0], err) < 0) {
			rc = -1;
			goto done;
		}
	}
	while ((rc = pm_csvin_read(in, &row, err)) > 0)
		if ((size_t)col < row->n && add_trimmed(out, &row->f[col], err) < 0) {
			rc = -1;
			break;
		}
done:
	pm_csvin_close(in);
	return rc < 0 ? -1 : 0;
}
