"""Draw the app icon (resources/icons/branchdesk.png and .ico) with Pillow and the bundled font.

    python packaging/make_icon.py

Run once; the results are committed. A red tile with a white 联 ("paired"): readable down to 16 px.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "NotoSansSC-Regular.otf"
SIZE = 256
RED = (200, 16, 46, 255)
GOLD = (255, 209, 0, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = SIZE) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=RED)
    pen.rectangle((size // 5, size * 13 // 16, size * 4 // 5, size * 13 // 16 + size // 24), fill=GOLD)
    # The regular weight looks thin on a tile; a stroke in the same colour makes it bold.
    font = ImageFont.truetype(str(FONT), int(size * 0.62))
    pen.text(
        (size / 2, size * 0.44),
        "联",
        font=font,
        fill="white",
        anchor="mm",
        stroke_width=size // 64,
        stroke_fill="white",
    )
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.save(ICONS / "branchdesk.png", optimize=True)
    image.save(ICONS / "branchdesk.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
