/*
 * registers.h - pm-owner's registers: vehicles, pets, keys in custody,
 * household visits, vacant units and their inspections, the reminders
 * of expiring passes and licences, and the monthly ownership and
 * rental registers (产权清册, 租赁清册)
 *
 * Writers (the *_add, *_remove, key in/out, visit, inspect functions)
 * run inside the caller's transaction (pm_db_begin), check what they
 * depend on there, write, and leave one audit row per record changed.
 * They take units and staff as typed on the command line and dates as
 * parsed by the verb (NULL: today).  A refused write is 65 with the
 * reason (64 when something it needs was not given) and nothing
 * written; the caller rolls back.
 *
 * Listers write one table through a struct pm_out and never print
 * otherwise.  "Today" is pm_today() ($PM_NOW aware, estate time zone).
 *
 * Expiry: a pass or licence "expiring within N days" is one whose
 * expiry date is on or before today + N days, already expired ones
 * included: with today 2026-11-30, --expiring 30d lists what expires
 * on or before 2026-12-30.
 */
#ifndef PM_OWNER_REGISTERS_H
#define PM_OWNER_REGISTERS_H

#include <stdint.h>

#include "core/buf.h"
#include "core/db.h"
#include "core/err.h"
#include "core/keyword.h"
#include "core/out.h"
#include "core/time.h"

/* Natural order of units aliased "u": building 2 before 10, room 101
 * before 1001 (as pm-owner list orders them). */
#define PM_REG_UNIT_ORDER \
	" CAST(u.building AS INTEGER), u.building, CAST(u.entrance AS INTEGER)," \
	" u.entrance, u.floor, CAST(u.room AS INTEGER), u.room"

/* No expiry filter for the list functions' within_days. */
#define PM_NO_EXPIRY (-1)

/*
 * Vehicles (车辆, 出入证).
 *
 * A plate is read as desks type it and stored normalized: full-width
 * folded, upper case, without spaces, dots or dashes ("京a·123 45" is
 * "京A12345").  It must be a mainland civil plate: a province character
 * (京 沪 粤 ...), a letter, then five letters or digits, six for a
 * new-energy plate, or four and one of 挂 学 警 港 澳 领.
 */
const char *pm_plate_normalize(const char *s, size_t n, struct pm_buf *out);

struct pm_vehicle {
	const char *plate;              /* as typed */
	const char *space;              /* parking space, or NULL */
	const char *pass_no;            /* pass (出入证) number, or NULL */
	const struct pm_date *expires;  /* the pass's last valid day, or NULL */
};

/* Register a vehicle of the unit.  65 for a bad plate, or a plate that is
 * registered and not removed (to this unit or another). */
int pm_vehicle_add(struct pm_db *db, const char *unit, const struct pm_vehicle *v,
		   struct pm_err *err);

/* The vehicle with this plate is gone as of date (NULL: today; not in the
 * future).  65 when no vehicle with the plate is registered. */
int pm_vehicle_remove(struct pm_db *db, const char *plate, const struct pm_date *date,
		      struct pm_err *err);

/* Registered vehicles (with all, removed ones too), of one unit when unit
 * is not NULL, with passes expiring within within_days (PM_NO_EXPIRY: no
 * filter); by unit, then plate. */
int pm_vehicle_list(struct pm_db *db, const char *unit, int within_days, int all,
		    struct pm_out *out, struct pm_err *err);

/*
 * Pets (养犬证).  kind is a pm_pet_kinds key or alias (dog when NULL);
 * licence numbers are cleaned like codes (trimmed, full-width folded,
 * upper case) and a number held by a pet not removed cannot be given to
 * another.  A pet needs a name or a licence number (64 without), so that
 * pet remove can name it.
 */
extern const struct pm_keyword pm_pet_kinds[];

struct pm_pet {
	const char *kind;
	const char *name;
	const char *breed;
	const char *licence;
	const struct pm_date *expires;  /* the licence's last valid day, or NULL */
};

int pm_pet_add(struct pm_db *db, const char *unit, const struct pm_pet *p, struct pm_err *err);

/* The unit's pet with this licence number, or else with this name, is
 * gone as of date (NULL: today).  65 when the unit has no such pet, or
 * two pets answer to the name. */
int pm_pet_remove(struct pm_db *db, const char *unit, const char *licence, const char *name,
		  const struct pm_date *date, struct pm_err *err);

int pm_pet_list(struct pm_db *db, const char *unit, int within_days, int all,
		struct pm_out *out, struct pm_err *err);

/*
 * Keys in custody (钥匙托管).  Taken in now (pm_now) from someone, by a
 * member of staff; handed back to someone.  One key (what) of a unit is
 * in custody at most once at a time.
 *
 * Where a writer takes a member of staff (key in, visit, inspect), NULL
 * means the declared clerk ($PM_USER, pm_audit_clerk()) as pm-ticket's
 * --by does; named either way, they must be on the staff register.
 */
struct pm_key {
	const char *what;   /* which key: "入户门钥匙2把" */
	const char *whom;   /* in: from whom; out: to whom; or NULL */
	const char *staff;  /* in: who took it (current staff), or NULL */
};

