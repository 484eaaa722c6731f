-- 001-core.sql: what every binary shares: settings, staff, the audit
-- trail, record numbers and attachments.
--
-- Conventions for every migration: STRICT tables; money in integer fen;
-- areas and readings as integers scaled by 100, rates by 10000; dates
-- 'YYYY-MM-DD' and times 'YYYY-MM-DDTHH:MM:SS' in estate-local time;
-- keywords stored in English (the lib tables map Chinese on input).

-- Only settings that differ from their default (lib/core/settings.c).
CREATE TABLE setting (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The people of the desk and the estate.
CREATE TABLE staff (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL,
	dept    TEXT NOT NULL,
	role    TEXT NOT NULL CHECK (role IN ('clerk', 'butler', 'supervisor',
	        'manager', 'engineer', 'repair', 'security', 'cleaning', 'finance')),
	phone   TEXT,
	area    TEXT,              -- buildings or route a butler looks after
	joined  TEXT NOT NULL,
	left_on TEXT,
	CHECK (left_on IS NULL OR left_on >= joined)
) STRICT;
-- a name picks one person: two current staff may not share it
CREATE UNIQUE INDEX staff_name ON staff(name) WHERE left_on IS NULL;

CREATE TABLE audit (
	id     INTEGER PRIMARY KEY,
	at     TEXT NOT NULL,
	login  TEXT NOT NULL,
	clerk  TEXT,
	prog   TEXT NOT NULL,
	verb   TEXT NOT NULL,
	record TEXT,
	change TEXT
) STRICT;
CREATE INDEX audit_at ON audit(at);

-- The last number given out per prefix and year (lib/core/seq.c).
CREATE TABLE counter (
	prefix TEXT NOT NULL,
	year   INTEGER NOT NULL,
	last   INTEGER NOT NULL,
	PRIMARY KEY (prefix, year)
) STRICT, WITHOUT ROWID;

-- Photos and scans, kept in the database so that a backup keeps them.
CREATE TABLE attachment (
	id       INTEGER PRIMARY KEY,
	kind     TEXT NOT NULL,    -- what it belongs to: 'ticket', 'reno', ...
	owner_id INTEGER NOT NULL,
	name     TEXT NOT NULL,
	added    TEXT NOT NULL,
	data     BLOB NOT NULL
) STRICT;
CREATE INDEX attachment_owner ON attachment(kind, owner_id);
