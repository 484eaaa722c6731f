#!/bin/sh
# man/pm-survey.1: clean under mandoc -Tlint, and its EXAMPLES run as
# written on the estate they describe
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

MAN=$PM_TOP/man/pm-survey.1

run mandoc -Tlint -Wwarning "$MAN"
is_rc 0 "mandoc -Tlint -Wwarning is clean"
is "$(wc -c < "$T/out")$(wc -c < "$T/err")" "00" "and says nothing"

# the EXAMPLES section's literal blocks, as a script: \e is a backslash
awk '/^\.Sh EXAMPLES/ { on = 1; next } /^\.Sh / { on = 0 }
	on && /^\.Bd -literal/ { lit = 1; next } on && /^\.Ed/ { lit = 0; next }
	on && lit { print }' "$MAN" | sed -e 's/\\e/\\/g' > "$T/examples.sh"
is "$(grep -c "pm-survey " "$T/examples.sh")" 18 "the examples have eighteen pm-survey commands"

# "an estate of two buildings of six moved-in units each; 王芳 and 李强
# are butlers"
pm-admin init > /dev/null
sql "WITH RECURSIVE b(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM b WHERE k < 2),
	n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6)
	INSERT INTO unit (code, building, entrance, floor, room) SELECT k || '-1-' || (100 + i), k, '1', 1, 100 + i FROM b, n;
	INSERT INTO person (name) SELECT 'owner ' || code FROM unit;
	INSERT INTO ownership (unit_id, person_id, how) SELECT u.id, p.id, 'roll' FROM unit u JOIN person p ON p.name = 'owner ' || u.code;
	INSERT INTO movein (unit_id, date, source) SELECT id, '2020-06-01', 'roll' FROM unit;"
pm-admin staff add 王芳 --dept service --role butler > /dev/null
pm-admin staff add 李强 --dept service --role butler > /dev/null

mkdir "$T/work"
PM_NOW=2027-01-03T09:00:00
export PM_NOW
cd "$T/work" || exit 1
run sh -e "$T/examples.sh"
cd "$PM_TOP" || exit 1
is_rc 0 "the examples run without an error"
out_has "2026Q4-001,1-1-102,1,
2026Q4-002,1-1-103,1,
2026Q4-003,2-1-101,2,
2026Q4-004,2-1-103,2," "seed 2026 draws the units the examples then collect"
Q4="round_id = (SELECT id FROM survey_round WHERE quarter = '2026Q4')"
is "$(sql "SELECT count(*) FROM survey_form WHERE answered_on IS NOT NULL AND $Q4")" 3 "three forms answered"
is "$(sql "SELECT count(*) FROM survey_problem")" 5 "five problems recorded"
is "$(sql "SELECT count(*) FROM survey_form WHERE how = 'list' AND $Q4")" 2 "the piped units got forms"
# 李强's own round: two forms, one of a unit in the quarter's sample, handed
# out by him, one answered
is "$(sql "SELECT group_concat(u.code || ' ' || s.name || ' ' || (f.answered_on IS NOT NULL), ', ')
	FROM survey_form f JOIN survey_round r ON r.id = f.round_id JOIN unit u ON u.id = f.unit_id
	JOIN staff s ON s.id = f.issued_by WHERE r.quarter = '李强-2026-12' AND r.kind = 'butler'")" \
	"1-1-102 李强 0, 1-1-104 李强 1" "the butler's round: his units, handed out by him, one answered"
out_has "round,moved_in,forms,coverage,issued,collected,response_rate,answered,problems
李强-2026-12,,2,,2,1,50.0,1,0" "and its score: 1 of 2 back"
out_has "survey forms overdue" "the cron line reports the late forms"
for f in pareto.svg fishbone.svg; do
	run xmllint --noout "$T/work/$f"
	is_rc 0 "$f is well-formed XML"
done
run grep -c '<svg' "$T/work/2026Q4.html"
is_out 3 "the HTML report has its charts inline: the Pareto chart and two fishbones"
run grep -F '# owner evaluation 2026: annual review' "$T/work/2026.md"
is_rc 0 "and the annual review is written"

done_testing
