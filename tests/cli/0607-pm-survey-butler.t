#!/bin/sh
# pm-survey: a butler's own satisfaction survey (客服管家: 定期进行客户满意度
# 调研), start to score; the refusals; and that a butler's forms leave the
# quarterly rule "nobody twice in a year" alone
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

# seed_units BUILDING COUNT: moved-in residential units BUILDING-1-101 ..
seed_units() {
	sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
	INSERT INTO unit (code, building, entrance, floor, room, type, building_area)
	  SELECT '$1-1-' || (100 + i), '$1', '1', 1, 100 + i, 'residential', 8937 FROM n;
	INSERT INTO person (name) SELECT 'owner ' || code FROM unit WHERE building = '$1';
	INSERT INTO ownership (unit_id, person_id, how, since)
	  SELECT u.id, p.id, 'roll', '2020-01-01' FROM unit u JOIN person p ON p.name = 'owner ' || u.code
	  WHERE u.building = '$1';
	INSERT INTO movein (unit_id, date, source) SELECT id, '2020-06-01', 'roll' FROM unit
	  WHERE building = '$1';"
}

pm-admin init > /dev/null
seed_units 1 5
seed_units 2 4
pm-admin staff add 李强 --dept service --role butler > /dev/null
pm-admin staff add 张敏 --dept service --role butler > /dev/null
pm-admin staff add 王芳 --dept service --role supervisor > /dev/null
pm-admin staff add 赵磊 --dept service --role butler --joined 2020-01-01 > /dev/null
pm-admin staff leave 赵磊 --date 2026-06-30 > /dev/null

# ---- opening a butler's round ------------------------------------------

# PM_NOW is 2026-11-30: forms out today, back survey.collect_days later,
# the round named after the butler and the month
run pm-survey new --butler 李强
is_rc 0 "new --butler"
is_out "李强-2026-11: forms out 2026-11-30, due back 2026-12-15" \
	"named BUTLER-YYYY-MM, out today, due 15 days later"
run pm-survey new --butler ' 张敏 ' --name 张敏-3号楼走访 --issue 2026-11-20 --due 2026-11-27 --template default:1
is_rc 0 "new --butler with a name, dates and a form (--template is --form)"
is_out "张敏-3号楼走访: forms out 2026-11-20, due back 2026-11-27" "the name given"
is "$(sql "SELECT quarter, kind, s.name, year, issue_on, due_on FROM survey_round r
	JOIN staff s ON s.id = r.butler_id ORDER BY r.id")" \
	"李强-2026-11|butler|李强|2026|2026-11-30|2026-12-15
张敏-3号楼走访|butler|张敏|2026|2026-11-20|2026-11-27" "stored as butler rounds, with their butler"
is "$(sql "SELECT record, change FROM audit WHERE record = '李强-2026-11'")" \
	"李强-2026-11|butler's survey round created: butler 李强, issue 2026-11-30, due 2026-12-15, form default:1" \
	"the round is audited"

# refused: each exits 65 and writes nothing
dump > "$T/before"
run pm-survey new --butler 王芳
is_rc 65 "a supervisor is not a butler"
is_err "pm-survey: a butler's survey needs a butler, and '王芳' is a supervisor" "and says so"
run pm-survey new --butler 赵磊
is_rc 65 "a butler who has left"
err_has "'赵磊'" "is named"
run pm-survey new --butler 无名氏
is_rc 65 "someone not on the staff"
run pm-survey new --butler 李强
is_rc 65 "the same default name twice"
is_err "pm-survey: survey round '李强-2026-11' exists already (--name gives another)" \
	"names it and says how to give another"
run pm-survey new --butler 张敏 --name 李强-2026-11
is_rc 65 "a name another butler's round has"
is_err "pm-survey: survey round '李强-2026-11' exists already" "names it"
run pm-survey new --butler 李强 --name 2026Q4
is_rc 65 "a name that reads as a quarter"
is_err "pm-survey: '2026Q4' reads as a period: name a butler's round like 李强-2026-11" \
	"would be taken for the quarterly round"
run pm-survey new --butler 李强 --name 2026-12
is_rc 65 "a name that reads as a month"
run pm-survey new --butler 李强 --name '  '
is_rc 65 "an empty name"
err_has "round name: " "says what is wrong with it"
run pm-survey new --butler 李强 --name 李强-12 --form nosuch
is_rc 65 "an unknown form"
run pm-survey new --butler 李强 --name 李强-12 --issue 2026-12-10 --due 2026-12-01
is_rc 65 "due before issue"
is_err "pm-survey: due date 2026-12-01 is before the issue date 2026-12-10" "with both dates"
dump > "$T/after"
holds "refused butler's rounds wrote nothing" cmp -s "$T/before" "$T/after"

