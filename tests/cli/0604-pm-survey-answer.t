#!/bin/sh
# pm-survey answer and import: scores, problems with 人机料法环, the form
# typed up in Excel; out-of-range and duplicate answers refused with
# FILE:LINE: column: reason (BAD-INPUTS row 28)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
sql "INSERT INTO unit (code, building, room) VALUES
	('1-1-101', '1', '101'), ('1-1-102', '1', '102'), ('1-1-103', '1', '103'),
	('2-1-101', '2', '101'), ('2-1-102', '2', '102'), ('2-1-103', '2', '103')"
pm-admin staff add 王芳 --dept service --role butler > /dev/null
PM_NOW=2026-12-15T09:00:00
export PM_NOW
pm-survey new --quarter 2026Q4 > /dev/null
pm-survey sample 1-1-101 1-1-102 1-1-103 2-1-101 2-1-102 > /dev/null
pm-survey issue --by 王芳 1-1-101 1-1-102 1-1-103 2-1-101 > /dev/null
PM_NOW=2026-12-22T09:00:00

run pm-survey answer 2-1-102 客服=满意
is_rc 65 "a form not issued cannot be answered"
is_err "pm-survey: form 2026Q4-005 (unit '2-1-102') has not been issued" "and says so"
run pm-survey answer 2-1-103 客服=满意
is_rc 65 "a unit without a form"
is_err "pm-survey: unit '2-1-103' has no form in 2026Q4" "is refused"

run pm-survey answer 1栋1单元101 客服=满意 安保服务=基本满意 repairs=不满意 \
	--problem '维修:人:维修工上门不准时:等了一上午' --problem '维修：料：备件缺货' \
	--suggestion '希望多组织社区活动'
is_rc 0 "answer: scores by label, common name or key; problems; a suggestion"
is "$(sql "SELECT i.key, a.score FROM survey_answer a JOIN survey_item i ON i.id = a.item_id ORDER BY i.pos")" \
	"service|3
security|2
repairs|1" "scores stored 3 满意, 2 基本满意, 1 不满意"
is "$(sql "SELECT i.key, p.cause, p.detail, coalesce(p.words, '-') FROM survey_problem p
	JOIN survey_item i ON i.id = p.item_id ORDER BY p.id")" "repairs|man|维修工上门不准时|等了一上午
repairs|material|备件缺货|-" "problems: category, cause class, specific cause, the owner's words (full-width colons too)"
is "$(sql "SELECT collected_on, answered_on, suggestion FROM survey_form WHERE no = 1")" \
	"2026-12-22|2026-12-22|希望多组织社区活动" "answering an uncollected form records it back"
is "$(sql "SELECT change FROM audit WHERE verb = 'answer' ORDER BY id")" \
	"survey form 2026Q4-001: unit 1-1-101 collected on 2026-12-22
survey form 2026Q4-001: unit 1-1-101 answered on 2026-12-22: service=满意 security=基本满意 repairs=不满意; 2 problem(s)" \
	"audited: the form back, and its answers"

dump > "$T/before"
run pm-survey answer 1-1-101 客服=满意
is_rc 65 "a second answer for the same unit is refused"
is_err "pm-survey: form 2026Q4-001 (unit '1-1-101') was answered on 2026-12-22 already (--replace enters it again)" \
	"with the way to correct it"
run pm-survey answer 1-1-102 客服=很好
is_rc 65 "a score out of range is refused"
is_err "pm-survey: 客服: '很好' is not 满意, 基本满意 or 不满意" "naming the item and the scale"
run pm-survey answer 1-1-102 客服=满意 客服服务=满意
is_rc 65 "an item twice is refused"
is_err "pm-survey: item '客服' is given twice" "naming it"
run pm-survey answer 1-1-102 水电=满意
is_rc 65 "an item not on the form is refused"
is_err "pm-survey: '水电' is not an item of the 2026Q4 form" "naming it"
run pm-survey answer 1-1-102 客服
is_rc 64 "a score without '=' is a usage error"
run pm-survey answer 1-1-102 客服=满意 --problem '维修:天:不知道'
is_rc 65 "a cause outside 人机料法环 is refused"
is_err "pm-survey: problem '维修:天:不知道': cause: '天' is not one of 人, 机, 料, 法, 环" "listing them"
run pm-survey answer 1-1-102 客服=满意 --problem '维修:人'
is_rc 65 "a problem without its specific cause is refused"
is_err "pm-survey: problem '维修:人': detail: missing: the specific cause" "and says what is missing"
run pm-survey answer 1-1-102 客服=满意 --problem '水电:人:x'
is_rc 65 "a problem category not on the form is refused"
err_has "'水电' is not an item of the form (客服, 安保, 保洁, 绿化, 维修, 收费, 社区活动)" "listing the items"
run pm-survey answer 1-1-102
is_rc 64 "no scores and no problem"
is_err "pm-survey: no scores and no problem given" "is a usage error"
run pm-survey answer 1-1-102 客服=满意 --date 2026-12-01
is_rc 65 "an answer dated before the form went out"
is_err "pm-survey: form 2026Q4-002 (unit '1-1-102') cannot be answered on 2026-12-01: it was issued on 2026-12-15" \
	"is refused"
