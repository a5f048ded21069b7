"""Draws the demo sites' plan images (PNG) with Pillow: Cảng Đình Vũ and Cửa khẩu
quốc tế Hữu Nghị. Stylised, not surveyed: enough for the demo cameras' positions in
the YAML files next to this script to make sense. North is up; the scale is the
YAML's metres_per_pixel (0.5 m/px for Đình Vũ, 0.4 m/px for Hữu Nghị).

Run again after changing a drawing:  .venv/bin/python resources/site/plans/draw_plans.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
W, H = 1600, 1000
LAND, PAVED, ROAD, LINE = "#1e262e", "#29323c", "#3a4450", "#8b949e"
BUILDING, OUTLINE, TEXT = "#31455a", "#8aa4bf", "#c9d1d9"
WATER, GRASS = "#10304a", "#1f3326"
CONTAINERS = ("#7a4a3a", "#3f5f7a", "#6a6a3a", "#4a6a52")
_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
          str(HERE.parent.parent / "fonts" / "DejaVuSerifCondensed.ttf"))


def font(size: int) -> ImageFont.ImageFont:
    for path in _FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def label(d: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int = 18,
          colour: str = TEXT) -> None:
    f = font(size)
    box = d.textbbox((0, 0), text, font=f)
    w, h = box[2] - box[0], box[3] - box[1]
    d.text((xy[0] - w / 2, xy[1] - h / 2), text, font=f, fill=colour)


def grid(d: ImageDraw.ImageDraw, step_px: int) -> None:
    for x in range(0, W, step_px):
        d.line([(x, 0), (x, H)], fill="#232c35", width=1)
    for y in range(H, 0, -step_px):
        d.line([(0, y), (W, y)], fill="#232c35", width=1)


def road(d: ImageDraw.ImageDraw, a: tuple[int, int], b: tuple[int, int], width: int) -> None:
    d.line([a, b], fill=ROAD, width=width)
    # dashed centre line
    n = max(1, int(((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 // 24))
    for i in range(0, n, 2):
        p = (a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n)
        q = (a[0] + (b[0] - a[0]) * (i + 1) / n, a[1] + (b[1] - a[1]) * (i + 1) / n)
        d.line([p, q], fill="#6e7681", width=2)


def building(d: ImageDraw.ImageDraw, box: tuple[int, int, int, int], name: str = "",
             size: int = 17) -> None:
    d.rectangle(box, fill=BUILDING, outline=OUTLINE, width=2)
    if name:
        label(d, ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), name, size)


def container_blocks(d: ImageDraw.ImageDraw, box: tuple[int, int, int, int],
                     rows: int, cols: int) -> None:
    x0, y0, x1, y1 = box
    bw, bh = (x1 - x0) / cols, (y1 - y0) / rows
    for r in range(rows):
        for c in range(cols):
            colour = CONTAINERS[(r * 3 + c) % len(CONTAINERS)]
            d.rectangle((x0 + c * bw + 3, y0 + r * bh + 4, x0 + (c + 1) * bw - 3,
                         y0 + (r + 1) * bh - 4), fill=colour, outline="#11161c")


def gate(d: ImageDraw.ImageDraw, box: tuple[int, int, int, int], lanes: int,
         vertical: bool) -> None:
    d.rectangle(box, fill=PAVED, outline=OUTLINE, width=2)
    x0, y0, x1, y1 = box
    for i in range(1, lanes):
        if vertical:
            x = x0 + (x1 - x0) * i / lanes
            d.line([(x, y0), (x, y1)], fill="#e6edf3", width=2)
        else:
            y = y0 + (y1 - y0) * i / lanes
            d.line([(x0, y), (x1, y)], fill="#e6edf3", width=2)
    # the canopy and its barriers
    if vertical:
        ym = (y0 + y1) / 2
        d.line([(x0, ym), (x1, ym)], fill="#f0b429", width=4)
    else:
        xm = (x0 + x1) / 2
        d.line([(xm, y0), (xm, y1)], fill="#f0b429", width=4)


def title(d: ImageDraw.ImageDraw, text: str) -> None:
    d.rectangle((0, 0, W, 34), fill="#0d1117")
    label(d, (W / 2, 17), text, 20, "#e6edf3")


def north(d: ImageDraw.ImageDraw) -> None:
    x, y = W - 40, 70
    d.polygon([(x, y - 22), (x - 10, y + 10), (x, y + 4), (x + 10, y + 10)], fill="#e6edf3")
    label(d, (x, y + 24), "B", 16)   # Bắc


def dinh_vu() -> Image.Image:
    """Cảng Đình Vũ, 0.5 m per pixel (800 × 500 m)."""
    img = Image.new("RGB", (W, H), LAND)
    d = ImageDraw.Draw(img)
    grid(d, 100)                                   # 50 m
    # the river and the quay along the south
    d.rectangle((0, 860, W, H), fill=WATER)
    label(d, (1250, 950), "Sông Bạch Đằng", 22, "#6fa8dc")
    d.rectangle((380, 770, 1560, 860), fill=PAVED, outline=OUTLINE, width=2)
    label(d, (1350, 815), "Cầu tàu số 1", 18)
    for i in range(11):                            # bollards
        d.ellipse((400 + i * 105, 852, 408 + i * 105, 860), fill="#e6edf3")
    # a ship at the berth and two quay cranes
    d.polygon([(520, 872), (1180, 872), (1220, 905), (1180, 938), (520, 938)],
              fill="#4b5563", outline="#9ca3af")
    label(d, (840, 905), "Tàu đang làm hàng", 16)
    for cx in (700, 930):
        d.rectangle((cx - 30, 780, cx + 30, 850), outline="#f0b429", width=4)
        d.line([(cx, 780), (cx, 900)], fill="#f0b429", width=3)
    # access road and gate A on the west, gate B on the north-east
    road(d, (30, 34), (30, H - 140), 50)
    road(d, (0, 120), (W, 120), 44)
    label(d, (820, 120), "Đường Đình Vũ", 16)
    gate(d, (60, 150, 200, 250), 4, vertical=False)
    label(d, (130, 270), "Cổng A", 18)
    gate(d, (1280, 142, 1400, 232), 3, vertical=True)
    label(d, (1340, 252), "Cổng B", 18)
    # internal roads
    road(d, (200, 200), (1560, 200), 34)
    road(d, (400, 200), (400, 760), 34)
    road(d, (930, 200), (930, 760), 34)
    road(d, (400, 740), (1560, 740), 30)
    # the inspection area with the scanner
    d.rectangle((60, 300, 360, 560), fill=PAVED, outline=OUTLINE, width=2)
    label(d, (210, 322), "Khu vực kiểm tra thực tế hàng hóa", 14)
    building(d, (110, 380, 300, 430), "Máy soi container", 15)
    for i in range(4):                             # inspection bays
        d.rectangle((80 + i * 70, 470, 140 + i * 70, 540), outline="#e6edf3", width=2)
    label(d, (210, 580), "Bãi kiểm hóa", 15)
    # container yards
    d.rectangle((430, 230, 900, 720), fill=PAVED, outline=OUTLINE, width=2)
    container_blocks(d, (450, 270, 880, 700), 7, 5)
    label(d, (665, 250), "Bãi container số 1", 17)
    d.rectangle((960, 420, 1560, 720), fill=PAVED, outline=OUTLINE, width=2)
    container_blocks(d, (980, 460, 1540, 700), 4, 7)
    label(d, (1100, 440), "Bãi container số 2", 17)
    # the CFS warehouse and the customs office
    building(d, (1000, 240, 1450, 370), "Kho CFS", 20)
    building(d, (230, 40 + 110, 380, 130 + 110), "", 14)
    label(d, (305, 195), "Hải quan", 14)
    title(d, "Cảng Đình Vũ — mặt bằng bố trí camera (minh họa)")
    north(d)
    return img


def huu_nghi() -> Image.Image:
    """Cửa khẩu quốc tế Hữu Nghị, 0.4 m per pixel (640 × 400 m)."""
    img = Image.new("RGB", (W, H), LAND)
    d = ImageDraw.Draw(img)
    grid(d, 125)                                   # 50 m
    # the border in the north
    d.rectangle((0, 34, W, 110), fill="#2a2420")
    label(d, (200, 70), "TRUNG QUỐC", 18, "#a0a0a0")
    for x in range(0, W, 30):
        d.line([(x, 112), (x + 18, 112)], fill="#f85149", width=4)
    label(d, (200, 135), "VIỆT NAM", 18, "#e6edf3")
    d.rectangle((1280, 96, 1296, 124), fill="#e6edf3", outline="#f85149", width=2)
    label(d, (1380, 135), "Mốc biên giới", 15)
    # the national road from the south, the lanes and the special road
    road(d, (800, H), (800, 112), 120)
    label(d, (800, 980), "Quốc lộ 1A", 16)
    road(d, (900, 520), (1288, 112), 40)
    label(d, (1170, 300), "Đường chuyên dụng", 15)
    # vehicle lanes with their barriers (export to the west half, import to the east)
    gate(d, (740, 360, 860, 470), 4, vertical=True)
    label(d, (690, 420), "Làn xe XK", 15)
    label(d, (915, 420), "Làn xe NK", 15)
    # the passenger building with its lanes and the baggage scanner
    building(d, (180, 200, 600, 400))
    label(d, (390, 186), "Nhà làm thủ tục xuất nhập cảnh", 16)
    for i in range(5):
        d.rectangle((220 + i * 45, 260, 250 + i * 45, 360), outline="#e6edf3", width=2)
    label(d, (400, 378), "Làn xuất / nhập cảnh", 14)
    d.rectangle((450, 280, 560, 330), fill="#4b5563", outline="#e6edf3", width=2)
    label(d, (505, 305), "Soi hành lý", 13)
    road(d, (390, 400), (390, 520), 30)
    road(d, (390, 520), (740, 520), 30)
    d.rectangle((150, 560, 560, 760), fill=GRASS, outline=OUTLINE, width=1)
    label(d, (355, 660), "Bãi đỗ xe khách", 16)
    # weighbridge, inspection yard, vehicle yard to the east
    d.rectangle((900, 560, 1040, 610), fill="#4b5563", outline="#e6edf3", width=2)
    label(d, (970, 585), "Trạm cân", 14)
    d.rectangle((1080, 460, 1520, 700), fill=PAVED, outline=OUTLINE, width=2)
    label(d, (1300, 480), "Bãi kiểm hóa tập trung", 17)
    building(d, (1120, 520, 1300, 580), "Nhà kiểm hóa", 14)
    container_blocks(d, (1330, 520, 1500, 680), 3, 3)
    for i in range(5):
        d.rectangle((1110 + i * 42, 610, 1140 + i * 42, 680), outline="#e6edf3", width=2)
    d.rectangle((900, 760, 1560, 960), fill=PAVED, outline=OUTLINE, width=2)
    label(d, (1230, 780), "Bãi xe chờ xuất khẩu", 17)
    for r in range(3):
        for c in range(12):
            d.rectangle((930 + c * 52, 810 + r * 50, 960 + c * 52, 845 + r * 50),
                        fill=CONTAINERS[(r + c) % 4], outline="#11161c")
    road(d, (860, 640), (1080, 640), 28)
    road(d, (860, 860), (900, 860), 28)
    title(d, "Cửa khẩu quốc tế Hữu Nghị — mặt bằng bố trí camera (minh họa)")
    north(d)
    return img


def main() -> None:
    dinh_vu().save(HERE / "dinh_vu.png", optimize=True)
    huu_nghi().save(HERE / "huu_nghi.png", optimize=True)


if __name__ == "__main__":
    main()
