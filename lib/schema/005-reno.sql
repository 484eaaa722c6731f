-- 005-reno.sql: renovation permits (装修管理, pm-reno): the application
-- and its two reviews, the workers and their temporary passes
-- (临时出入证), site inspections, rectification notices (违规整改通知书),
-- acceptance, and the deposit refund.  The deposit and the fees live in
-- pm-fee's ledger (deposit, bill, payment): reno only points at them.
--
-- A renovation's status moves
--   applied -> reviewed (first review passed) -> approved (second) ->
--   started -> finished -> refunded,
-- with rejected (either review) -> applied again on resubmission.
-- Every step is logged in reno_event, the renovation log.

CREATE TABLE reno (
	id            INTEGER PRIMARY KEY,
	no            TEXT NOT NULL UNIQUE,   -- permit number 'Z2026-000001'
	unit_id       INTEGER NOT NULL REFERENCES unit(id),
	applicant_id  INTEGER NOT NULL REFERENCES person(id),
	party         TEXT NOT NULL CHECK (party IN ('owner', 'tenant')),
	consent       TEXT,                   -- the owner's consent, for a tenant
	contractor    TEXT NOT NULL,
	phone         TEXT,                   -- the contractor's
	scope         TEXT NOT NULL,
	planned_start TEXT NOT NULL,
	planned_end   TEXT NOT NULL,
	status        TEXT NOT NULL DEFAULT 'applied' CHECK (status IN
	              ('applied', 'reviewed', 'approved', 'rejected', 'started', 'finished', 'refunded')),
	round         INTEGER NOT NULL DEFAULT 1,  -- submissions so far
	applied       TEXT NOT NULL,          -- time of the first submission
	submitted     TEXT NOT NULL,          -- time of the current one
	approved      TEXT,                   -- time of the second approval
	deposit_id    INTEGER REFERENCES deposit(id),
	fee_bill_id   INTEGER REFERENCES bill(id),
	paid          TEXT,                   -- time fees and deposit were paid
	started       TEXT,
	finished      TEXT,
	finished_by   INTEGER REFERENCES staff(id),
	refunded      TEXT,
	CHECK (planned_end >= planned_start),
	CHECK (party = 'owner' OR consent IS NOT NULL)
) STRICT;
CREATE INDEX reno_unit ON reno(unit_id);
CREATE INDEX reno_status ON reno(status);

-- The two reviews of each submission, and their verdicts.
CREATE TABLE reno_review (
	id       INTEGER PRIMARY KEY,
	reno_id  INTEGER NOT NULL REFERENCES reno(id),
	round    INTEGER NOT NULL,
	step     TEXT NOT NULL CHECK (step IN ('first', 'second')),
	verdict  TEXT NOT NULL CHECK (verdict IN ('approve', 'reject')),
	reason   TEXT,
	staff_id INTEGER NOT NULL REFERENCES staff(id),
	at       TEXT NOT NULL,
	UNIQUE (reno_id, round, step),
	CHECK (verdict = 'approve' OR reason IS NOT NULL)
) STRICT;

-- Workers (施工人员登记表).
CREATE TABLE reno_worker (
	id      INTEGER PRIMARY KEY,
	reno_id INTEGER NOT NULL REFERENCES reno(id),
	name    TEXT NOT NULL,
	id_no   TEXT NOT NULL,                -- 18 characters, GB 11643
	phone   TEXT,
	trade   TEXT,                         -- 木工, 水电 ...
	added   TEXT NOT NULL,
	UNIQUE (reno_id, id_no)
) STRICT;

-- The pass issue and return register: a pass is out until returned or
-- reported lost; it is valid until the renovation's planned end.
CREATE TABLE reno_pass (
	id          INTEGER PRIMARY KEY,
	no          TEXT NOT NULL UNIQUE,     -- 'L2026-000001'
	reno_id     INTEGER NOT NULL REFERENCES reno(id),
	worker_id   INTEGER NOT NULL REFERENCES reno_worker(id),
	issued      TEXT NOT NULL,
	valid_until TEXT NOT NULL,
	returned    TEXT,
	lost        TEXT,
	CHECK (returned IS NULL OR lost IS NULL)
) STRICT;
CREATE INDEX reno_pass_reno ON reno_pass(reno_id);
-- one pass out per worker at a time
CREATE UNIQUE INDEX reno_pass_out ON reno_pass(worker_id) WHERE returned IS NULL AND lost IS NULL;

-- Site inspections, twice a day by the settings' default.
CREATE TABLE reno_inspection (
	id       INTEGER PRIMARY KEY,
	reno_id  INTEGER NOT NULL REFERENCES reno(id),
	at       TEXT NOT NULL,
	staff_id INTEGER NOT NULL REFERENCES staff(id),
	result   TEXT NOT NULL CHECK (result IN ('ok', 'violation')),
	kind     TEXT CHECK (kind IN ('structure', 'facade', 'hours', 'waste', 'fire',
	         'pipes', 'noise', 'unregistered', 'other')),
	found    TEXT,
	CHECK ((result = 'violation') = (kind IS NOT NULL))
) STRICT;
CREATE INDEX reno_inspection_reno ON reno_inspection(reno_id, at);

-- Rectification notices, one per violation found.
CREATE TABLE reno_notice (
	id            INTEGER PRIMARY KEY,
	no            TEXT NOT NULL UNIQUE,   -- 'W2026-000001'
	reno_id       INTEGER NOT NULL REFERENCES reno(id),
	inspection_id INTEGER NOT NULL UNIQUE REFERENCES reno_inspection(id),
	issued        TEXT NOT NULL,
	deadline      TEXT NOT NULL,
	text          TEXT NOT NULL,
	rectified     TEXT,
	rectified_by  INTEGER REFERENCES staff(id),
	CHECK (deadline >= substr(issued, 1, 10))
) STRICT;
CREATE INDEX reno_notice_reno ON reno_notice(reno_id);

-- The renovation log: every step, who took it, what it said.
CREATE TABLE reno_event (
	id       INTEGER PRIMARY KEY,
	reno_id  INTEGER NOT NULL REFERENCES reno(id),
	at       TEXT NOT NULL,
	event    TEXT NOT NULL,
	staff_id INTEGER REFERENCES staff(id),
	clerk    TEXT NOT NULL,
	detail   TEXT
) STRICT;
CREATE INDEX reno_event_reno ON reno_event(reno_id, id);
