"""Screenshots of the dashboard for the README, taken the way the browser tests drive it.

    python -m tests.browser.screenshots [--output docs/screenshots]

Starts the real server on the sample corpus, opens each view in the system Chromium at a laptop
width (and one at a phone width), and writes small PNGs: the visible part of the page, reduced
to a 128-colour palette (Pillow), which keeps text sharp at a third of the size.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from tests.browser.harness import PHONE, find_chromium, launch_chromium, open_view, running_server

PALETTE_COLOURS = 128
SHOT = {"width": 1000, "height": 640}
VIEWS = [
    ("overview", "/", SHOT),
    ("search", "/?q=Tharda", SHOT),
    ("article", "/?view=article&id=1&start=295&end=539", SHOT),
    ("facts", "/?view=facts&field=casualties", SHOT),
    ("claims", "/?view=claims&field=casualties&kind=killed", SHOT),
    ("events", "/?view=events", SHOT),
    ("event", "/?view=event&id=1", SHOT),
    ("ask", f"/?view=ask&q={quote('How many Syrian soldiers were killed?')}", SHOT),
    ("ask-phone", f"/?view=ask&q={quote('How many Syrian soldiers were killed?')}", PHONE),
]


def save_small_png(png: bytes, path: Path) -> None:
    """Write ``png`` with a 128-colour palette, undithered, zlib-optimised."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        palette = image.convert("RGB").quantize(
            colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        palette.save(path, optimize=True)


def main(argv: list[str] | None = None) -> int:
    """Write one PNG per view into the output folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    chromium_path = find_chromium()
    if chromium_path is None:
        print("no system Chromium: apt-get install -y chromium", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    args.output.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as tmp,
        running_server(Path(tmp) / "data") as base,
        sync_playwright() as playwright,
    ):
        browser = launch_chromium(playwright, chromium_path)
        for name, url, viewport in VIEWS:
            page = browser.new_page(base_url=base, viewport=viewport)
            open_view(page, url)
            path = args.output / f"{name}.png"
            save_small_png(page.screenshot(animations="disabled", caret="hide"), path)
            print(f"{path}  {path.stat().st_size // 1024} KB")
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
