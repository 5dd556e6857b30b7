#!/bin/sh
# The public header compiles on its own as strict C17 and as C++17 (like libgit2's headertest).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#include <duizhao.h>\nint main(void) { return dz_version() ? 0 : 1; }\n' > "$tmp/t.c"
cc -std=c17 -pedantic -Wall -Wextra -Werror -fsyntax-only -Iinclude "$tmp/t.c"
cp "$tmp/t.c" "$tmp/t.cpp"
c++ -std=c++17 -pedantic -Wall -Wextra -Werror -fsyntax-only -Iinclude "$tmp/t.cpp"
echo "header ok: C17 and C++17"
