/*
 * validate.h - unit codes, phone and ID numbers, names: read, check, normalize
 *
 * Each function reads one cell as a clerk or Excel wrote it and either
 * writes the normalized value to out (reset first) and returns NULL, or
 * returns a short translated reason ("phone has 10 digits") that the
 * caller puts after "FILE:LINE: column: ".  A reason never quotes the
 * value itself: ID and phone numbers must not reach error messages.
 */
#ifndef PM_VALIDATE_H
#define PM_VALIDATE_H

#include <stddef.h>

#include "buf.h"

#define PM_NAME_MAX 50     /* characters in a person's name */
#define PM_TEXT_MAX 2000   /* characters in a free-text field */
#define PM_CODE_MAX 32     /* bytes in a normalized unit code */

/* Is why the normalizers' "out of memory"?  Then the failure is the
 * machine's, not the cell's: an importer stops (71) rather than report
 * the row. */
int pm_why_is_oom(const char *why);

/*
 * Unit codes.  "3-2-1501", "3栋2单元1501", "3幢2单元1501室", "3号楼2单元1501",
 * "3#2-1501" and " ３-２-１５０１ " are all "3-2-1501": building, entrance
 * (单元) and room, joined by '-'.  Letters are upper-cased ("b2-138" is
 * "B2-138"); numeric building and entrance numbers lose leading zeros.
 * One to four segments of ASCII letters and digits.  A code that starts
 * with a separator ("-2-1501", "栋2单元1501") has lost its building and
 * is refused, "no building in the unit code (write 3-2-1501 or 3-1501)".
 */
const char *pm_unit_normalize(const char *s, size_t n, struct pm_buf *out);

/*
 * The code of a unit being created (a roll row, pm-owner unit add): the
 * one rule for where a unit is.  A unit is in a building: its code is
 * building-entrance-room ("3-2-1501") or, in a building of one staircase,
 * building-room ("3-1501"); shops, garages and parking spaces too, in
 * their block ("S-01", "P-B1-023").  A code of one segment ("101",
 * "A101") names no building and gets the reason above.  On success code
 * holds the normalized code and the parts are filled as pm_unit_split()
 * fills them.
 */
const char *pm_unit_parse(const char *s, size_t n, struct pm_buf *code,
			  struct pm_buf *building, struct pm_buf *entrance,
			  struct pm_buf *room, int *floor);

/* The parts of a normalized code: with three or more segments building,
 * entrance, room; with two building and room; with one only room.  Each
 * output is reset and filled (possibly empty).  floor is the room number
 * without its last two digits (1501 -> 15) when the room is 3+ digits,
 * else 0 when unknown. */
void pm_unit_split(const char *code, struct pm_buf *building,
		   struct pm_buf *entrance, struct pm_buf *room, int *floor);

/*
 * Phone numbers.  A mainland mobile number ("+86 138-0013-8000",
 * "0086 13800138000", "86 13800138000", full-width digits) becomes its
 * 11 digits; a landline ("010-12345678", "(0571) 8888 6666", "0571-88886666")
 * becomes "0571-88886666" and *landline is set.
 */
const char *pm_phone_normalize(const char *s, size_t n, struct pm_buf *out,
			       int *landline);

/*
 * Resident ID numbers (GB 11643).  18 characters: 17 digits and a check
 * digit (0-9 or X; a lower-case x is accepted and upper-cased), with a
 * birth date that exists.  A 15-digit number issued before 1999 is
 * accepted and converted to its 18-digit form.  Excel's mangling gets its
 * own reason: "1.10105E+17" (scientific notation) and a number ending in
 * 000 whose check digit fails (15 significant digits kept).
 */
const char *pm_idno_normalize(const char *s, size_t n, struct pm_buf *out);

/* The GB 11643 check character of 17 digits. */
char pm_idno_check_char(const char *body17);

/*
 * Names and free text: trimmed; a name must not be empty, longer than
 * PM_NAME_MAX characters, or hold a control or bidi-override character;
 * free text may be empty, may hold line breaks, and is limited to
 * PM_TEXT_MAX characters.
 */
const char *pm_name_normalize(const char *s, size_t n, struct pm_buf *out);
const char *pm_text_normalize(const char *s, size_t n, struct pm_buf *out);

/* Masked forms for output: "110105********002X", "138****5678",
 * "0571-****6666".  Shorter or odd values are masked all but the last
 * two characters.  out is reset. */
int pm_mask_idno(const char *s, struct pm_buf *out);
int pm_mask_phone(const char *s, struct pm_buf *out);

#endif
