#!/bin/sh
# examples/: every script and crontab line runs against a demo estate
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

# a small demo estate: the same month of desk work as make demo
run env PM_DEMO_DIR="$T/demo" PM_DEMO_UNITS=1700 sh "$PM_TOP/tools/demo.sh" "$PM_BUILD"
is_rc 0 "the demo estate builds"
PM_DB=$T/demo/demo.db
PM_NOW=2026-11-30T17:00:00
export PM_DB PM_NOW

run sh "$PM_TOP/examples/monthly-report.sh" 2026-11
is_rc 0 "monthly-report.sh"
for h in "# Monthly report 2026-11" "## Units" "## Tickets" "### Complaints" "## Fees" \
	"## Renovations" "## Owner survey rounds"; do
	out_has "$h" "the monthly report has '$h'"
done
out_has "| occupied |" "the units are counted by status"

run sh "$PM_TOP/examples/weekly-complaints.sh" 2026-W47
is_rc 0 "weekly-complaints.sh"
out_has "# Complaints, week 2026-W47" "the weekly summary names its week"
out_has "- complaints received:" "and counts the complaints"

run sh "$PM_TOP/examples/morning.sh"
case $rc in 0|1) ok "morning.sh runs (exit $rc: 1 when something is late)" ;;
*) not_ok "morning.sh runs" "$(diag_last)" ;; esac
for h in "== Callbacks" "== Renovations" "== Survey forms" "== Vacant units" "== Passes"; do
	out_has "$h" "the morning digest has '$h'"
done
out_has "T2026-" "and lists the callbacks that are late"

# in the reader's language: under zh_CN the scripts' own headings, labels
# and sentences are Chinese, in po/zh_CN.po's terms, and not one English
# word of theirs is left; under C they are the English ones
zh() { env -u LC_ALL LANG=zh_CN.UTF-8 "$@"; }
c() { env -u LC_ALL LANG=C "$@"; }
# the English words of a file (two letters or more: not the W of 2026-W47),
# but for the demo estate's name
english() { grep -o '[A-Za-z][A-Za-z_]\+' "$1" | grep -vx demo | sort -u | tr '\n' ' '; }

run zh sh "$PM_TOP/examples/monthly-report.sh" 2026-11
is_rc 0 "monthly-report.sh under zh_CN"
for h in "# 月度报告 2026-11" "小区：阳光花园 (demo)" "## 房屋" "| 状态 | 房屋（套） |" \
	"| 已入住 | " "| 空置 | " "## 工单" "| 指标 | 明细 | 值 |" "| 投诉 | 受理 | 5 |" \
	"### 投诉" "## 收费" "收缴率：" "按楼栋的欠费（一年以上为陈欠）：" "## 装修" "## 业主评议轮次"; do
	out_has "$h" "the Chinese monthly report has '$h'"
done
for w in "Monthly" "report" "Estate" "Units" "status" "units" "occupied" "vacant" "Tickets" \
	"metric" "key" "value" "Complaints" "Fees" "Collection" "Arrears" "building" "over a year" \
	"Renovations" "Owner" "survey" "rounds" "installed"; do
	out_lacks "$w" "and no English '$w' of the script is left"
done
grep '^[#|]' "$T/out" | grep '[A-Za-z]' > "$T/latin" || true
is "$(cat "$T/latin")" "" "no heading or table line of it has a Latin letter"
is "$(english "$T/out")" "" "nor any line of the whole report an English word"

# a section whose binary is missing says so, in Chinese too
mkdir -p "$T/some-bin"
for b in pm-admin pm-owner pm-ticket pm-reno; do
	ln -s "$PM_BUILD/bin/$b" "$T/some-bin/$b"
done
run zh env PATH="$T/some-bin:/usr/bin:/bin" sh "$PM_TOP/examples/monthly-report.sh" 2026-11
is_rc 0 "monthly-report.sh without pm-fee and pm-survey"
out_has "## 收费

（未安装 pm-fee，本节从略）" "a missing binary's section has a note instead"
out_has "（未安装 pm-survey，本节从略）" "each of them"
run c env PATH="$T/some-bin:/usr/bin:/bin" sh "$PM_TOP/examples/monthly-report.sh" 2026-11
out_has "## Fees

(pm-fee is not installed: this section is left out)" "the note in English under C"

run c sh "$PM_TOP/examples/monthly-report.sh" 2026-11
is_rc 0 "monthly-report.sh under LANG=C"
for h in "# Monthly report 2026-11" "Estate: 阳光花园 (demo)" "## Units" "| status | units |" \
	"| occupied | " "## Tickets" "| metric | key | value |" "| complaints | received | 5 |" \
	"### Complaints" "## Fees" "Collection rate (收缴率):" "Arrears by building (陈欠 is over a year):" \
	"## Renovations" "## Owner survey rounds"; do
	out_has "$h" "the English monthly report has '$h'"
done
for h in "月度报告" "小区：" "## 房屋" "## 工单" "## 收费" "## 装修" "## 业主评议轮次" "已入住"; do
	out_lacks "$h" "and not the Chinese '$h'"
