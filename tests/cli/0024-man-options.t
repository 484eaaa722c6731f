#!/bin/sh
# every verb and every option a binary's --help lists is in its man page
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

for bin in "$PM_BUILD"/bin/pm-*; do
	b=${bin##*/}
	page=$PM_TOP/man/$b.1
	holds "$b has a man page" test -f "$page"
	# the page as text, without mdoc's escapes
	mandoc -Tascii "$page" 2>/dev/null | col -b > "$T/page"
	missing=
	for verb in $("$bin" __complete verbs); do
		grep -qw -- "$verb" "$T/page" || missing="$missing $verb"
		subs=$("$bin" __complete verbs "$verb")
		for path in ${subs:+$(for s in $subs; do echo "$verb:$s"; done)} ${subs:-$verb}; do
			# shellcheck disable=SC2046
			"$bin" $(echo "$path" | tr : ' ') --help > "$T/help" 2>&1
			grep -o -- '--[a-z][a-z-]*' "$T/help" | sort -u > "$T/opts"
			while read -r o; do
				case $o in --help|--usage|--version) continue ;; esac
				grep -qF -- "$o" "$T/page" || missing="$missing $path:$o"
			done < "$T/opts"
		done
	done
	is "$missing" "" "$b(1) names every verb and option"
done

done_testing
