#!/bin/sh
# make install into a DESTDIR puts every file in its conventional place;
# make uninstall removes exactly what install put
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

dest=$T/dest
run make -s -C "$PM_TOP" O="$PM_BUILD" install DESTDIR="$dest" PREFIX=/usr
is_rc 0 "make install DESTDIR=... PREFIX=/usr"
(cd "$dest" && find . -type f | sort) > "$T/files"
for b in "$PM_BUILD"/bin/pm-*; do
	b=${b##*/}
	holds "$b is in /usr/bin" grep -qx "./usr/bin/$b" "$T/files"
	holds "$b(1) is in /usr/share/man/man1" grep -qx "./usr/share/man/man1/$b.1" "$T/files"
	holds "bash completes $b" grep -qx "./usr/share/bash-completion/completions/$b" "$T/files"
	holds "fish completes $b" grep -qx "./usr/share/fish/vendor_completions.d/$b.fish" "$T/files"
done
holds "pm(7) is installed" grep -qx "./usr/share/man/man7/pm.7" "$T/files"
# translated pages: man/LANG/PAGE.N in /usr/share/man/LANG/manN
for m in "$PM_TOP"/man/*/*.[1-8]; do
	[ -f "$m" ] || continue
	l=${m%/*}; l=${l##*/}; n=${m##*/}
	holds "$l $n is in /usr/share/man/$l/man${n##*.}" \
		grep -qx "./usr/share/man/$l/man${n##*.}/$n" "$T/files"
done
holds "the zh_CN pm(7) is installed" grep -qx "./usr/share/man/zh_CN/man7/pm.7" "$T/files"
holds "zsh completion is installed" grep -qx "./usr/share/zsh/vendor-completions/_pm" "$T/files"
for po in "$PM_TOP"/po/*.po; do
	[ -f "$po" ] || continue
	l=$(basename "$po" .po)
	holds "the $l catalogue is installed" grep -qx "./usr/share/locale/$l/LC_MESSAGES/pm-tools.mo" "$T/files"
done
holds "the binaries are executable" test -x "$dest/usr/bin/pm-owner"
run "$dest/usr/bin/pm-admin" --version
is_rc 0 "an installed binary runs"

run make -s -C "$PM_TOP" O="$PM_BUILD" uninstall DESTDIR="$dest" PREFIX=/usr
is_rc 0 "make uninstall"
(cd "$dest" && find . -type f) > "$T/left"
is "$(cat "$T/left")" "" "uninstall removes every file install put"

done_testing
