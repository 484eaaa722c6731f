#!/bin/sh
# The EXAMPLES of pm-ticket(1), run as written, with the output they show;
# the crontab lines there; and examples/ticket-morning.sh with a stand-in
# sendmail
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, type) VALUES ('3-2-1501', '3', '2', 15, '1501', 'residential')"
pm-admin staff add 张三 --dept service --role clerk
pm-admin staff add 李四 --dept service --role butler --area 1号楼
pm-admin staff add 王师傅 --dept engineering --role repair
pm-admin staff add 钱经理 --dept management --role manager

# the literal blocks of EXAMPLES: "$ command" lines, each followed by the
# output it shows
sed -n '/^\.Sh EXAMPLES/,/^\.Sh SEE ALSO/p' "$PM_TOP/man/pm-ticket.1" |
	awk '/^\.Bd -literal/ { inb = 1; next } /^\.Ed/ { inb = 0; print "@@"; next } inb' > "$T/examples"
grep -c '^\$ ' "$T/examples" > "$T/count"
is "$(cat "$T/count")" 15 "the man page has its fifteen example commands"

flush() {
	[ -n "$ex_cmd" ] || return 0
	case $ex_cmd in
	export\ *)
		eval "$ex_cmd"
		ok "$ex_cmd"
		;;
	*)
		run_in /dev/null bash -o pipefail -c "$ex_cmd"
		is_rc 0 "example: $ex_cmd"
		if [ -s "$T/shown" ]; then
			is_out_file "$T/shown" "and prints what the man page shows"
		fi
		;;
	esac
	ex_cmd=
}
ex_cmd=
: > "$T/shown"
while IFS= read -r ex_line <&3; do
	case $ex_line in
	@@)
		flush
		: > "$T/shown"
		;;
	'$ '*)
		flush
		ex_cmd=${ex_line#\$ }
		: > "$T/shown"
		;;
	*)
		[ -n "$ex_cmd" ] && printf '%s\n' "$ex_line" >> "$T/shown"
		;;
	esac
done 3< "$T/examples"
flush
is "$(sql "SELECT no, status, callback_by FROM ticket t ORDER BY id" | tr '\n' ' ')" \
	"T2026-000001|closed|1 T2026-000002|open|2 T2026-000003|open|2 " \
	"the examples did what they say: closed, handed over, opened from a patrol"

# the crontab lines, with stand-ins for formail, sendmail and mail
mkdir "$T/bin"
printf '#!/bin/sh\ncat >> "%s/sent"\n' "$T" > "$T/bin/formail"
printf '#!/bin/sh\ncat >> "%s/sent"\n' "$T" > "$T/bin/mail"
chmod +x "$T/bin/formail" "$T/bin/mail"
PM_NOW=2026-12-10T09:00:00 pm-ticket new --category leak --unit 3-2-1501 再次渗水 > /dev/null
PM_NOW=2026-12-10T10:00:00 pm-ticket finish T2026-000004 --done 补漏
grep '^[0-9].* \* \* \*' "$T/examples" | sed 's/^[0-9]* [0-9]* \* \* \* *//' > "$T/cron"
is "$(wc -l < "$T/cron")" 2 "two crontab lines"
while IFS= read -r ex_line <&3; do
	PM_NOW=2026-12-20T08:00:00 run_in /dev/null env -i PATH="$T/bin:$PATH" PM_DB="$PM_DB" PM_NOW=2026-12-20T08:00:00 \
		sh -c "$ex_line"
	is_rc 0 "cron: $ex_line"
done 3< "$T/cron"
if grep -q '^To: =?UTF-8?B?' "$T/sent"; then ok "the reminder reached the mailer"; else not_ok "the reminder reached the mailer"; fi
if grep -q '^T2026-000004,callback,2026-12-13T10:00:00,overdue' "$T/sent"; then ok "and the overdue list"; else not_ok "and the overdue list"; fi

# examples/ticket-morning.sh
# the fake sendmail numbers the messages it gets: msg.0, msg.1, ...
# shellcheck disable=SC2016
printf '#!/bin/sh\nn=$(find "%s" -name "msg.*" | wc -l)\ncat > "%s/msg.$n"\n' "$T" "$T" > "$T/bin/fake-sendmail"
chmod +x "$T/bin/fake-sendmail"
PM_NOW=2026-12-13T09:00:00 pm-ticket new --kind complaint --by 李四 电梯异响 > /dev/null
PM_NOW=2026-12-20T08:00:00 run env -i PATH="$T/bin:$PATH" PM_DB="$PM_DB" PM_NOW=2026-12-20T08:00:00 \
	SENDMAIL="fake-sendmail" SUPERVISOR=boss@example.org sh "$PM_TOP/examples/ticket-morning.sh"
is_rc 0 "ticket-morning.sh"
is "$(find "$T" -name 'msg.*' | wc -l)" 3 "sent two reminders and the supervisor's list"
is "$(sed -n 2p "$T/msg.0")" "To: =?UTF-8?B?$(printf 张三 | base64)?= <staff-1@localhost>" \
	"each message without its mbox From line, starting with its headers"
is "$(grep -c '^From' "$T/msg.0" "$T/msg.1" | tr '\n' ' ')" "$T/msg.0:1 $T/msg.1:1 " \
	"one message each, its From: header the only line starting From"
is "$(head -n 1 "$T/msg.2")" "To: boss@example.org" "the overdue list goes to the supervisor"
is "$(sed -n 2p "$T/msg.2")" "Subject: overdue tickets" "its subject in English under cron's C locale"
holds "declared UTF-8, since names and summaries are Chinese" \
	grep -qx 'Content-Type: text/plain; charset=UTF-8' "$T/msg.2"

# under zh_CN the supervisor's subject is Chinese, encoded for a header
rm -f "$T"/msg.*
run env -i PATH="$T/bin:$PATH" PM_DB="$PM_DB" PM_NOW=2026-12-20T08:00:00 PM_LOCALEDIR="$PM_LOCALEDIR" \
	LANG=zh_CN.UTF-8 SENDMAIL="fake-sendmail" SUPERVISOR=boss@example.org sh "$PM_TOP/examples/ticket-morning.sh"
is_rc 0 "ticket-morning.sh under zh_CN"
is "$(sed -n 2p "$T/msg.2")" "Subject: =?UTF-8?B?$(printf 逾期工单 | base64)?=" "the supervisor's subject is 逾期工单"
holds "and the list under it is pm-ticket's Chinese table" grep -q '^工单  ' "$T/msg.2"

done_testing
