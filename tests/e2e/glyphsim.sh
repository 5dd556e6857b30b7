#!/bin/sh
# The glyph look-alike tool (tools/glyphsim.c): its measure on known pairs (alike, contained,
# unrelated), the table the build wrote (well-formed, at most 6 glyph partners a character,
# the classic pairs present, a code pair confirmed), and a clear failure on a missing font.
# Skipped (77) in a build without it (DZ_WITH_LIBIME=OFF).
set -eu
build=${DZ_BUILD_DIR:-build}
tool=$build/tools/dz_glyphsim
[ -x "$tool" ] || { echo "glyphsim not built: skipped"; exit 77; }
font=$(sed -n 's/^DZ_GLYPH_FONT:FILEPATH=//p' "$build/CMakeCache.txt")
jieba=$(sed -n 's/^DZ_JIEBA_DICT:FILEPATH=//p' "$build/CMakeCache.txt")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$tool" --show "$font" "$jieba" 大太 厂广 木术 人大 心必 为位 的是 和合 > "$tmp/show.txt"
kind() { awk -v p="$1" '$1 == p { print $(NF - 1) }' "$tmp/show.txt"; }
for p in 大太 厂广 木术; do
  [ "$(kind $p)" = a ] || { echo "FAIL: $p should be alike"; cat "$tmp/show.txt"; exit 1; }
done
for p in 人大 心必; do
  [ "$(kind $p)" = c ] || { echo "FAIL: $p: the first should be contained in the second"; cat "$tmp/show.txt"; exit 1; }
done
for p in 为位 的是 和合; do
  [ "$(kind $p)" = - ] || { echo "FAIL: $p should be unrelated"; cat "$tmp/show.txt"; exit 1; }
done

table=$build/data/glyphs.txt
[ -s "$table" ] || { echo "FAIL: $table missing or empty"; exit 1; }
awk -F'\t' 'NF != 4 || ($3 != "a" && $3 != "c" && $3 != "k") || $1 == $2 { print "FAIL: bad line " NR ": " $0; exit 1 }' "$table"
most=$(awk -F'\t' '$3 != "k"' "$table" | cut -f1,2 | tr '\t' '\n' | sort | uniq -c | sort -rn | awk 'NR == 1 { print $1 }')
[ "$most" -le 6 ] || { echo "FAIL: a character has $most glyph partners (at most 6)"; exit 1; }
grep -q "^言	信	k	\|^信	言	k	" "$table" || { echo "FAIL: 言/信 (codes two edits apart) not confirmed"; exit 1; }
for p in '大	太' '木	术' '己	已'; do
  a=${p%	*} b=${p#*	}
  grep -q "^$a	$b	\|^$b	$a	" "$table" || { echo "FAIL: $a/$b missing from the table"; exit 1; }
done

if "$tool" "$tmp/out.txt" "$tmp/no-such-font.ttc" "$jieba" 2> "$tmp/err.txt"; then
  echo "FAIL: a missing font was accepted"; exit 1
fi
grep -q "glyphsim: cannot open font: $tmp/no-such-font.ttc" "$tmp/err.txt" || { echo "FAIL: message"; cat "$tmp/err.txt"; exit 1; }
echo "glyphsim ok"
