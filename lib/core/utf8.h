/*
 * utf8.h - UTF-8 validation, display width and the text-cleaning rules
 *
 * Everything inside pm-tools is UTF-8; other encodings are decoded at the
 * door (csvin.c).  The rules that clean a cell typed in Excel live here,
 * once:
 *
 *   trim   leading and trailing white space is removed: ASCII space and
 *          tab, NBSP U+00A0, the Unicode spaces U+2000..U+200A, U+202F,
 *          U+205F, the ideographic space U+3000, and the invisible
 *          U+200B and U+FEFF that copy and paste leaves behind.
 *   fold   full-width ASCII (U+FF01..U+FF5E, e.g. "１３８") becomes ASCII
 *          and U+3000 a space; used on codes, numbers, phones, IDs and
 *          dates, never on names or free text.
 */
#ifndef PM_UTF8_H
#define PM_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Check n bytes of UTF-8 strictly (no overlongs, surrogates or values
 * past U+10FFFF).  Returns 0 when valid; -1 when invalid, with *bad the
 * offset of the first bad byte; 1 when the text is valid but ends inside
 * a sequence that more input could complete, with *bad where it starts. */
int pm_utf8_check(const char *s, size_t n, size_t *bad);

/* Decode one code point at *p (advancing it); -1 on a bad sequence, in
 * which case *p advances by one byte. */
int32_t pm_utf8_next(const char **p, const char *end);

/* Append code point c as UTF-8.  0, or -1 when out of memory. */
int pm_utf8_put(struct pm_buf *b, int32_t c);

/* Columns a terminal gives the code point: 0, 1 or 2 (East Asian Wide
 * and Fullwidth are 2, combining marks 0, controls 0). */
int pm_char_width(int32_t c);

/* Display columns of n bytes of UTF-8 (bad bytes count one each). */
size_t pm_utf8_width(const char *s, size_t n);

/* Narrow the span s, n to exclude the leading and trailing white space above. */
void pm_text_trim(const char **s, size_t *n);

/* Append s folded to ASCII where it has a full-width twin. */
int pm_text_fold(struct pm_buf *out, const char *s, size_t n);

/* Trim, then fold, into out (reset first).  The usual first step of
 * every parser of typed-in codes and numbers.  0, or -1 out of memory. */
int pm_text_clean(struct pm_buf *out, const char *s, size_t n);

/* The same into dst (cap bytes, NUL included): the cleaned length, or -1
 * when it does not fit.  For parsers of short values (numbers, dates,
 * codes), which need no allocation. */
long pm_text_clean_to(char *dst, size_t cap, const char *s, size_t n);

/* 1 when s has a character no name or free text should hold: a C0 or C1
 * control other than tab and line breaks (allow_newline), DEL, or a
 * bidirectional override (U+202A..U+202E, U+2066..U+2069). */
/* Characters (not bytes, not columns) in the valid UTF-8 s[0..n). */
size_t pm_utf8_chars(const char *s, size_t n);
int pm_text_has_control(const char *s, size_t n, int allow_newline);

#endif
