#!/bin/sh
# the CSV reader (lib/core/csvin) through tests/tools/csvdump: the
# csv-spectrum corpus, the Excel rolls in three encodings, and every
# framing error with its line
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

CSVDUMP=$PM_BUILD/tests/csvdump
SPECTRUM=$DATA/corpora/csv-spectrum

# canon FILE: the JSON in FILE, keys sorted, one line
canon() {
	python3 -c 'import json, sys
print(json.dumps(json.load(open(sys.argv[1], encoding="utf-8")), sort_keys=True, ensure_ascii=False))' "$1"
}

# the corpus: each csvs/NAME.csv reads as json/NAME.json says
for csv in "$SPECTRUM"/csvs/*.csv; do
	name=$(basename "$csv" .csv)
	run "$CSVDUMP" "$csv"
	is_rc 0 "csv-spectrum $name: read"
	is "$(canon "$T/out")" "$(canon "$SPECTRUM/json/$name.json")" "csv-spectrum $name: as expected"
done
# upstream's odd pair: 37°36'37.8"N is an inch mark inside an unquoted
# field, which strict reading refuses, with the line and byte
run "$CSVDUMP" "$SPECTRUM/upstream-inconsistent/location_coordinates.csv"
is_rc 65 "a stray quote in real data is refused"
err_has "location_coordinates.csv:2: malformed quoting at byte 24:" "at its line and byte"

# the Excel roll: UTF-8 with BOM and CRLF, the same in GBK, and in
# UTF-16LE with a BOM and tabs (Excel's "Unicode Text") read the same
ROLL=$DATA/roll-excel-utf8.csv
run "$CSVDUMP" -v "$ROLL"
is_rc 0 "roll-excel-utf8.csv reads"
is_err "encoding=UTF-8 delim=, blank=3 rows=1000" "UTF-8 detected; its three empty rows skipped and counted"
cp "$T/out" "$T/roll.json"
is "$(python3 -c 'import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
print(list(rows[0])[0], rows[0]["房号"], sum("\n" in r["备注"] for r in rows))' "$T/roll.json")" \
	"房号 1-1-101 80" "the BOM is off the first header; embedded line breaks kept"

sed '1s/^\xEF\xBB\xBF//' "$ROLL" | iconv -f UTF-8 -t GBK > "$T/roll-gbk.csv"
run "$CSVDUMP" -v "$T/roll-gbk.csv"
is_rc 0 "the roll in GBK reads"
is_err "encoding=GB18030 delim=, blank=3 rows=1000" "GBK detected as GB18030"
is_out_file "$T/roll.json" "GBK gives the same records as UTF-8"
run "$CSVDUMP" -e gbk "$T/roll-gbk.csv"
is_out_file "$T/roll.json" "and so does --encoding gbk"

python3 -c 'import csv, sys
rows = csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))
out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\r\n")
for row in rows:
    out.writerow(row)' "$ROLL" > "$T/roll-tab.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$T/roll-tab.txt"; } > "$T/roll-utf16.txt"
run "$CSVDUMP" -v "$T/roll-utf16.txt"
is_rc 0 "the roll as UTF-16LE text with tabs reads"
is_err "encoding=UTF-16LE delim=tab blank=3 rows=1000" "UTF-16LE from its BOM, tab-separated"
is_out_file "$T/roll.json" "UTF-16LE with tabs gives the same records"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$T/roll-tab.txt"; } > "$T/roll-utf16be.txt"
run "$CSVDUMP" "$T/roll-utf16be.txt"
is_out_file "$T/roll.json" "and so does UTF-16BE"
sed 's/\r$//' "$ROLL" > "$T/roll-lf.csv"
run "$CSVDUMP" "$T/roll-lf.csv"
is_out_file "$T/roll.json" "LF line ends give the same records as CRLF"

run "$CSVDUMP" -v "$DATA/roll-excel-gbk.csv"
is_rc 0 "roll-excel-gbk.csv reads"
is_err "encoding=GB18030 delim=, blank=0 rows=1000" "as GB18030, 1000 rows"
out_has '"房号": "1-1-101"' "with its Chinese header decoded"

# physical line numbers count the line breaks inside quotes: every line
# roll-bad.expect names is where a record starts
run "$CSVDUMP" -l "$DATA/roll-bad.csv"
is_rc 0 "roll-bad.csv is well-formed CSV"
is "$(python3 -c 'import json, sys
starts = {r["_line"] for r in json.load(open(sys.argv[1], encoding="utf-8"))}
want = [l.split("\t")[0] for l in open(sys.argv[2], encoding="utf-8")]
print(len(want), [w for w in want if w not in starts])' "$T/out" "$DATA/roll-bad.expect")" \
	"16 []" "each line in roll-bad.expect starts a record"

# line ends: CRLF, LF, CR and a mix are one thing; quoted breaks are kept
printf 'a,b\r1,2\r\n3,"x\ry"\n5,"p\r\nq"\r7,8' > "$T/ends.csv"
run "$CSVDUMP" -l "$T/ends.csv"
is_rc 0 "mixed line ends read"
is_out '[
  {"_line": "2", "a": "1", "b": "2"},
  {"_line": "3", "a": "3", "b": "x\ry"},
  {"_line": "5", "a": "5", "b": "p\r\nq"},
  {"_line": "7", "a": "7", "b": "8"}
]' "each row with the line it starts on, quoted breaks byte-exact"

# framing errors: exit 65, the file, the line, what is wrong
printf 'a,b\n1,2\n3,"abc\n4,5\n' > "$T/unterminated.csv"
run "$CSVDUMP" "$T/unterminated.csv"
is_rc 65 "an unterminated quote is an error"
is_err "csvdump: $T/unterminated.csv:3: quoted field never closed" "naming the line the field starts on"

printf 'a,b\n1,ab"c\n' > "$T/stray.csv"
run "$CSVDUMP" "$T/stray.csv"
is_rc 65 "a quote inside an unquoted field is an error"
is_err "csvdump: $T/stray.csv:2: malformed quoting at byte 5: a quote inside an unquoted field, or text after a closing quote" \
	"with its line and byte"
printf 'a,b\n1,2\n3,"ab"c\n' > "$T/after.csv"
run "$CSVDUMP" "$T/after.csv"
is_rc 65 "text after a closing quote is an error"
err_has "after.csv:3: malformed quoting at byte 7" "with its line and byte"

# encodings that do not hold
printf 'a,b\n1,2\n3,\377\376\n' > "$T/neither.csv"
run "$CSVDUMP" "$T/neither.csv"
is_rc 65 "bytes invalid in UTF-8 and GB18030 are an error"
is_err "csvdump: $T/neither.csv:3: invalid encoding at byte 11: not GB18030 (try --encoding)" \
	"invalid encoding, with the line and byte"
run "$CSVDUMP" -e utf-8 "$T/neither.csv"
is_rc 65 "invalid UTF-8 when UTF-8 is asked for"
is_err "csvdump: $T/neither.csv:3: invalid encoding at byte 3 of the line: not UTF-8 (try --encoding gb18030)" \
	"invalid encoding, with the line"
# past the first 64 KiB, which decided UTF-8
{
	echo 'a,b'
	i=0
	while [ $i -lt 8000 ]; do
		echo "$i,abcdefgh"
		i=$((i + 1))
	done
	printf '8000,\302\n'
} > "$T/late.csv"
run "$CSVDUMP" "$T/late.csv"
is_rc 65 "invalid UTF-8 after 64 KiB is an error"
is_err "csvdump: $T/late.csv:8002: invalid encoding at byte 6 of the line: not UTF-8 (try --encoding gb18030)" \
	"on the right line"
printf 'a,b\n1,\344\270' > "$T/truncated.csv"
run "$CSVDUMP" "$T/truncated.csv"
is_rc 65 "UTF-8 cut inside a character at the end is an error"
is_err "csvdump: $T/truncated.csv:2: invalid encoding at byte 3 of the line: the file ends inside a UTF-8 character" \
	"not a GB18030 character"
printf 'a,b\r\n1,\326\320\r\n2,\201' > "$T/gbk-cut.csv"
run "$CSVDUMP" "$T/gbk-cut.csv"
is_rc 65 "GB18030 cut inside a character at the end is an error"
is_err "csvdump: $T/gbk-cut.csv:3: invalid encoding at byte 14: the file ends inside a GB18030 character" \
	"with its line and byte"
# a CRLF split between two chunks of decoding is one line break: a GBK
# file whose CR is its 65536th byte, and a bad byte lines later
python3 -c 'import sys
data = bytearray("a,b\r\n1,中文\r\n".encode("gbk"))
line = 2
while len(data) + 14 <= 65536 - 9:
    data += b"x,yyyyyyyyyy\r\n"
    line += 1
data += b"z," + b"y" * (65535 - len(data) - 2) + b"\r\n" + b"q,1\r\n" + b"bad,\xff\r\n"
assert data[65535:65537] == b"\r\n"
sys.stdout.buffer.write(data)
print(line + 3, file=sys.stderr)' > "$T/straddle.csv" 2> "$T/straddle.line"
run "$CSVDUMP" "$T/straddle.csv"
is_rc 65 "a bad byte after a CRLF split across decoding chunks"
is_err "csvdump: $T/straddle.csv:$(cat "$T/straddle.line"): invalid encoding at byte 65547: not GB18030 (try --encoding)" \
	"is reported on its own line"
run "$CSVDUMP" -e bogus "$T/gbk-cut.csv"
is_rc 64 "an unknown encoding is a usage error"
is_err "csvdump: $T/gbk-cut.csv: unknown encoding 'bogus'" "naming it"

printf 'a,b\n1,x\000y\n' > "$T/nul.csv"
run "$CSVDUMP" "$T/nul.csv"
is_rc 65 "a NUL byte is an error, not a cut string"
is_err "csvdump: $T/nul.csv:2: a field holds a NUL byte" "with its line"

# ragged rows are returned as they are: the importer judges them
printf 'a,b,c\n1,2\n3,4,5,6\n' > "$T/ragged.csv"
run "$CSVDUMP" -r "$T/ragged.csv"
is_rc 0 "ragged rows read"
is_out '[
  ["a", "b", "c"],
  ["1", "2"],
  ["3", "4", "5", "6"]
]' "each with the fields it has"

# the separator: sep= line, tab detection, an explicit one
printf 'sep=;\r\na;b\r\n1,5;2\r\n' > "$T/sep.csv"
run "$CSVDUMP" -v "$T/sep.csv"
is_rc 0 "a sep= first line is honoured"
is_out '[
  {"a": "1,5", "b": "2"}
]' "and is not a row"
is_err "encoding=UTF-8 delim=; blank=0 rows=1" "the delimiter is ;"
printf 'sep=x\na,b\n' > "$T/sepx.csv"
run "$CSVDUMP" "$T/sepx.csv"
is_rc 65 "an unsupported sep= is an error"
is_err "csvdump: $T/sepx.csv:1: unsupported separator in 'sep=' line" "naming the line"
printf 'a\tb\n1,5\t2\n' > "$T/tabs.csv"
run "$CSVDUMP" -v "$T/tabs.csv"
is_out '[
  {"a": "1,5", "b": "2"}
]' "a header with tabs and no commas is tab-separated"
is_err "encoding=UTF-8 delim=tab blank=0 rows=1" "and says so"
run "$CSVDUMP" -d ';' "$T/tabs.csv"
is_out '[
  {"a\tb": "1,5\t2"}
]' "an explicit delimiter wins over detection"

# blank rows are skipped and counted, or kept when asked
printf 'a,b\n\n,\n,,,,\n \t, \343\200\200\n1,2\r\n\r\n' > "$T/blank.csv"
run "$CSVDUMP" -v -l "$T/blank.csv"
is_rc 0 "blank rows read"
is_out '[
  {"_line": "6", "a": "1", "b": "2"}
]' "empty lines and rows of blanks are skipped"
is_err "encoding=UTF-8 delim=, blank=5 rows=1" "and counted"
run "$CSVDUMP" -k -r "$T/blank.csv"
is_out '[
  ["a", "b"],
  ["", ""],
  ["", "", "", "", ""],
  [" \t", " 　"],
  ["1", "2"]
]' "-k keeps the rows of blanks (fields as written)"

# nothing to read
: > "$T/empty.csv"
run "$CSVDUMP" "$T/empty.csv"
is_rc 0 "a 0-byte file reads"
is_out '[]' "as no rows"
printf '\357\273\277' > "$T/bom.csv"
run "$CSVDUMP" -v "$T/bom.csv"
is_out '[]' "a BOM-only file gives no rows"
is_err "encoding=UTF-8 delim=, blank=0 rows=0" "and is UTF-8"

# limits: memory stays bounded whatever the input
{ printf 'a,b\n1,'; head -c 2097152 /dev/zero | tr '\0' x; printf '\n2,3\n'; } > "$T/long.csv"
run "$CSVDUMP" "$T/long.csv"
is_rc 65 "a 2 MB line is an error"
is_err "csvdump: $T/long.csv:2: line longer than 1048576 bytes" "naming the line"
{ printf 'a,b\n1,"'; head -c 1200000 /dev/zero | tr '\0' '\n'; } > "$T/longq.csv"
run "$CSVDUMP" "$T/longq.csv"
is_rc 65 "a quote open for over a megabyte is an error"
is_err "csvdump: $T/longq.csv:2: record longer than 1048576 bytes (a quote never closed?)" \
	"naming the line it opened on"
i=0
while [ $i -lt 1001 ]; do printf 'x,'; i=$((i + 1)); done > "$T/wide.csv"
echo >> "$T/wide.csv"
run "$CSVDUMP" "$T/wide.csv"
is_rc 65 "more than 1000 fields is an error"
is_err "csvdump: $T/wide.csv:1: more than 1000 fields" "naming the line"
mkfifo "$T/fifo"
head -c 67108864 /dev/zero | tr '\0' x > "$T/fifo" 2>/dev/null &
run_in "$T/fifo" "$CSVDUMP" -m -
wait
is_rc 65 "64 MB without a line break on stdin is an error"
rss=$(sed -n 's/^maxrss=//p' "$T/err")
holds "read in bounded memory (peak ${rss:-?} KB)" [ "${rss:-999999}" -lt 40000 ]

# what cannot be opened
run "$CSVDUMP" "$T"
is_rc 66 "a folder cannot be read"
is_err "csvdump: cannot open '$T': Is a directory" "and says so"
run "$CSVDUMP" "$T/missing.csv"
is_rc 66 "a missing file cannot be read"
is_err "csvdump: cannot open '$T/missing.csv': No such file or directory" "and says so"

# - is stdin
run_in "$SPECTRUM/csvs/simple.csv" "$CSVDUMP" -
is_rc 0 "- reads stdin"
is_out '[
  {"a": "1", "b": "2", "c": "3"}
]' "the same records"
printf 'a\n"open\n' > "$T/stdin-bad.csv"
run_in "$T/stdin-bad.csv" "$CSVDUMP" -
is_err "csvdump: <stdin>:2: quoted field never closed" "errors on stdin name <stdin>"

done_testing
