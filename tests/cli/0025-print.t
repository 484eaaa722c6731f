#!/bin/sh
# Every printable document, as the desk prints it: made under Chinese
# messages with -o html (--html for the survey report), printed to PDF
# and screenshot by headless Chromium, and the PDF read back with
# poppler: A4 paper, the expected number of pages (a reminder letter a
# page), the Chinese title and the key values as text, ink on page 1
# (neither blank nor black), and the first font the CSS names one that
# fontconfig has, with a glyph for every character printed (no tofu
# boxes).  PM_SHOTS=DIR keeps the screenshots there, for a person to
# look at.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

zh() { env LC_ALL=zh_CN.UTF-8 "$@"; }

# one small estate: four households moved in long ago (1-1-104 let), a
# new unit 2-1-801 sold, moved into and out of this month, a month's
# management fee billed and paid by 1-1-101 only, a renovation of 1-1-103
# with a worker's pass and a rectification notice, a survey round
pm-admin init --estate 阳光花园 > /dev/null
pm-admin staff add 王芳 --dept service --role clerk > /dev/null
pm-admin staff add 陈静 --dept service --role butler > /dev/null
pm-admin staff add 李工 --dept engineering --role engineer > /dev/null
pm-admin staff add 王经理 --dept management --role manager > /dev/null
pm-admin staff add 保安甲 --dept security --role security > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, type, building_area, usable_area) VALUES
	('1-1-101', '1', '1', 1, '101', 'residential', 8937, 7120),
	('1-1-102', '1', '1', 1, '102', 'residential', 8937, 7120),
	('1-1-103', '1', '1', 1, '103', 'residential', 8937, 7120),
	('1-1-104', '1', '1', 1, '104', 'residential', 8937, 7120),
	('2-1-801', '2', '1', 8, '801', 'residential', 12050, 9800);
INSERT INTO person(name, phone) VALUES ('张三', '13800138000'), ('李四', '13900139000'),
	('王五', '13700137000'), ('赵六', '13600136000');
INSERT INTO ownership(unit_id, person_id, how, since)
	SELECT id, id, 'purchase', '2020-01-01' FROM unit WHERE code LIKE '1-%';
INSERT INTO movein(unit_id, date) SELECT id, '2020-06-01' FROM unit WHERE code LIKE '1-%'"
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-11 > /dev/null
pm-fee bill --period 2026-11 > /dev/null
pm-fee pay 1-1-101 300 --method 现金 --payer 张小三 > /dev/null 2>&1
pm-owner lease add 1-1-104 --tenant 钱七 --phone 13700001111 --start 2026-11-01 --end 2027-10-31 \
	--decoration 精装 > /dev/null
pm-owner transfer 2-1-801 --to 孙八 --phone 13512345678 --how 购买 --date 2026-11-02 > /dev/null
pm-owner movein 2-1-801 --date 2026-11-05 --owner 孙八 --signed all --keys 两把 --keys-signed \
	--water 12.5 --electricity 300 --inspection 合格 --by 王芳 > /dev/null
pm-owner moveout 2-1-801 --goods 家具一批 --water 20 --by 王芳 > /dev/null
pm-fee item add reno --name 装修管理费 --basis fixed --rate 300 --since 2026-01 > /dev/null
Z=$(PM_NOW=2026-11-02T09:00 pm-reno apply 1-1-103 --applicant 王五 --contractor 好家装修 \
	--scope 厨卫翻新 --start 2026-11-10 --end 2026-12-31)
PM_NOW=2026-11-03T10:00 pm-reno review "$Z" --first --approve --by 李工 > /dev/null
PM_NOW=2026-11-04T10:00 pm-reno review "$Z" --second --approve --by 王经理 > /dev/null
PM_NOW=2026-11-05T11:00 pm-reno worker add "$Z" 赵师傅 --id 11010519491231002X --trade 木工 > /dev/null
PM_NOW=2026-11-05T11:30 pm-reno pay "$Z" --deposit 2000 --fee 300 --method cash > /dev/null 2>&1
L=$(PM_NOW=2026-11-05T12:00 pm-reno pass issue "$Z" 赵师傅)
PM_NOW=2026-11-10T08:00 pm-reno start "$Z" > /dev/null
PM_NOW=2026-11-28T12:30 pm-reno inspect "$Z" --by 保安甲 --violation 违时施工 --found 午休时间施工 > /dev/null
# the notice's text is written when it is given, in the clerk's language
W=$(PM_NOW=2026-11-28T13:00 zh pm-reno notice "$Z" --deadline 2026-12-02)
pm-survey new --quarter 2026Q4 > /dev/null
pm-survey sample --quarter 2026Q4 1-1-101 1-1-102 1-1-103 > /dev/null
PM_NOW=2026-12-15T09:00 pm-survey issue --quarter 2026Q4 --by 陈静 --date 2026-12-15 > /dev/null
PM_NOW=2026-12-20T09:00 pm-survey answer 1-1-101 客服=满意 安保=满意 维修=不满意 \
	--problem 维修:人:维修工上门不准时
