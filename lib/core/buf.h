/*
 * buf.h - a growable byte string
 *
 * The one answer to "how long can this get": input decides, the buffer
 * grows.  s is always NUL-terminated when non-NULL (but may also contain
 * NULs; len is the truth).  Append functions return 0, or -1 when memory
 * runs out, leaving the buffer as it was.
 */
#ifndef PM_BUF_H
#define PM_BUF_H

#include <stddef.h>

struct pm_buf {
	char *s;
	size_t len;
	size_t cap;
};

#define PM_BUF_INIT {NULL, 0, 0}

int pm_buf_grow(struct pm_buf *b, size_t extra);
int pm_buf_add(struct pm_buf *b, const void *p, size_t n);
int pm_buf_adds(struct pm_buf *b, const char *s);
int pm_buf_addc(struct pm_buf *b, char c);
int pm_buf_addf(struct pm_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void pm_buf_reset(struct pm_buf *b);   /* len = 0, keep the memory */
void pm_buf_free(struct pm_buf *b);
/* Hand the string to the caller (who frees it) and reset b; "" when empty,
 * NULL only when memory runs out. */
char *pm_buf_detach(struct pm_buf *b);
/* The contents as a C string: "" when nothing was added. */
const char *pm_buf_str(const struct pm_buf *b);

#endif
