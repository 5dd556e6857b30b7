#!/bin/sh
# batch and corpus add walk folders without entering linked folders: a link to .. or . made the
# walk branch at every level until the path length ran out (a hang). Linked files still count.
set -eu
bin=${DZ_BIN:-build/duizhao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/d" "$tmp/other"
printf '关于学习的报告\n一、存在问题\n学习不够深入，今年只读了两本书。\n' > "$tmp/d/a.txt"
printf '关于调研的报告\n一、存在问题\n调研不够深入，全年只下乡五天。\n' > "$tmp/other/b.txt"
ln -s .. "$tmp/d/up"
ln -s . "$tmp/d/self"
ln -s ../other/b.txt "$tmp/d/b.txt"
timeout 60 "$bin" batch --no-mtime "$tmp/d" > "$tmp/out" || { echo "FAIL: batch exit $? (hang?)"; exit 1; }
grep -q '交叉比对 2 个文件' "$tmp/out" || { echo "FAIL: batch files"; cat "$tmp/out"; exit 1; }
timeout 60 "$bin" corpus add --db "$tmp/c.db" "$tmp/d" > "$tmp/out2" || { echo "FAIL: corpus add exit $? (hang?)"; exit 1; }
grep -q '加入 2 个文档' "$tmp/out2" || { echo "FAIL: corpus add count"; cat "$tmp/out2"; exit 1; }
echo "folder links ok"