done
# LC_ALL wins over LANG, as it does for the binaries
run env LC_ALL=C LANG=zh_CN.UTF-8 sh "$PM_TOP/examples/monthly-report.sh" 2026-11
out_has "# Monthly report 2026-11" "LC_ALL=C over LANG=zh_CN.UTF-8: English"

run zh sh "$PM_TOP/examples/weekly-complaints.sh" 2026-W47
is_rc 0 "weekly-complaints.sh under zh_CN"
out_has "# 投诉周报 2026-W47" "the Chinese weekly summary names its week"
out_has "## 统计

- 类型 报修：7" "its numbers are named as pm-ticket names them"
out_has "- 投诉 受理：1" "and count the complaints"
is "$(english "$T/out")" "" "no English word is left in it"

run zh sh "$PM_TOP/examples/morning.sh"
case $rc in 0|1) ok "morning.sh runs under zh_CN (exit $rc)" ;;
*) not_ok "morning.sh runs under zh_CN" "$(diag_last)" ;; esac
for h in "== 今天到期或已逾期的回访、投诉答复和返修" "== 装修：逾期的审批、整改通知书、施工和巡查" \
	"== 到期未收回的评议表" "== 未按时巡查的空置房" "== 30 天内到期的出入证和养犬证"; do
	out_has "$h" "the Chinese morning digest has '$h'"
done
out_has "== 到期未收回的评议表
（无）" "an empty section says so in Chinese"
grep '^==\|^（' "$T/out" | grep '[A-Za-z]' > "$T/latin" || true
is "$(cat "$T/latin")" "" "no heading of the digest has a Latin letter"

# the scripts decide the language as the binaries do: a heading in the
# language pm-admin's usage line is in, for each way of asking
for e in "LANG=zh_CN.UTF-8" "LANG=zh_CN.utf8" "LC_ALL=zh_CN.UTF-8" "LC_MESSAGES=zh_CN.UTF-8" \
	"LANG=C" "LC_ALL=C LANG=zh_CN.UTF-8" "LANG=zh_CN.UTF-8 LC_MESSAGES=C" \
	"LANG=C.UTF-8 LANGUAGE=zh_CN" "LANG=C LANGUAGE=zh_CN" "LANG=zh_CN.UTF-8 LANGUAGE=en_US" \
	"LANG=zh_CN.UTF-8 LANGUAGE=en:zh_CN" "LANG=zh_CN.UTF-8 LANGUAGE=C:zh_CN" \
	"LANG=zh_CN.UTF-8 LANGUAGE=zh" "LANG=zh_CN" "LANG=zh_CN.GB18030" "LANG=zh_TW.UTF-8" \
	"LANG=xx_YY.UTF-8 LANGUAGE=zh_CN"; do
	# shellcheck disable=SC2086 # $e is the variables, one a word
	binary=$(env -u LC_ALL -u LANG -u LANGUAGE -u LC_MESSAGES $e pm-admin --usage 2>/dev/null | head -c 6)
	# shellcheck disable=SC2086
	script=$(env -u LC_ALL -u LANG -u LANGUAGE -u LC_MESSAGES $e sh "$PM_TOP/examples/weekly-complaints.sh" 2026-W47 2>/dev/null | head -n 1)
	case $binary in 用法*) want="# 投诉周报 2026-W47" ;; *) want="# Complaints, week 2026-W47" ;; esac
	is "$script" "$want" "$e: the script speaks the binaries' language"
done

# one block decides it, the same in every script
for f in morning.sh ticket-morning.sh weekly-complaints.sh; do
	sed -n '/^# The reader.s language/,/^}/p' "$PM_TOP/examples/$f" > "$T/block"
	sed -n '/^# The reader.s language/,/^}/p' "$PM_TOP/examples/monthly-report.sh" > "$T/block0"
	holds "$f decides the language as monthly-report.sh does" cmp -s "$T/block0" "$T/block"
done
holds "and the block is there" grep -q 'reader_lang()' "$T/block0"

# every job of the crontab, with its paths pointed here
grep -v '^#' "$PM_TOP/examples/crontab" | grep -v '^[A-Z_]*=' | grep -v '^$' |
	cut -f2- | sed -e "s|/usr/share/doc/pm-tools/examples/|$PM_TOP/examples/|g" \
	-e "s|/srv/pm/backup|$T|g" -e 's|\\%|%|g' \
	-e 's/formail -s sendmail -t/cat > \/dev\/null/' > "$T/jobs"
is "$(wc -l < "$T/jobs" | tr -d ' ')" 6 "the crontab has six jobs"
while IFS= read -r job; do
	run sh -c "$job"
	case $rc in 0|1) ok "cron job runs: $job" ;;
	*) not_ok "cron job runs: $job" "$(diag_last)" ;; esac
done < "$T/jobs"
for backup in "$T"/estate-*.db; do
	run pm-admin --db "$backup" check
	is_rc 0 "the nightly backup is a good database"
done

done_testing
