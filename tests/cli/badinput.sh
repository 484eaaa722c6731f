# badinput.sh - shared by the bad-input suite, tests/cli/09NN-badinput-*.t
#
# Sourced after lib.sh.  Each file of the suite is one row (or a few
# close rows) of docs/BAD-INPUTS.md; tests/BAD-INPUTS-COVERAGE.md maps
# rows to files.
#
#   base_estate           a database with a small estate in it: four units
#                         with owners (phones, ID numbers, move-ins), two
#                         staff; its dump saved as $T/before
#   unchanged DESC        the database dumps exactly as $T/before
#   no_pii DESC           stderr holds no full phone or ID number (no run
#                         of 11 or more digits, and none of the estate's)
#   roll FILE LINE...     write the lines (printf %b escapes) as FILE

# valid GB 11643 numbers (checked) and mobile numbers of the base estate
ID1=11010519491231002X
ID2=440305199003071236
ID3=33010619870116761X
PH1=13800138000
PH2=13912345678

base_estate() {
	pm-admin init > /dev/null || exit 1
	pm-admin staff add 张三 --dept service --role clerk > /dev/null || exit 1
	pm-admin staff add 王师傅 --dept engineering --role repair > /dev/null || exit 1
	printf '%s\n' "unit,building_area,name,phone,id_no,move_in,remark" \
		"1-1-101,89.37,王伟,$PH1,$ID1,2021-03-01,精装修" \
		"1-1-102,76.20,李娜,$PH2,$ID2,2022-05-10," \
		"1-1-103,120.00,赵敏,,$ID3,," \
		"1-1-104,65.00,,,,," > "$T/base.csv"
	pm-owner import "$T/base.csv" > /dev/null || exit 1
	dump > "$T/before"
}

unchanged() {
	dump > "$T/after"
	if cmp -s "$T/before" "$T/after"; then
		ok "$1"
	else
		not_ok "$1" "the database changed:" "$(diff "$T/before" "$T/after" | head -n 20)"
	fi
}

no_pii() {
	_leak=
	if grep -Eq '[0-9]{11}' "$T/err"; then
		_leak=$(grep -Eo '[0-9]{11,}' "$T/err" | head -n 3)
	fi
	for _v in $ID1 $ID2 $ID3 $PH1 $PH2 ${PII:-}; do
		grep -qF -- "$_v" "$T/err" && _leak="$_leak $_v"
	done
	if [ -z "$_leak" ]; then
		ok "$1"
	else
		not_ok "$1" "stderr shows: $_leak"
	fi
}

roll() {
	_f=$1
	shift
	: > "$_f"
	for _l in "$@"; do
		printf '%b\n' "$_l" >> "$_f"
	done
}

# same_file A B DESC: the two files are byte for byte equal
same_file() {
	if cmp -s "$1" "$2"; then ok "$3"; else not_ok "$3" "$1 and $2 differ"; fi
}

# exists F DESC / absent F DESC
exists() {
	if [ -s "$1" ]; then ok "$2"; else not_ok "$2" "$1 is missing or empty"; fi
}
absent() {
	if [ -e "$1" ]; then not_ok "$2" "$1 exists"; else ok "$2"; fi
}
