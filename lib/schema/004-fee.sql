-- 004-fee.sql: money (pm-fee): fee items and their rates, meter
-- readings, bills, payments and how they were allocated, adjustments,
-- hand-overs of cash to finance, monthly closes, deposits.
--
-- Money is integer fen; quantities (areas, readings) x100; rates x10000.
-- Nothing that moved money is ever deleted or rewritten: a wrong payment
-- is voided (the row stays, with the void's date and reason), a wrong
-- bill is corrected by an adjustment.  Closing a month locks the books
-- up to its end: the triggers below refuse any row dated in it or
-- before it, so its totals can be recomputed at any time and still agree
-- with what the close recorded.

-- What is charged (收费项目): the property management fee, water and
-- electricity collected for the utilities, heating, parking ...
CREATE TABLE fee_item (
	id      INTEGER PRIMARY KEY,
	code    TEXT NOT NULL UNIQUE,       -- 'mgmt', 'water': ITEM on the command line
	name    TEXT NOT NULL UNIQUE,       -- '物业费'
	basis   TEXT NOT NULL CHECK (basis IN ('area', 'unit', 'space', 'meter', 'fixed')),
	cycle   TEXT NOT NULL CHECK (cycle IN ('monthly', 'quarterly', 'yearly', 'season', 'once')),
	season  TEXT,                       -- a heating season's first and last month: '11-03'
	meter   TEXT CHECK (meter IN ('water', 'electricity', 'gas', 'hotwater')),
	types   TEXT NOT NULL DEFAULT 'residential',  -- unit types billed, ','-separated
	agent   INTEGER NOT NULL DEFAULT 0 CHECK (agent IN (0, 1)),  -- 代收: collected for others
	retired TEXT,                       -- periods starting on or after this day are not billed
	CHECK ((basis = 'meter') = (meter IS NOT NULL)),
	CHECK ((cycle = 'season') = (season IS NOT NULL)),
	CHECK ((basis = 'fixed') = (cycle = 'once'))
) STRICT;

-- Rates change over time: a period is billed at the rate whose since is
-- the latest on or before the period's first day.  The rate is yuan
-- x10000 per m2 of building area, per unit, per parking space or per
-- meter unit (m3, kWh), for one period of the item's cycle.
CREATE TABLE fee_rate (
	item_id INTEGER NOT NULL REFERENCES fee_item(id),
	since   TEXT NOT NULL,
	rate    INTEGER NOT NULL CHECK (rate >= 0),
	PRIMARY KEY (item_id, since)
) STRICT, WITHOUT ROWID;

-- Meter readings x100.  change marks a new meter, starting at value: the
-- consumption before it ended with the reading before.
CREATE TABLE reading (
	id      INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	meter   TEXT NOT NULL CHECK (meter IN ('water', 'electricity', 'gas', 'hotwater')),
	date    TEXT NOT NULL,
	value   INTEGER NOT NULL CHECK (value >= 0),
	change  INTEGER NOT NULL DEFAULT 0 CHECK (change IN (0, 1)),
	at      TEXT NOT NULL,
	clerk   TEXT NOT NULL
) STRICT;
CREATE INDEX reading_unit ON reading(unit_id, meter, date);

-- One line of a unit's bill: one item for one period (kind 'bill',
-- raised once: bill_once), or a one-off charge (kind 'charge').  The
-- line keeps everything its amount was computed from, so it can always
-- say how: base = qty x rate rounded to the fen; when pro-rated,
-- base x days / of_days rounded; when discounted, that x (100 -
-- discount) / 100 rounded; that is the amount.
CREATE TABLE bill (
	id       INTEGER PRIMARY KEY,
	unit_id  INTEGER NOT NULL REFERENCES unit(id),
	item_id  INTEGER NOT NULL REFERENCES fee_item(id),
	kind     TEXT NOT NULL DEFAULT 'bill' CHECK (kind IN ('bill', 'charge')),
	period   TEXT NOT NULL,             -- '2026-11', '2026Q4', '2026', '2026-11~2027-03'
	starts   TEXT NOT NULL,             -- the period's first and last day
	ends     TEXT NOT NULL,
	qty      INTEGER NOT NULL CHECK (qty >= 0),    -- x100: m2, consumption, units, spaces
	rate     INTEGER NOT NULL CHECK (rate >= 0),   -- x10000
	base     INTEGER NOT NULL CHECK (base >= 0),
	days     INTEGER,
	of_days  INTEGER CHECK (of_days > 0),
	discount INTEGER CHECK (discount BETWEEN 1 AND 100),
	prev     INTEGER,                   -- meter readings x100
	cur      INTEGER,
	reading_id INTEGER REFERENCES reading(id),     -- the closing reading
	amount   INTEGER NOT NULL CHECK (amount >= 0),
	note     TEXT,
	raised   TEXT NOT NULL,             -- time
	CHECK ((days IS NULL) = (of_days IS NULL))
) STRICT;
CREATE UNIQUE INDEX bill_once ON bill(unit_id, item_id, period) WHERE kind = 'bill';
CREATE INDEX bill_raised ON bill(raised);