PM_NOW=2026-12-20T09:00 pm-survey answer 1-1-102 客服=基本满意 保洁=不满意 维修=不满意 \
	--problem 保洁:环:垃圾桶太少
is "$Z $L $W $(sql "SELECT count(*) FROM survey_form WHERE answered_on IS NOT NULL")" \
	"Z2026-000001 L2026-000001 W2026-000001 2" "seed: a permit, a pass, a notice, two survey forms back"

# make NAME CMD...: the document NAME, printed by CMD under Chinese messages
make_doc() {
	_name=$1
	shift
	run zh "$@"
	is_rc 0 "$_name: $*"
	cp "$T/out" "$T/$_name.html"
}
make_doc movein pm-owner movein 2-1-801 --sheet -o html
make_doc permit pm-owner permit F2026-000001 -o html
make_doc ownership pm-owner register ownership --month 2026-11 -o html
make_doc rental pm-owner register rental --month 2026-11 -o html
make_doc receipt pm-fee receipt R2026-000001 -o html
make_doc letters pm-fee arrears --letters -o html
make_doc notice pm-reno notice --print "$W" -o html
make_doc pass pm-reno pass print "$L" -o html
make_doc survey env PM_NOW=2026-12-31T09:00 pm-survey report --quarter 2026Q4 --html

# The same HTML prints the same under the sanitizers: the second build
# of make check leaves Chromium out rather than spend a minute again.
why_not=
case $PM_BUILD in
*/san) why_not="the sanitizer build prints the same HTML" ;;
esac
for tool in chromium pdfinfo pdftotext pdftoppm fc-match; do
	[ -n "$why_not" ] && break
	command -v "$tool" > /dev/null || why_not="$tool is not installed"
done
if [ -n "$why_not" ]; then
	for d in movein permit ownership rental receipt letters notice pass survey; do
		ok "# SKIP $d: $why_not"
	done
	done_testing
	exit
fi

between() { [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }

# ink NAME: per mille of page 1's pixels that are dark, at 40 dpi in grey
ink() {
	pdftoppm -r 40 -gray -f 1 -l 1 "$T/$1.pdf" > "$T/$1.pgm"
	_head=$(head -n 3 "$T/$1.pgm" | wc -c)
	tail -c +$((_head + 1)) "$T/$1.pgm" | od -An -v -tu1 |
		awk '{ for (i = 1; i <= NF; i++) { n++; if ($i < 128) d++ } }
			END { print n ? int(d * 1000 / n) : -1 }'
}

# lacking NAME FONT: the characters of NAME's printed text that FONT has
# no glyph for, as fontconfig says (tofu boxes come out as text too, so
# the text alone does not show the glyphs were there)
lacking() {
	fc-match -f '%{charset}' "$2" > "$T/charset"
	python3 -c 'import sys
have = set()
for r in open(sys.argv[1]).read().split():
    a, _, b = r.partition("-")
    have.update(range(int(a, 16), int(b or a, 16) + 1))
text = open(sys.argv[2], encoding="utf-8").read()
print("".join(sorted({c for c in text if not c.isspace() and ord(c) not in have})))' \
		"$T/charset" "$T/$1.txt"
}

# render NAME PROFILE: print NAME.html to a PDF and take a screenshot,
# the status to NAME.rc; two run at once, each with its own profile
render() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$T/chromium-$2" --no-pdf-header-footer --print-to-pdf="$T/$1.pdf" \
		--window-size=900,1270 --screenshot="$T/$1.png" "file://$T/$1.html" > "$T/$1.log" 2>&1
	echo $? > "$T/$1.rc"
}

