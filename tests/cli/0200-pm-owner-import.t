#!/bin/sh
# pm-owner import: the sample rolls, bad rows, re-import, encodings, export round trip
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null || exit 1

run pm-owner import "$DATA/roll-clean.csv"
is_rc 0 "the clean roll imports"
is_out "$DATA/roll-clean.csv: 1000 rows
units: 1000 added, 0 updated, 0 unchanged
people: 1000 added, 0 updated, 0 unchanged
rejected: 0" "the summary counts units and people"
is "$(sql 'SELECT count(*) FROM unit')" 1000 "1000 units"
is "$(sql 'SELECT count(*) FROM person')" 1000 "1000 people"
is "$(sql 'SELECT count(*) FROM ownership WHERE until IS NULL')" 1000 "1000 current ownerships"
is "$(sql "SELECT code, building, entrance, floor, room, type, building_area, usable_area FROM unit WHERE code = '1-1-103'")" \
	"1-1-103|1|1|1|103|residential|17899|14888" "codes are split and areas stored exactly in hundredths"
is "$(sql "SELECT p.name, p.phone, p.id_no, m.date FROM unit u JOIN ownership o ON o.unit_id = u.id JOIN person p ON p.id = o.person_id JOIN movein m ON m.unit_id = u.id WHERE u.code = '1-1-103'")" \
	"柯凯|17683449786|33010619870116761X|2021-11-06" "owner, phone, ID and move-in date land"
is "$(sql "SELECT count(*) FROM movein WHERE source = 'roll'")" "$(awk -F, 'NR>1 && $8 ~ /^20/' "$DATA/roll-clean.csv" | wc -l | tr -d ' ')" \
	"one move-in per dated row"
dump > "$T/first"

run pm-owner import "$DATA/roll-clean.csv"
is_rc 0 "importing the same roll again"
out_has "units: 0 added, 0 updated, 1000 unchanged" "changes no unit"
out_has "people: 0 added, 0 updated, 1000 unchanged" "and no person"
dump | grep -v '^INSERT INTO audit' > "$T/second"
grep -v '^INSERT INTO audit' "$T/first" > "$T/first.noaudit"
holds "the database is the same apart from the audit log" cmp -s "$T/first.noaudit" "$T/second"

# the Excel exports: BOM, CRLF, Chinese headers, unit codes three ways, full-width digits
for f in roll-excel-utf8.csv roll-excel-gbk.csv; do
	rm -f "$PM_DB"*
	pm-admin init > /dev/null
	run pm-owner import "$DATA/$f"
	is_rc 0 "$f imports"
	is "$(sql 'SELECT count(*) FROM unit')" 1000 "$f: 1000 units"
	is "$(sql 'SELECT count(*) FROM ownership WHERE until IS NULL')" 1000 "$f: 1000 owners"
	is "$(sql "SELECT count(*) FROM unit WHERE code NOT GLOB '[0-9]*-[0-9]*-[0-9]*' OR code GLOB '*[^0-9-]*'")" 0 \
		"$f: every unit code normalized to B-E-R"
	is "$(sql "SELECT count(*) FROM person WHERE length(phone) <> 11 OR phone GLOB '*[^0-9]*'")" 0 \
		"$f: every phone 11 ASCII digits"
	is "$(sql "SELECT count(*) FROM person WHERE length(id_no) <> 18 OR id_no GLOB '*x'")" 0 \
		"$f: every ID 18 characters, X upper-case"
	is "$(sql "SELECT count(*) FROM person WHERE name <> trim(name)")" 0 "$f: names trimmed"
	is "$(sql "SELECT count(*) FROM movein WHERE date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'")" 0 \
		"$f: dates in ISO form"
	run pm-owner import "$DATA/$f"
	out_has "units: 0 added, 0 updated, 1000 unchanged" "$f: a second import changes nothing"
done

# GBK and its UTF-8 conversion give the same records
rm -f "$PM_DB"*
pm-admin init > /dev/null
pm-owner import "$DATA/roll-excel-gbk.csv" > /dev/null 2>&1
pm-owner export --reveal > "$T/gbk.export" 2>&1
rm -f "$PM_DB"*
pm-admin init > /dev/null
iconv -f GB18030 -t UTF-8 "$DATA/roll-excel-gbk.csv" > "$T/converted.csv"
pm-owner import "$T/converted.csv" > /dev/null 2>&1
pm-owner export --reveal > "$T/utf8.export" 2>&1
holds "GBK decodes to the same records as its UTF-8 conversion" cmp -s "$T/gbk.export" "$T/utf8.export"

# Excel "Unicode Text": UTF-16LE with BOM, tab-separated
rm -f "$PM_DB"*
pm-admin init > /dev/null
python3 -c '
import csv, io, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
buf = io.StringIO()
csv.writer(buf, delimiter="\t", lineterminator="\r\n").writerows(rows)
open(sys.argv[2], "wb").write(b"\xff\xfe" + buf.getvalue().encode("utf-16-le"))
' "$DATA/roll-excel-utf8.csv" "$T/unicode.txt"
run pm-owner import "$T/unicode.txt"
is_rc 0 "a UTF-16LE tab-separated roll imports"
is "$(sql 'SELECT count(*) FROM unit')" 1000 "with its 1000 units"