dump > "$T/after"
if cmp -s "$T/before" "$T/after"; then ok "refused answers wrote nothing"; else not_ok "refused answers wrote nothing"; fi

run pm-survey answer --replace 1-1-101 客服=不满意 --problem '客服:法:投诉无回复'
is_rc 0 "--replace enters a form again"
is "$(sql "SELECT count(*) FROM survey_answer")|$(sql "SELECT count(*) FROM survey_problem")" "1|1" \
	"the old answers and problems are gone"

# the five-point form
pm-survey template add default --scale five > /dev/null
pm-survey new --quarter 2027Q1 > /dev/null
pm-survey issue --quarter 2027Q1 --by 王芳 --allow-repeat --date 2027-03-15 1-1-101 1-1-102 > /dev/null
PM_NOW=2027-03-20T09:00:00
run pm-survey answer --quarter 2027Q1 1-1-101 客服=5 维修=２ 安保=4分
is_rc 0 "five-point scores: digits, full-width digits, '4分'"
is "$(sql "SELECT group_concat(score, ',') FROM (SELECT a.score FROM survey_answer a JOIN survey_form f ON f.id = a.form_id
	JOIN survey_item i ON i.id = a.item_id WHERE f.year = 2027 ORDER BY i.pos)")" "5,4,2" "stored as given"
run pm-survey answer --quarter 2027Q1 1-1-102 客服=6
is_rc 65 "6 is out of range"
is_err "pm-survey: 客服: '6' is out of range (1 to 5)" "and says the range"
run pm-survey answer --quarter 2027Q1 1-1-102 客服=满意
is_rc 65 "words on a five-point form"
is_err "pm-survey: 客服: '满意' is out of range (1 to 5)" "are refused"

# import: the form as typed up in Excel, BOM, CRLF, Chinese headers, an
# extra column, a second row for a second problem
PM_NOW=2026-12-23T09:00:00
printf '\357\273\277房号,客服,安保,保洁,绿化,维修,收费,社区活动,问题类别,原因类别,具体原因,问题描述,建议,备注\r
1-1-102,满意,满意,基本满意,满意,不满意,满意,,维修,人,维修工上门不准时,等了半天,,x\r
1-1-102,,,,,,,,保洁,环,垃圾桶太少,,,\r
1-1-103,满意,不满意,满意,满意,满意,基本满意,满意,安保,法,门岗不登记,,加强巡逻,\r
' > "$T/answers.csv"
dump > "$T/before"
run pm-survey import --quarter 2026Q4 --dry-run "$T/answers.csv"
is_rc 0 "import --dry-run"
is_out "2 form(s) and 3 problem(s) checked; nothing written (--dry-run)" "says what it checked"
is_err "pm-survey: $T/answers.csv: column '备注' ignored" "warns of a column it does not know"
dump > "$T/after"
if cmp -s "$T/before" "$T/after"; then ok "and writes nothing"; else not_ok "and writes nothing"; fi
run pm-survey import --quarter 2026Q4 "$T/answers.csv"
is_rc 0 "import"
is_out "2 form(s) and 3 problem(s) imported" "says what it imported"
is "$(sql "SELECT u.code, count(*) FROM survey_answer a JOIN survey_form f ON f.id = a.form_id
	JOIN unit u ON u.id = f.unit_id WHERE f.year = 2026 GROUP BY u.code")" "1-1-101|1
1-1-102|6
1-1-103|7" "every score of every row, blanks skipped"
is "$(sql "SELECT u.code, i.label, p.cause, p.detail FROM survey_problem p JOIN survey_form f ON f.id = p.form_id
	JOIN unit u ON u.id = f.unit_id JOIN survey_item i ON i.id = p.item_id WHERE u.code <> '1-1-101' ORDER BY p.id")" \
	"1-1-102|维修|man|维修工上门不准时
