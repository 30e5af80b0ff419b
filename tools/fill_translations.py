"""Refresh `resources/translations/paneldesk_en.ts` after UI strings changed.

    python tools/fill_translations.py [ZH<TAB>EN files...]

Runs Qt's `lupdate` over every module in `app/`, `ui/` and `scoring/` (dropping strings no longer
used; the core marks its interface strings with `app.i18n.QT_TRANSLATE_NOOP`), then
fills each untranslated entry from the given tab-separated "中文<TAB>English" files, or
else from lupdate's same-text guess (the same Chinese already translated in another
context).  Prints whatever is still untranslated; `tests/ui/test_i18n.py` fails until
nothing is.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ui.i18n import find_lrelease  # noqa: E402 — needs the path set above

TS_FILE = ROOT / "resources" / "translations" / "paneldesk_en.ts"
# Where interface strings are written (scoring marks its labels and explanations: scoring/wording.py).
SOURCE_PACKAGES = ("app", "ui", "scoring")


def read_pairs(files: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for name in files:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                zh, en = line.split("\t", 1)
                pairs[zh.replace("\\n", "\n")] = en.replace("\\n", "\n")
    return pairs


def main(argv: list[str]) -> int:
    lupdate = Path(find_lrelease()).with_name("lupdate")
    sources = sorted(str(path) for package in SOURCE_PACKAGES
                     for path in (ROOT / package).rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-ts", str(TS_FILE)], check=True)
    pairs = read_pairs(argv)
    tree = ET.parse(TS_FILE)
    left = []
    for message in tree.iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in pairs:
            translation.text = pairs[source]
        if (translation.text or "").strip():
            del translation.attrib["type"]
        else:
            left.append(source)
    tree.write(TS_FILE, encoding="utf-8", xml_declaration=True)
    for source in left:
        print("untranslated:", source)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
