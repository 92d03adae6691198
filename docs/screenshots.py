"""Remake the README's pictures of the review pack from the shipped examples.

Needs Debian's chromium and fonts-noto-cjk (the HTML page) and LibreOffice with poppler-utils
(the Excel sheet, printed to PDF and cut to its first columns). Run from the repository:
    python docs/screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
EXAMPLES = DOCS.parent / "examples"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def report(output: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "reportcheck",
        "report",
        "--actuals",
        str(EXAMPLES / "monthly"),
        "-o",
        str(output),
    ]
    subprocess.run(command, check=True)


def html_picture(work: Path) -> None:
    from playwright.sync_api import sync_playwright

    page_file = work / "review.html"
    report(page_file)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 1100})
        page.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        page.goto(page_file.as_uri())
        page.select_option('select[data-filter="status"]', "behind")
        page.screenshot(path=str(DOCS / "review-html.png"))
        browser.close()


def excel_picture(work: Path) -> None:
    book = work / "review.xlsx"
    report(book)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(book)],
        check=True,
        capture_output=True,
    )
    pages = subprocess.run(
        ["pdfinfo", str(work / "review.pdf")], check=True, capture_output=True, text=True
    ).stdout
    last = next(int(line.split()[-1]) for line in pages.splitlines() if line.startswith("Pages"))
    # The attachment sheet is the last page; its first columns at a readable size.
    crop = {"-r": 190, "-x": 73, "-y": 182, "-W": 1352, "-H": 600}
    options = [str(part) for pair in crop.items() for part in pair]
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            *options,
            "-f",
            str(last),
            "-l",
            str(last),
            "-singlefile",
            str(work / "review.pdf"),
            str(DOCS / "review-xlsx"),
        ],
        check=True,
    )


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        html_picture(Path(folder))
        excel_picture(Path(folder))
