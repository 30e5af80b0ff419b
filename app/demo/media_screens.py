"""Screen-like evidence for the demo intake: work-order screenshots and wall dashboards.

Drawn on the same `Canvas` as the photos in `media`: a desktop window with a work-order
form (masked caller number, handling timeline, optional AI dispatch panel), and a
dispatch-centre wall screen with KPI cards, monthly bars and a share ring.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from app.demo.media import BLUE, CJK, WHITE, Canvas


def _window_chrome(c: Canvas, title: str, menu: Sequence[str], active: int) -> None:
    c.rect(0, 0, c.width, c.height, fill=(0.95, 0.96, 0.98))
    c.rect(0, 0, c.width, 64, fill=(0.10, 0.29, 0.55))
    c.text(28, 42, title, 26, WHITE)
    c.text(c.width - 260, 42, "座席 0217 · 在线", 20, (0.85, 0.9, 1.0))
    c.rect(0, 64, 250, c.height, fill=(0.20, 0.24, 0.31))
    for i, item in enumerate(menu):
        if i == active:
            c.rect(0, 90 + i * 58, 250, 140 + i * 58, fill=BLUE)
        c.text(40, 124 + i * 58, item, 21, WHITE)


def ticket_screenshot(fields: Sequence[tuple[str, str]], content: str, steps: Sequence[str],
                      *, title: str, side: Sequence[str] = (), width: int = 1920, height: int = 1080,
                      fmt: str = "jpeg") -> bytes:
    """A desktop screenshot of a work-order page titled `title`: labelled fields, the
    request text, the handling timeline and, optionally, a side panel (e.g. an AI
    dispatch suggestion)."""
    c = Canvas(width, height)
    _window_chrome(c, title, ["工作台", "工单受理", "工单查询", "派单管理", "回访管理", "知识库",
                              "统计分析"], 3 if side else 2)
    grey, line = (0.35, 0.38, 0.42), (0.85, 0.87, 0.9)
    left, right = 290, width - (470 if side else 40)
    c.text(left, 112, "工单查询 > 工单详情", 20, (0.4, 0.45, 0.5))
    c.rect(left, 130, right, height - 40, fill=WHITE, stroke=line)
    col_w = (right - left - 60) / 2
    for i, (label, value) in enumerate(fields):
        x, y = left + 20 + (i % 2) * (col_w + 20), 150 + (i // 2) * 62
        c.rect(x, y, x + 150, y + 50, fill=(0.93, 0.95, 0.97), stroke=line)
        c.rect(x + 150, y, x + col_w, y + 50, fill=WHITE, stroke=line)
        c.text(x + 14, y + 33, label, 19, grey)
        done = value in ("已办结", "满意", "已派单", "非常满意")
        if done:
            c.rect(x + 164, y + 9, x + 180 + CJK.text_length(value, fontsize=19), y + 41,
                   fill=(0.90, 0.97, 0.91), stroke=(0.3, 0.7, 0.4), radius=0.3)
        c.text(x + 172, y + 33, value, 19, (0.15, 0.55, 0.25) if done else (0.1, 0.1, 0.12))
    y = 150 + ((len(fields) + 1) // 2) * 62 + 16
    c.text(left + 20, y + 10, "诉求内容", 21, (0.1, 0.29, 0.55))
    c.rect(left + 20, y + 22, right - 20, y + 150, fill=(0.99, 0.99, 1.0), stroke=line)
    c.textbox(left + 34, y + 34, right - 34, y + 148, content, 18)
    y += 184
    c.text(left + 20, y, "办理过程", 21, (0.1, 0.29, 0.55))
    for i, step in enumerate(steps):
        sy = y + 28 + i * 42
        if sy > height - 110:
            break
        c.circle(left + 34, sy + 10, 7, fill=BLUE)
        c.text(left + 54, sy + 17, step, 18, (0.25, 0.27, 0.3))
    if side:
        c.rect(width - 450, 130, width - 30, height - 40, fill=WHITE, stroke=line)
        c.rect(width - 450, 130, width - 30, 180, fill=(0.93, 0.96, 1.0))
        c.text(width - 430, 164, side[0], 21, (0.1, 0.29, 0.55))
        for i, text in enumerate(side[1:]):
            c.text(width - 430, 224 + i * 44, text, 18, (0.2, 0.22, 0.26))
    for i, label in enumerate(("返回", "导出", "打印")):
        bx = right - 120 - i * 120
        c.rect(bx, height - 95, bx + 100, height - 55, fill=BLUE if i == 0 else WHITE,
               stroke=BLUE, radius=0.2)
        c.text(bx + 50, height - 68, label, 18, WHITE if i == 0 else BLUE, center=True)
    return c.encode(fmt)


def dashboard_photo(rng: random.Random, title: str, kpis: Sequence[tuple[str, str]],
                    bars_label: str, width: int = 1920, height: int = 1080) -> bytes:
    """A dispatch-centre wall screen: KPI cards, monthly bars with a trend, a share ring."""
    c = Canvas(width, height)
    panel, edge, label = (0.04, 0.14, 0.30), (0.2, 0.5, 0.8), (0.7, 0.86, 1.0)
    c.gradient(0, 0, width, height, (0.02, 0.07, 0.18), (0.03, 0.12, 0.28))
    for gx in range(0, width, 80):
        c.rect(gx, 0, gx + 1, height, fill=(0.1, 0.25, 0.45), opacity=0.25)
    c.poly([(width * 0.3, 0), (width * 0.33, 70), (width * 0.67, 70), (width * 0.7, 0)],
           fill=(0.05, 0.2, 0.42))
    c.text(width / 2, 48, title, 36, (0.75, 0.92, 1.0), center=True)
    card_w = (width - 80 - 30 * (len(kpis) - 1)) / len(kpis)
    for i, (name, value) in enumerate(kpis):
        x = 40 + i * (card_w + 30)
        c.rect(x, 100, x + card_w, 230, fill=(0.05, 0.18, 0.36), stroke=(0.2, 0.6, 0.95), width=2)
        c.text(x + 24, 145, name, 22, (0.6, 0.8, 0.95))
        c.text(x + 24, 208, value, 50, (0.35, 1.0, 0.85))
    c.rect(40, 260, width * 0.58, height - 40, fill=panel, stroke=edge)
    c.text(64, 300, bars_label, 22, label)
    base, top = height - 90, 340
    span = (width * 0.58 - 120) / 12
    for i in range(12):
        x = 80 + i * span
        c.rect(x, base - (base - top) * rng.uniform(0.45, 1.0), x + span * 0.6, base,
               fill=(0.15, 0.55, 0.95))
        c.text(x + span * 0.3, base + 30, f"{i + 1}月", 17, (0.6, 0.75, 0.9), center=True)
    trend = [(80 + i * span + span * 0.3, base - (base - top) * (0.55 + 0.35 * i / 11)
              + rng.uniform(-12, 12)) for i in range(12)]
    c.poly(trend, stroke=(1.0, 0.75, 0.2), width=4, closed=False)
    c.rect(width * 0.6, 260, width - 40, height - 40, fill=panel, stroke=edge)
    cx, cy, r = width * 0.79, height * 0.55, 170
    shares = [0.34, 0.22, 0.18, 0.14, 0.12]
    colors = [(0.2, 0.6, 1.0), (0.35, 0.9, 0.75), (1.0, 0.75, 0.2), (0.95, 0.4, 0.45),
              (0.65, 0.5, 0.95)]
    names = ["城市管理", "市政设施", "社会保障", "市场监管", "其他"]
    start = -90.0
    for share, color in zip(shares, colors):
        c.sector(cx, cy, r, start, share * 360, color)
        start += share * 360
    c.circle(cx, cy, r * 0.55, fill=panel)
    c.text(cx, cy + 10, "诉求结构", 28, (0.75, 0.92, 1.0), center=True)
    for i, (name, color) in enumerate(zip(names, colors)):
        lx = width * 0.62 + i * 140
        c.rect(lx, height - 100, lx + 18, height - 82, fill=color)
        c.text(lx + 26, height - 84, name, 18, label)
    c.text(width * 0.62, 300, "诉求类型占比", 22, label)
    c.rect(0, 0, width, height * 0.45, fill=WHITE, opacity=0.03)  # glare on the screen
    return c.encode()