run pm-survey new --quarter 2026Q4 --butler 李强
is_rc 64 "--quarter and --butler together"
is_err "pm-survey: give --quarter or --butler, not both" "is a usage error"
run pm-survey new --name 李强-12
is_rc 64 "--name without --butler"
is_err "pm-survey: --name is for a butler's round (--butler)" "is a usage error"
run pm-survey new --butler 李强 --name 李强-12 --ratio 30
is_rc 64 "--ratio for a butler's round"
is_err "pm-survey: --ratio is for the quarterly round: a butler's round takes the units listed" \
	"is a usage error"
run pm-survey new
is_rc 64 "new with neither"
is_err "pm-survey: which quarter? give --quarter QUARTER, like 2026Q4" "as before"

# ---- the quarterly rounds beside them ---------------------------------

pm-survey new --quarter 2026Q3 > /dev/null
pm-survey new --quarter 2026Q4 > /dev/null
run pm-survey list
is_rc 0 "list"
is_out "round,kind,butler,form,issue_on,due_on,report_by,ratio,moved_in,forms,issued,collected,answered,seed
2026Q4,quarterly,,default:1,2026-12-15,2026-12-30,2027-01-05,20,,0,0,0,0,
李强-2026-11,butler,李强,default:1,2026-11-30,2026-12-15,,,,0,0,0,0,
张敏-3号楼走访,butler,张敏,default:1,2026-11-20,2026-11-27,,,,0,0,0,0,
2026Q3,quarterly,,default:1,2026-09-15,2026-09-30,2026-10-05,20,,0,0,0,0," \
	"both kinds, newest first by issue date; no report date or ratio for a butler's round"
run pm-survey list --butler 李强
is_out "round,kind,butler,form,issue_on,due_on,report_by,ratio,moved_in,forms,issued,collected,answered,seed
李强-2026-11,butler,李强,default:1,2026-11-30,2026-12-15,,,,0,0,0,0," "list --butler: that butler's rounds"
run pm-survey __complete data ROUND 李
is_out "李强-2026-11" "--round completes from the rounds' names"

# ---- a butler's round, start to score ---------------------------------

run pm-survey sample --round 李强-2026-11
is_rc 65 "a butler's round has no random sample"
is_err "pm-survey: '李强-2026-11' is a butler's round, with no random sample: list its UNITs (- reads them)" \
	"and says what to do"
run pm-survey sample --round 李强-2026-11 1-1-101 1栋1单元102
is_rc 0 "sample --round UNIT...: the butler's units"
is_out "form,unit,building,surveyed
李强-2026-11-001,1-1-101,1,
李强-2026-11-002,1-1-102,1," "numbered after the round's name"
printf 'unit\n2-1-101\n2-1-102\n' > "$T/units.csv"
run_in "$T/units.csv" pm-survey sample --round 李强-2026-11 -
is_rc 0 "sample --round -: units on stdin"
is_out "form,unit,building,surveyed
李强-2026-11-003,2-1-101,2,
李强-2026-11-004,2-1-102,2," "the piped units get forms too"
run pm-survey sample --round 李强-2026-11 1-1-101
is_rc 65 "a unit already in the round"
is_err "pm-survey: unit '1-1-101' is in 李强-2026-11 already (form 李强-2026-11-001)" "is refused"

run pm-survey issue --round 李强-2026-11 --date 2026-11-30
is_rc 0 "issue --round: every form, by the butler when --by is not given"
is_out "4 form(s) issued" "four forms out"
is "$(sql "SELECT DISTINCT s.name FROM survey_form f JOIN staff s ON s.id = f.issued_by
	JOIN survey_round r ON r.id = f.round_id WHERE r.quarter = '李强-2026-11'")" "李强" \
	"handed out by 李强"
run env PM_NOW=2026-12-03T10:00:00 pm-survey collect --round 李强-2026-11 1-1-101 1-1-102 2-1-101
is_out "3 form(s) collected" "collect --round"
run env PM_NOW=2026-12-04T10:00:00 pm-survey answer --round 李强-2026-11 1-1-101 \
	客服=满意 安保=满意 维修=不满意 --problem 维修:人:维修工上门不准时
is_rc 0 "answer --round"
cat > "$T/answers.csv" <<'EOF'
房号,日期,客服,安保,维修,问题类别,原因类别,具体原因
1-1-102,2026-12-04,基本满意,满意,不满意,维修,料,备件缺货
2-1-101,2026-12-04,不满意,满意,满意,客服,人,态度差
EOF
run pm-survey import --round 李强-2026-11 "$T/answers.csv"
is_rc 0 "import --round"

