#!/bin/sh
# the manual: every page clean under mandoc -Tlint, every verb and option
# of pm-admin documented in pm-admin(1), and its EXAMPLES runnable
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

MAN=$PM_TOP/man

# every page, translations (man/LANG/) too: mandoc -Tlint -Wwarning says
# nothing at all
for page in "$MAN"/*.[1-8] "$MAN"/*/*.[1-8]; do
	[ -f "$page" ] || continue
	name=${page#"$MAN"/}
	run mandoc -Tlint -Wwarning "$page"
	is_rc 0 "$name: mandoc -Tlint exits 0"
	holds "$name: no lint output on stdout" [ ! -s "$T/out" ]
	holds "$name: no lint output on stderr" [ ! -s "$T/err" ]
done
holds "pm-admin.1 is there" [ -f "$MAN/pm-admin.1" ]
holds "pm.7 is there" [ -f "$MAN/pm.7" ]
holds "zh_CN/pm.7 is there" [ -f "$MAN/zh_CN/pm.7" ]
# every page of man/ has its Chinese translation
for page in "$MAN"/*.[1-8]; do
	holds "zh_CN/${page##*/} is there" [ -f "$MAN/zh_CN/${page##*/}" ]
done
# roff joins source lines with a space, which Chinese does not want
# after its punctuation (issue 19 item 7): a line ends in \c instead
for page in "$MAN"/zh_CN/*.[1-8]; do
	mandoc -T utf8 "$page" | col -b > "$T/zh.txt"
	is "$(grep -c '[，：；、。] ' "$T/zh.txt")" 0 "${page#"$MAN"/}: no space after a full-width comma, colon or stop"
done

# a translation keeps its original's structure: the same sections, list
# items and cross-references, and the same examples, character for character
for page in "$MAN"/*/*.[1-8]; do
	[ -f "$page" ] || continue
	name=${page#"$MAN"/}
	orig=$MAN/${page##*/}
	holds "$name translates a page of man/" [ -f "$orig" ]
	[ -f "$orig" ] || continue
	for m in Sh It Bl El Bd Ed; do
		is "$(grep "^\.$m\( \|\$\)" "$page")" "$(grep "^\.$m\( \|\$\)" "$orig")" \
			"$name has the .$m lines of ${page##*/}"
	done
	is "$(grep -o '^\.Xr [^ ]* [1-9]' "$page")" "$(grep -o '^\.Xr [^ ]* [1-9]' "$orig")" \
		"$name cross-references what ${page##*/} does"
	is "$(sed -n '/^\.Bd/,/^\.Ed/p' "$page")" "$(sed -n '/^\.Bd/,/^\.Ed/p' "$orig")" \
		"$name has the examples of ${page##*/}"
done

# documented: a word that mandoc renders, as plain text of the page
mandoc -Tascii "$MAN/pm-admin.1" | col -b > "$T/pm-admin.txt"
mandoc -Tascii "$MAN/pm.7" | col -b > "$T/pm.txt"

# verbs LIST: the verbs "pm-admin [SUB] --help" lists, one a line
verbs() {
	pm-admin "$@" --help | sed -n '/^Verbs:/,/^$/s/^  \([a-z][a-z-]*\)  .*/\1/p'
}
# long options of "pm-admin VERB... --help", without argp's own
options() {
	pm-admin "$@" --help | sed -n 's/^ *\(-[^ ], \)\{0,1\}--\([a-z][a-z-]*\).*/\2/p' |
		grep -v -x -e help -e usage -e version
}

for verb in $(verbs); do
	holds "pm-admin $verb is in pm-admin(1)" grep -q "^\.It Cm $verb\( \|$\)" "$MAN/pm-admin.1"
done
for sub in staff settings; do
	for verb in $(verbs "$sub"); do
		# ".It Cm staff add", or ".It Cm staff Oo Cm list Oc" for the default
		holds "pm-admin $sub $verb is in pm-admin(1)" \
			grep -q "^\.It Cm $sub \(Oo Cm \)\{0,1\}$verb\( \|$\)" "$MAN/pm-admin.1"
	done
done
for verb in init migrate backup restore check log "staff add" "staff list" "staff set" "staff leave" \
	"settings list" "settings get" "settings set"; do
	# shellcheck disable=SC2086 # the sub-verb splits on purpose
	for opt in $(options $verb); do
		holds "pm-admin $verb --$opt is in pm-admin(1)" grep -q -e "--$opt" "$T/pm-admin.txt"
	done
done
for word in PM_DB PM_NOW PM_USER PM_BUSY_TIMEOUT PM_LOCALEDIR; do
	holds "pm-admin(1) ENVIRONMENT has $word" grep -q "^\.It Ev $word" "$MAN/pm-admin.1"
	holds "pm(7) ENVIRONMENT has $word" grep -q "^\.It Ev $word" "$MAN/pm.7"
done
for code in 0 1 64 65 66 70 71 73 74 75 78; do
	holds "pm-admin(1) EXIT STATUS has $code" grep -q "^\.It $code\$" "$MAN/pm-admin.1"
	holds "pm(7) EXIT STATUS has $code" grep -q "^\.It $code\$" "$MAN/pm.7"
done
for prog in pm-admin pm-owner pm-ticket pm-fee pm-reno pm-survey; do
	holds "pm(7) describes $prog" grep -q "^\.It Xr $prog 1" "$MAN/pm.7"
done
for sect in NAME SYNOPSIS DESCRIPTION "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
	holds "pm-admin(1) has $sect" grep -q "^\.Sh $sect\$" "$MAN/pm-admin.1"
done

# the EXAMPLES of pm-admin(1) that are pm-admin commands run, in order,
# on a new database
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /{/^\.Bd/,/^\.Ed/{/^pm-admin /p;};}' "$MAN/pm-admin.1" |
	sed 's/\\e/\\/g' > "$T/examples"
holds "pm-admin(1) has examples to run" [ "$(wc -l < "$T/examples")" -ge 5 ]
cd "$T" || exit 1
while IFS= read -r line; do
	run_in /dev/null sh -c "$line"
	is_rc 0 "example: $line"
done < "$T/examples"
holds "the examples left a log for Excel" [ -s "$T/log.csv" ]

done_testing
