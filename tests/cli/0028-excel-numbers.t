#!/bin/sh
# Excel keeps ID numbers (issue 19 item 2).  A spreadsheet keeps 15
# digits of a number: an 18-digit ID number opened from CSV became
# 1.10105199001012e+17 and a phone a number.  --excel writes a full
# phone or ID number, and any other long digit string, as ="DIGITS",
# which Excel and LibreOffice show as text and pm-owner import reads
# back; -o xlsx writes a real workbook whose ID and phone cells are
# text, money a number, the header frozen and in the reader's language.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh disable=SC1091
. "$(dirname "$0")/badinput.sh"

base_estate
# --excel CSV: the numbers as text formulas, the rest as before
run pm-owner export --reveal --excel
is_rc 0 "export --excel --reveal"
tr -d '\r' < "$T/out" | grep '^1-1-101,' > "$T/line"
holds "the ID number as =\"...\"" grep -q ",\"=\"\"$ID1\"\"\"," "$T/line"
holds "the phone as =\"...\"" grep -q ",\"=\"\"$PH1\"\"\"," "$T/line"
holds "the area stays a number" grep -q ',89.37,' "$T/line"
run pm-owner export --excel
tr -d '\r' < "$T/out" | grep '^1-1-101,' > "$T/line"
holds "a masked number is text already and left alone" grep -q ",138\*\*\*\*8000," "$T/line"
out_lacks "=\"\"1" "nothing masked is wrapped"

# and import reads it back
pm-owner export --reveal --excel > "$T/excel.csv"
pm-admin --db "$T/copy.db" init > /dev/null
run pm-owner --db "$T/copy.db" import "$T/excel.csv"
is_rc 0 "the --excel export imports"
is "$(sqlite3 "$T/copy.db" "SELECT group_concat(id_no || '/' || ifnull(phone, ''), ' ') FROM (SELECT * FROM person ORDER BY id_no)")" \
	"$(sql "SELECT group_concat(id_no || '/' || ifnull(phone, ''), ' ') FROM (SELECT * FROM person ORDER BY id_no)")" \
	"with every ID and phone number as it was"
# another formula is still just text
printf '%s\n' 'unit,name,remark' '1-1-109,孙丽,"=""abc"""' > "$T/formula.csv"
pm-owner --db "$T/copy.db" import "$T/formula.csv" > /dev/null
is "$(sqlite3 "$T/copy.db" "SELECT remark FROM unit WHERE code = '1-1-109'")" '="abc"' "a formula that is not a number is kept as written"

# -o xlsx
xlsx_cells() { # FILE: sheet 1 as "REF TYPE VALUE" lines, shared strings resolved
	python3 - "$1" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
ss = [re.sub(r'<[^>]+>', '', si) for si in re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode())]
sheet = z.read('xl/worksheets/sheet1.xml').decode()
print('frozen' if 'state="frozen"' in sheet and 'ySplit="1"' in sheet else 'not frozen')
for ref, attrs, v in re.findall(r'<c r="([A-Z]+[0-9]+)"([^>]*)><v>([^<]*)</v></c>', sheet):
    t = 's' if 't="s"' in attrs else 'n'
    print(ref, t, ss[int(v)] if t == 's' else v)
PY
}
run sh -c 'pm-owner export --reveal -o xlsx > "$0/owners.xlsx"' "$T"
is_rc 0 "-o xlsx"
holds "is a zip workbook" python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml")' "$T/owners.xlsx"
xlsx_cells "$T/owners.xlsx" > "$T/cells"
holds "the header row is frozen" grep -qx frozen "$T/cells"
holds "the ID number is a text cell, every digit kept" grep -qx "K2 s $ID1" "$T/cells"
holds "the phone is a text cell" grep -qx "J2 s $PH1" "$T/cells"
holds "the area is a number" grep -qx "B2 n 89.37" "$T/cells"
holds "the header is the labels" grep -qx "K1 s ID number" "$T/cells"
run sh -c 'LC_ALL=zh_CN.UTF-8 pm-owner list -o xlsx > "$0/zh.xlsx"' "$T"
xlsx_cells "$T/zh.xlsx" > "$T/zh"
holds "under zh_CN the header is Chinese" grep -qx "A1 s 房号" "$T/zh"
holds "and so are the values (住宅)" grep -q " s 住宅$" "$T/zh"
run sh -c 'pm-owner list -o xlsx > "$0/masked.xlsx"' "$T"
xlsx_cells "$T/masked.xlsx" > "$T/masked"
holds "without --reveal the phone is masked there too" grep -q " s 138\*\*\*\*" "$T/masked"
# not onto a terminal
dump > "$T/before"
python3 -c 'import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)' pm-owner list -o xlsx > "$T/tty" 2>&1
is "$?" 64 "-o xlsx onto a terminal is a usage error"
holds "saying to redirect it" grep -q "redirect it to a file" "$T/tty"
unchanged "the refusal wrote nothing"

done_testing
