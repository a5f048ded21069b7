#!/usr/bin/env bash
# Refresh the translation sources from the code (existing translations are kept),
# then translate the new entries (unfinished) with pyside6-linguist or an editor.
set -euo pipefail
cd "$(dirname "$0")/../.."
mapfile -t sources < <(git ls-files --cached --others --exclude-standard 'app/*.py' 'app/**/*.py' 'widgets/*.py' 'widgets/**/*.py' 'video/*.py' 'video/**/*.py' 'forms/*.py' | grep -v migrations)
.venv/bin/pyside6-lupdate "${sources[@]}" -no-obsolete -ts resources/i18n/dutyroom_vi.ts -target-language vi_VN