# the bad roll: every bad row reported, nothing written
rm -f "$PM_DB"*
pm-admin init > /dev/null
dump > "$T/empty"
run pm-owner import "$DATA/roll-bad.csv"
is_rc 65 "a roll with bad rows is refused"
sed "s|^pm-owner: $DATA/roll-bad.csv:||" "$T/err" > "$T/reported"
awk -F'\t' '{ print $1 ": " $2 ": " $3 }' "$DATA/roll-bad.expect" > "$T/expected"
holds "exactly the 16 lines, columns and reasons of roll-bad.expect" cmp -s "$T/expected" "$T/reported"
out_has "nothing was written" "the summary says nothing was written"
dump > "$T/after"
holds "the database is untouched" cmp -s "$T/empty" "$T/after"

run pm-owner import --errors "$T/errors.csv" "$DATA/roll-bad.csv"
is_rc 65 "--errors with a bad roll"
is "$(wc -l < "$T/errors.csv" | tr -d ' ')" 19 "--errors writes a header and the 16 rows (two with line breaks inside)"
is "$(head -c 3 "$T/errors.csv" | od -An -tx1 | tr -d ' ')" efbbbf "the errors file starts with a BOM for Excel"
is "$(sed -n 2p "$T/errors.csv" | cut -d, -f1-2)" "7,phone: phone has 10 digits" "each row starts with its line and reason"

run pm-owner import --skip-bad "$DATA/roll-bad.csv"
is_rc 65 "--skip-bad still exits 65"
is "$(sql 'SELECT count(*) FROM unit')" 984 "--skip-bad lands the other 984 rows"
is "$(sql 'SELECT count(*) FROM ownership')" 984 "with their 984 owners"

run pm-owner import --dry-run "$DATA/roll-clean.csv"
is_rc 0 "--dry-run of a good roll"
out_has "dry run: nothing was written" "--dry-run says so"
is "$(sql 'SELECT count(*) FROM unit')" 984 "--dry-run writes nothing"

# export, then import into a new database: the same list
rm -f "$PM_DB"*
pm-admin init > /dev/null
pm-owner import "$DATA/roll-excel-utf8.csv" > /dev/null
pm-owner list > "$T/list1"
run pm-owner export --reveal
is_rc 0 "export"
cp "$T/out" "$T/roll.export"
pm-admin --db "$T/copy.db" init > /dev/null
run pm-owner --db "$T/copy.db" import "$T/roll.export"
is_rc 0 "the export imports into a new database"
pm-owner --db "$T/copy.db" list > "$T/list2"
holds "and lists the same" cmp -s "$T/list1" "$T/list2"
run pm-owner export
out_lacks "$(sql 'SELECT id_no FROM person LIMIT 1')" "export masks ID numbers without --reveal"
is "$(sql "SELECT count(*) FROM audit WHERE change = 'phone and ID numbers revealed'")" 1 "--reveal is audited"

# stdin, headers, encodings that are wrong
rm -f "$PM_DB"*
pm-admin init > /dev/null
run_in "$DATA/roll-clean.csv" pm-owner import -
is_rc 0 "- reads the roll from stdin"
is "$(sql 'SELECT count(*) FROM unit')" 1000 "all of it"
printf 'room,name\n1-1-101,张三\n' > "$T/nounit.csv"
run pm-owner import "$T/nounit.csv"
is_rc 65 "a roll without a unit column is refused"
is_err "pm-owner: $T/nounit.csv:1: no 'unit' column (or '房号')" "saying which column is missing"
run pm-owner import --map room=unit "$T/nounit.csv"
is_rc 0 "--map names a column"
printf 'unit,name,colour\n9-9-901,张三,red\n' > "$T/extra.csv"
run pm-owner import "$T/extra.csv"
is_rc 0 "an unknown column is ignored"
err_has "colour: warning: unknown column, ignored" "with a warning naming it"
: > "$T/empty.csv"
run pm-owner import "$T/empty.csv"
is_rc 65 "an empty file is refused"
err_has "no header" "as having no header"
run pm-owner import "$T/missing.csv"
is_rc 66 "a missing file"
is_err "pm-owner: cannot open '$T/missing.csv': No such file or directory" "is named in the error"
run pm-owner import "$T"
is_rc 66 "a directory is not a roll"
printf 'unit,name\n1-1-101,\377\376\375\n' > "$T/badenc.csv"
run pm-owner import --encoding utf-8 "$T/badenc.csv"
is_rc 65 "bytes that are not UTF-8"
err_has "badenc.csv:2: invalid encoding" "are reported with their line"
printf 'unit,name\n"1-1-101,张三\n' > "$T/quote.csv"
run pm-owner import "$T/quote.csv"
is_rc 65 "an unterminated quote"
err_has "quote.csv:2: quoted field never closed" "is refused, not read as one giant field"
printf 'unit,name\n1-1-101\n' > "$T/ragged.csv"
run pm-owner import "$T/ragged.csv"
is_rc 65 "a short row"
err_has "ragged.csv:2: row has 1 fields, the header 2" "is reported"
run pm-owner import --encoding klingon "$DATA/roll-clean.csv"
is_rc 64 "an unknown encoding is a usage error"
run pm-owner import
is_rc 64 "import without a file is a usage error"

# a re-import that changes a unit's fields and its owner: one audit row
# for the unit, naming both (and no number of the person)
printf 'unit,building_area,name\n8-8-801,80.00,钱一\n' > "$T/a1.csv"
printf 'unit,building_area,name\n8-8-801,81.50,钱二\n' > "$T/a2.csv"
pm-owner import "$T/a1.csv" > /dev/null
pm-owner import "$T/a2.csv" > /dev/null
is "$(sql "SELECT change FROM audit WHERE record = '8-8-801'")" \
	"roll import changed building area; owner changed to 钱二" "a re-import audits each changed unit once, with all it changed"

done_testing
