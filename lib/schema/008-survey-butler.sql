-- 008-survey-butler.sql: a butler's own satisfaction survey (客服管家:
-- 定期进行客户满意度调研; 走访客户 ... 做好意见调查) next to the quarterly
-- owner evaluation of 006.
--
-- A round is of one of two kinds: 'quarterly', the evaluation of 006 (every
-- round made before this migration), or 'butler', a survey a butler runs
-- among the units he or she looks after, on the units listed, no ratio.
--
-- survey_round.quarter is the round's key in either case: the quarter
-- ('2026Q4') of the evaluation, the name ('李强-2026-11') given to a
-- butler's round.  Being UNIQUE, it keeps names unique over both kinds; a
-- name that reads as a period (a quarter, a year, a month) is refused, so
-- '2026Q4' only ever names the quarterly round.  For a butler's round year
-- is the year of its issue date and ratio is not used (100).
--
-- A butler's forms do not count towards the quarterly rule "nobody twice
-- in a year": that rule reads the forms of quarterly rounds only.
ALTER TABLE survey_round ADD COLUMN kind TEXT NOT NULL DEFAULT 'quarterly'
	CHECK (kind IN ('quarterly', 'butler'));
-- The butler whose survey it is; set for a butler's round, only then.
ALTER TABLE survey_round ADD COLUMN butler_id INTEGER REFERENCES staff(id)
	CHECK ((kind = 'butler') = (butler_id IS NOT NULL));

-- A butler's rounds, newest first (list --butler, the round of a name).
CREATE INDEX survey_round_butler ON survey_round(butler_id, issue_on) WHERE butler_id IS NOT NULL;
