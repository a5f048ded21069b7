"""The customs integration gateway (datasources/contracts/customs-gateway.yaml) as
sources: one `CustomsFeedSource` per feed (declarations, the controlled area, the
e-Manifest, gate recognition, the risk blacklist), so the health board shows each
system behind the gateway on its own line (Đ15.1).

One poll reads one page with `requests` (the customer's choice): `GET
/v1/<feed>?since=<cursor>&limit=N` with the room's bearer token. Each item is read
into its record (app/customs/records.py); an item that breaks the contract or a
check goes to the quarantine with its reason, the rest of the page is kept. The
cursor moves only once the page is stored (`PollResult.on_stored`), and is kept in
the database (app/sources/cursors.py), so a console that restarts resumes where it
was with nothing lost, and nothing doubled (the ledger keeps a change once). A page
with more behind it is followed at once.

Faults become states with the reason in Vietnamese: refused, timed out or HTTP 5xx
→ down; 401/403 → login refused (Đ15.1b "không đăng nhập được"); a body that is not
the contract's JSON → protocol error; a cursor that goes back → protocol error too,
while the reading goes on: what was read already is passed over, nothing is lost."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import requests

from app.clock import Clock
from app.customs.ids import BadValue
from app.customs.records import Feed, parse
from app.source_health import SourceInfo
from app.sources import Rejection, SourceRecord
from datasources.base import (
    AuthFailed,
    PollingSource,
    PollResult,
    ProtocolError,
    Rng,
    SourceSettings,
    Unreachable,
)

KIND = "customs_gateway"

FEED_NAMES_VI = {
    Feed.DECLARATIONS: "Hệ thống thông quan (VCIS, V5) – tờ khai",
    Feed.AREA: "Hệ thống giám sát hàng hóa qua khu vực giám sát",
    Feed.MANIFESTS: "Hệ thống e-Manifest – bản khai hàng hóa",
    Feed.GATE: "Hệ thống nhận dạng container tại cổng",
    Feed.BLACKLIST: "Danh sách rủi ro (VCIS)",
}


class CursorStore(Protocol):
    """Where a paged source keeps its cursor (app/sources/cursors.py)."""

    def load(self, source_id: str) -> str | None: ...

    def save(self, source_id: str, cursor: str) -> None: ...


class MemoryCursors:
    """Cursors kept in memory only (a test, a console without a database)."""

    def __init__(self) -> None:
        self.cursors: dict[str, str] = {}

    def load(self, source_id: str) -> str | None:
        return self.cursors.get(source_id)

    def save(self, source_id: str, cursor: str) -> None:
        self.cursors[source_id] = cursor


@dataclass(frozen=True, kw_only=True)
class CustomsFeedSettings(SourceSettings):
    base_url: str = "http://127.0.0.1:8890"
    feed: str = Feed.DECLARATIONS.value
    token: str = ""
    page_limit: int = 500
    verify_tls: bool = True

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.base_url.startswith(("http://", "https://")):
            raise ValueError("customs gateway: base_url must be an http(s) URL")
        if self.feed not in {f.value for f in Feed}:
            raise ValueError(f"customs gateway: unknown feed {self.feed!r}")
        if not 1 <= self.page_limit <= 1000:
            raise ValueError("customs gateway: page_limit must be 1–1000")

    @classmethod
    def for_feed(cls, feed: Feed, base_url: str, token: str, *, unit_code: str | None = None,
                 interval_s: float = 10.0, **more: Any) -> CustomsFeedSettings:
        return cls(source_id=f"customs-{feed.value}", name=FEED_NAMES_VI[feed],
                   unit_code=unit_code, base_url=base_url.rstrip("/"), feed=feed.value,
                   token=token, interval_s=interval_s, **more)


def source_info(settings: CustomsFeedSettings) -> SourceInfo:
    """What the outage records say about the feed."""
    return SourceInfo(settings.source_id, KIND, settings.name, settings.unit_code,
                      f"{settings.base_url}/v1/{settings.feed}")


def _said(response: requests.Response) -> str:
    """The gateway's own words of an error reply (its Error object), short."""
    try:
        body = response.json()
        if isinstance(body, Mapping):
            text = str(body.get("message") or body.get("error") or "")
            return f"HTTP {response.status_code}: {' '.join(text.split())[:200]}".rstrip(": ")
    except ValueError:
        pass
    return f"HTTP {response.status_code}"


