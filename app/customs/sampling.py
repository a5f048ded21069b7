"""Random sampling of declarations (Đ13.1b), reproducible: the officer picks the
criteria (area, channel, period, declaration type, office…) and k; the client takes
the candidates (the 11-digit keys the criteria select, sorted), a seed from
`secrets`, and ranks every candidate by HMAC-SHA256(seed, key): the k first are the
sample. `random.sample` is not used — its algorithm may change between Python
versions; a keyed hash of the key does not.

Each draw is kept (`customs_sample`, insert-only) with the criteria, the seed, the
candidates and their SHA-256, k, the sample, who and when, and written in the duty
log — redraws too, naming the draw they replace and why. `verify(id)` draws again
from what was kept and says whether the sample and the candidates' hash agree."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock, fmt_local
from app.customs.records import CHANNEL_VI
from app.customs.views import DeclarationFilter, filter_where
from app.db.changes import record_change
from app.db.engine import Database
from app.db.models import CustomsDeclaration, CustomsSample
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.topics import Topic

log = logs.get("customs.sampling")

MAX_K = 500


@dataclass(frozen=True)
class SampleCriteria:
    """What the candidates are: the declarations of the desk that match."""

    channels: tuple[str, ...] = ()
    office: str = ""
    area: str = ""
    type_code: str = ""
    system: str = ""
    registered_from: datetime | None = None
    registered_to: datetime | None = None

    def to_filter(self) -> DeclarationFilter:
        return DeclarationFilter(channels=self.channels, office=self.office, area=self.area,
                                 type_code=self.type_code, system=self.system,
                                 registered_from=self.registered_from,
                                 registered_to=self.registered_to)

    def to_json(self) -> str:
        data = asdict(self)
        for key in ("registered_from", "registered_to"):
            data[key] = data[key].isoformat() if data[key] is not None else None
        data["channels"] = list(self.channels)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SampleCriteria:
        data = json.loads(text)
        for key in ("registered_from", "registered_to"):
            data[key] = datetime.fromisoformat(data[key]) if data.get(key) else None
        data["channels"] = tuple(data.get("channels") or ())
        return cls(**data)

    def text_vi(self) -> str:
        """The criteria as the duty log says them."""
        parts = []
        if self.channels:
            parts.append("luồng " + ", ".join(CHANNEL_VI.get(c, c) for c in self.channels))
        if self.office:
            parts.append(f"hải quan {self.office}")
        if self.area:
            parts.append(f"khu vực {self.area}")
        if self.type_code:
            parts.append(f"loại hình {self.type_code}")
        if self.system:
            parts.append(f"hệ thống {self.system.upper()}")
        if self.registered_from or self.registered_to:
            parts.append(f"đăng ký từ {fmt_local(self.registered_from) or '…'} đến "
                         f"{fmt_local(self.registered_to) or '…'}")
        return "; ".join(parts) or "mọi tờ khai của trực ban"


def rank(seed: bytes, key: str) -> bytes:
    return hmac.new(seed, key.encode("ascii"), hashlib.sha256).digest()


def draw_from(seed: bytes, candidates: list[str], k: int) -> list[str]:
    """The k candidates of smallest HMAC-SHA256(seed, key), in that order."""
    return sorted(candidates, key=lambda c: (rank(seed, c), c))[:k]


def candidates_sha256(candidates: list[str]) -> str:
    return hashlib.sha256(" ".join(sorted(candidates)).encode("ascii")).hexdigest()


@dataclass(frozen=True)
class SampleView:
    id: int
    criteria: SampleCriteria
    seed: str
    candidate_count: int
    candidates_sha256: str
    k: int
    sample: list[str]                 # 11-digit keys, in rank order
    numbers: list[str]                # their 12-digit numbers as known when drawn
    drawn_by: int
    drawn_at: datetime
    redraw_of: int | None
    log_entry_id: int


@dataclass(frozen=True)
class SampleCheck:
    ok: bool
    hash_ok: bool
    recorded: list[str]
    drawn_again: list[str]


class Sampling:
    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog

    def draw(self, actor: CurrentUser, desk_id: int, criteria: SampleCriteria, k: int,
             redraw_of: int | None = None, reason: str = "") -> SampleView:
        require(actor, Permission.LOG_WRITE)
        if not 1 <= k <= MAX_K:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Draw between 1 and {count} declarations."), count=MAX_K)
        reason = " ".join(reason.split())
        if redraw_of is not None and len(reason) < 5:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Say why the sample is drawn again (at least 5 characters)."))
        d = CustomsDeclaration
        with self.db.write() as s:
            if redraw_of is not None and s.get(CustomsSample, redraw_of) is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown sample {id}."),
                               id=redraw_of)
            rows = s.execute(filter_where(select(d.key, d.number), desk_id,
                                          criteria.to_filter(), self.db.is_postgres)).all()
            numbers = {key: number for key, number in rows}
            candidates = sorted(numbers)
            if not candidates:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "No declaration matches these criteria: nothing to draw from."))
            seed = secrets.token_bytes(32)
            sample = draw_from(seed, candidates, k)
            digest = candidates_sha256(candidates)
            again = f" (chọn lại lượt #{redraw_of}: {reason})" if redraw_of is not None else ""
            entry = self.dutylog.append_in(s, actor, desk_id, EntryDraft(
                kind=EntryKind.WORK,
                content=f"Chọn ngẫu nhiên {len(sample)} trong {len(candidates)} tờ khai để "
                        f"kiểm tra (Đ13.1b){again}. Tiêu chí: {criteria.text_vi()}. Kết quả: "
                        f"{', '.join(numbers[key] for key in sample)}. Mã ngẫu nhiên "
                        f"{seed.hex()}, băm SHA-256 danh sách {digest}.",
                scope="Chọn ngẫu nhiên tờ khai"))
            row = CustomsSample(
                desk_id=desk_id, criteria=criteria.to_json(), seed=seed.hex(),
                candidates=" ".join(candidates), candidates_sha256=digest,
                candidate_count=len(candidates), k=k, sample=" ".join(sample),
                drawn_by=actor.id, drawn_at=self.clock.now(), redraw_of=redraw_of,
                redraw_reason=reason or None, log_entry_id=entry.id)
            s.add(row)
            s.flush()
            record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
            log.info("sample #%s: %d of %d by %s", row.id, len(sample), len(candidates),
                     actor.username)
            return SampleView(row.id, criteria, row.seed, len(candidates), digest, k, sample,
                              [numbers[key] for key in sample], actor.id, row.drawn_at,
                              redraw_of, entry.id)

    def verify(self, sample_id: int) -> SampleCheck:
        """Draws the kept sample again from its seed and candidates."""
        with self.db.read() as s:
            row = s.get(CustomsSample, sample_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown sample {id}."),
                               id=sample_id)
            candidates = row.candidates.split()
            recorded = row.sample.split()
            again = draw_from(bytes.fromhex(row.seed), candidates, row.k)
            hash_ok = candidates_sha256(candidates) == row.candidates_sha256
            return SampleCheck(again == recorded and hash_ok, hash_ok, recorded, again)


__all__ = ["MAX_K", "SampleCheck", "SampleCriteria", "SampleView", "Sampling",
           "candidates_sha256", "draw_from", "rank"]
