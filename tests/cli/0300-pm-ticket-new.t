#!/bin/sh
# pm-ticket new: keywords in English and Chinese, numbers, units, phones,
# attachments kept in the database, and every refusal writing nothing
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, type, building_area)
     VALUES ('3-2-1501', '3', '2', 15, '1501', 'residential', 8937)"
pm-admin staff add 张三 --dept service --role clerk
pm-admin staff add 王师傅 --dept engineering --role repair

run pm-ticket new --by 张三 --kind 报修 --category 渗漏 --unit 3栋2单元1501 \
	--channel 电话 --reporter 赵女士 --phone '+86 138-0013-8000' --priority 高 厨房 水管漏水
is_rc 0 "new takes a repair with Chinese keywords"
is_out "T2026-000001" "and prints its number"
is "$(sql "SELECT kind, category, channel, priority, status, building, phone, summary, received
	FROM ticket WHERE no = 'T2026-000001'")" \
	"repair|leak|phone|high|open|3|13800138000|厨房 水管漏水|2026-11-30T09:00:00" \
	"keys are stored in English, the phone normalized, the time estate-local"
is "$(sql "SELECT u.code, s.name, c.name FROM ticket t JOIN unit u ON u.id = t.unit_id
	JOIN staff s ON s.id = t.taken_by JOIN staff c ON c.id = t.callback_by")" "3-2-1501|张三|张三" \
	"the unit is found from 3栋2单元1501; who took it owns the callback"
is "$(sql "SELECT what, at FROM ticket_event")" "new|2026-11-30T09:00:00" "the event 'new' is recorded"
is "$(sql "SELECT record, change FROM audit WHERE prog = 'pm-ticket'")" \
	"T2026-000001|new repair/leak unit 3-2-1501 via phone" "and audited, without the phone"

PM_USER=张三 run pm-ticket new --kind complaint --channel hotline --building 3 "电梯噪音"
is_out "T2026-000002" "PM_USER names who took it; numbers count up"
is "$(sql "SELECT kind, category IS NULL, unit_id IS NULL, building, reply_due FROM ticket WHERE no = 'T2026-000002'")" \
	"complaint|1|1|3|2026-12-03T09:00:00" "a complaint needs no unit; its reply is due 72 hours later"

PM_NOW=2027-01-02T10:00:00 run pm-ticket new --by 张三 --kind inquiry "停车办理"
is_out "T2027-000001" "numbers start again each year"

printf 'PNG\0photo\001bytes' > "$T/photo.png"
run pm-ticket new --by 张三 --category public --attach "$T/photo.png" --attach "$T/photo.png" 大堂灯不亮
is_rc 0 "new with two attachments"
is "$(sql "SELECT count(*), sum(length(data)), min(name), min(kind) FROM attachment")" "2|30|photo.png|ticket" \
	"the photos are BLOBs in the database, byte for byte"
run pm-ticket photo T2026-3 1
is_rc 0 "photo writes an attachment (a short ticket number is understood)"
is_out_file "$T/photo.png" "the bytes that went in"
run pm-ticket photo T2026-000003 9
is_rc 65 "no such attachment"
is_err "pm-ticket: ticket T2026-000003 has no attachment 9" "says which"

printf 'scan' > "$T/scan.pdf"
run pm-ticket attach T2026-000001 "$T/scan.pdf" --by 王师傅
is_rc 0 "attach adds a file later"
is "$(sql "SELECT what, detail FROM ticket_event WHERE what = 'attach' ORDER BY id DESC LIMIT 1")" \
	"attach|scan.pdf (4 bytes)" "as an event of the ticket"

# refusals write nothing
before=$(dump)
run pm-ticket new --by 张三 水管坏了
is_rc 64 "a repair without a category is a usage error"
err_has "a repair needs --category" "saying why"
run pm-ticket new --by 张三 --kind fixit --category leak x
is_rc 65 "an unknown kind"
is_err "pm-ticket: unknown kind 'fixit' (one of: repair, complaint, suggestion, inquiry, errand, emergency)" "lists the kinds"
run pm-ticket new --by 张三 --category 漏风 x
is_rc 65 "an unknown category"
run pm-ticket new --by 张三 --category leak --channel pigeon x
is_rc 65 "an unknown channel"
run pm-ticket new --by 张三 --category leak --unit 9-9-909 x
is_rc 65 "a unit that does not exist"
is_err "pm-ticket: no unit '9-9-909'" "is named"
run pm-ticket new --by 李四 --category leak x
is_rc 65 "someone not on the staff"
is_err "pm-ticket: no current staff member '李四' (see pm-admin staff list)" "is named"
run pm-ticket new --category leak x
is_rc 64 "nobody to own the callback"
is_err "pm-ticket: who? give --by STAFF (or set PM_USER to your name in the staff register)" "asks who"
run pm-ticket new --by 张三 --category leak --phone 12345 x
is_rc 65 "a bad phone number"
err_lacks "12345" "is not repeated in the message"
run pm-ticket new --by 张三 --category leak --attach "$T/nope.jpg" x
is_rc 66 "an attachment that cannot be read"
is_err "pm-ticket: cannot open '$T/nope.jpg': No such file or directory" "is named"
run pm-ticket new --by 张三 --category leak
is_rc 64 "no summary"
run pm-ticket new --by 张三 --category leak "$(printf 'bad\033[31m')"
is_rc 65 "control characters in the summary"
is "$(dump)" "$before" "none of these wrote anything (no number was used up)"

# the phone is masked unless --reveal
run pm-ticket show T2026-000001 -o json
out_has '"phone": "138****8000"' "show masks the phone"
run pm-ticket show T2026-000001 -o json --reveal
out_has '"phone": "13800138000"' "--reveal shows it"
is "$(sql "SELECT record, change FROM audit ORDER BY id DESC LIMIT 1")" "T2026-000001|revealed phone numbers" \
	"and is recorded in the audit log"

done_testing
