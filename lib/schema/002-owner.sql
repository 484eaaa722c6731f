-- 002-owner.sql: units, people and their ties: ownership history,
-- leases, residents, moving in and out, vacant-unit inspections,
-- household visits, vehicles, pets and keys in custody (pm-owner).
--
-- A unit's status (unsold, vacant, occupied, rented) is not stored: it
-- is derived from ownership, leases and move-in/move-out records
-- (lib/owner/unit.c), so it can never disagree with them.

CREATE TABLE unit (
	id            INTEGER PRIMARY KEY,
	code          TEXT NOT NULL UNIQUE,     -- normalized: '3-2-1501'
	building      TEXT NOT NULL DEFAULT '', -- '3'
	entrance      TEXT NOT NULL DEFAULT '', -- '2' (单元)
	floor         INTEGER,                  -- 15, when the room number says
	room          TEXT NOT NULL,            -- '1501'
	type          TEXT NOT NULL DEFAULT 'residential' CHECK (type IN
	              ('residential', 'shop', 'garage', 'parking', 'storage', 'office', 'other')),
	building_area INTEGER CHECK (building_area >= 0),  -- m2 x 100
	usable_area   INTEGER CHECK (usable_area >= 0),    -- m2 x 100 (套内/使用面积)
	land_area     INTEGER CHECK (land_area >= 0),      -- m2 x 100 (土地分摊面积)
	use           TEXT,                     -- 用途
	facilities    TEXT,                     -- 附属设施
	parking       TEXT,                     -- 车库/车位使用情况
	remark        TEXT
) STRICT;

CREATE TABLE person (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,
	phone    TEXT,                          -- 11-digit mobile
	landline TEXT,                          -- '0571-88886666'
	id_no    TEXT,                          -- 18 characters, GB 11643
	remark   TEXT
) STRICT;
-- a named index (not an inline UNIQUE) so that the first import into an
-- empty estate can build it once at the end instead of row by row
CREATE UNIQUE INDEX person_id_no ON person(id_no);
-- a person without an ID number is matched by name and phone
CREATE INDEX person_name_phone ON person(name, phone) WHERE id_no IS NULL;

-- Who owns a unit, from when to when.  A transfer ends the old rows and
-- starts new ones; nothing is overwritten.  share is in basis points
-- (10000 = the whole unit).
CREATE TABLE ownership (
	id        INTEGER PRIMARY KEY,
	unit_id   INTEGER NOT NULL REFERENCES unit(id),
	person_id INTEGER NOT NULL REFERENCES person(id),
	share     INTEGER CHECK (share > 0 AND share <= 10000),  -- NULL: not stated
	how       TEXT NOT NULL DEFAULT 'purchase' CHECK (how IN
	          ('purchase', 'transfer', 'inheritance', 'gift', 'court', 'roll')),
	since     TEXT,                         -- NULL when the roll did not say
	until     TEXT,                         -- NULL while current
	CHECK (until IS NULL OR since IS NULL OR until >= since)
) STRICT;
CREATE INDEX ownership_unit ON ownership(unit_id, until);
-- every foreign key to person has an index: merging or deleting a person
-- must not scan the children
CREATE INDEX ownership_person ON ownership(person_id);

-- Tenants (租赁清册).  ended is set when a lease stops before end_on.
CREATE TABLE lease (
	id          INTEGER PRIMARY KEY,
	unit_id     INTEGER NOT NULL REFERENCES unit(id),
	person_id   INTEGER NOT NULL REFERENCES person(id),
	start       TEXT NOT NULL,
	end_on      TEXT,
	ended       TEXT,
	decoration  TEXT,                       -- 内部装修情况
	remark      TEXT,
	CHECK (end_on IS NULL OR end_on >= start),
	CHECK (ended IS NULL OR ended >= start)
) STRICT;
CREATE INDEX lease_unit ON lease(unit_id, start);
CREATE INDEX lease_person ON lease(person_id);

-- Household members and other residents.
CREATE TABLE resident (
	id        INTEGER PRIMARY KEY,
	unit_id   INTEGER NOT NULL REFERENCES unit(id),
	person_id INTEGER NOT NULL REFERENCES person(id),
	relation  TEXT NOT NULL CHECK (relation IN
	          ('owner', 'spouse', 'child', 'parent', 'relative', 'tenant', 'nanny', 'other')),
	since     TEXT,
	until     TEXT
) STRICT;
CREATE INDEX resident_unit ON resident(unit_id);
CREATE INDEX resident_person ON resident(person_id);