1-1-102|保洁|environment|垃圾桶太少
1-1-103|安保|method|门岗不登记" "the problems, the second row's too"
run pm-survey import --quarter 2026Q4 "$T/answers.csv"
is_rc 65 "importing the same forms again is refused"
is_err "pm-survey: $T/answers.csv:2: 房号: form 2026Q4-002 (unit '1-1-102') was answered on 2026-12-23 already (--replace enters it again)
pm-survey: $T/answers.csv:3: 房号: form 2026Q4-002 (unit '1-1-102') was answered on 2026-12-23 already (--replace enters it again)
pm-survey: $T/answers.csv:4: 房号: form 2026Q4-003 (unit '1-1-103') was answered on 2026-12-23 already (--replace enters it again)
pm-survey: $T/answers.csv: 3 row(s) refused: nothing imported" \
	"FILE:LINE: column: reason, every row refused, then the count"

# GBK, as Excel on a Chinese Windows desk saves CSV
printf '房号,维修,问题类别,原因类别,具体原因\r\n2-1-101,基本满意,维修,机,工具不全\r\n' | iconv -f UTF-8 -t GBK > "$T/gbk.csv"
run pm-survey import --quarter 2026Q4 "$T/gbk.csv"
is_rc 0 "a GBK file is detected and imported"
is "$(sql "SELECT detail FROM survey_problem WHERE cause = 'machine'")" 工具不全 "stored as UTF-8"

# bad rows: all or nothing, FILE:LINE: column: reason
pm-survey issue --quarter 2026Q4 --by 王芳 2-1-102 > /dev/null
check_bad() {
	printf '%b' "$1" > "$T/bad.csv"
	dump > "$T/before"
	run pm-survey import --quarter 2026Q4 "$T/bad.csv"
	is_rc 65 "$3"
	# a refused row is counted at the end; a bad header stops at once
	case $2 in
	1:*) is_err "pm-survey: $T/bad.csv:$2" "$3: the message" ;;
	*) is_err "pm-survey: $T/bad.csv:$2
pm-survey: $T/bad.csv: 1 row(s) refused: nothing imported" "$3: the message" ;;
	esac
	dump > "$T/after"
	if cmp -s "$T/before" "$T/after"; then ok "$3: nothing written"; else not_ok "$3: nothing written"; fi
}
check_bad '房号,客服,安保\n2-1-102,满意,满意\n2-1-102,满意,\n' \
	"3: 房号: unit '2-1-102' is answered twice (first on line 2)" "a unit answered twice in a file"
check_bad '房号,客服\n2-1-102,很满意\n' \
	"2: 客服: '很满意' is not 满意, 基本满意 or 不满意" "a score out of range"
check_bad 'unit,service,category,cause\n2-1-102,满意,repairs,man\n' \
	"2: detail: missing: the specific cause" "a problem without its detail column"
check_bad '房号,客服,问题类别,原因类别,具体原因\n2-1-102,满意,维修,天,x\n' \
	"2: 原因类别: '天' is not one of 人, 机, 料, 法, 环" "a cause outside 人机料法环"
check_bad '房号,客服\n9-9-999,满意\n' "2: 房号: no unit '9-9-999'" "an unknown unit"
check_bad '房号,客服\n2-1-102,满意,x\n' "2: 3 fields, but the header has 2" "a ragged row"
check_bad '名字,客服\n2-1-102,满意\n' "1: no 'unit' column (房号)" "no unit column"
check_bad '房号,客服,客服服务\n2-1-102,满意,满意\n' "1: column '客服服务' is there twice ('客服')" \
	"the same item twice in the header"
check_bad '房号,客服\n2-1-102,满意\n2-1-103,满意\n' "3: 房号: unit '2-1-103' has no form in 2026Q4" \
	"a good row then a bad one: the good one is not kept either"
check_bad '房号,日期,客服\n2-1-102,2026-12-32,满意\n' "2: 日期: no such date" \
	"a date that does not exist"
printf '' > "$T/empty.csv"
run pm-survey import "$T/empty.csv"
is_rc 65 "an empty file"
is_err "pm-survey: $T/empty.csv: no header" "has no header"
run pm-survey import "$T/nosuch.csv"
is_rc 66 "a missing file"
is_err "pm-survey: cannot open '$T/nosuch.csv': No such file or directory" "cannot be opened"
run pm-survey import
is_rc 64 "import needs a FILE"

done_testing
