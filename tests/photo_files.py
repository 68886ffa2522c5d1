"""Real photo files for tests, made by Pillow: a scene per seed (big blocks of colour, so that two seeds
differ as two photos of different things do), with or without an EXIF capture time and orientation."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import ExifTags, Image

_ORIENTATION = 0x0112
_DATE_TIME_ORIGINAL = 36867


def scene(seed: int, size: tuple[int, int] = (2400, 1800)) -> Image.Image:
    """A picture of its own for each seed: a coarse grid of random colours, smoothly enlarged."""
    chance = random.Random(seed)
    grid = Image.new("RGB", (12, 9))
    grid.putdata([tuple(chance.randrange(256) for _ in range(3)) for _ in range(12 * 9)])
    return grid.resize(size, Image.Resampling.BILINEAR)


def write_jpeg(
    path: Path,
    seed: int = 1,
    *,
    taken: str | None = "2024:05:04 09:30:00",
    orientation: int | None = None,
    size: tuple[int, int] = (2400, 1800),
    quality: int = 90,
    picture: Image.Image | None = None,
) -> Path:
    """A JPEG as a phone writes it; ``taken`` is EXIF's DateTimeOriginal (None: no capture time)."""
    exif = Image.Exif()
    if orientation is not None:
        exif[_ORIENTATION] = orientation
    if taken is not None:
        exif.get_ifd(ExifTags.IFD.Exif)[_DATE_TIME_ORIGINAL] = taken
    image = picture if picture is not None else scene(seed, size)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def near_copy(source: Path, target: Path) -> Path:
    """The same picture saved again: cropped a little, smaller and more compressed (as WeChat sends it)."""
    with Image.open(source) as image:
        width, height = image.size
        exif = image.getexif()
        copy = image.crop((width // 60, height // 60, width - width // 60, height - height // 60))
        copy = copy.resize((copy.width * 2 // 3, copy.height * 2 // 3))
        copy.save(target, "JPEG", quality=60, exif=exif.tobytes())
    return target
