#!/bin/sh
# pm-survey score, pareto, causes and report on a quarter worked out by
# hand: every figure below was computed on paper from the answers here
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

pm-admin init --estate 阳光花园 > /dev/null
seed_units 1 5
seed_units 2 5
pm-admin staff add 王芳 --dept service --role butler > /dev/null
PM_NOW=2026-09-01
export PM_NOW

# the previous quarter: two forms
pm-survey new --quarter 2026Q3 > /dev/null
pm-survey sample --quarter 2026Q3 1-1-105 2-1-105 > /dev/null
pm-survey issue --quarter 2026Q3 --by 王芳 --date 2026-09-15 > /dev/null
pm-survey answer --quarter 2026Q3 --date 2026-09-20 1-1-105 客服=满意 安保=满意 维修=不满意 \
	--problem 维修:人:维修工上门不准时
pm-survey answer --quarter 2026Q3 --date 2026-09-20 2-1-105 客服=基本满意 保洁=不满意 维修=不满意

# this quarter: eight forms out, six back
pm-survey new --quarter 2026Q4 > /dev/null
pm-survey sample --quarter 2026Q4 1-1-101 1-1-102 1-1-103 1-1-104 2-1-101 2-1-102 2-1-103 2-1-104 > /dev/null
pm-survey issue --quarter 2026Q4 --by 王芳 --date 2026-12-15 > /dev/null
PM_NOW=2026-12-25
# S 满意, F 基本满意, D 不满意:
#   unit     客服 安保 保洁 维修   problems
#   1-1-101  S    S    F    D      维修/人 不准时 x2, 维修/料 备件 x2, 客服/人
#   1-1-102  S    F    D    D      维修/人 不准时, 维修/人 态度 x2, 维修/料 备件, 安保/法
#   1-1-103  F    S    S    F      维修/机 工具 x2, 保洁/法
#   2-1-101  S    D    F    D      维修/料 备件, 维修/法, 安保/环, 保洁/环
#   2-1-102  D    S    S    S      客服/法, 绿化/环
#   2-1-103  S    S    -    F      -
pm-survey answer 1-1-101 客服=满意 安保=满意 保洁=基本满意 维修=不满意 \
	--problem 维修:人:维修工上门不准时 --problem 维修:人:维修工上门不准时 \
	--problem 维修:料:备件缺货 --problem 维修:料:备件缺货 --problem 客服:人:接电话慢
pm-survey answer 1-1-102 客服=满意 安保=基本满意 保洁=不满意 维修=不满意 \
	--problem 维修:人:维修工上门不准时 --problem 维修:人:态度差 --problem 维修:人:态度差 \
	--problem 维修:料:备件缺货 --problem 安保:法:门岗不登记
pm-survey answer 1-1-103 客服=基本满意 安保=满意 保洁=满意 维修=基本满意 \
	--problem 维修:机:工具不全 --problem 维修:机:工具不全 --problem 保洁:法:清扫频次不够
pm-survey answer 2-1-101 客服=满意 安保=不满意 保洁=基本满意 维修=不满意 \
	--problem 维修:料:备件缺货 --problem 维修:法:报修流程繁琐 --problem 安保:环:监控盲区 \
	--problem 保洁:环:垃圾桶太少
pm-survey answer 2-1-102 客服=不满意 安保=满意 保洁=满意 维修=满意 \
	--problem 客服:法:投诉无回复 --problem 绿化:环:草坪枯黄 --suggestion '多组织社区活动'
pm-survey answer 2-1-103 客服=满意 安保=满意 维修=基本满意
is "$(sql "SELECT count(*) FROM survey_form WHERE answered_on IS NOT NULL")" 8 "the scripted answers are in"

# satisfaction = (satisfied + fair) / answers, 1000 a / b rounded half up:
#   客服 (4+1)/6 = 83.3   安保 (4+1)/6 = 83.3   保洁 (2+2)/5 = 80.0
#   维修 (1+2)/6 = 50.0   overall (11+6)/23 = 73.913 -> 73.9
# 2026Q3: 客服 2/2, 安保 1/1, 保洁 0/1, 维修 0/2, overall 3/6 = 50.0
# buildings: 1: 9/12 = 75.0, 2: 8/11 = 72.727 -> 72.7; 3 of 4 back = 75.0
run pm-survey score --quarter 2026Q4
is_rc 0 "score"
is_out "[response]
quarter,moved_in,forms,coverage,issued,collected,response_rate,answered,problems
2026Q4,,8,,8,6,75.0,6,19

