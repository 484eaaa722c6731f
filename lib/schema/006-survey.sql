-- 006-survey.sql: the quarterly owner evaluation (业主评议, pm-survey):
-- form templates and their items, rounds (one a quarter), the forms
-- handed out and collected, the answers on them and the problems the
-- owners raised, each classed by item and by 人机料法环.
--
-- A template is never changed once a round uses it: a change is a new
-- version (same name, version + 1), and answers point at the items of
-- the version they were given on.

CREATE TABLE survey_template (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL,
	version INTEGER NOT NULL CHECK (version >= 1),
	-- 'three': 3 满意, 2 基本满意, 1 不满意; 'five': 1 (worst) .. 5 (best)
	scale   TEXT NOT NULL CHECK (scale IN ('three', 'five')),
	created TEXT,                           -- NULL for the built-in one
	UNIQUE (name, version)
) STRICT;

CREATE TABLE survey_item (
	id          INTEGER PRIMARY KEY,
	template_id INTEGER NOT NULL REFERENCES survey_template(id),
	pos         INTEGER NOT NULL CHECK (pos >= 1),  -- order on the form
	key         TEXT NOT NULL,                      -- 'repairs'
	label       TEXT NOT NULL,                      -- '维修'
	UNIQUE (template_id, pos),
	UNIQUE (template_id, key),
	UNIQUE (template_id, label)
) STRICT;

-- The built-in form: the services a desk is judged on.
INSERT INTO survey_template (id, name, version, scale, created)
	VALUES (1, 'default', 1, 'three', NULL);
INSERT INTO survey_item (template_id, pos, key, label) VALUES
	(1, 1, 'service', '客服'),
	(1, 2, 'security', '安保'),
	(1, 3, 'cleaning', '保洁'),
	(1, 4, 'landscaping', '绿化'),
	(1, 5, 'repairs', '维修'),
	(1, 6, 'fees', '收费'),
	(1, 7, 'activities', '社区活动');

-- One round a quarter.  ratio is the percentage of moved-in units the
-- sample must reach (survey.ratio_percent when the round was made).
CREATE TABLE survey_round (
	id          INTEGER PRIMARY KEY,
	quarter     TEXT NOT NULL UNIQUE,       -- '2026Q4'
	year        INTEGER NOT NULL,
	template_id INTEGER NOT NULL REFERENCES survey_template(id),
	issue_on    TEXT NOT NULL,              -- forms go out (mid last month)
	due_on      TEXT NOT NULL,              -- and are back by
	ratio       INTEGER NOT NULL CHECK (ratio BETWEEN 1 AND 100),
	seed        INTEGER,                    -- of the random sample, to repeat it
	sampled     TEXT,                       -- when the random sample was drawn
	movedin     INTEGER,                    -- moved-in units it was drawn from
	created     TEXT NOT NULL,
	CHECK (due_on >= issue_on)
) STRICT;

-- A form: one unit in one round.  year repeats the round's year so the
-- once-a-year rule is one index away.  how: 'random' from `sample`,
-- 'list' from units given by hand or on a pipe.
CREATE TABLE survey_form (
	id           INTEGER PRIMARY KEY,
	round_id     INTEGER NOT NULL REFERENCES survey_round(id),
	no           INTEGER NOT NULL CHECK (no >= 1),   -- form 2026Q4-007
	unit_id      INTEGER NOT NULL REFERENCES unit(id),
	year         INTEGER NOT NULL,
	how          TEXT NOT NULL CHECK (how IN ('random', 'list')),
	issued_on    TEXT,
	issued_by    INTEGER REFERENCES staff(id),
	collector    INTEGER REFERENCES staff(id),       -- who is to collect it
	collected_on TEXT,
	collected_by INTEGER REFERENCES staff(id),
	answered_on  TEXT,
	suggestion   TEXT,
	UNIQUE (round_id, unit_id),
	UNIQUE (round_id, no),
	CHECK (collected_on IS NULL OR (issued_on IS NOT NULL AND collected_on >= issued_on)),
	CHECK (answered_on IS NULL OR collected_on IS NOT NULL)
) STRICT;
CREATE INDEX survey_form_unit ON survey_form(unit_id, year);

-- The score of one item on one form, on the template's scale.
CREATE TABLE survey_answer (
	form_id INTEGER NOT NULL REFERENCES survey_form(id),
	item_id INTEGER NOT NULL REFERENCES survey_item(id),
	score   INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
	PRIMARY KEY (form_id, item_id)
) STRICT, WITHOUT ROWID;

-- A problem raised on a form: its category (the item it concerns), its
-- cause class (人 man, 机 machine, 料 material, 法 method, 环 environment)
-- and the specific cause, plus the owner's words when typed in.
CREATE TABLE survey_problem (
	id      INTEGER PRIMARY KEY,
	form_id INTEGER NOT NULL REFERENCES survey_form(id),
	item_id INTEGER NOT NULL REFERENCES survey_item(id),
	cause   TEXT NOT NULL CHECK (cause IN ('man', 'machine', 'material', 'method', 'environment')),
	detail  TEXT NOT NULL CHECK (detail <> ''),
	words   TEXT
) STRICT;
CREATE INDEX survey_problem_form ON survey_problem(form_id);
