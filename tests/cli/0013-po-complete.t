#!/bin/sh
# 0013-po-complete.t - po/zh_CN.po translates every message of the source
#
# The template is made afresh from lib/ and cmd/ (the Makefile's own pot
# rule, written into the temporary folder), po/zh_CN.po is merged with
# it as a translator would (msgmerge), and the merge must leave nothing
# untranslated and nothing fuzzy.  A string added to the C source
# without its translation fails here; po/README says what to do.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

PO=$PM_TOP/po/zh_CN.po

# the msgids of a PO file's entries, one a line (the header left out)
msgids() {
	msgcat --no-wrap --no-location "$1" 2>/dev/null | awk '
		/^msgid "/ { id = substr($0, 8, length($0) - 8); inid = 1; next }
		inid && /^"/ { id = id substr($0, 2, length($0) - 2); next }
		inid { if (id != "") print id; inid = 0 }'
}

run make -s --no-print-directory -C "$PM_TOP" POT="$T/pm-tools.pot" pot
is_rc 0 "make pot makes a template from the source"
if [ -s "$T/pm-tools.pot" ]; then ok "the template is not empty"
else not_ok "the template is not empty" "$(diag_last)"; fi
n_pot=$(msgids "$T/pm-tools.pot" | wc -l)
if [ "$n_pot" -gt 500 ]; then ok "the template has the messages ($n_pot)"
else not_ok "the template has the messages" "only $n_pot msgids"; fi

run msgfmt --check -o /dev/null "$PO"
is_rc 0 "msgfmt --check passes po/zh_CN.po (formats, header, newlines)"

run msgmerge --quiet -o "$T/merged.po" "$PO" "$T/pm-tools.pot"
is_rc 0 "msgmerge po/zh_CN.po with the fresh template"

msgattrib --untranslated --no-obsolete "$T/merged.po" > "$T/untranslated.po"
missing=$(msgids "$T/untranslated.po")
is "$missing" "" "every message of the source is translated"

msgattrib --only-fuzzy --no-obsolete "$T/merged.po" > "$T/fuzzy.po"
fuzzy=$(msgids "$T/fuzzy.po")
is "$fuzzy" "" "no translation is fuzzy after the merge (no msgid changed under it)"

msgattrib --only-fuzzy --no-obsolete "$PO" > "$T/fuzzy0.po"
is "$(msgids "$T/fuzzy0.po")" "" "po/zh_CN.po itself has no fuzzy entry"

run msgfmt --check --statistics -o /dev/null "$T/merged.po"
is_rc 0 "the merged catalogue passes msgfmt --check"
is "$(sed 's/\.$//' "$T/err")" "$n_pot translated messages" "msgfmt counts every message translated"

# the header: Chinese, one plural form, UTF-8
header=$(msgcat --no-wrap "$PO" | sed -n '/^msgid ""$/,/^$/p')
case $header in *'"Language: zh_CN\n"'*) ok "header: Language: zh_CN" ;;
*) not_ok "header: Language: zh_CN" "$header" ;; esac
case $header in *'"Plural-Forms: nplurals=1; plural=0;\n"'*) ok "header: one plural form" ;;
*) not_ok "header: one plural form" "$header" ;; esac
case $header in *'charset=UTF-8\n"'*) ok "header: charset UTF-8" ;;
*) not_ok "header: charset UTF-8" "$header" ;; esac

# "en" is the marker pm_keyword_label() reads: Chinese keyword names in
# tables only when it translates to exactly "zh"
zh=$(msgcat --no-wrap --no-location "$PO" | sed -n '/^msgid "en"$/{n;p;}')
is "$zh" 'msgstr "zh"' "the keyword marker 'en' translates to exactly 'zh'"

# the compiled catalogue the tests use says so too
run env LC_ALL=zh_CN.UTF-8 TEXTDOMAINDIR="$PM_BUILD/locale" gettext -d pm-tools en
is "$(cat "$T/out")" "zh" "the built pm-tools.mo answers 'zh' for 'en'"

done_testing