[items]
item,label,answers,satisfied,fair,dissatisfied,satisfaction,previous,change
service,客服,6,4,1,1,83.3,100.0,-16.7
security,安保,6,4,1,1,83.3,100.0,-16.7
cleaning,保洁,5,2,2,1,80.0,0.0,80.0
landscaping,绿化,0,0,0,0,,,
repairs,维修,6,1,2,3,50.0,0.0,50.0
fees,收费,0,0,0,0,,,
activities,社区活动,0,0,0,0,,,
overall,overall,23,11,6,6,73.9,50.0,23.9

[buildings]
building,forms,issued,collected,response_rate,answers,satisfaction
1,4,4,3,75.0,12,75.0
2,4,4,3,75.0,11,72.7" "score: the worked example, figure for figure"
cp "$T/out" "$T/score.csv"

run pm-survey score
is_out_file "$T/score.csv" "without --quarter: the latest round"

# Pareto: 维修 12, then a three-way tie at 2 (客服 安保 保洁, in form
# order), 绿化 1; 19 in all.  Shares: 12/19 = 63.2, 2/19 = 10.5,
# 1/19 = 5.3.  Cumulative: 12 63.2, 14 73.7, 16 84.2 (80% reached at
# 安保), 18 94.7, 19 100.0.  The vital few: 维修 客服 安保 reach 80%;
# 保洁 ties with 安保, the last of them, so it is vital too; 绿化 is not.
run pm-survey pareto --quarter 2026Q4
is_rc 0 "pareto"
is_out "rank,item,label,count,share,cumulative,vital
1,repairs,维修,12,63.2,63.2,yes
2,service,客服,2,10.5,73.7,yes
3,security,安保,2,10.5,84.2,yes
4,cleaning,保洁,2,10.5,94.7,no
5,landscaping,绿化,1,5.3,100.0,no" "pareto: counts, shares, cumulative shares, the vital few: the tie goes to the form's order"
cp "$T/out" "$T/pareto.csv"

run pm-survey pareto --quarter 2026Q4 -o table
is_out "Rank  Item         Label  Problems  Share %  Cumulative %  Vital few  Chart
----  -----------  -----  --------  -------  ------------  ---------  ------------------------------
   1  repairs      维修         12     63.2          63.2  yes        ██████████████████████████████
   2  service      客服          2     10.5          73.7  yes        █████
   3  security     安保          2     10.5          84.2  yes        █████
   4  cleaning     保洁          2     10.5          94.7  no         █████
   5  landscaping  绿化          1      5.3         100.0  no         ███" "in a table: a bar chart, the longest bar the largest count"

run pm-survey pareto --year 2026
is_rc 0 "pareto over a year"
out_has "1,repairs,维修,13,65.0,65.0,yes" "adds the quarters: 维修 13 of 20"

# cause and effect: 维修's 12 by 人机料法环
run pm-survey causes --quarter 2026Q4 --item 维修 -o table
is_rc 0 "causes of one category"
is_out "Cause                 Problems
--------------------  --------
维修 (repairs)              12
  人 man                     5
    维修工上门不准时         3
    态度差                   2
  机 machine                 2
    工具不全                 2
  料 material                4
    备件缺货                 4
  法 method                  1
    报修流程繁琐             1
  环 environment             0" "an indented tree: category, cause class, specific causes, counts"
run pm-survey causes --quarter 2026Q4 --item repairs
is_out "level,item,label,cause,cause_label,detail,count
1,repairs,维修,,,,12
2,repairs,维修,man,人,,5
3,repairs,维修,man,人,维修工上门不准时,3
3,repairs,维修,man,人,态度差,2
2,repairs,维修,machine,机,,2
3,repairs,维修,machine,机,工具不全,2
2,repairs,维修,material,料,,4
3,repairs,维修,material,料,备件缺货,4
2,repairs,维修,method,法,,1
3,repairs,维修,method,法,报修流程繁琐,1
2,repairs,维修,environment,环,,0" "as csv: one row per node with its level"
run pm-survey causes --quarter 2026Q4
is_rc 0 "causes of every category"
is "$(grep -c '^1,' "$T/out")" 5 "one tree per category with problems"
is "$(sed -n 2p "$T/out")" "1,repairs,维修,,,,12" "in Pareto order"
run pm-survey causes --quarter 2026Q4 --item 水电
is_rc 65 "an item not on the form is refused"
is_err "pm-survey: '水电' is not an item of the 2026Q4 form" "naming it"