class GatewayClient:
    """HTTP to the gateway with the room's token (one requests.Session)."""

    def __init__(self, base_url: str, token: str, timeout_s: float,
                 verify_tls: bool = True) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s
        self.session = requests.Session()
        self.session.verify = verify_tls
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.headers["Accept"] = "application/json"

    def get(self, path: str, params: Mapping[str, str | int] | None = None) -> requests.Response:
        """A GET, its failures as the source's faults."""
        url = self.base_url + path
        try:
            response = self.session.get(url, params=params, timeout=self.timeout_s)
        except requests.Timeout:
            raise Unreachable(
                f"cổng tích hợp không trả lời trong {self.timeout_s:g} giây") from None
        except requests.ConnectionError as exc:
            raise Unreachable(f"không kết nối được cổng tích hợp: {_first_line(exc)}") from None
        except requests.RequestException as exc:
            raise ProtocolError(f"yêu cầu tới cổng tích hợp lỗi: {_first_line(exc)}") from None
        if response.status_code in (401, 403):
            raise AuthFailed(f"cổng tích hợp từ chối đăng nhập ({_said(response)})")
        if response.status_code >= 500:
            raise Unreachable(f"cổng tích hợp báo lỗi ({_said(response)})")
        if response.status_code != 200:
            raise ProtocolError(f"cổng tích hợp trả lời không mong đợi ({_said(response)})")
        return response

    def picture(self, path: str) -> bytes:
        """A gate read's picture (JPEG) by the path the read names."""
        if not path.startswith("/v1/"):
            raise ProtocolError(f"đường dẫn ảnh không hợp lệ: {path[:80]}")
        response = self.get(path)
        if not response.headers.get("Content-Type", "").startswith("image/"):
            raise ProtocolError("ảnh của lượt đọc không phải tệp ảnh")
        return response.content

    def close(self) -> None:
        self.session.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def read_page(feed: Feed, source_id: str, payload: object, now: Any, after_seq: int = 0
              ) -> tuple[list[SourceRecord], list[Rejection], str, bool, list[int]]:
    """(records, rejections, next cursor, has more, the items' change_seq) of a page;
    items of a change_seq ≤ `after_seq` (already read: a cursor went back) are passed
    over. ProtocolError when the page itself is not the contract's."""
    if not isinstance(payload, Mapping):
        raise ProtocolError("trang dữ liệu không phải đối tượng JSON")
    items, cursor, more = payload.get("items"), payload.get("next_cursor"), payload.get("has_more")
    if not isinstance(items, list) or not isinstance(cursor, str) or not isinstance(more, bool):
        raise ProtocolError("trang dữ liệu thiếu items, next_cursor hoặc has_more")
    records: list[SourceRecord] = []
    rejected: list[Rejection] = []
    seqs: list[int] = []
    for item in items:
        seq = item.get("change_seq") if isinstance(item, Mapping) else None
        if isinstance(seq, int) and not isinstance(seq, bool):
            seqs.append(seq)
            if seq <= after_seq:
                continue
        try:
            records.append(parse(feed, source_id, item))
        except BadValue as exc:
            raw = json.dumps(item, ensure_ascii=False, default=str).encode()
            rejected.append(Rejection(source_id, raw, str(exc), now))
    return records, rejected, cursor, more, seqs


class CustomsFeedSource(PollingSource[CustomsFeedSettings]):
    kind = KIND

    def __init__(self, settings: CustomsFeedSettings, clock: Clock,
                 cursors: CursorStore | None = None, rng: Rng | None = None) -> None:
        super().__init__(settings, clock, rng)
        self.feed = Feed(settings.feed)
        self.cursors: CursorStore = cursors or MemoryCursors()
        self._client: GatewayClient | None = None
        self._cursor: str | None = None
        self._loaded = False
        self._max_seq = 0
        self.pages = 0

    @property
    def cursor(self) -> str | None:
        return self._cursor

    def poll(self) -> PollResult:
        st = self.settings
        if not self._loaded:
            try:
                self._cursor = self.cursors.load(st.source_id)
            except Exception as exc:
                raise Unreachable(f"không đọc được vị trí đã nhận ({_first_line(exc)})") from exc
            self._loaded = True
        if self._client is None:
            self._client = GatewayClient(st.base_url, st.token, st.timeout_s, st.verify_tls)
        params: dict[str, str | int] = {"limit": st.page_limit}
        if self._cursor:
            params["since"] = self._cursor
        response = self._client.get(f"/v1/{self.feed.value}", params)
        try:
            payload = response.json()
        except ValueError:
            raise ProtocolError("cổng tích hợp trả về dữ liệu không phải JSON") from None
        records, rejected, cursor, more, seqs = read_page(
            self.feed, st.source_id, payload, self.clock.now(), self._max_seq)
        warning = ""
        if seqs and min(seqs) <= self._max_seq:
            # the gateway's cursor went back: what was read already is passed over (the
            # ledger would not store it twice either), the rest kept, and the reading
            # goes on; the state says it
            warning = (f"con trỏ phân trang của cổng tích hợp lùi lại (gửi lại thay đổi số "
                       f"{min(seqs)} trong khi đã nhận tới số {self._max_seq}); bỏ qua phần "
                       f"đã nhận, đọc tiếp")
        top = max(seqs, default=self._max_seq)

        def stored() -> None:
            self.cursors.save(st.source_id, cursor)
            self._cursor, self._max_seq = cursor, max(self._max_seq, top)
            self.pages += 1
            if more:
                self.poll_now()      # the rest of the backlog at once

        return PollResult(records, rejected, on_stored=stored, protocol_warning=warning)

    def picture(self, path: str) -> bytes:
        """A gate read's picture, on the caller's thread (a worker of the GUI)."""
        st = self.settings
        client = GatewayClient(st.base_url, st.token, st.timeout_s, st.verify_tls)
        try:
            return client.picture(path)
        finally:
            client.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


__all__ = ["FEED_NAMES_VI", "KIND", "CursorStore", "CustomsFeedSettings", "CustomsFeedSource",
           "GatewayClient", "MemoryCursors", "read_page", "source_info"]
