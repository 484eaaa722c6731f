-- 007-owner-registers.sql: what pm-owner's registers (vehicles, pets,
-- keys, visits, vacant units) need beyond 002.

-- A dog licence number (养犬证) belongs to one pet at a time, as a plate
-- does to one vehicle (vehicle_plate); a removed pet frees its number.
CREATE UNIQUE INDEX pet_licence ON pet(licence) WHERE removed IS NULL AND licence IS NOT NULL;

-- The reminders of expiring passes and licences read by expiry date.
CREATE INDEX vehicle_expires ON vehicle(expires) WHERE removed IS NULL;
CREATE INDEX pet_expires ON pet(expires) WHERE removed IS NULL;

-- Keys still in custody, per unit (key in refuses a key held twice).
CREATE INDEX key_custody_held ON key_custody(unit_id, what) WHERE returned IS NULL;
