#!/bin/sh
# BAD-INPUTS 51-53: settings that become mail headers or printed lines.
# mail.from and mail.domain are held to a local part's and a domain's
# form, so no line break, comma or angle bracket reaches the From: and
# To: headers that sendmail -t reads recipients from; one-line settings
# (the estate's name, the lists) refuse line breaks and control
# characters; a bad value stored by hand is refused by remind (78)
# and reported by pm-admin check.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh disable=SC1091
. "$(dirname "$0")/badinput.sh"

base_estate
export PM_USER=张三
PM_NOW=2026-11-20T10:00:00 pm-ticket new --category leak --unit 1-1-101 卫生间渗水 > /dev/null
PM_NOW=2026-11-20T11:00:00 pm-ticket finish T2026-1 --done 补漏
dump > "$T/before"

local_why="only letters, digits, dots and !#\$%&'*+-/=?^_\`{|}~ may be in the part before the @"
domain_why="only letters, digits, hyphens and dots may be in a domain"

# 51: header injection through the sender and the domain
run pm-admin settings set mail.from "$(printf 'x\nBcc: evil@evil.com')"
is_rc 65 "mail.from with a line break and a Bcc"
is_err "pm-admin: setting 'mail.from': $local_why" "is refused, the value not echoed"
run pm-admin settings set mail.domain 'evil.com>, <x@y'
is_rc 65 "mail.domain adding a recipient"
is_err "pm-admin: setting 'mail.domain': 'evil.com>, <x@y': $domain_why" "is refused naming the rule"
for v in 'a b' 'a,b' '.desk' 'desk.' 'a..b' '<x>' 'a@b' '"q"' ''; do
	run pm-admin settings set mail.from "$v"
	is_rc 65 "mail.from '$v' refused"
done
run pm-admin settings set mail.from "$(printf '%065d' 0)"
is_err "pm-admin: setting 'mail.from': '$(printf '%065d' 0)': longer than 64 bytes" "a local part over 64 bytes"
for v in '-desk.cn' 'desk-.cn' 'desk..cn' '.cn' 'desk.cn.' 'de_sk.cn' '[127.0.0.1]' 'a.b;c' ''; do
	run pm-admin settings set mail.domain -- "$v"
	is_rc 65 "mail.domain '$v' refused"
done
run pm-admin settings set mail.domain "$(printf '%064d' 0).cn"
is_err "pm-admin: setting 'mail.domain': '$(printf '%064d' 0).cn': a label is longer than 63 bytes" "a label over 63 bytes"
unchanged "no refused value was stored"

run pm-admin settings set mail.from "pm-ticket.desk+remind"
is_rc 0 "a dotted local part with a plus is taken"
run pm-admin settings set mail.domain "Desk-1.yangguang.example.cn"
is_rc 0 "a domain with hyphens and digits is taken"
run env PM_NOW=2026-11-30T09:00:00 pm-ticket remind
is_rc 0 "remind"
out_has "From: pm-ticket <pm-ticket.desk+remind@Desk-1.yangguang.example.cn>" "writes the sender as set"
is "$(grep -c '^Bcc\|^Cc' "$T/out")" 0 "and no other recipient header"

# 52: one-line settings
run pm-admin settings set estate.name "$(printf '阳光\n花园')"
is_rc 65 "an estate name with a line break (a forged receipt line)"
is_err "pm-admin: setting 'estate.name': holds a line break or a control character" "is refused"
run pm-admin settings set estate.name "$(printf '阳光\033[2J花园')"
is_rc 65 "an escape sequence"
run pm-admin settings set estate.name "$(printf '阳光\342\200\256花园')"
is_rc 65 "a bidi override"
run pm-admin settings set estate.name "$(printf '\377阳光')"
is_err "pm-admin: setting 'estate.name': not valid UTF-8" "invalid UTF-8 is called that"
run pm-admin settings set movein.documents "$(printf '业主手册,\n入住须知')"
is_rc 65 "a list with a line break"
run pm-admin settings set estate.name "阳光花园"
is_rc 0 "a one-line name is taken"
run pm-admin settings get estate.name
is_out "阳光花园" "and stored"

# 53: a bad value stored before the types, or by hand
sql "UPDATE setting SET value = 'x
Bcc: evil@evil.com' WHERE key = 'mail.from'"
run env PM_NOW=2026-11-30T09:00:00 pm-ticket remind
is_rc 78 "remind refuses a stored mail.from that would forge a header"
is_err "pm-ticket: setting 'mail.from' is not valid ($local_why): set it again with pm-admin settings set mail.from" \
	"naming the setting and what to run"
is "$(wc -c < "$T/out" | tr -d ' ')" 0 "and writes no message at all"
run pm-admin check
is_rc 1 "pm-admin check finds it"
out_has "settings,\"mail.from: $local_why; set it again with pm-admin settings set mail.from\"" "and says which and what to do"
run pm-admin settings set mail.from pm-ticket
run pm-admin check
is_rc 0 "set again, the check passes"
out_has "settings,ok" "and says so"

done_testing
