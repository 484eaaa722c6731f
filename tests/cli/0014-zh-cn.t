#!/bin/sh
# shellcheck disable=SC1111  # the Chinese quotes “” are the messages' own
# 0014-zh-cn.t - under zh_CN.UTF-8 the desk reads Chinese: help, errors,
# table headers, keyword names; csv and json keys stay English
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

# English words left in help text, one a line: what remains after
# taking out the usage lines, option names (--db, -o), placeholders in
# capitals (FILE, UNIT...), paths and setting names (anything with . / $
# @ ~ =), program names (pm-fee), keywords in parentheses after their
# Chinese names ("（或 repair, complaint）", "满意（satisfied）"), the verbs
# of the list ($2) and the few keywords a user types ($ALLOW).  Nothing
# should remain.
ALLOW='csv|tsv|table|json|html|xlsx|Excel|SQLite|Markdown|utf|gbk|gb18030|help|man|all|ignore|default|whole|days'
english() {
	perl -0777 -ne '
		s/^(用法：|  或：).*\n//mg;
		s/\s+/ /g;
		s/--[a-z][a-z0-9-]*(=[A-Z][A-Z_.|-]*)?//g;
		s/(?<![A-Za-z])-[A-Za-z?]\b//g;
		s/\S*[.\/\$@~=]\S*//g;
		s/\bpm-[a-z]+\b//g;
		s/\b[A-Z][A-Z0-9_]*\b//g;
		s/（(或 )?[a-z][a-z ,-]*( 或 [a-z-]+)?）//g;
		print "$1\n" while /([A-Za-z]{3,})/g;
	' "$1" | grep -vxE "${2:+$2|}$ALLOW"
}

# the verbs a --help lists, as an alternation for grep -E
verbs() {
	awk '/^  [a-z]/ { printf "%s%s", n++ ? "|" : "", $1 }' "$1"
}

# english FILE VERBS DESC: the help in FILE is Chinese throughout
all_chinese() {
	left=$(english "$1" "$2")
	if [ -z "$left" ] && [ -s "$1" ]; then
		ok "$3"
	else
		# shellcheck disable=SC2086  # a diagnostic line per word
		not_ok "$3" "English left:" $left "$(diag_last)"
	fi
}

LC_ALL=zh_CN.UTF-8
export LC_ALL

run pm-admin init --estate 阳光花园
is_rc 0 "init"
out_has "已创建" "init reports in Chinese"

# --help: the verb list, and a verb's options (argp's own lines too)
run pm-admin --help
is_rc 0 "pm-admin --help"
out_has "用法：pm-admin VERB" "the usage line is Chinese"
out_has "命令：" "the verb list is headed in Chinese"
out_has "员工名册" "verb summaries are Chinese"
all_chinese "$T/out" "$(verbs "$T/out")" "pm-admin --help has no English beyond verbs and keywords"

run pm-admin staff add --help
is_rc 0 "pm-admin staff add --help"
out_has "用法： pm-admin staff add [OPTION...] NAME --dept DEPT --role ROLE" \
	"argp's usage line is Chinese, the placeholders stay"
out_has "把员工加入员工名册。" "the verb's description is Chinese"
out_has "电话号码" "option help is Chinese"
out_has "通用选项：" "the common options are headed in Chinese"
out_has "显示本帮助" "argp's own --help line is Chinese"
out_has "长选项必需或可选的参数" "and argp's closing note"
all_chinese "$T/out" "" "pm-admin staff add --help has no English beyond options and keywords"

for cmd in "pm-admin staff" "pm-owner" "pm-owner list" "pm-owner movein" \
    "pm-ticket" "pm-ticket new" "pm-ticket callback" "pm-survey" "pm-survey answer"; do
	# shellcheck disable=SC2086
	run $cmd --help
	all_chinese "$T/out" "$(verbs "$T/out")|${cmd#pm-* }" "$cmd --help is Chinese"
done

# an empty args_doc must not show the catalogue's header
run pm-admin init --help
out_lacks "Project-Id-Version" "no PO header in a usage line"
is "$(head -n 1 "$T/out")" "用法： pm-admin init [OPTION...]" "pm-admin init's usage line"

# errors: the dispatcher's, argp's and lib's
run pm-admin frobnicate
is_rc 64 "an unknown verb is a usage error"
is_err "pm-admin: 没有“frobnicate”命令（见“pm-admin --help”）" "and says so in Chinese"

run pm-admin staff add
is_rc 64 "a missing NAME is a usage error"
err_has "请给出员工姓名 NAME" "the verb's complaint is Chinese"
err_has "请用“pm-admin staff add --help”或“pm-admin staff add" "argp's pointer to --help is Chinese"

run pm-admin staff add 王芳 --dept 保卫处 --role clerk
is_rc 65 "an unknown department is refused"
err_has "未知部门“保卫处”（可选：service, engineering" "lib's message is Chinese, the keys listed as typed"

run pm-admin staff add 王芳 --dept service --role 管家 --phone 13812345678
is_rc 0 "staff add with a Chinese role"
run pm-admin staff add 李强 --dept 工程部 --role repair
is_rc 0 "staff add with a Chinese department"

# a keyword shown in Chinese: the department the register already has
run pm-admin staff add 王芳 --dept engineering --role repair
is_rc 65 "a second 王芳 is refused"
is_err "pm-admin: “王芳”已在员工名册中：请加以区分，如“王芳(工程部)”" \
	"the department is named in Chinese though it was typed in English"

# table headers in Chinese, csv and json keys in English
run pm-admin staff list -o table
is_rc 0 "staff list as a table"
is "$(head -n 1 "$T/out")" "姓名  部门    岗位      电话         负责区域  入职            离职" \
	"the table header is Chinese, aligned by display width"
is "$(sed -n 3p "$T/out")" "李强  工程部  维修                             2026年11月30日" \
	"keywords and dates in a table are written the Chinese way"
run pm-admin staff list -o csv
is "$(head -n 1 "$T/out")" "name,dept,role,phone,area,joined,left_on" "the csv header stays English"
run pm-admin staff list -o json
out_has '"name": "王芳", "dept": "service", "role": "butler"' "json keys and stored keywords stay English"

# keyword labels in a report: the complaint summary names category and
# status in Chinese
PM_USER=王芳
export PM_USER
run pm-ticket new --kind 投诉 --category leak --building 3 "楼上漏水"
is_rc 0 "a complaint is taken"
run pm-ticket stats --summary
is_rc 0 "the complaint summary"
out_has "按类别：渗漏 1" "the category is named in Chinese"
out_has "; 待派单" "and the status"
out_has "受理 1 件" "the summary is Chinese"

run pm-ticket show T2026-000001 -o table
out_has "[处理经过]" "a section of a record is headed in Chinese"
out_has "受理时间" "and its columns"
run pm-ticket show T2026-000001 -o json
out_has '"events": [' "json section keys stay English"

run pm-ticket list -o table
out_has "工单          受理时间" "the ticket list's header is Chinese"

# the same commands in English, so the checks above are not vacuous
LC_ALL=C.UTF-8
run pm-admin frobnicate
is_err "pm-admin: no verb 'frobnicate' (see 'pm-admin --help')" "in C.UTF-8 the message is English"
run pm-admin staff add --help
out_has "Usage: pm-admin staff add [OPTION...] NAME --dept DEPT --role ROLE" "and the help"
if english "$T/out" "" | grep -qx 'phone'; then ok "the English check sees English"
else not_ok "the English check sees English" "$(cat "$T/out")"; fi

done_testing
