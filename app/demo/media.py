"""Procedural "photos" for the demo intake, and the `Canvas` every image is drawn on.

Nothing is downloaded and nobody real is pictured.  A photo is a scene drawn with PyMuPDF
vector graphics on a page whose size in points equals the wanted size in pixels, then
rasterised at 72 dpi (one point = one pixel) and encoded as JPEG (quality 80) or PNG.
Text in images goes through a `TextWriter` with PyMuPDF's built-in CJK font, which keeps
Latin digits proportional.  All variation comes from the `random.Random` the caller
passes in: same seed, same bytes.  Screenshots and dashboards are in `media_screens`,
PDFs, the workbook and the link list in `media_docs`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

import pymupdf

CJK = pymupdf.Font("cjk")
RED = (0.74, 0.07, 0.07)
GOLD = (0.97, 0.80, 0.32)
WHITE = (1.0, 1.0, 1.0)
INK = (0.12, 0.16, 0.32)
BLUE = (0.10, 0.45, 0.80)
Color = tuple[float, float, float]


def mix(a: Color, b: Color, t: float) -> Color:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


class Canvas:
    """A page to draw one scene on.

    Shapes are batched into one PyMuPDF `Shape` (one commit per batch is what keeps
    drawing fast); text flushes the batch first so later shapes still paint over it.
    """

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.doc = pymupdf.open()
        self.page = self.doc.new_page(width=width, height=height)
        self._shape = self.page.new_shape()

    def _flush(self) -> None:
        self._shape.commit()
        self._shape = self.page.new_shape()

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: Color | None = None,
             stroke: Color | None = None, width: float = 1, opacity: float = 1,
             radius: float | None = None) -> None:
        self._shape.draw_rect(pymupdf.Rect(x0, y0, x1, y1), radius=radius)
        self._shape.finish(color=stroke, fill=fill, width=width, fill_opacity=opacity,
                           stroke_opacity=opacity)

    def circle(self, x: float, y: float, r: float, fill: Color) -> None:
        self._shape.draw_circle((x, y), r)
        self._shape.finish(color=None, fill=fill)

    def oval(self, x0: float, y0: float, x1: float, y1: float, fill: Color,
             opacity: float = 1) -> None:
        self._shape.draw_oval(pymupdf.Rect(x0, y0, x1, y1))
        self._shape.finish(color=None, fill=fill, fill_opacity=opacity)

    def poly(self, points: Sequence[tuple[float, float]], fill: Color | None = None,
             stroke: Color | None = None, width: float = 1, closed: bool = True,
             opacity: float = 1) -> None:
        self._shape.draw_polyline([pymupdf.Point(p) for p in points])
        self._shape.finish(color=stroke, fill=fill, width=width, closePath=closed,
                           fill_opacity=opacity, stroke_opacity=opacity)

    def sector(self, x: float, y: float, r: float, start: float, sweep: float,
               fill: Color) -> None:
        rad = math.radians(start)
        self._shape.draw_sector((x, y), (x + r * math.cos(rad), y + r * math.sin(rad)), -sweep)
        self._shape.finish(color=None, fill=fill)

    def gradient(self, x0: float, y0: float, x1: float, y1: float, top: Color,
                 bottom: Color, steps: int = 48) -> None:
        step = (y1 - y0) / steps
        for i in range(steps):
            self.rect(x0, y0 + i * step, x1, y0 + (i + 1) * step + 1,
                      fill=mix(top, bottom, i / (steps - 1)))

    def text(self, x: float, y: float, s: str, size: float, color: Color = INK,
             center: bool = False, morph: tuple | None = None) -> None:
        """Text whose baseline starts at (x, y); with `center`, x is its middle."""
        if center:
            x -= CJK.text_length(s, fontsize=size) / 2
        self._flush()
        writer = pymupdf.TextWriter(self.page.rect)
        writer.append((x, y), s, font=CJK, fontsize=size)
        writer.write_text(self.page, color=color, morph=morph)

    def vtext(self, x: float, y: float, s: str, size: float, color: Color) -> None:
        """Vertical text, one character under the other, the column centred on x."""
        for i, ch in enumerate(s):
            self.text(x, y + (i + 1) * size * 1.08, ch, size, color, center=True)

    def textbox(self, x0: float, y0: float, x1: float, y1: float, s: str, size: float,
                color: Color = INK) -> None:
        self._flush()
        writer = pymupdf.TextWriter(self.page.rect)
        writer.fill_textbox(pymupdf.Rect(x0, y0, x1, y1), s, font=CJK, fontsize=size,
                            lineheight=1.5, warn=False)
        writer.write_text(self.page, color=color)

    def texture(self, rng: random.Random, count: int, base: Color, size: float = 40,
                area: tuple[float, float, float, float] | None = None) -> None:
        """Soft blotches so a flat colour looks like a photographed surface."""
        x0, y0, x1, y1 = area or (0, 0, self.width, self.height)
        for _ in range(count):
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
            r = rng.uniform(size / 3, size)
            shade = rng.uniform(-0.05, 0.05)
            color = (min(1.0, max(0.0, base[0] + shade)), min(1.0, max(0.0, base[1] + shade)),
                     min(1.0, max(0.0, base[2] + shade)))
            self.oval(x - r, y - r * 0.7, x + r, y + r * 0.7, fill=color, opacity=0.2)

    def vignette(self, steps: int = 12, step: float = 14) -> None:
        """Darker edges, as a phone camera leaves them: nested strokes that add up."""
        for i in range(steps):
            self.rect(0, 0, self.width, self.height, stroke=(0, 0, 0),
                      width=2 * step * (steps - i), opacity=0.03)

    def encode(self, fmt: str = "jpeg", quality: int = 80) -> bytes:
        self._flush()
        pix = self.page.get_pixmap()  # 72 dpi, so exactly width x height pixels
        data = pix.tobytes("png") if fmt == "png" else pix.tobytes("jpeg", jpg_quality=quality)
        self.doc.close()
        return data


def person(c: Canvas, x: float, y: float, scale: float, shirt: Color, rng: random.Random,
           back: bool = False, headset: bool = False) -> None:
    """A simple figure: head at (x, y), seen from the front or from behind."""
    hair, skin, grey = (0.08, 0.07, 0.07), (0.93, 0.78, 0.66), (0.2, 0.2, 0.22)
    c.rect(x - 55 * scale, y + 40 * scale, x + 55 * scale, y + 220 * scale, fill=shirt,
           radius=0.35)
    c.circle(x, y, 38 * scale, fill=hair if back else skin)
    if not back:
        c.oval(x - 40 * scale, y - 44 * scale, x + 40 * scale, y - 5 * scale, fill=hair)
        if rng.random() < 0.5:  # a lanyard badge on some
            c.rect(x - 8 * scale, y + 40 * scale, x + 8 * scale, y + 90 * scale,
                   fill=(0.85, 0.85, 0.88))
    if headset:
        c.poly([(x - 40 * scale, y), (x - 42 * scale, y - 30 * scale), (x, y - 46 * scale),
                (x + 42 * scale, y - 30 * scale), (x + 40 * scale, y)], stroke=grey,
               width=6 * scale, closed=False)
        c.circle(x - 40 * scale, y + 4 * scale, 10 * scale, fill=grey)


def banner_photo(rng: random.Random, recipient: str, giver: str, date: str,
                 lines: tuple[str, str] = ("热线暖民心", "服务显真情"),
                 width: int = 1920, height: int = 1080) -> bytes:
    """Two people holding up a red silk banner (锦旗) with gold characters."""
    c = Canvas(width, height)
    c.gradient(0, 0, width, height * 0.78, (0.90, 0.88, 0.82), (0.78, 0.74, 0.66))
    c.gradient(0, height * 0.78, width, height, (0.55, 0.44, 0.33), (0.42, 0.33, 0.25), 12)
    c.texture(rng, 140, (0.84, 0.81, 0.74), area=(0, 0, width, height * 0.78))
    c.rect(width * 0.06, height * 0.14, width * 0.22, height * 0.34, fill=(0.98, 0.97, 0.93),
           stroke=(0.6, 0.55, 0.45), width=6)
    c.text(width * 0.14, height * 0.26, "为人民服务", 40, RED, center=True)
    bw, bh = width * 0.30, height * 0.80
    bx, by = (width - bw) / 2, height * 0.08
    person(c, bx - 90, by + 240, 1.6, (0.16, 0.22, 0.40), rng)
    person(c, bx + bw + 90, by + 250, 1.6, (0.30, 0.30, 0.32), rng)
    c.rect(bx + 18, by + 18, bx + bw + 18, by + bh + 18, fill=(0, 0, 0), opacity=0.18)
    c.rect(bx - 40, by - 22, bx + bw + 40, by + 6, fill=(0.45, 0.25, 0.10), radius=0.5)
    c.rect(bx, by, bx + bw, by + bh, fill=RED)
    c.texture(rng, 60, RED, size=60, area=(bx + 20, by + 20, bx + bw - 20, by + bh - 20))
    c.rect(bx + 18, by + 18, bx + bw - 18, by + bh - 40, stroke=GOLD, width=5)
    teeth = [(bx, by + bh)]
    for i in range(13):
        teeth += [(bx + bw * (i + 0.5) / 13, by + bh + 40), (bx + bw * (i + 1) / 13, by + bh)]
    c.poly(teeth, fill=RED)
    for i in range(14):
        fx = bx + bw * i / 13
        c.rect(fx - 3, by + bh, fx + 3, by + bh + 70, fill=GOLD)
    c.vtext(bx + bw - 60, by + 40, recipient, 30, GOLD)
    c.vtext(bx + bw * 0.64, by + 110, lines[0], 104, GOLD)
    c.vtext(bx + bw * 0.36, by + 110, lines[1], 104, GOLD)
    c.vtext(bx + 60, by + bh * 0.45, giver, 28, GOLD)
    c.vtext(bx + 100, by + bh * 0.45, date, 24, GOLD)
    c.vignette()
    return c.encode()



def letter_photo(rng: random.Random, heading: str, lines: Sequence[str], signature: str,
                 date: str, width: int = 1920, height: int = 1080) -> bytes:
    """A handwritten letter (or a certificate) lying askew on a wooden desk."""
    c = Canvas(width, height)
    c.gradient(0, 0, width, height, (0.55, 0.36, 0.20), (0.42, 0.26, 0.14), 24)
    for _ in range(90):  # wood grain
        y = rng.uniform(0, height)
        c.poly([(0, y), (width * 0.5, y + rng.uniform(-14, 14)), (width, y + rng.uniform(-20, 20))],
               stroke=(0.35, 0.2, 0.1), width=rng.uniform(1, 3), closed=False, opacity=0.35)
    pivot = pymupdf.Point(width / 2, height / 2)
    turn = (pivot, pymupdf.Matrix(rng.uniform(-4, -1.5)))
    paper = pymupdf.Rect(width * 0.27, 30, width * 0.73, height + 40)
    for rect, fill, opacity in ((paper + (16, 16, 16, 0), (0, 0, 0), 0.3),
                                (paper, (0.99, 0.98, 0.94), 1.0)):
        c._shape.draw_rect(rect)  # noqa: SLF001 — our Canvas's own page shape, morphed
        c._shape.finish(color=None, fill=fill, fill_opacity=opacity, morph=turn)  # noqa: SLF001
    for i in range(22):
        y = paper.y0 + 150 + i * 44
        c._shape.draw_line(pymupdf.Point(paper.x0 + 40, y),  # noqa: SLF001
                           pymupdf.Point(paper.x1 - 40, y))
        c._shape.finish(color=(0.85, 0.45, 0.45), width=1.2, morph=turn)  # noqa: SLF001
    ink = (0.10, 0.14, 0.40)
    c.text((paper.x0 + paper.x1) / 2, paper.y0 + 110, heading, 54, ink, center=True, morph=turn)
    shown = list(lines[:17])
    for i, text in enumerate(shown):
        x = paper.x0 + 60 + rng.uniform(-4, 4)
        c.text(x, paper.y0 + 186 + i * 44, text, rng.uniform(26, 28), ink, morph=turn)
    bottom = paper.y0 + 186 + (len(shown) + 1) * 44
    for j, text in enumerate((signature, date)):
        c.text(paper.x1 - 80 - CJK.text_length(text, fontsize=27), bottom + j * 44, text, 27,
               ink, morph=turn)
    c.rect(width * 0.80, height * 0.55, width * 0.81, height * 0.95, fill=(0.1, 0.1, 0.12))
    c.vignette()
    return c.encode()


NO_LINE_START = "，。、；：！？）》”"


def wrap(text: str, per_line: int) -> list[str]:
    """Cut running Chinese text into handwritten lines of about `per_line` characters,
    never starting a line with closing punctuation (as a writer would not)."""
    lines: list[str] = []
    for i in range(0, len(text), per_line):
        chunk = text[i:i + per_line]
        while lines and chunk and chunk[0] in NO_LINE_START:
            lines[-1] += chunk[0]
            chunk = chunk[1:]
        if chunk:
            lines.append(chunk)
    return lines


def workstation_photo(rng: random.Random, slogan: str, screen_title: str,
                      width: int = 1920, height: int = 1080) -> bytes:
    """A hotline call-centre room: a slogan on the wall, rows of agents with headsets."""
    c = Canvas(width, height)
    c.gradient(0, 0, width, height * 0.55, (0.86, 0.90, 0.94), (0.76, 0.82, 0.88))
    c.gradient(0, height * 0.55, width, height, (0.62, 0.64, 0.66), (0.48, 0.50, 0.52), 16)
    for i in range(5):
        lx = width * (0.1 + i * 0.2)
        c.oval(lx - 120, 10, lx + 120, 40, fill=(1.0, 1.0, 0.97))
    sw = CJK.text_length(slogan, fontsize=60) + 120
    c.rect((width - sw) / 2, 70, (width + sw) / 2, 170, fill=RED)
    c.text(width / 2, 142, slogan, 60, (1.0, 0.93, 0.55), center=True)
    wall_w = 520
    c.rect(width - wall_w - 60, 200, width - 60, 480, fill=(0.05, 0.12, 0.25),
           stroke=(0.3, 0.3, 0.35), width=8)
    c.text(width - wall_w / 2 - 60, 250, screen_title, 26, (0.7, 0.9, 1.0), center=True)
    for i in range(8):
        v = rng.uniform(0.3, 1.0)
        c.rect(width - wall_w - 20 + i * 56, 450 - 160 * v, width - wall_w + 16 + i * 56, 450,
               fill=(0.2, 0.6, 1.0))
    shirts = [(0.15, 0.25, 0.45), (0.85, 0.85, 0.88), (0.20, 0.35, 0.55), (0.75, 0.78, 0.82)]
    for y, scale, count in ((520, 0.7, 6), (700, 1.0, 4)):
        for i in range(count):
            x = width * (i + 0.5) / count + rng.uniform(-20, 20)
            s = scale
            c.rect(x - 150 * s, y - 80 * s, x + 150 * s, y - 70 * s, fill=(0.55, 0.62, 0.70))
            c.rect(x - 70 * s, y - 70 * s, x + 70 * s, y + 20 * s, fill=(0.10, 0.10, 0.12))
            c.rect(x - 62 * s, y - 62 * s, x + 62 * s, y + 12 * s, fill=(0.30, 0.55, 0.85))
            for k in range(4):
                ly = y - 50 * s + k * 14 * s
                c.rect(x - 50 * s, ly, x + rng.uniform(0, 50) * s, ly + 6 * s,
                       fill=(0.9, 0.95, 1.0))
            person(c, x + rng.uniform(-30, 30) * s, y + 70 * s, s, rng.choice(shirts), rng,
                   back=True, headset=True)
            c.rect(x - 190 * s, y + 130 * s, x + 190 * s, y + 160 * s, fill=(0.80, 0.68, 0.52))
    c.texture(rng, 80, (0.6, 0.62, 0.65), size=50, area=(0, height * 0.6, width, height))
    c.vignette()
    return c.encode()


def street_photo(rng: random.Random, banner: str, shops: Sequence[str], *, night: bool = False,
                 rain: bool = False, width: int = 1920, height: int = 1080) -> bytes:
    """A street with shop fronts, trees, passers-by and a banner over the pavement."""
    c = Canvas(width, height)
    ground = height * 0.62
    sky = ((0.05, 0.07, 0.16), (0.15, 0.17, 0.30)) if night else ((0.55, 0.75, 0.95),
                                                                (0.85, 0.92, 0.98))
    c.gradient(0, 0, width, height * 0.5, *sky)
    x = 0.0
    while x < width:
        bw, bh = rng.uniform(220, 380), rng.uniform(260, 460)
        tone = rng.uniform(0.55, 0.8) * (0.5 if night else 1)
        c.rect(x, ground - bh, x + bw - 8, ground, fill=(tone, tone * 0.96, tone * 0.9))
        for wy in range(int(ground - bh) + 30, int(ground) - 150, 60):
            for wx in range(int(x) + 24, int(x + bw) - 50, 56):
                lit = night and rng.random() < 0.6
                c.rect(wx, wy, wx + 30, wy + 36,
                       fill=(1.0, 0.85, 0.45) if lit else (0.35, 0.45, 0.55))
        x += bw
    slot = (width - 120) / max(len(shops), 1)
    for i, name in enumerate(shops):
        sx, sw = 60 + i * slot, slot - 40
        c.rect(sx, ground - 150, sx + sw, ground - 90,
               fill=rng.choice([(0.7, 0.1, 0.1), (0.1, 0.3, 0.6), (0.1, 0.45, 0.3)]))
        c.text(sx + sw / 2, ground - 106, name, 34, WHITE, center=True)
        c.rect(sx + 20, ground - 88, sx + sw - 20, ground,
               fill=(1.0, 0.9, 0.6) if night else (0.45, 0.5, 0.55))
    c.rect(0, ground, width, height * 0.70, fill=(0.62, 0.6, 0.56))
    c.rect(0, height * 0.70, width, height, fill=(0.18, 0.18, 0.2) if night else (0.42, 0.43, 0.45))
    for i in range(8):
        lx = i * width / 7
        c.poly([(lx - 30, height * 0.84), (lx + 90, height * 0.84), (lx + 80, height * 0.86),
                (lx - 40, height * 0.86)], fill=(0.95, 0.95, 0.9))
    for i in range(6):
        tx = (i + 0.5) * width / 6 + rng.uniform(-40, 40)
        c.rect(tx - 10, height * 0.52, tx + 10, height * 0.68, fill=(0.35, 0.22, 0.12))
        for _ in range(5):
            c.circle(tx + rng.uniform(-50, 50), height * 0.45 + rng.uniform(-50, 30),
                     rng.uniform(45, 75), fill=(0.1, 0.3, 0.15) if night else (0.2, 0.55, 0.25))
    bw = CJK.text_length(banner, fontsize=42) + 100
    c.rect((width - bw) / 2, height * 0.08, (width + bw) / 2, height * 0.08 + 80, fill=RED)
    c.text(width / 2, height * 0.08 + 56, banner, 42, (1.0, 0.95, 0.6), center=True)
    for _ in range(9):
        person(c, rng.uniform(80, width - 80), height * 0.66 + rng.uniform(0, 60),
               rng.uniform(0.45, 0.7),
               rng.choice([(0.2, 0.3, 0.5), (0.8, 0.4, 0.2), (0.9, 0.9, 0.9), (0.3, 0.5, 0.3)]),
               rng)
    if rain:
        for _ in range(500):
            rx, ry = rng.uniform(0, width), rng.uniform(0, height)
            c.poly([(rx, ry), (rx - 8, ry + 34)], stroke=(0.8, 0.85, 0.95), width=1.5,
                   closed=False, opacity=0.5)
    c.vignette()
    return c.encode()


def truncated(data: bytes) -> bytes:
    """The first half of a valid file: what an interrupted mail download leaves behind."""
    return data[: len(data) // 2]