-- Moving in (入住/入夥).  source 'roll' marks a date taken from an owner
-- roll: history, not a desk procedure with a checklist.
CREATE TABLE movein (
	id          INTEGER PRIMARY KEY,
	unit_id     INTEGER NOT NULL REFERENCES unit(id),
	date        TEXT NOT NULL,
	source      TEXT NOT NULL DEFAULT 'desk' CHECK (source IN ('desk', 'roll')),
	batch       INTEGER NOT NULL DEFAULT 0 CHECK (batch IN (0, 1)),  -- 集中入夥
	person_id   INTEGER REFERENCES person(id),
	required    TEXT,       -- the document checklist when recorded, '\n'-separated
	signed      TEXT,       -- the documents signed for, '\n'-separated
	keys        TEXT,       -- keys handed over
	keys_signed INTEGER NOT NULL DEFAULT 0 CHECK (keys_signed IN (0, 1)),
	water       INTEGER,    -- meter readings x 100: the baseline for metered bills
	electricity INTEGER,
	gas         INTEGER,
	inspection  TEXT CHECK (inspection IN ('passed', 'failed')),
	defects     TEXT,
	rectify_by  TEXT,
	rectified   TEXT,       -- date the defects were put right
	services    TEXT,       -- delegated services asked for (委托代办)
	staff_id    INTEGER REFERENCES staff(id),
	remark      TEXT
) STRICT;
CREATE INDEX movein_unit ON movein(unit_id, date);
CREATE INDEX movein_person ON movein(person_id);

CREATE TABLE moveout (
	id          INTEGER PRIMARY KEY,
	unit_id     INTEGER NOT NULL REFERENCES unit(id),
	date        TEXT NOT NULL,
	permit      TEXT NOT NULL UNIQUE,       -- goods release permit (放行条) 'F2026-000001'
	goods       TEXT,
	keys        TEXT,                       -- keys returned
	water       INTEGER,
	electricity INTEGER,
	gas         INTEGER,
	staff_id    INTEGER REFERENCES staff(id),
	remark      TEXT
) STRICT;
CREATE INDEX moveout_unit ON moveout(unit_id, date);

-- Vacant-unit inspections (空置房巡查).
CREATE TABLE vacant_check (
	id       INTEGER PRIMARY KEY,
	unit_id  INTEGER NOT NULL REFERENCES unit(id),
	date     TEXT NOT NULL,
	staff_id INTEGER REFERENCES staff(id),
	cleaned  INTEGER NOT NULL DEFAULT 0 CHECK (cleaned IN (0, 1)),
	problems TEXT
) STRICT;
CREATE INDEX vacant_check_unit ON vacant_check(unit_id, date);

-- Household visits (走访).
CREATE TABLE visit (
	id       INTEGER PRIMARY KEY,
	unit_id  INTEGER NOT NULL REFERENCES unit(id),
	date     TEXT NOT NULL,
	staff_id INTEGER NOT NULL REFERENCES staff(id),
	visitee  TEXT,
	notes    TEXT
) STRICT;
CREATE INDEX visit_date ON visit(date, staff_id);
CREATE INDEX visit_unit ON visit(unit_id);

CREATE TABLE vehicle (
	id       INTEGER PRIMARY KEY,
	unit_id  INTEGER NOT NULL REFERENCES unit(id),
	plate    TEXT NOT NULL,
	space    TEXT,                          -- parking space
	pass_no  TEXT,
	expires  TEXT,
	removed  TEXT
) STRICT;
CREATE UNIQUE INDEX vehicle_plate ON vehicle(plate) WHERE removed IS NULL;
CREATE INDEX vehicle_unit ON vehicle(unit_id);

CREATE TABLE pet (
	id         INTEGER PRIMARY KEY,
	unit_id    INTEGER NOT NULL REFERENCES unit(id),
	kind       TEXT NOT NULL DEFAULT 'dog',
	name       TEXT,
	breed      TEXT,
	licence    TEXT,                        -- dog licence number (养犬证)
	expires    TEXT,
	removed    TEXT
) STRICT;
CREATE INDEX pet_unit ON pet(unit_id);

-- Keys in custody (钥匙托管).
CREATE TABLE key_custody (
	id          INTEGER PRIMARY KEY,
	unit_id     INTEGER NOT NULL REFERENCES unit(id),
	what        TEXT NOT NULL,
	taken       TEXT NOT NULL,              -- time
	taken_by    INTEGER REFERENCES staff(id),
	from_whom   TEXT,
	returned    TEXT,
	returned_to TEXT,
	remark      TEXT
) STRICT;
CREATE INDEX key_custody_unit ON key_custody(unit_id);
