#!/bin/sh
# the common options (cmd/common) through pm-admin: before or after the
# verb, every output format, --excel bytes, help, and output that
# cannot be written
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
pm-admin staff add 张伟 --dept service --role butler --phone 13800138000
pm-admin staff add 李娜 --dept service --role clerk --area '=1+2'

CSV='name,dept,role,phone,area,joined,left_on
张伟,service,butler,138****8000,,2026-11-30,
李娜,service,clerk,,=1+2,2026-11-30,'

# formats, before and after the verb, every spelling
for args in "-o json staff list" "staff list -o json" "-ojson staff list" "staff list -ojson" \
	"--format=json staff list" "staff --format json list" "staff list --format=json"; do
	# shellcheck disable=SC2086 # split on purpose
	run pm-admin $args
	is_rc 0 "pm-admin $args"
	is_out '[
  {"name": "张伟", "dept": "service", "role": "butler", "phone": "138****8000", "area": null, "joined": "2026-11-30", "left_on": null},
  {"name": "李娜", "dept": "service", "role": "clerk", "phone": null, "area": "=1+2", "joined": "2026-11-30", "left_on": null}
]' "pm-admin $args: json"
done
run pm-admin staff list
is_out "$CSV" "csv when stdout is not a terminal"
run pm-admin -o tsv staff list --no-header
is_out "张伟	service	butler	138****8000		2026-11-30	
李娜	service	clerk		=1+2	2026-11-30	" "tsv without a header"
run pm-admin --no-header staff list -o table
is_out "张伟  service  butler  138****8000        2026-11-30
李娜  service  clerk                =1+2  2026-11-30" "a table without header or rule"
run pm-admin -o 表格 staff list
is_rc 0 "-o 表格 is table"
is "$(head -n 1 "$T/out")" "Name  Department  Role    Phone        Area  Joined      Left" "with its header"

# --excel: BOM, CRLF, the formula cell guarded
run pm-admin staff list --excel
is_rc 0 "--excel"
printf '\357\273\277name,dept,role,phone,area,joined,left_on\r\n张伟,service,butler,138****8000,,2026-11-30,\r\n李娜,service,clerk,,"'"'"'=1+2",2026-11-30,\r\n' > "$T/want"
is_out_file "$T/want" "BOM, CRLF and the '=' cell guarded, byte for byte"
run pm-admin --excel --reveal staff list --no-header
out_has "13800138000" "--reveal before the verb"

# --db before and after the verb
mkdir "$T/other"
pm-admin --db "$T/other/x.db" init > /dev/null
run pm-admin --db "$T/other/x.db" staff list --no-header
is_rc 0 "--db FILE before the verb"
is_out_file /dev/null "another, empty estate"
run pm-admin staff list --no-header --db="$T/other/x.db"
is_out_file /dev/null "--db=FILE after it"
run pm-admin staff --db "$T/other/x.db" --no-header list
is_out_file /dev/null "--db between verb and sub-verb"

# usage errors of the common options
run pm-admin -o xml staff list
is_rc 64 "an unknown format before the verb"
is_err "pm-admin: unknown format 'xml' (csv, tsv, table, json, html, xlsx)" "names it"
run pm-admin staff list -o xml
is_rc 64 "an unknown format after the verb"
err_has "unknown format 'xml' (csv, tsv, table, json, html, xlsx)" "names it"
run pm-admin --db
is_rc 64 "--db without a file"
is_err "pm-admin: option '--db' needs a value" "says so"
run pm-admin -o
is_rc 64 "-o without a format"
is_err "pm-admin: option '-o' needs a value" "says so"
run pm-admin --db= staff list
is_rc 64 "--db= empty"
run pm-admin staff list --db=
is_rc 64 "--db= empty after the verb"
err_has "--db needs a file name" "says so"
run pm-admin --bogus staff list
is_rc 64 "an unknown option before the verb"
is "$(head -n 1 "$T/err")" "pm-admin: unknown option '--bogus' before the verb" "names it"

# help
run pm-admin --help
is_rc 0 "--help"
out_has "Usage: pm-admin VERB [OPTION...] [ARG...]" "usage on stdout"
out_has "  staff     the staff register: add, list, set, leave" "with the verbs"
run pm-admin help staff
is_rc 0 "help VERB of a verb with sub-verbs"
out_has "Usage: pm-admin staff VERB" "lists its sub-verbs"
run pm-admin staff help add
is_rc 0 "help SUBVERB"
out_has "Usage: pm-admin staff add [OPTION...] NAME --dept DEPT --role ROLE" "shows its usage"
out_has "--db=FILE" "with the common options"
run pm-admin settings set --help
is_rc 0 "SUBVERB --help"
out_has "Usage: pm-admin settings set [OPTION...] NAME VALUE" "shows its usage"
run pm-admin help nope
is_rc 64 "help of no verb"
is_err "pm-admin: no verb 'nope' (see 'pm-admin --help')" "names it"
run env ARGP_HELP_FMT=header-col=40 pm-admin log --help
is_rc 0 "--help with ARGP_HELP_FMT set"

# output that cannot be written: 74, whatever the verb
for args in "staff list" "settings list" "settings get timezone" "log" "check" "--version" "help"; do
	# shellcheck disable=SC2086 # split on purpose
	pm-admin $args > /dev/full 2> "$T/err"
	# shellcheck disable=SC2034 # is_rc reads it
	rc=$?
	is_rc 74 "pm-admin $args > /dev/full: exit 74"
	err_has "write error: No space left on device" "pm-admin $args > /dev/full: says so"
done
pm-admin staff list >&- 2> "$T/err"
# shellcheck disable=SC2034 # is_rc reads it
rc=$?
is_rc 74 "a closed stdout: exit 74"
err_has "write error" "and says so"

done_testing
