-- 009-hot-water.sql: the hot-water meter read at move-in and move-out,
-- beside water, electricity and gas (002), so that a unit's first
-- hot-water bill has its baseline as the others do (pm-fee reading).
-- Readings x 100, as in 002.
ALTER TABLE movein ADD COLUMN hot_water INTEGER;
ALTER TABLE moveout ADD COLUMN hot_water INTEGER;
