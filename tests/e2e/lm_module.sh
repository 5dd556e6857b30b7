#!/bin/sh
# The language-model module (src/lexicon/lm_module.h): without it the spelling check behaves
# exactly as with the model switched off (DZ_LM=), and with it the model changes the findings
# on the spell golden text (so the first comparison is not between two model-less runs).
set -eu
txt=tests/cases/spell/golden.txt
with=$("$DZ_BIN" check --rules 'spell.*' "$txt" || true)
off=$(DZ_LM= "$DZ_BIN" check --rules 'spell.*' "$txt" || true)
none=$(DZ_LM_MODULE=/nonexistent/duizhao-lm.so "$DZ_BIN" check --rules 'spell.*' "$txt" || true)
if [ "$none" != "$off" ]; then
  echo "without the module the output differs from DZ_LM= (model off)" >&2
  exit 1
fi
if [ "$with" = "$off" ]; then
  echo "the module made no difference: it was not loaded, or the text does not exercise it" >&2
  exit 1
fi
echo "ok"