# the figures, by hand: 4 forms issued, 3 back (75.0%), 3 answered;
# service 满意 基本满意 不满意: 2 of 3 = 66.7; security 3 of 3 = 100.0;
# repairs 不满意 不满意 满意: 1 of 3 = 33.3; overall 6 of 9 = 66.7;
# building 1: 2 forms back of 2, 6 answers, 4 satisfied or fair = 66.7;
# building 2: 1 of 2 back (50.0), 3 answers, 2 = 66.7
run env PM_NOW=2026-12-20T10:00:00 pm-survey score --round 李强-2026-11
is_rc 0 "score --round"
is_out "[response]
round,moved_in,forms,coverage,issued,collected,response_rate,answered,problems
李强-2026-11,,4,,4,3,75.0,3,3

[items]
item,label,answers,satisfied,fair,dissatisfied,satisfaction,previous,change
service,客服,3,1,1,1,66.7,,
security,安保,3,3,0,0,100.0,,
cleaning,保洁,0,0,0,0,,,
landscaping,绿化,0,0,0,0,,,
repairs,维修,3,1,0,2,33.3,,
fees,收费,0,0,0,0,,,
activities,社区活动,0,0,0,0,,,
overall,overall,9,5,1,3,66.7,,

[buildings]
building,forms,issued,collected,response_rate,answers,satisfaction
1,2,2,2,100.0,6,66.7
2,2,2,1,50.0,3,66.7" \
	"the quarter's figures: response and satisfaction per item, no previous quarter"
run pm-survey pareto --round 李强-2026-11
is_out "rank,item,label,count,share,cumulative,vital
1,repairs,维修,2,66.7,66.7,yes
2,service,客服,1,33.3,100.0,yes" "pareto --round: the round's problems"
run pm-survey causes --round 李强-2026-11 --item 维修
is_out "level,item,label,cause,cause_label,detail,count
1,repairs,维修,,,,2
2,repairs,维修,man,人,,1
3,repairs,维修,man,人,维修工上门不准时,1
2,repairs,维修,machine,机,,0
2,repairs,维修,material,料,,1
3,repairs,维修,material,料,备件缺货,1
2,repairs,维修,method,法,,0
2,repairs,维修,environment,环,,0" "causes --round"
run env PM_NOW=2026-12-20T10:00:00 pm-survey show --round 李强-2026-11
is_out "form,unit,building,how,issued_on,issued_by,collector,due_on,collected_on,collected_by,answered_on,status
李强-2026-11-001,1-1-101,1,list,2026-11-30,李强,李强,2026-12-15,2026-12-03,李强,2026-12-04,answered
李强-2026-11-002,1-1-102,1,list,2026-11-30,李强,李强,2026-12-15,2026-12-03,李强,2026-12-04,answered
李强-2026-11-003,2-1-101,2,list,2026-11-30,李强,李强,2026-12-15,2026-12-03,李强,2026-12-04,answered
李强-2026-11-004,2-1-102,2,list,2026-11-30,李强,李强,2026-12-15,,,,overdue" "show --round"
run env PM_NOW=2026-12-20T10:00:00 pm-survey due --round 李强-2026-11 --check
is_rc 1 "due --round --check: one form late"
is_out "form,unit,building,issued_on,issued_by,collector,due_on,days_late
李强-2026-11-004,2-1-102,2,2026-11-30,李强,李强,2026-12-15,5" "five days late"
run env PM_NOW=2026-12-20T10:00:00 pm-survey due
out_has "李强-2026-11-004" "due with no round lists the butlers' late forms too"

# a quarterly round named by --round is the same as by --quarter
pm-survey sample --quarter 2026Q4 1-1-103 > /dev/null
pm-survey issue --quarter 2026Q4 --by 王芳 --date 2026-12-15 > /dev/null
pm-survey answer --quarter 2026Q4 --date 2026-12-16 1-1-103 客服=满意 维修=不满意 \
	--problem 维修:机:工具不全 > /dev/null
for verb in score pareto causes show; do
	pm-survey $verb --quarter 2026Q4 > "$T/by-quarter"
	run pm-survey $verb --round 2026-Q4
	is_out_file "$T/by-quarter" "$verb --round 2026-Q4 is $verb --quarter 2026Q4"
