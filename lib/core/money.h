/*
 * money.h - exact decimals: money in fen, areas, rates, readings
 *
 * No floating point touches money.  A decimal is an int64 scaled by a
 * power of ten: money is fen (scale 2: 1234.50 yuan = 123450), an area is
 * hundredths of a m2 (scale 2), a rate per m2 or per unit is scale 4
 * (0.5283 yuan per kWh = 5283), a meter reading scale 2.
 *
 * THE ROUNDING RULE, written once and used everywhere: a product is
 * computed exactly, then rounded to the fen half away from zero (half up
 * for the positive amounts a bill holds): 89.37 m2 x 2.35 yuan =
 * 210.0195 -> 210.02; 0.005 -> 0.01; -0.005 -> -0.01.  Sums are of
 * already-rounded lines, so a bill is the sum of what its lines print.
 */
#ifndef PM_MONEY_H
#define PM_MONEY_H

#include <stddef.h>
#include <stdint.h>

enum pm_num {
	PM_NUM_OK = 0,
	PM_NUM_EMPTY,      /* nothing there */
	PM_NUM_SYNTAX,     /* not a number: letters, 1e3, 0x10, NaN, "1,2345" */
	PM_NUM_PRECISION,  /* more decimals than the scale allows */
	PM_NUM_RANGE,      /* too large for the type */
	PM_NUM_NEGATIVE,   /* negative where that is not allowed */
	PM_NUM_LIMIT,      /* money above PM_MONEY_MAX (either sign) */
	PM_NUM_AREA_LIMIT, /* an area above PM_AREA_MAX */
};

/* THE MONEY LIMIT: no amount typed or read (a payment, a deposit, a
 * charge, an adjustment, a hand-over, a deduction, a price) is more than
 * 100,000,000.00 yuan, either sign.  pm_money_parse refuses anything
 * larger with PM_NUM_LIMIT, whose reason names the limit.  Far below
 * INT64_MAX, so that sums of amounts cannot overflow in practice; sums
 * are still checked (pm_money_add), since a database written by other
 * means can hold anything. */
#define PM_MONEY_MAX 10000000000LL
#define PM_MONEY_MAX_TEXT "100000000.00"

/* THE AREA LIMIT: no area (building, usable, land) is more than
 * 100,000.00 m2; pm_area_parse refuses anything larger, so that an area
 * times any rate stays far from overflow. */
#define PM_AREA_MAX 10000000LL
#define PM_AREA_MAX_TEXT "100000.00"


/* A short reason for a code ("not a number", "too many decimals", ...),
 * translated. */
const char *pm_num_reason(enum pm_num rc);

/* Parse a plain decimal: optional '-', digits, optional '.' and at most
 * scale digits (scale 0..6).  Full-width digits and surrounding spaces
 * are accepted (utf8.h's clean rule).  *out is the value times 10^scale. */
enum pm_num pm_dec_parse(const char *s, size_t n, int scale, int64_t *out);

/* Parse money the way desks write it: "1234.5", "1,234.50" (commas only
 * between groups of three), "¥1234.50" or "￥", "1234.5元", "-12.30".
 * At most two decimals; result in fen.  Above PM_MONEY_MAX either way:
 * PM_NUM_LIMIT (nothing stored). */
enum pm_num pm_money_parse(const char *s, size_t n, int64_t *fen);

/* Parse an area in m2 (scale 2, as pm_dec_parse): PM_NUM_NEGATIVE below
 * zero, PM_NUM_AREA_LIMIT above PM_AREA_MAX or past int64; nothing
 * stored unless PM_NUM_OK.  Every area typed or imported goes through
 * here. */
enum pm_num pm_area_parse(const char *s, size_t n, int64_t *area);

/* Largest length pm_dec_fmt writes, with the NUL. */
#define PM_DEC_BUFSZ 32

/* Write v (scaled by 10^scale) as "-1234.50" into buf and return buf.
 * pm_money_fmt is pm_dec_fmt at scale 2. */
char *pm_dec_fmt(int64_t v, int scale, char buf[PM_DEC_BUFSZ]);
char *pm_money_fmt(int64_t fen, char buf[PM_DEC_BUFSZ]);

/* As pm_dec_fmt, dropping trailing fraction zeros ("2.3500" -> "2.35",
 * "3.00" -> "3"); for rates and quantities, never for money. */
char *pm_dec_fmt_short(int64_t v, int scale, char buf[PM_DEC_BUFSZ]);

/* out = round(a x b) at scale so, where a has scale sa and b scale sb,
 * by THE ROUNDING RULE.  -1 on overflow (nothing stored), else 0. */
int pm_dec_mul(int64_t a, int sa, int64_t b, int sb, int so, int64_t *out);

/* out = round(a x num / den) at a's scale, THE ROUNDING RULE; for
 * pro-rating by days (den > 0).  -1 on overflow. */
int pm_dec_muldiv(int64_t a, int64_t num, int64_t den, int64_t *out);

/* a + b, -1 on overflow (then *out holds the wrapped value: do not use it). */
int pm_dec_add(int64_t a, int64_t b, int64_t *out);

struct pm_err;

/* *sum += v for a running total of money (what: "payments", "the cash
 * journal", ... for the message).  On overflow *sum is unchanged and err
 * says "the total of WHAT overflows" (PM_EXIT_DATA): the database holds
 * amounts far above PM_MONEY_MAX.  0 or -1. */
int pm_money_add(int64_t *sum, int64_t v, const char *what, struct pm_err *err);

/* *sum -= v, checked the same way. */
int pm_money_sub(int64_t *sum, int64_t v, const char *what, struct pm_err *err);

#endif