int pm_key_in(struct pm_db *db, const char *unit, const struct pm_key *k, struct pm_err *err);

/* Hand back the unit's key k->what, or every key of the unit in custody
 * when k->what is NULL; *n gets how many.  65 when none is held. */
int pm_key_out(struct pm_db *db, const char *unit, const struct pm_key *k, int *n,
	       struct pm_err *err);

/* Keys in custody and handed back (with held, only those still held), of
 * one unit when unit is not NULL; newest first. */
int pm_key_list(struct pm_db *db, const char *unit, int held, struct pm_out *out,
		struct pm_err *err);

/*
 * Reminders: vehicle passes and pet licences of units, not removed,
 * expiring within within_days or already expired, in one list for the
 * reminder letters: unit, owners, the first owner's phone (masked unless
 * --reveal), what (vehicle or the pet's kind), item (plate or pet name),
 * number (pass or licence), expires, and days (left; negative when past).
 * By expiry date, then unit.  *rows gets how many.
 */
int pm_expiring_list(struct pm_db *db, int within_days, long *rows, struct pm_out *out,
		     struct pm_err *err);

/*
 * Household visits (走访).  staff (or $PM_USER; 64 when neither names
 * anyone) must be a current butler, clerk, supervisor or manager; the
 * date (NULL: today) cannot be in the future.
 */
struct pm_visit {
	const char *staff;
	const char *met;    /* whom the butler met, or NULL */
	const char *notes;  /* or NULL */
	const struct pm_date *date;
};

int pm_visit_add(struct pm_db *db, const char *unit, const struct pm_visit *v,
		 struct pm_err *err);

/* The month's count per person: every butler on the staff during the
 * month, visits or not, and anyone else who visited; visits, households
 * (distinct units), and for butlers the target (setting
 * visit.monthly_target) and the shortfall in households (0 when met).
 * By name.  *short_of gets how many butlers fell short. */
int pm_visit_month(struct pm_db *db, const struct pm_period *month, int *short_of,
		   struct pm_out *out, struct pm_err *err);

/*
 * Vacant units (空置房清单) and their inspections (空置房打掃檢查).
 *
 * The list is of the units whose status today is vacant (unit.h), with
 * the last inspection (date, who, cleaned, problems) and the day the
 * next is due: the last inspection's date plus the setting
 * vacant.inspect_days (7).  A unit is overdue from the day after its due
 * day, and at once when it was never inspected.  *rows gets how many
 * units were listed.
 */
int pm_vacant_list(struct pm_db *db, const char *building, int overdue, long *rows,
		   struct pm_out *out, struct pm_err *err);

struct pm_inspection {
	const char *staff;    /* current staff, or NULL */
	int cleaned;
	const char *problems; /* or NULL */
	const struct pm_date *date;
};

/* Record an inspection of the unit.  65 unless the unit was vacant on
 * the inspection's date (an occupied, let or unsold unit is not the
 * desk's to inspect), or when the date is in the future. */
int pm_inspect_add(struct pm_db *db, const char *unit, const struct pm_inspection *in,
		   struct pm_err *err);

/*
 * The monthly registers, as of the month's last day.
 *
 * Ownership (产权清册): every unit with its type (房屋类型), usable and
 * building area, land share (土地分摊面积), status that day (使用情况),
 * facilities (附属设施), parking (车库使用情况), the owners that day and
 * since when (the latest start among them).  An owner holds a unit from
 * `since` (or always, when not known) until the day before `until`.
 *
 * Rental (租赁清册): the leases in force that day: tenant (租赁户姓名),
 * phone, from and to (租赁时间), the unit (使用房屋地址), decoration
 * (内部装修情况).
 *
 * With changes, instead of the register: what changed within the month,
 * by date: owners who started or ceased to own (with how), leases that
 * began, ran out (end) or were ended early (ended).
 */
enum pm_register { PM_REGISTER_OWNERSHIP, PM_REGISTER_RENTAL };

int pm_register_write(struct pm_db *db, enum pm_register which, const struct pm_period *month,
		      int changes, struct pm_out *out, struct pm_err *err);

/*
 * Helpers the register files share (registers.c).
 */

/* The date d, or today when d is NULL, as "YYYY-MM-DD" in buf.  With
 * past_only, 65 when it is after today. */
int pm_reg_day(const struct pm_date *d, int past_only, char buf[PM_DATE_BUFSZ],
	       struct pm_err *err);

/* Today plus days, as "YYYY-MM-DD" in buf. */
int pm_reg_until(int days, char buf[PM_DATE_BUFSZ], struct pm_err *err);

/* A code typed by hand (parking space, pass or licence number): trimmed,
 * full-width folded, ASCII letters upper case, no control characters,
 * at most PM_REG_CODE_MAX bytes.  NULL, or the reason. */
#define PM_REG_CODE_MAX 64
const char *pm_reg_code(const char *s, struct pm_buf *out);

/* Free text (notes, problems; a person's or pet's name when name is set)
 * checked into out: 0 (out empty when s is NULL or blank), or -1 with 65
 * "what: reason". */
int pm_reg_text(const char *what, const char *s, int name, struct pm_buf *out,
		struct pm_err *err);

#endif