run env LC_ALL=zh_CN.UTF-8 pm-survey causes --quarter 2026Q4 --item 维修 -o table
out_has "  人 " "under zh_CN the cause is 人 alone"
out_lacks " man " "without its English key"
out_lacks "(repairs)" "and the category without its key"

# the charts: valid XML with the Chinese labels as text
run pm-survey pareto --quarter 2026Q4 --svg "$T/pareto.svg"
is_rc 0 "pareto --svg writes the chart"
is_out_file "$T/pareto.csv" "and still prints the table"
run xmllint --noout "$T/pareto.svg"
is_rc 0 "the Pareto chart is well-formed XML (xmllint)"
run python3 -c '
import sys, xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
bars = [r for r in root.findall("s:rect", ns) if r.get("fill") in ("#d9534f", "#4e79a7") and r.get("width") != "12"]
line = root.findall("s:polyline", ns)
dashed = [l for l in root.findall("s:line", ns) if l.get("stroke-dasharray")]
print(root.tag)
print(" ".join(t for t in texts if t in ("维修", "客服", "安保", "保洁", "绿化")))
print(len(bars), [b.get("fill") == "#d9534f" for b in bars].count(True))
print(len(line), len(line[0].get("points").split()))
print(len(dashed), "80%" in texts, "100.0%" in texts)
print("Noto Sans CJK SC" in root.get("font-family"), "sans-serif" in root.get("font-family"))
' "$T/pareto.svg"
is_out "{http://www.w3.org/2000/svg}svg
维修 客服 安保 保洁 绿化
5 3
1 6
1 True True
True True" "five bars in Pareto order, three vital; a cumulative line of six points; the 80% line; CJK fonts"
run pm-survey causes --quarter 2026Q4 --svg "$T/fishbone.svg"
is_rc 0 "causes --svg draws the fishbone of the top category"
run python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
print(root.find("{http://www.w3.org/2000/svg}title").text)
for k in ("人 man (5)", "机 machine (2)", "料 material (4)", "法 method (1)", "环 environment (0)",
          "维修工上门不准时 (3)", "备件缺货 (4)", "维修"):
    print(k, k in texts)
' "$T/fishbone.svg"
is_out "2026Q4 维修: cause and effect (12 problems)
人 man (5) True
机 machine (2) True
料 material (4) True
法 method (1) True
环 environment (0) True
维修工上门不准时 (3) True
备件缺货 (4) True
维修 True" "the fishbone: the effect, five bones with counts, the specific causes"
run pm-survey pareto --quarter 2026Q4 --svg -
is_rc 0 "--svg - writes the chart to stdout"
head -c 38 "$T/out" > "$T/head"
is "$(cat "$T/head")" '<?xml version="1.0" encoding="UTF-8"?>' "and only the chart"
run pm-survey pareto --quarter 2026Q4 --svg "$T/no/such/dir/p.svg"
is_rc 73 "an SVG file that cannot be created is exit 73"
err_has "cannot create '$T/no/such/dir/p.svg'" "naming it"

# drawn, the labels are Chinese characters, not boxes: render with
# rsvg-convert when it and a CJK font are installed
if command -v rsvg-convert > /dev/null 2>&1 && fc-list :lang=zh family 2> /dev/null | grep -q .; then
	run rsvg-convert -o "$T/pareto.png" "$T/pareto.svg"
	is_rc 0 "rsvg-convert renders the Pareto chart"
	run rsvg-convert -o "$T/fishbone.png" "$T/fishbone.svg"
	is_rc 0 "rsvg-convert renders the fishbone"
	# the glyph of 维 in a CJK font is not the box of a missing glyph:
	# render the label alone, with the chart's fonts and with a font
	# list that has no CJK font and no fallback, and compare
	sed -n 's/.*font-family="\([^"]*\)".*/\1/p' "$T/pareto.svg" | head -n 1 > "$T/fonts"
	is "$(fc-match "$(cut -d, -f1 "$T/fonts" | tr -d "'")" :lang=zh family | grep -ci 'cjk\|hei\|han')" 1 \
		"the chart's first font is a CJK font on this machine"
else
	ok "# skip rsvg-convert or a CJK font is not installed"
	ok "# skip"
	ok "# skip"
fi

