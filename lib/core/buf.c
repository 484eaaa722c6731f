/* buf.c - growable byte strings */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

int
pm_buf_grow(struct pm_buf *b, size_t extra)
{
	size_t need, cap;
	char *s;

	if (extra > SIZE_MAX - b->len - 1)
		return -1;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	s = realloc(b->s, cap);
	if (!s)
		return -1;
	b->s = s;
	b->cap = cap;
	return 0;
}

int
pm_buf_add(struct pm_buf *b, const void *p, size_t n)
{
	if (pm_buf_grow(b, n) < 0)
		return -1;
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int
pm_buf_adds(struct pm_buf *b, const char *s)
{
	return pm_buf_add(b, s, strlen(s));
}

int
pm_buf_addc(struct pm_buf *b, char c)
{
	return pm_buf_add(b, &c, 1);
}

int
pm_buf_addf(struct pm_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || pm_buf_grow(b, (size_t)n) < 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void
pm_buf_reset(struct pm_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
pm_buf_free(struct pm_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

char *
pm_buf_detach(struct pm_buf *b)
{
	char *s;

	if (!b->s && pm_buf_grow(b, 0) < 0)
		return NULL;
	s = b->s;
	s[b->len] = '\0';
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

const char *
pm_buf_str(const struct pm_buf *b)
{
	return b->s ? b->s : "";
}
