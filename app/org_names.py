"""The organisation's names, set once: the head agency, its head, its leadership,
its office and business departments. Since 2025 the General Department is "Cục Hải
quan" and its head "Cục trưởng"; the names come from the site's document templates
(`names:` in resources/site/templates/documents.yaml) and every text the client
writes or prints — duty-log entries, open items, role names, the appendices — takes
them from here. The decisions a text cites keep the names they were signed under."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from app.text import nfc

TEMPLATES_FILE = (Path(__file__).resolve().parent.parent / "resources" / "site" / "templates"
                  / "documents.yaml")


@dataclass(frozen=True)
class OrgNames:
    agency: str = "Cục Hải quan"
    head: str = "Cục trưởng"
    leadership: str = "lãnh đạo Cục"
    office: str = "Văn phòng Cục"
    office_desk: str = "Phòng Tổng hợp – bộ phận trực ban"
    business_department: str = "Ban nghiệp vụ"

    @classmethod
    def load(cls, path: Path = TEMPLATES_FILE) -> OrgNames:
        """The `names:` of a templates file; the defaults for what it leaves out."""
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            return cls()
        names = data.get("names") if isinstance(data, dict) else None
        known = {f.name for f in fields(cls)}
        return cls(**{k: nfc(str(v)).strip() for k, v in (names or {}).items() if k in known})


NAMES = OrgNames.load()
