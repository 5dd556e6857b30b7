#!/bin/sh
# fmt and fix refuse to write over their own input (fmt a.txt -o a.txt replaced the only copy of
# the text with a .docx): exit 2, a Chinese message, and the input left as it was.
set -eu
bin=${DZ_BIN:-build/duizhao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '关于工作的报告\n一、存在问题\n我们要再接再励。\n' > "$tmp/a.txt"
cp "$tmp/a.txt" "$tmp/orig.txt"
for cmd in fmt fix; do
  rc=0; "$bin" $cmd "$tmp/a.txt" -o "$tmp/../$(basename "$tmp")/a.txt" > /dev/null 2> "$tmp/err" || rc=$?
  [ "$rc" = 2 ] || { echo "FAIL: $cmd onto its input exits $rc"; exit 1; }
  grep -q '就是输入文件' "$tmp/err" || { echo "FAIL: $cmd message"; cat "$tmp/err"; exit 1; }
  cmp -s "$tmp/a.txt" "$tmp/orig.txt" || { echo "FAIL: $cmd overwrote its input"; exit 1; }
done
"$bin" fmt "$tmp/a.txt" -o "$tmp/a.docx"
"$bin" fix "$tmp/a.docx" -o "$tmp/b.docx" > /dev/null || [ $? = 1 ]
rc=0; "$bin" fix "$tmp/a.docx" -o "$tmp/a.docx" > /dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || { echo "FAIL: fix of a .docx onto itself exits $rc"; exit 1; }
echo "output-is-input refused"
