"""The organisation's names are set once (documents.yaml `names:`) and the screens,
the duty log and the papers say them alike: no text of the client speaks of the
"Tổng cục" of 2017 any more, except where a document cites a decision signed under
that name."""

from __future__ import annotations

from pathlib import Path

from app.auth import ROLE_NAMES, Role
from app.org_names import NAMES, TEMPLATES_FILE, OrgNames
from app.workflow.open_items import STATE_VI

ROOT = Path(__file__).resolve().parent.parent


def test_names_come_from_the_templates_file(tmp_path):
    assert OrgNames.load(TEMPLATES_FILE) == NAMES
    assert (NAMES.agency, NAMES.head) == ("Cục Hải quan", "Cục trưởng")
    site = tmp_path / "documents.yaml"
    site.write_text("names:\n  agency: Cục Hải quan Việt Nam\n  head: Cục trưởng Cục HQ\n",
                    encoding="utf-8")
    loaded = OrgNames.load(site)
    assert (loaded.agency, loaded.head, loaded.office) == (
        "Cục Hải quan Việt Nam", "Cục trưởng Cục HQ", OrgNames().office)
    assert OrgNames.load(tmp_path / "missing.yaml") == OrgNames()


def test_screens_and_log_use_them():
    assert ROLE_NAMES[Role.DIRECTOR].startswith(NAMES.head)
    assert NAMES.leadership in STATE_VI["director_review"]


def test_no_text_of_the_client_speaks_of_the_general_department():
    # the print models (app/documents/papers.py) keep the 2017 template's wording as
    # their defaults, which the issuer overrides with today's names; the renderers in
    # forms/ print what they are given
    sources = [*(ROOT / "app").rglob("*.py"), *(ROOT / "widgets").rglob("*.py"),
               ROOT / "resources" / "i18n" / "dutyroom_vi.ts"]
    found = [f"{p.relative_to(ROOT)}:{n}" for p in sources
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if "Tổng cục" in line and p.name not in ("org_names.py", "papers.py")]
    assert found == []
    # the templates: only in the citations of decisions signed under that name
    for n, line in enumerate(TEMPLATES_FILE.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#")[0]  # comments say what the names were
        if "Tổng cục" in line:
            assert "Quyết định" in line or "Tổng cục trưởng" in line or \
                "Tổng cục Hải quan" in line, f"documents.yaml:{n}: {line}"
