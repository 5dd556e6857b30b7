#!/bin/sh
# The CLI must not link the libraries it loads on demand (docs/architecture.md, "Dependencies
# loaded on demand"): a direct call to one of them would bring back its start-up cost for
# every command. The check reads the dynamic section's NEEDED entries.
set -eu
command -v readelf >/dev/null || { echo "readelf missing: skipped"; exit 77; }
needed=$(readelf -d "$DZ_BIN" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || { echo "no NEEDED entries read from $DZ_BIN" >&2; exit 1; }
bad=$(printf '%s\n' "$needed" | grep -E '^lib(microhttpd|icu[a-z0-9]*|zip|IMECore|Fcitx5Utils|stdc\+\+)\.' || true)
if [ -n "$bad" ]; then
  echo "$DZ_BIN links libraries it should load on demand:" >&2
  printf '%s\n' "$bad" >&2
  exit 1
fi
echo "ok: $(printf '%s\n' "$needed" | tr '\n' ' ')"
