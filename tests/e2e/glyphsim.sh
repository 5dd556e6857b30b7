#!/bin/sh
# The glyph look-alike tool (tools/glyphsim.c): its measure on known pairs (alike, contained,
# unrelated; the component measure), the table the build wrote (well-formed, at most 6 glyph
# partners a character, the classic pairs present, a code pair confirmed, component pairs
# present and a code-only one refused), and a clear failure on a missing font.
# Skipped (77) in a build without it (DZ_WITH_LIBIME=OFF).
set -eu
build=${DZ_BUILD_DIR:-build}
tool=$build/tools/dz_glyphsim
[ -x "$tool" ] || { echo "glyphsim not built: skipped"; exit 77; }
font=$(sed -n 's/^DZ_GLYPH_FONT:FILEPATH=//p' "$build/CMakeCache.txt")
jieba=$(sed -n 's/^DZ_JIEBA_DICT:FILEPATH=//p' "$build/CMakeCache.txt")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$tool" --show "$font" "$jieba" 大太 厂广 木术 人大 心必 为位 的是 和合 列例 电意 > "$tmp/show.txt"
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
# The component measure (the first squeezed into the second's right or bottom part): 列 fits
# 例, 电 does not fit 意 (Wubi spells 电 jnv inside 意 ujnu).
part() { awk -v p="$1" '$1 == p { split($7, v, "/"); print (v[1] >= 0.8) ? "yes" : "no" }' "$tmp/show.txt"; }
[ "$(part 列例)" = yes ] || { echo "FAIL: 列 should fit 例"; cat "$tmp/show.txt"; exit 1; }
[ "$(part 电意)" = no ] || { echo "FAIL: 电 should not fit 意"; cat "$tmp/show.txt"; exit 1; }

table=$build/data/glyphs.txt
[ -s "$table" ] || { echo "FAIL: $table missing or empty"; exit 1; }
awk -F'\t' 'NF != 4 || ($3 != "a" && $3 != "c" && $3 != "k" && $3 != "p") || $1 == $2 { print "FAIL: bad line " NR ": " $0; exit 1 }' "$table"
most=$(awk -F'\t' '$3 != "k" && $3 != "p"' "$table" | cut -f1,2 | tr '\t' '\n' | sort | uniq -c | sort -rn | awk 'NR == 1 { print $1 }')
[ "$most" -le 6 ] || { echo "FAIL: a character has $most glyph partners (at most 6)"; exit 1; }
grep -q "^言	信	k	\|^信	言	k	" "$table" || { echo "FAIL: 言/信 (codes two edits apart) not confirmed"; exit 1; }
for p in '列	例' '军	挥' '斗	科'; do
  a=${p%	*} b=${p#*	}
  grep -q "^$a	$b	p	\|^$b	$a	p	" "$table" || { echo "FAIL: $a/$b (component) missing from the table"; exit 1; }
done
! grep -q "^电	意	\|^意	电	" "$table" || { echo "FAIL: 电/意 (Wubi only, glyphs not alike) in the table"; exit 1; }
for p in '大	太' '木	术' '己	已'; do
  a=${p%	*} b=${p#*	}
  grep -q "^$a	$b	\|^$b	$a	" "$table" || { echo "FAIL: $a/$b missing from the table"; exit 1; }
done

if "$tool" "$tmp/out.txt" "$tmp/no-such-font.ttc" "$jieba" 2> "$tmp/err.txt"; then
  echo "FAIL: a missing font was accepted"; exit 1
fi
grep -q "glyphsim: cannot open font: $tmp/no-such-font.ttc" "$tmp/err.txt" || { echo "FAIL: message"; cat "$tmp/err.txt"; exit 1; }
echo "glyphsim ok"
