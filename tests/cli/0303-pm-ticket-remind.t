#!/bin/sh
# pm-ticket remind: one well-formed mail message per person (or per
# department), as an mbox stream that formail -s sendmail -t can split
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, type) VALUES ('1-1-101', '1', '1', 1, '101', 'residential')"
pm-admin staff add 张三 --dept service --role clerk
pm-admin staff add 'Li "Si"' --dept service --role butler
pm-admin staff add 王师傅 --dept engineering --role repair
export PM_USER=张三

PM_NOW=2026-11-20T10:00:00 pm-ticket new --category leak --unit 1-1-101 卫生间渗水 > /dev/null
PM_NOW=2026-11-20T11:00:00 pm-ticket finish T2026-1 --done 补漏
PM_NOW=2026-11-27T09:00:00 pm-ticket new --kind complaint --by 'Li "Si"' 'From the lift: noise' > /dev/null
PM_NOW=2026-11-28T08:00:00 pm-ticket new --category plumbing --unit 1-1-101 水管 > /dev/null
PM_NOW=2026-11-28T08:10:00 pm-ticket dispatch T2026-3 --to 王师傅
PM_NOW=2026-11-28T09:00:00 pm-ticket finish T2026-3 --done 修好
PM_NOW=2026-11-29T09:00:00 pm-ticket callback T2026-3 --result unsatisfied --notes 还漏

run pm-ticket remind
is_rc 0 "remind"
b64() { printf '%s' "$1" | base64; }
cat > "$T/want" <<X
From pm-ticket@localhost Mon Nov 30 09:00:00 2026
From: pm-ticket <pm-ticket@localhost>
To: =?UTF-8?B?$(b64 张三)?= <staff-1@localhost>
Subject: pm-ticket: 1 overdue, 0 due
Date: Mon, 30 Nov 2026 09:00:00 +0800
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

Hello 张三,

these deadlines are yours (as of 2026-11-30 09:00):

OVERDUE  callback  T2026-000001  2026-11-23 11:00  1-1-101  卫生间渗水

1 overdue, 0 due.  'pm-ticket show TICKET' has the details.

From pm-ticket@localhost Mon Nov 30 09:00:00 2026
From: pm-ticket <pm-ticket@localhost>
To: "Li \\"Si\\"" <staff-2@localhost>
Subject: pm-ticket: 0 overdue, 1 due
Date: Mon, 30 Nov 2026 09:00:00 +0800
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

Hello Li "Si",

these deadlines are yours (as of 2026-11-30 09:00):

due      reply     T2026-000002  2026-11-30 09:00  -  From the lift: noise

0 overdue, 1 due.  'pm-ticket show TICKET' has the details.

From pm-ticket@localhost Mon Nov 30 09:00:00 2026
From: pm-ticket <pm-ticket@localhost>
To: =?UTF-8?B?$(b64 王师傅)?= <staff-3@localhost>
Subject: pm-ticket: 0 overdue, 1 due
Date: Mon, 30 Nov 2026 09:00:00 +0800
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

Hello 王师傅,

these deadlines are yours (as of 2026-11-30 09:00):

due      rework    T2026-000003  2026-11-30 09:00  1-1-101  水管

0 overdue, 1 due.  'pm-ticket show TICKET' has the details.

X
is_out_file "$T/want" "one message per person, in the estate's zone whatever TZ says"
cp "$T/out" "$T/mbox"

# what a mail reader makes of it
cat > "$T/read.py" <<'X'
import mailbox, sys
from email.header import decode_header, make_header
for m in mailbox.mbox(sys.argv[1]):
    print(str(make_header(decode_header(m["To"]))), "|", m["Subject"], "|",
          m.get_content_charset(), "|", m.get_payload(decode=True).decode("utf-8").count("\n"))
X
run python3 "$T/read.py" "$T/mbox"
is_out '张三 <staff-1@localhost> | pm-ticket: 1 overdue, 0 due | utf-8 | 7
"Li \"Si\"" <staff-2@localhost> | pm-ticket: 0 overdue, 1 due | utf-8 | 7
王师傅 <staff-3@localhost> | pm-ticket: 0 overdue, 1 due | utf-8 | 7' \
	"a mail library reads three messages with their recipients, subjects and bodies"

pm-admin settings set mail.domain desk.example.org > /dev/null
run pm-ticket remind --dept
is_rc 0 "remind --dept"
cp "$T/out" "$T/mbox"
run python3 "$T/read.py" "$T/mbox"
is_out 'engineering <engineering@desk.example.org> | pm-ticket: 0 overdue, 1 due | utf-8 | 7
service <service@desk.example.org> | pm-ticket: 1 overdue, 1 due | utf-8 | 8' \
	"one message per department, at the mail.domain setting"
if grep -q '^From pm-ticket@desk.example.org Mon Nov 30' "$T/mbox"; then ok "the sender follows the setting too"; else not_ok "the sender follows the setting too"; fi

run pm-ticket remind --by 王师傅
cp "$T/out" "$T/mbox"
run python3 "$T/read.py" "$T/mbox"
is_out '王师傅 <staff-3@desk.example.org> | pm-ticket: 0 overdue, 1 due | utf-8 | 7' "remind --by"
run pm-ticket remind --overdue
cp "$T/out" "$T/mbox"
run python3 "$T/read.py" "$T/mbox"
is_out '张三 <staff-1@desk.example.org> | pm-ticket: 1 overdue, 0 due | utf-8 | 7' "remind --overdue"

PM_NOW=2026-11-01T09:00:00 run pm-ticket remind
is_rc 0 "nothing due"
is_out_file /dev/null "writes nothing, so cron mails nothing"
pm-ticket remind > /dev/full 2> "$T/err"
rc=$?
is_rc 74 "a mail stream that cannot be written is an error, not a short digest"
err_has "write error" "and says so"
run pm-ticket remind --by 谁
is_rc 65 "an unknown person"

# under zh_CN the mail is Chinese: the deadline's name, readable times
run env LC_ALL=zh_CN.UTF-8 pm-ticket remind
is_rc 0 "remind under zh_CN"
out_has "回访      T2026-000001  2026-11-23 11:00" "names the callback 回访, the time without its T"
out_lacks "callback  T2026" "no English deadline name"

done_testing
