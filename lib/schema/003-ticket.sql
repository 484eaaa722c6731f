-- 003-ticket.sql: repairs, complaints and requests (pm-ticket): the
-- ticket, each step of its life as an event, callbacks and the manager's
-- re-checks of them, rework notices, and the butlers' daily patrols.
--
-- Deadlines are estate-local times 'YYYY-MM-DDTHH:MM:SS', computed from
-- the settings when the step that starts them is recorded (finish:
-- callback; receipt of a complaint: reply; an unsatisfied callback:
-- rework), so that a later change of a setting does not move a deadline
-- somebody has already been given.  Local times compare as text.

CREATE TABLE patrol (
	id       INTEGER PRIMARY KEY,
	date     TEXT NOT NULL,                 -- the day patrolled
	at       TEXT NOT NULL,                 -- when it was recorded
	area     TEXT NOT NULL,                 -- area or route
	staff_id INTEGER NOT NULL REFERENCES staff(id),
	findings TEXT                           -- NULL: nothing found
) STRICT;
CREATE INDEX patrol_date ON patrol(date, area);
CREATE INDEX patrol_staff ON patrol(staff_id, date);

CREATE TABLE ticket (
	id          INTEGER PRIMARY KEY,
	no          TEXT NOT NULL UNIQUE,       -- 'T2026-000123'
	kind        TEXT NOT NULL CHECK (kind IN ('repair', 'complaint', 'suggestion',
	            'inquiry', 'errand', 'emergency')),
	category    TEXT CHECK (category IN ('safety', 'leak', 'electrical', 'plumbing',
	            'public', 'inhome', 'elevator', 'doors', 'greenery', 'cleaning',
	            'parking', 'noise', 'security', 'fees', 'other')),
	unit_id     INTEGER REFERENCES unit(id),
	building    TEXT NOT NULL DEFAULT '',   -- the unit's, or where a public-area ticket is
	location    TEXT,                       -- where, in words
	reporter    TEXT,
	phone       TEXT,
	channel     TEXT NOT NULL CHECK (channel IN ('desk', 'phone', 'hotline', 'box',
	            'online', 'patrol')),
	priority    TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN
	            ('low', 'normal', 'high', 'urgent')),
	summary     TEXT NOT NULL,
	detail      TEXT,
	status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dispatched',
	            'accepted', 'working', 'finished', 'called', 'rework', 'closed')),
	received    TEXT NOT NULL,              -- time
	taken_by    INTEGER NOT NULL REFERENCES staff(id),   -- 谁接单
	callback_by INTEGER NOT NULL REFERENCES staff(id),   -- 谁回访: taken_by unless handed over
	dept        TEXT,                       -- dispatched to
	assignee    INTEGER REFERENCES staff(id),
	finished    TEXT,                       -- time of the latest finish
	callback_due TEXT,                      -- pending callback's deadline; NULL when none pending
	reply_due   TEXT,                       -- complaints: answer by
	replied     TEXT,                       -- complaints: answered at
	closed      TEXT,
	reopened    INTEGER NOT NULL DEFAULT 0,
	patrol_id   INTEGER REFERENCES patrol(id)  -- the patrol that found it
) STRICT;
CREATE INDEX ticket_received ON ticket(received);
CREATE INDEX ticket_unit ON ticket(unit_id);
CREATE INDEX ticket_status ON ticket(status) WHERE status <> 'closed';
-- the due lists: only what is pending is indexed
CREATE INDEX ticket_callback_due ON ticket(callback_due) WHERE callback_due IS NOT NULL;
CREATE INDEX ticket_reply_due ON ticket(reply_due) WHERE replied IS NULL AND reply_due IS NOT NULL;

-- The timeline: every step with who did it and who recorded it.
CREATE TABLE ticket_event (
	id        INTEGER PRIMARY KEY,
	ticket_id INTEGER NOT NULL REFERENCES ticket(id),
	at        TEXT NOT NULL,
	what      TEXT NOT NULL CHECK (what IN ('new', 'dispatch', 'accept', 'start',
	          'finish', 'reply', 'callback', 'rework', 'close', 'reopen', 'handover',
	          'attach', 'recheck')),
	staff_id  INTEGER REFERENCES staff(id), -- who did it
	recorder  TEXT NOT NULL,                -- who typed it (login or $PM_USER)
	detail    TEXT
) STRICT;
CREATE INDEX ticket_event_ticket ON ticket_event(ticket_id, id);

-- Callbacks (回访), one per callback made, and the manager's re-check.
CREATE TABLE callback (
	id          INTEGER PRIMARY KEY,
	ticket_id   INTEGER NOT NULL REFERENCES ticket(id),
	due         TEXT,                       -- NULL when none was required
	at          TEXT NOT NULL,
	staff_id    INTEGER NOT NULL REFERENCES staff(id),
	result      TEXT NOT NULL CHECK (result IN ('satisfied', 'basic', 'unsatisfied')),
	notes       TEXT,
	recheck     TEXT CHECK (recheck IN ('confirmed', 'disputed')),
	recheck_by  INTEGER REFERENCES staff(id),
	recheck_at  TEXT,
	recheck_notes TEXT
) STRICT;
CREATE INDEX callback_ticket ON callback(ticket_id);
CREATE INDEX callback_at ON callback(at);

-- Rework notices (整改通知): a problem found on callback, back to the
-- repair staff in writing, to be put right by due.
CREATE TABLE rework (
	id        INTEGER PRIMARY KEY,
	ticket_id INTEGER NOT NULL REFERENCES ticket(id),
	callback_id INTEGER NOT NULL REFERENCES callback(id),
	issued    TEXT NOT NULL,
	due       TEXT NOT NULL,
	staff_id  INTEGER REFERENCES staff(id), -- the repair staff notified
	problem   TEXT,
	done      TEXT                          -- when the rework was finished
) STRICT;
CREATE INDEX rework_ticket ON rework(ticket_id);
CREATE INDEX rework_due ON rework(due) WHERE done IS NULL;
