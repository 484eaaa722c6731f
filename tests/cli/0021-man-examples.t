#!/bin/sh
# every EXAMPLES block of every man page with a set-up in tests/examples
# runs as written: each "$ command" line in one shell, in order, on a
# fresh database; the lines under a command, when there are any, are its
# exact output; every command must exit 0 (or 1, for checking verbs)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

# the commands and expected outputs of man page $1, as a runnable script
# and one expected-output file per command in $2
extract() {
	awk -v dir="$2" '
	/^\.Sh / { inex = ($2 == "EXAMPLES") }
	inex && /^\.Bd -literal/ { lit = 1; next }
	inex && /^\.Ed/ { lit = 0; next }
	lit {
		gsub(/\\e/, "\\"); gsub(/\\&/, ""); gsub(/\\-/, "-")
		if (substr($0, 1, 2) == "$ ") {
			n++
			printf "%s > out.%d 2> err.%d; echo $? > rc.%d\n", substr($0, 3), n, n, n > (dir "/script")
			printf "" > (dir "/want." n)
			next
		}
		if (n) print > (dir "/want." n)
	}
	END { print n > (dir "/count") }' "$1"
}

for setup in "$PM_TOP"/tests/examples/*.sh; do
	page=$(basename "$setup" .sh)
	w=$T/$page
	mkdir -p "$w"
	extract "$PM_TOP/man/$page" "$w"
	n=$(cat "$w/count")
	[ "$n" -gt 0 ] || { not_ok "$page has examples"; continue; }
	rm -f "$PM_DB"*
	(cd "$w" && . "$setup" && . ./script) > /dev/null 2>&1
	i=1
	while [ "$i" -le "$n" ]; do
		cmd=$(sed -n "${i}p" "$w/script" | sed 's/ > out\..*//')
		r=$(cat "$w/rc.$i" 2>/dev/null || echo missing)
		case $r in
		0|1) ok "$page: $cmd" ;;
		*) not_ok "$page: $cmd" "exit $r" "$(head -5 "$w/err.$i" 2>/dev/null)" ;;
		esac
		if [ -s "$w/want.$i" ]; then
			holds "$page: output of: $cmd" cmp -s "$w/want.$i" "$w/out.$i"
		fi
		i=$((i + 1))
	done
done

done_testing