done
run pm-survey score --quarter 2026Q4
out_has "2026Q4,,1,,1,1,100.0,1,1" "the quarter's score leaves the butler's forms out"
run pm-survey pareto --year 2026
is_out "rank,item,label,count,share,cumulative,vital
1,repairs,维修,1,100.0,100.0,yes" "and so does the year's Pareto analysis"
run pm-survey show
out_has "2026Q4-001,1-1-103" "with no round given, the latest quarterly round"
run pm-survey report --quarter 2026Q4
is_rc 0 "the quarterly report"
out_lacks "李强" "has nothing of the butler's round"

# ---- unknown rounds and options ------------------------------------------

dump > "$T/before"
for verb in show sample issue collect due answer score pareto causes; do
	case $verb in
	sample|collect|answer) run pm-survey $verb --round 无此轮 1-1-101 ;;
	issue) run pm-survey $verb --round 无此轮 --by 李强 ;;
	*) run pm-survey $verb --round 无此轮 ;;
	esac
	is_rc 65 "$verb --round of an unknown round"
	is_err "pm-survey: no survey round '无此轮' (see pm-survey list)" "$verb names it"
done
run pm-survey import --round 无此轮 "$T/answers.csv"
is_rc 65 "import --round of an unknown round"
run pm-survey score --round 2025Q1
is_rc 65 "--round of a quarter without a round"
is_err "pm-survey: no survey round 2025Q1 (see pm-survey new)" "names the quarter"
run pm-survey score --round 李强-2026-11 --quarter 2026Q4
is_rc 64 "--round and --quarter together"
err_has "give --quarter or --round, not both" "is a usage error"
run pm-survey pareto --round 李强-2026-11 --year 2026
is_rc 64 "--round and --year together"
err_has "give --round or --year, not both" "is a usage error"
run pm-survey score --round ''
is_rc 64 "an empty --round"
run pm-survey report --round 李强-2026-11
is_rc 64 "report is the quarterly evaluation: no --round"
dump > "$T/after"
holds "refused commands on butler's rounds wrote nothing" cmp -s "$T/before" "$T/after"

# ---- the quarterly rule ignores a butler's forms -----------------------

# 1-1-101 and 1-1-102 are in 李强's November round; 1-1-104 is in the
# third quarter's round.  Listing 1-1-101 in the fourth quarter is fine;
# 1-1-104 is refused, as before.
pm-survey sample --quarter 2026Q3 1-1-104 > /dev/null
dump > "$T/before"
run pm-survey sample --quarter 2026Q4 1-1-104
is_rc 65 "a unit in an earlier quarterly round of the year is still refused"
is_err "pm-survey: unit '1-1-104' was surveyed in 2026Q3 already (--allow-repeat surveys it again)" \
	"naming the quarter"
dump > "$T/after"
holds "and nothing is written" cmp -s "$T/before" "$T/after"
run pm-survey sample --quarter 2026Q4 1-1-101
is_rc 0 "a unit in a butler's round of the same year is listed in the quarterly round"
is_out "form,unit,building,surveyed
2026Q4-002,1-1-101,1," "and is not marked as surveyed this year"
run pm-survey sample --round 张敏-3号楼走访 1-1-104 1-1-103
is_rc 0 "a butler's round takes units of the quarterly rounds"

# the random draw: a fresh year, every moved-in unit (ratio 100).  Units a
# butler surveyed are not repeats; units of an earlier quarter are.
pm-survey new --butler 张敏 --name 张敏-2027-01 --issue 2027-01-10 > /dev/null
pm-survey sample --round 张敏-2027-01 1-1-101 1-1-102 1-1-103 2-1-101 > /dev/null
pm-survey new --quarter 2027Q1 --ratio 100 > /dev/null
run pm-survey sample --quarter 2027Q1 --seed 7
is_rc 0 "the quarterly draw after a butler's round"
is_out "form,unit,building,surveyed
2027Q1-001,1-1-101,1,
2027Q1-002,1-1-102,1,
2027Q1-003,1-1-103,1,
2027Q1-004,1-1-104,1,
2027Q1-005,1-1-105,1,
2027Q1-006,2-1-101,2,
2027Q1-007,2-1-102,2,
2027Q1-008,2-1-103,2,
2027Q1-009,2-1-104,2," "takes the butler's units, none marked surveyed this year"
is_err "pm-survey: 9 of 9 moved-in units drawn, seed 7" "and warns of no repeats"
pm-survey new --quarter 2027Q2 --ratio 50 > /dev/null
run pm-survey sample --quarter 2027Q2 --seed 7
is_rc 0 "the next quarter's draw"
err_has "of them were surveyed earlier this year" "does count the first quarter's forms"

done_testing
