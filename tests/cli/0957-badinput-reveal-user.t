#!/bin/sh
# BAD-INPUTS 54 and 55: pm-admin staff list --reveal is a disclosure
# like every other --reveal, on the audit log; PM_USER, stored as the
# clerk of every record and printed on receipts, is held to the rule of
# a name (valid UTF-8, one line, no control character, at most 50
# characters, trimmed); invalid UTF-8 in an argument is called that,
# not a control character.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh disable=SC1091
. "$(dirname "$0")/badinput.sh"

base_estate
pm-admin staff add 王芳 --dept service --role butler --phone 13911112222 > /dev/null
n=$(sql 'SELECT count(*) FROM audit')
run pm-admin staff list -o csv
is_rc 0 "staff list"
out_lacks 13911112222 "masks the phone"
is "$(sql 'SELECT count(*) FROM audit')" "$n" "and is no disclosure"
run pm-admin staff list --reveal -o csv
is_rc 0 "staff list --reveal"
out_has 13911112222 "shows the phone"
is "$(sql 'SELECT count(*) FROM audit')" "$((n + 1))" "is on the audit log"
is "$(sql "SELECT verb || '|' || record || '|' || change FROM audit ORDER BY id DESC LIMIT 1")" \
	"staff list|staff|revealed phone numbers" "as a disclosure of the staff's phones"

dump > "$T/before"
bad_user() { # VALUE REASON DESC
	run env PM_USER="$1" pm-owner unit add 1-1-201
	is_rc 64 "PM_USER $3: refused"
	is_err "pm-owner: PM_USER: $2: set it to your name as the staff register has it" "PM_USER $3: saying why"
}
bad_user "$(printf '王芳\n收款人: 假')" "name holds a control character" "with a newline"
bad_user "$(printf '\342\200\256王芳')" "name holds a control character" "with a bidi override"
bad_user "$(printf '\377\376')" "name is not valid UTF-8 (was the file saved in another encoding?)" "in invalid UTF-8"
bad_user "$(printf '%0100000d' 0)" "name too long" "of 100,000 characters"
unchanged "nothing was written under a bad PM_USER"
run env PM_USER="$(printf '\377')" pm-owner list
is_rc 64 "a listing refuses it too: every verb declares its clerk"

run env PM_USER="  王芳 " pm-owner unit add 1-1-201
is_rc 0 "a name with spaces around"
is "$(sql "SELECT clerk FROM audit ORDER BY id DESC LIMIT 1")" "王芳" "is stored trimmed"
run env PM_USER= pm-owner unit add 1-1-202
is_rc 0 "an empty PM_USER is no clerk"
is "$(sql "SELECT coalesce(clerk, 'NULL') FROM audit ORDER BY id DESC LIMIT 1")" "NULL" "and none is stored"

run pm-admin staff add "$(printf '张\377三')" --dept service --role clerk
is_rc 65 "a name argument in invalid UTF-8"
err_has "not valid UTF-8" "is called that"
err_lacks "control character" "not a control character"

done_testing
