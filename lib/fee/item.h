/*
 * item.h - fee items (收费项目) and their rates over time
 *
 * An item has a code (ITEM on the command line; its Chinese name is
 * accepted too), a basis (per m2 of building area, per unit, per parking
 * space, per meter reading, or a fixed one-off charge), a cycle (monthly,
 * quarterly, yearly, a heating season, or once), the unit types it
 * applies to, and rates from given months on.  A rate is yuan x10000 for
 * one period of the cycle (2.35 yuan per m2 per month is 23500).
 *
 * Periods: a monthly item's periods are months ("2026-11"), a quarterly
 * item's quarters ("2026Q4"), a yearly item's years ("2026"), a season
 * item's heating seasons from its first to its last month
 * ("2026-11~2027-03" for --season 11-03).  A period is billed at the
 * rate in force on its first day.
 */
#ifndef PM_FEE_ITEM_H
#define PM_FEE_ITEM_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/money.h"
#include "core/out.h"
#include "core/time.h"

/* Rates above this (yuan x10000) are refused: the money limit,
 * 100 million yuan (core/money.h). */
#define PM_FEE_RATE_MAX (PM_MONEY_MAX * 100)

struct pm_fee_item {
	const char *code, *name;
	const char *basis;    /* pm_fee_bases key or alias */
	const char *cycle;    /* pm_fee_cycles key or alias; NULL: monthly (once for fixed) */
	const char *season;   /* "11-03" for a season item */
	const char *meter;    /* for a meter item */
	const char *types;    /* unit types, ','-separated (keys or aliases); NULL: residential */
	int agent;            /* collected on behalf of others (代收) */
	const char *rate;     /* yuan, up to 4 decimals */
	const char *since;    /* month the rate starts; NULL: this month */
};

/* Add an item with its first rate.  65 for a bad field or a code or
 * name already used. */
int pm_fee_item_add(struct pm_db *db, const struct pm_fee_item *it, struct pm_err *err);

/* A new rate for item from month since ("2026-11"; NULL: this month).
 * A second rate from the same month replaces the first only when no
 * period starting on or after it has been billed (else 65). */
int pm_fee_item_rate(struct pm_db *db, const char *item, const char *rate, const char *since,
		     struct pm_err *err);

/* Stop billing item for periods starting on or after month from. */
int pm_fee_item_retire(struct pm_db *db, const char *item, const char *from, struct pm_err *err);

/* List items with the rate in force today; all includes retired ones. */
int pm_fee_item_list(struct pm_db *db, int all, struct pm_out *out, struct pm_err *err);

/* The rate history of one item. */
int pm_fee_item_rates(struct pm_db *db, const char *item, struct pm_out *out, struct pm_err *err);

/* The item typed (code or name): *id.  65 "no fee item 'x'". */
int pm_fee_item_find(struct pm_db *db, const char *typed, int64_t *id, struct pm_err *err);

/* An item as billing needs it. */
struct pm_fee_itemrec {
	int64_t id;
	char code[64], basis[8], cycle[12], meter[12];
	char *name, *types, *retired;  /* malloc'ed; retired NULL when current */
	int season_from, season_to;    /* months, for a season item */
};
int pm_fee_item_load(struct pm_db *db, int64_t id, struct pm_fee_itemrec *it, struct pm_err *err);
void pm_fee_item_free(struct pm_fee_itemrec *it);

/* One period of an item. */
struct pm_fee_period {
	char label[24];
	struct pm_date first, last;
};

/* The item's periods whose first day falls within from..to, in order;
 * *v is malloc'ed (NULL when none).  A once item has none. */
int pm_fee_item_periods(const struct pm_fee_itemrec *it, struct pm_date from, struct pm_date to,
			struct pm_fee_period **v, size_t *n, struct pm_err *err);

/* The rate in force on day (yuan x10000); *found 0 when the item has no
 * rate yet on that day. */
int pm_fee_item_rate_on(struct pm_db *db, int64_t item_id, const char *day, int64_t *rate,
			int *found, struct pm_err *err);

#endif
