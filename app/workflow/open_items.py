"""The workflow's open items in the shift handover: open incidents and open
requests, and the opinions given by phone still awaiting their countersignature
(`PhoneOpinionItems`: a required source, the handover is not signed without
them, Đ5.4b, Đ5.5), in Vietnamese record text."""

from __future__ import annotations

from app import logs
from app.clock import fmt_local
from app.db.models import Shift
from app.handover import OpenItem
from app.org_names import NAMES
from app.workflow.incidents import IncidentService
from app.workflow.requests import RequestService

log = logs.get("workflow")

# Open items are printed in the handover report (Vietnamese record text).
STATE_VI = {
    "new": "mới", "verified": "đã kiểm tra", "proposed": "chờ phê duyệt",
    "director_review": f"chờ ý kiến {NAMES.leadership}", "approved": "đã phê duyệt",
    "rejected": "không phê duyệt", "in_progress": "đang thực hiện",
    "result_reported": "đã có kết quả",
}
REQUEST_VI = {"sent": "đã gửi, chờ đơn vị nhận", "received": "chờ thông báo đầu mối",
              "acknowledged": "chờ báo cáo kết quả"}
OPINION_VI = {
    "verify": "kiểm tra, đối chiếu", "propose": "đề xuất xử lý",
    "act_directly": "trực tiếp xử lý", "approve": "đồng ý, phê duyệt",
    "reject": "không phê duyệt", "director_approve": f"đồng ý (ý kiến {NAMES.leadership})",
    "director_reject": f"không đồng ý (ý kiến {NAMES.leadership})",
}


class WorkflowOpenItems:
    """Open incidents and open requests, for the shift handover."""

    source = "workflow"

    def __init__(self, incidents: IncidentService, requests: RequestService) -> None:
        self.incidents = incidents
        self.requests = requests

    def open_items(self, desk_id: int, shift: Shift) -> list[OpenItem]:
        items = [OpenItem("workflow_incident", str(i.id), i.title,
                          detail=STATE_VI.get(i.state, i.state),
                          since=fmt_local(i.created_at))
                 for i in reversed(self.incidents.for_desk(desk_id, open_only=True))]
        for r in self.requests.for_desk(desk_id, open_only=True):
            due = r.ack_due_at if r.status == "received" else r.result_due_at
            detail = REQUEST_VI.get(r.status, r.status) + (f", hạn {fmt_local(due)}" if due
                                                            else "")
            items.append(OpenItem("request", str(r.id), f"{r.unit_name}: {r.subject}",
                                  detail=detail, since=fmt_local(r.created_at)))
        return items


class PhoneOpinionItems:
    """Opinions given by phone and recorded on the leader's behalf that he has not
    countersigned yet: each is an open item of every handover until he does (Đ5.4b,
    Đ8.2.3 c.2). `required`: a handover is not signed without listing them."""

    source = "phone_opinion"
    required = True

    def __init__(self, incidents: IncidentService) -> None:
        self.incidents = incidents

    def open_items(self, desk_id: int, shift: Shift) -> list[OpenItem]:  # noqa: ARG002
        return [OpenItem(self.source, str(step.id),
                         f"Ý kiến qua điện thoại của {decider} "
                         f"({OPINION_VI.get(step.action, step.action)}): {title}",
                         detail=f"do {recorder} ghi nhận; chờ {decider} xác nhận",
                         since=fmt_local(step.opinion_at or step.at))
                for step, title, decider, recorder
                in self.incidents.awaiting_countersign_listed(desk_id)]


__all__ = ["OPINION_VI", "PhoneOpinionItems", "REQUEST_VI", "STATE_VI", "WorkflowOpenItems"]
