#!/bin/sh
# `duizhao fix` must not rewrite a heading because a part or aspect is missing: those findings
# only point at the first line, and a suggestion there would replace 一、存在问题 with 原因剖析.
set -eu
bin=${DZ_BIN:-build/duizhao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '一、存在问题\n（一）理论学习方面\n一是学习不够，今年只读了2本书。\n三、整改措施\n（一）加强学习。\n' > "$tmp/a.txt"
"$bin" fix "$tmp/a.txt" -o "$tmp/a.docx" > /dev/null || true
"$bin" text "$tmp/a.docx" > "$tmp/out.txt"
head -n 1 "$tmp/out.txt" | grep -qx '一、存在问题' || { echo "FAIL: fix rewrote the first heading"; cat "$tmp/out.txt"; exit 1; }
grep -qx '（一）理论学习方面' "$tmp/out.txt" || { echo "FAIL: aspect heading changed"; cat "$tmp/out.txt"; exit 1; }
echo "fix keeps headings"
