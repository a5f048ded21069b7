"""The state's format for official papers, in one place: Decree 30/2020/NĐ-CP on
clerical work (Nghị định về công tác văn thư), Appendix I "Thể thức, kỹ thuật
trình bày văn bản hành chính". Every form takes its paper, margins, face and sizes
from here; where the decree gives a range the value chosen is noted.

- Paper A4 (210 × 297 mm); tables may be laid landscape.
- Margins: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
- Face: a Times New Roman face in Unicode (TCVN 6909:2001), black: Liberation
  Serif, metric-compatible with it.
- Page numbers: Arabic figures, 13–14 pt upright, at the top centre of the page,
  none on the first page.
- Dates: day and month below 10 with a leading zero.
"""

from __future__ import annotations

from reportlab.lib.units import mm

# -- paper and margins (points) ------------------------------------------------------
MARGIN_TOP = 20 * mm          # 20–25
MARGIN_BOTTOM = 20 * mm       # 20–25
MARGIN_LEFT = 30 * mm         # 30–35
MARGIN_RIGHT = 15 * mm        # 15–20
PAGE_NUMBER_SIZE = 13         # 13–14, upright, top centre, not on page 1
PAGE_NUMBER_FROM = 2

# -- font sizes (points) ------------------------------------------------------------------
NATION_SIZE = 13              # Quốc hiệu: 12–13, bold, upper case
MOTTO_SIZE = 14               # Tiêu ngữ: 13–14, bold, the first letters capitals
AGENCY_PARENT_SIZE = 13       # cơ quan chủ quản: 12–13, upright, upper case
AGENCY_SIZE = 13              # cơ quan ban hành: 12–13, bold, upper case
NUMBER_SIZE = 13              # Số, ký hiệu: 13, upright
PLACE_DATE_SIZE = 14          # địa danh, ngày tháng: 13–14, italic
TITLE_SIZE = 14               # tên loại văn bản: 13–14, bold, upper case
SUBJECT_SIZE = 14             # trích yếu: 13–14, bold
BODY_SIZE = 13                # nội dung: 13–14
SIGNER_SIZE = 13              # quyền hạn, chức vụ, họ tên người ký: 13–14, bold
RECIPIENTS_HEAD_SIZE = 12     # "Nơi nhận:": 12, bold italic
RECIPIENTS_SIZE = 11          # the list: 11, upright

__all__ = [name for name in dir() if name.isupper()]