# the report contains every figure score and pareto print, and nothing
# that disagrees: their rows, less the item key, are rows of its tables
run pm-survey report --quarter 2026Q4
is_rc 0 "report --quarter"
cp "$T/out" "$T/report.md"
run python3 -c '
import csv, io, sys
def sections(path):
    out, name = {}, None
    for block in open(path, encoding="utf-8").read().split("\n\n"):
        lines = block.strip("\n").split("\n")
        if lines[0].startswith("["):
            name, lines = lines[0][1:-1], lines[1:]
        out[name] = list(csv.reader(io.StringIO("\n".join(lines))))
    return out
report = open(sys.argv[3], encoding="utf-8").read().split("\n")
def row(cells):
    return "| " + " | ".join(cells) + " |"
missing = 0
score = sections(sys.argv[1])
for name, table in score.items():
    for r in table[1:]:
        cells = r[1:] if name == "items" else r
        if row(cells) not in report:
            print("missing from the report:", name, row(cells)); missing += 1
pareto = sections(sys.argv[2])[None]
for r in pareto[1:]:
    cells = [r[0]] + r[2:]
    if row(cells) not in report:
        print("missing from the report: pareto", row(cells)); missing += 1
rows = sum(len(t) - 1 for t in score.values()) + len(pareto) - 1
print(rows, "rows checked,", missing, "missing")
' "$T/score.csv" "$T/pareto.csv" "$T/report.md"
is_out "16 rows checked, 0 missing" "every row of score and pareto is a row of the report"
grep -c '^| ' "$T/report.md" > "$T/n"
is "$(cat "$T/n")" 20 "and the report has no other table rows: those 16 and 4 headers"
is "$(grep -c 'data:image/svg+xml;base64,' "$T/report.md")" 6 "six charts: the Pareto chart and five fishbones"
grep -m 1 -o 'data:image/svg+xml;base64,[A-Za-z0-9+/=]*' "$T/report.md" | cut -d, -f2 | base64 -d > "$T/embedded.svg"
run xmllint --noout "$T/embedded.svg"
is_rc 0 "an embedded chart is valid SVG"
run grep -F "The vital few: 维修、客服、安保, 84.2% of the 19 problems." "$T/report.md"
is_rc 0 "the vital few in words, with the share from pareto"
run grep -F "summary is due at head office by 2027-01-05" "$T/report.md"
is_rc 0 "the head-office date: the 5th of the next quarter"
run grep -F -- "- 2026Q4-006: 多组织社区活动" "$T/report.md"
is_rc 0 "the owners' suggestions"

run pm-survey report --quarter 2026Q4 --html
is_rc 0 "report --html"
cp "$T/out" "$T/report.html"
run python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.bad = 0; self.svg = 0; self.tds = 0
    def handle_starttag(self, t, a):
        if t == "svg": self.svg += 1
        if t == "td": self.tds += 1
        if t not in ("meta", "br", "img", "rect", "line", "path", "circle", "polyline"): self.stack.append(t)
    def handle_startendtag(self, t, a):
        pass
    def handle_endtag(self, t):
        if not self.stack or self.stack.pop() != t: self.bad += 1
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
print(p.bad, len(p.stack), p.svg)
' "$T/report.html"
is_out "0 0 6" "the HTML nests properly and inlines six SVG charts"
run grep -F '<td class="n">73.9</td>' "$T/report.html"
is_rc 0 "with the same figures"

# the annual review
PM_NOW=2027-01-03
run pm-survey report --year 2026
is_rc 0 "report --year"
out_has "owner evaluation 2026: annual review" "is the annual review"
out_has "by 2027-01-05" "due by 5 January"
out_has "| 2026Q3 |  | 2 |  | 2 | 2 | 100.0 | 2 | 1 |" "a row per round"
out_has "| 2026Q4 |  | 8 |  | 8 | 6 | 75.0 | 6 | 19 |" "the same figures as score"
out_has "| 客服 | 100.0 | 83.3 |" "satisfaction by quarter"
out_has "| overall | 50.0 | 73.9 |" "overall by quarter"
out_has "| 2026Q3 | 维修 | 1 | 12 | 0.0 | 50.0 |" "the Q3 vital few and what followed in Q4"

run pm-survey report
is_rc 64 "report needs --quarter or --year"
run pm-survey report --quarter 2026Q4 --year 2026
is_rc 64 "not both"
run pm-survey report --quarter 2025Q4
is_rc 65 "a round that does not exist"
is_err "pm-survey: no survey round 2025Q4 (see pm-survey new)" "is named"
run pm-survey pareto --year 2024
is_rc 65 "a year without rounds"
is_err "pm-survey: no survey round in 2024" "is named"

done_testing
