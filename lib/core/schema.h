/*
 * schema.h - the migrations built into every binary
 *
 * lib/schema/NNN-name.sql, in order; migration i (from 1) brings the
 * database to user_version i.  A migration is never edited once it has
 * shipped: a change is a new file.
 */
#ifndef PM_SCHEMA_H
#define PM_SCHEMA_H

struct pm_migration {
	const char *name;
	const char *sql;
};

extern const struct pm_migration pm_migrations[];
extern const int pm_migration_count;

#endif