# Chromium takes seconds to start: two at a time take a quarter less
# time than one after the other on two busy cores
set -- movein permit ownership rental receipt letters notice pass survey
while [ $# -gt 1 ]; do
	render "$1" a &
	render "$2" b &
	wait
	shift 2
done
[ $# = 1 ] && render "$1" a

# print_doc NAME PAGES [MOST]: check the printing of NAME: the paper, the
# page count (PAGES, or PAGES to MOST), the ink, the font, the screenshot
print_doc() {
	is "$(cat "$T/$1.rc")" 0 "$1: chromium prints it"
	holds "$1: to a PDF" [ -s "$T/$1.pdf" ]
	pdfinfo -f 1 -l 999 "$T/$1.pdf" > "$T/$1.info" 2>&1
	_pages=$(sed -n 's/^Pages: *//p' "$T/$1.info")
	if [ -n "${3:-}" ]; then
		holds "$1: $2 to $3 pages ($_pages)" between "${_pages:-0}" "$2" "$3"
	else
		is "$_pages" "$2" "$1: $2 page(s)"
	fi
	is "$(sed -n 's/^Page *[0-9]* size: .*(\(.*\))$/\1/p' "$T/$1.info" | sort -u)" A4 \
		"$1: every page A4"
	pdftotext -layout "$T/$1.pdf" "$T/$1.txt"
	_ink=$(ink "$1")
	holds "$1: page 1 has ink and is not black ($_ink per mille dark)" between "$_ink" 5 150
	_font=$(sed -n "s/.*font-family: *[\"']\([^\"',]*\)[\"'].*/\1/p" "$T/$1.html" | head -n 1)
	is "$_font" "Noto Sans CJK SC" "$1: the CSS names Noto Sans CJK SC first"
	is "$(fc-match -f '%{family[0]}' "$_font")" "$_font" "$1: and fontconfig has that font itself"
	is "$(lacking "$1" "$_font")" "" "$1: with a glyph for every character printed (no tofu)"
	holds "$1: a screenshot" [ -s "$T/$1.png" ]
	is "$(od -An -tu1 -j 16 -N 8 "$T/$1.png" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 "x" $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }')" \
		900x1270 "$1: of the window's size"
	if [ -n "${PM_SHOTS:-}" ]; then
		mkdir -p "$PM_SHOTS" && cp "$T/$1.png" "$PM_SHOTS/$1.png"
	fi
}

# prints NAME TEXT...: the PDF's text has each TEXT
prints() {
	_name=$1
	shift
	for _s in "$@"; do
		holds "$_name: prints $_s" grep -qF -- "$_s" "$T/$_name.txt"
	done
}

print_doc movein 1
prints movein 阳光花园 入住交接签收单 2-1-801 孙八 2026年11月5日 两把 房屋验收单 防火须知 王芳 业主签名

print_doc permit 1
prints permit 放行条 F2026-000001 2-1-801 孙八 2026年11月30日 家具一批 20.00 安保核查

print_doc ownership 1
prints ownership 产权清册 1-1-101 1-1-104 2-1-801 张三 赵六 孙八 89.37 120.50 2020年1月1日 2026年11月2日

print_doc rental 1
prints rental 租赁清册 钱七 '137****1111' 2026年11月1日 2027年10月31日 1-1-104 精装

print_doc receipt 1
prints receipt 收款收据 R2026-000001 2026年11月30日 1-1-101 张三 张小三 现金 ¥300.00 叁佰元整 \
	物业费 ¥210.02 ¥89.98 收款人

# three households owe: a letter each, each on a page of its own
print_doc letters 3
for page in 1 2 3; do
	pdftotext -layout -f "$page" -l "$page" "$T/letters.pdf" "$T/letters-$page.txt"
done
for s in 阳光花园 催缴通知书 物业费 ¥210.02 2026年11月30日 物业服务中心（盖章）; do
	is "$(grep -lF -- "$s" "$T"/letters-[123].txt | wc -l | tr -d ' ')" 3 "letters: every page prints $s"
done
set -- 李四 1-1-102 王五 1-1-103 赵六 1-1-104
for page in 1 2 3; do
	is "$(grep -o '尊敬的[^（]*（房号 [0-9-]*）' "$T/letters-$page.txt")" "尊敬的$1（房号 $2）" \
		"letters: page $page is the letter to $1 of $2, and only that"
	shift 2
done
prints letters '139****9000' '137****7000' '136****6000'

print_doc notice 1
prints notice 违规整改通知书 W2026-000001 Z2026-000001 1-1-103 好家装修 保安甲 '违时施工: 午休时间施工' \
	2026年11月28日 2026年12月2日 现场主管

print_doc pass 1
prints pass 临时出入证 L2026-000001 赵师傅 木工 '110105********002X' 1-1-103 Z2026-000001 \
	2026年11月5日 2026年12月31日 持证人

# the quarter's report runs to a few pages: tables, a Pareto chart and
# a fishbone per item with problems
print_doc survey 2 4
prints survey 阳光花园 业主评议 2026Q4 总结分析 回收情况 满意率 66.7 50.0 排列图 因果图 垃圾桶太少 维修工上门不准时

done_testing