-- A correction of a bill line, recorded on the day it is made (a locked
-- month's bill is corrected in an open month).  A line owes its amount
-- plus its adjustments, less what is allocated to it.
CREATE TABLE adjustment (
	id      INTEGER PRIMARY KEY,
	bill_id INTEGER NOT NULL REFERENCES bill(id),
	amount  INTEGER NOT NULL CHECK (amount <> 0),
	reason  TEXT NOT NULL,
	date    TEXT NOT NULL,
	at      TEXT NOT NULL,
	clerk   TEXT NOT NULL
) STRICT;
CREATE INDEX adjustment_bill ON adjustment(bill_id);

-- Money received for fees, with its receipt (收据).  The part not
-- allocated to bills is the unit's credit.  A void keeps the row.
CREATE TABLE payment (
	id          INTEGER PRIMARY KEY,
	receipt     TEXT NOT NULL UNIQUE,   -- 'R2026-000123'
	unit_id     INTEGER NOT NULL REFERENCES unit(id),
	amount      INTEGER NOT NULL CHECK (amount > 0),
	method      TEXT NOT NULL CHECK (method IN ('cash', 'transfer', 'wechat', 'alipay', 'card')),
	payer       TEXT,
	ref         TEXT UNIQUE,            -- the bank's or app's transaction number
	date        TEXT NOT NULL,
	at          TEXT NOT NULL,
	clerk       TEXT NOT NULL,
	voided      TEXT,                   -- date of the void
	void_at     TEXT,
	void_reason TEXT,
	void_clerk  TEXT,
	CHECK ((voided IS NULL) = (void_reason IS NULL)),
	CHECK (voided IS NULL OR voided >= date)
) STRICT;
CREATE INDEX payment_unit ON payment(unit_id);
CREATE INDEX payment_date ON payment(date);
CREATE INDEX payment_voided ON payment(voided) WHERE voided IS NOT NULL;

-- Which bills a payment paid, and when (a credit is allocated when the
-- next bill is raised).  An allocation of a voided payment no longer
-- counts, from the void's date.
CREATE TABLE alloc (
	id         INTEGER PRIMARY KEY,
	payment_id INTEGER NOT NULL REFERENCES payment(id),
	bill_id    INTEGER NOT NULL REFERENCES bill(id),
	amount     INTEGER NOT NULL CHECK (amount > 0),
	date       TEXT NOT NULL
) STRICT;
CREATE INDEX alloc_bill ON alloc(bill_id);
CREATE INDEX alloc_payment ON alloc(payment_id);
CREATE INDEX alloc_date ON alloc(date);

-- Deposits (押金): held for the estate, not income; refunded once, less
-- deductions with their reasons (deposit_deduction).
CREATE TABLE deposit (
	id            INTEGER PRIMARY KEY,
	no            TEXT NOT NULL UNIQUE, -- 'D2026-000001'
	unit_id       INTEGER NOT NULL REFERENCES unit(id),
	kind          TEXT NOT NULL CHECK (kind IN ('reno', 'key', 'other')),
	purpose       TEXT,                 -- what it secures: 'renovation Z2026-000001'
	payer         TEXT,
	amount        INTEGER NOT NULL CHECK (amount > 0),
	method        TEXT NOT NULL CHECK (method IN ('cash', 'transfer', 'wechat', 'alipay', 'card')),
	date          TEXT NOT NULL,
	at            TEXT NOT NULL,
	clerk         TEXT NOT NULL,
	refunded      TEXT,                 -- date of the refund
	refund_amount INTEGER CHECK (refund_amount >= 0),
	refund_method TEXT CHECK (refund_method IN ('cash', 'transfer', 'wechat', 'alipay', 'card')),
	refund_at     TEXT,
	refund_clerk  TEXT,
	CHECK ((refunded IS NULL) = (refund_amount IS NULL)),
	CHECK (refund_amount IS NULL OR refund_amount <= amount),
	CHECK (refunded IS NULL OR refunded >= date)
) STRICT;
CREATE INDEX deposit_unit ON deposit(unit_id);

CREATE TABLE deposit_deduction (
	id         INTEGER PRIMARY KEY,
	deposit_id INTEGER NOT NULL REFERENCES deposit(id),
	amount     INTEGER NOT NULL CHECK (amount > 0),
	reason     TEXT NOT NULL
) STRICT;
CREATE INDEX deposit_deduction_deposit ON deposit_deduction(deposit_id);

-- Cash handed to finance (现金上缴), daily.
CREATE TABLE handover (
	id       INTEGER PRIMARY KEY,
	no       TEXT NOT NULL UNIQUE,      -- 'H2026-000001'
	date     TEXT NOT NULL,
	amount   INTEGER NOT NULL CHECK (amount > 0),
	staff_id INTEGER NOT NULL REFERENCES staff(id),  -- who in finance took it
	at       TEXT NOT NULL,
	clerk    TEXT NOT NULL,
	note     TEXT
) STRICT;
CREATE INDEX handover_date ON handover(date);

-- Monthly closes (月结) and the totals they recorded.
CREATE TABLE fee_close (
	month  TEXT PRIMARY KEY,            -- '2026-11'
	at     TEXT NOT NULL,
	clerk  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE fee_close_total (
	month  TEXT NOT NULL REFERENCES fee_close(month),
	ord    INTEGER NOT NULL,            -- the order they were reported in
	what   TEXT NOT NULL,               -- 'method', 'item', 'cash', 'deposit', 'bills'
	key    TEXT NOT NULL,
	amount INTEGER NOT NULL,
	PRIMARY KEY (month, what, key)
) STRICT, WITHOUT ROWID;

-- The lock: nothing dated in or before a closed month is added or changed, and
-- nothing that moved money is deleted.  (Bills are checked by pm-fee
-- before a run: a trigger per row would slow billing down.)
CREATE TRIGGER payment_locked BEFORE INSERT ON payment
WHEN substr(NEW.date, 1, 7) <= (SELECT max(month) FROM fee_close)
BEGIN SELECT RAISE(ABORT, 'the month is closed'); END;
CREATE TRIGGER payment_fixed BEFORE UPDATE OF receipt, unit_id, amount, method, date ON payment
BEGIN SELECT RAISE(ABORT, 'a payment is never changed: void it'); END;
CREATE TRIGGER payment_void_locked BEFORE UPDATE OF voided ON payment
WHEN OLD.voided IS NOT NULL
  OR substr(NEW.voided, 1, 7) <= (SELECT max(month) FROM fee_close)
BEGIN SELECT RAISE(ABORT, 'the month is closed, or the payment is already void'); END;
CREATE TRIGGER payment_kept BEFORE DELETE ON payment
BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;

CREATE TRIGGER alloc_locked BEFORE INSERT ON alloc
WHEN substr(NEW.date, 1, 7) <= (SELECT max(month) FROM fee_close)
BEGIN SELECT RAISE(ABORT, 'the month is closed'); END;
CREATE TRIGGER alloc_fixed BEFORE UPDATE ON alloc
BEGIN SELECT RAISE(ABORT, 'allocations are never changed'); END;
CREATE TRIGGER alloc_kept BEFORE DELETE ON alloc
BEGIN SELECT RAISE(ABORT, 'allocations are never deleted'); END;

CREATE TRIGGER bill_fixed BEFORE UPDATE OF unit_id, item_id, period, qty, rate, base, amount ON bill
BEGIN SELECT RAISE(ABORT, 'a bill is never changed: adjust it'); END;
CREATE TRIGGER bill_kept BEFORE DELETE ON bill
BEGIN SELECT RAISE(ABORT, 'bills are never deleted'); END;

CREATE TRIGGER adjustment_locked BEFORE INSERT ON adjustment
WHEN substr(NEW.date, 1, 7) <= (SELECT max(month) FROM fee_close)
BEGIN SELECT RAISE(ABORT, 'the month is closed'); END;
CREATE TRIGGER adjustment_fixed BEFORE UPDATE ON adjustment
BEGIN SELECT RAISE(ABORT, 'adjustments are never changed'); END;
CREATE TRIGGER adjustment_kept BEFORE DELETE ON adjustment
BEGIN SELECT RAISE(ABORT, 'adjustments are never deleted'); END;

CREATE TRIGGER deposit_locked BEFORE INSERT ON deposit
WHEN substr(NEW.date, 1, 7) <= (SELECT max(month) FROM fee_close)
BEGIN SELECT RAISE(ABORT, 'the month is closed'); END;
CREATE TRIGGER deposit_fixed BEFORE UPDATE OF no, unit_id, amount, method, date ON deposit
BEGIN SELECT RAISE(ABORT, 'a deposit is never changed'); END;
CREATE TRIGGER deposit_refund_locked BEFORE UPDATE OF refunded ON deposit
WHEN OLD.refunded IS NOT NULL
  OR substr(NEW.refunded, 1, 7) <= (SELECT max(month) FROM fee_close)
BEGIN SELECT RAISE(ABORT, 'the month is closed, or the deposit is already refunded'); END;
CREATE TRIGGER deposit_kept BEFORE DELETE ON deposit
BEGIN SELECT RAISE(ABORT, 'deposits are never deleted'); END;
CREATE TRIGGER deposit_deduction_fixed BEFORE UPDATE ON deposit_deduction
BEGIN SELECT RAISE(ABORT, 'deductions are never changed'); END;
CREATE TRIGGER deposit_deduction_kept BEFORE DELETE ON deposit_deduction
BEGIN SELECT RAISE(ABORT, 'deductions are never deleted'); END;

CREATE TRIGGER handover_locked BEFORE INSERT ON handover
WHEN substr(NEW.date, 1, 7) <= (SELECT max(month) FROM fee_close)
BEGIN SELECT RAISE(ABORT, 'the month is closed'); END;
CREATE TRIGGER handover_fixed BEFORE UPDATE ON handover
BEGIN SELECT RAISE(ABORT, 'hand-overs are never changed'); END;
CREATE TRIGGER handover_kept BEFORE DELETE ON handover
BEGIN SELECT RAISE(ABORT, 'hand-overs are never deleted'); END;

CREATE TRIGGER fee_close_fixed BEFORE UPDATE ON fee_close
BEGIN SELECT RAISE(ABORT, 'a close is final'); END;
CREATE TRIGGER fee_close_kept BEFORE DELETE ON fee_close
BEGIN SELECT RAISE(ABORT, 'a close is final'); END;
CREATE TRIGGER fee_close_total_fixed BEFORE UPDATE ON fee_close_total
BEGIN SELECT RAISE(ABORT, 'a close is final'); END;
CREATE TRIGGER fee_close_total_kept BEFORE DELETE ON fee_close_total
BEGIN SELECT RAISE(ABORT, 'a close is final'); END;
