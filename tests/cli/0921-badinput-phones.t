#!/bin/sh
# BAD-INPUTS 21: +86 138-0013-8000, 0086..., 86..., 10 or 12 digits, a
# landline: mobiles become 11 digits, landlines go to their own field,
# the rest are refused without the number in the message
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name,phone\n1-2-101,甲,+86 137-0000-1111\n1-2-102,乙,0086 13700002222\n1-2-103,丙,8613700003333\n1-2-104,丁,(0571) 8888 6666\n1-2-105,戊,010-12345678\n' > "$T/good.csv"
run pm-owner import "$T/good.csv"
is_rc 0 "country codes and landlines are read"
is "$(sql "SELECT group_concat(coalesce(phone, '-') || '/' || coalesce(landline, '-'), ' ') FROM (SELECT p.phone, p.landline FROM unit u JOIN ownership o ON o.unit_id = u.id JOIN person p ON p.id = o.person_id WHERE u.code LIKE '1-2-%' ORDER BY u.code)")" \
	"13700001111/- 13700002222/- 13700003333/- -/0571-88886666 -/010-12345678" \
	"mobiles as 11 digits; landlines kept in the landline field"

dump > "$T/before"
printf 'unit,name,phone\n1-2-106,己,1370000444\n1-2-107,庚,137000055556\n1-2-108,辛,+1 4155550100\n1-2-109,壬,12345678901\n' > "$T/bad.csv"
run pm-owner import "$T/bad.csv"
is_rc 65 "wrong phone numbers are refused"
is_err "pm-owner: $T/bad.csv:2: phone: phone has 10 digits
pm-owner: $T/bad.csv:3: phone: phone has 12 digits
pm-owner: $T/bad.csv:4: phone: not a mainland phone number
pm-owner: $T/bad.csv:5: phone: not a mobile number" "each with line, column and reason"
PII="1370000444 137000055556 4155550100 12345678901"
no_pii "no number appears in the messages"
unchanged "nothing was imported"

done_testing
