"""Draw the application icon (PNG sizes + a multi-size Windows ICO) into resources/icons/.

The icon is a rounded square in the programme's green with a white, open checklist of three
lines, the first one ticked: "choose and shortlist". Deterministic; run it again after a change:

    python packaging/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
MASTER = 1024
GREEN = (0, 110, 90, 255)
WHITE = (255, 255, 255, 255)
PNG_SIZES = (16, 32, 48, 64, 128, 512)  # 256 is gala-desktop.png
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw_master() -> Image.Image:
    s = MASTER
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    margin = s * 0.06
    d.rounded_rectangle((margin, margin, s - margin, s - margin), radius=s * 0.2, fill=GREEN)

    line_w = s * 0.075
    left, right = s * 0.44, s * 0.78
    box = s * 0.15
    box_left = s * 0.21
    for i, y in enumerate((s * 0.33, s * 0.52, s * 0.71)):
        top = y - box / 2
        if i == 0:
            # ticked: a filled white box with a green check mark
            d.rounded_rectangle((box_left, top, box_left + box, top + box), radius=s * 0.03, fill=WHITE)
            check = [
                (box_left + box * 0.20, top + box * 0.52),
                (box_left + box * 0.42, top + box * 0.74),
                (box_left + box * 0.82, top + box * 0.26),
            ]
            d.line(check, fill=GREEN, width=int(s * 0.035), joint="curve")
        else:
            d.rounded_rectangle(
                (box_left, top, box_left + box, top + box), radius=s * 0.03, outline=WHITE, width=int(s * 0.03)
            )
        d.rounded_rectangle((left, y - line_w / 2, right, y + line_w / 2), radius=line_w / 2, fill=WHITE)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    master = draw_master()
    for size in PNG_SIZES:
        master.resize((size, size), Image.Resampling.LANCZOS).save(OUT / f"gala-desktop-{size}.png", optimize=True)
    master.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "gala-desktop.png", optimize=True)
    master.save(OUT / "gala-desktop.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
