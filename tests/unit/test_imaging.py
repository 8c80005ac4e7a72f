"""Page clean-up on a synthetic scan: deskew, crop, blank detection, size per page, PDF legibility."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app import imaging
from app.imaging import PageKind

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
FONT = ROOT / "resources" / "fonts" / "Tinos-Regular.ttf"
DPI = 200
A4_PX = (round(210 / 25.4 * DPI), round(297 / 25.4 * DPI))  # 1654 x 2339

PARAGRAPH = (
    "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014; Ủy ban nhân dân xã Tân Lập xác nhận ông "
    "Nguyễn Văn Đức, sinh ngày 05/07/1988, nơi cư trú: thôn Phước Hưng, xã Tân Lập, hiện chưa đăng ký "
    "kết hôn với ai. Giấy xác nhận này có giá trị sử dụng trong thời hạn 06 tháng kể từ ngày cấp, "
    "dùng để làm thủ tục đăng ký kết hôn tại cơ quan có thẩm quyền. Người yêu cầu cam đoan những nội "
    "dung khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật về lời cam đoan của mình. "
)


def synthetic_text_page(seed: int = 0, font_pt: float = 12.0) -> Image.Image:
    """A dense A4 text page at 200 dpi, like a typed certificate or application form."""
    page = Image.new("L", A4_PX, 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), round(font_pt / 72 * DPI))
    heading = ImageFont.truetype(str(FONT), round(14 / 72 * DPI))
    margin = round(20 / 25.4 * DPI)
    draw.text((A4_PX[0] // 2, margin), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=heading, fill=0, anchor="mt")
    words = (PARAGRAPH * 8).split()
    rng = np.random.default_rng(seed)
    tail = words[20:]
    rng.shuffle(tail)  # vary pages a little without breaking the vocabulary
    words[20:] = tail
    y = margin + round(heading.size * 2.2)
    line = ""
    width = A4_PX[0] - 2 * margin
    line_height = round(font.size * 1.35)
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) > width:
            draw.text((margin, y), line, font=font, fill=20)
            y += line_height
            line = word
            if y > A4_PX[1] - margin - line_height:
                break
        else:
            line = trial
    return page


def as_scanned(page: Image.Image, angle: float, border: int = 60, seed: int = 1) -> Image.Image:
    """Rotate the sheet on a dark scanner background, add a border and sensor noise."""
    background = 45
    rotated = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=background)
    framed = Image.new("L", (rotated.width + 2 * border, rotated.height + 2 * border), background)
    framed.paste(rotated, (border, border))
    arr = np.asarray(framed, dtype=np.float32)
    rng = np.random.default_rng(seed)
    arr = arr * 0.94 + rng.normal(0, 8, arr.shape)  # slightly grey paper and sensor noise
    specks = rng.random(arr.shape) < 0.0005
    arr[specks] = 0
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


@pytest.fixture(scope="module")
def scanned() -> Image.Image:
    return as_scanned(synthetic_text_page(), angle=3.0)


def test_detect_skew_recovers_the_angle(scanned):
    assert imaging.detect_skew(scanned, DPI) == pytest.approx(3.0, abs=0.5)
    assert imaging.detect_skew(as_scanned(synthetic_text_page(), angle=-2.0), DPI) == pytest.approx(-2.0, abs=0.5)


def test_straight_page_is_not_rotated():
    assert abs(imaging.detect_skew(synthetic_text_page(), DPI)) <= 0.1


def test_process_page_deskews_and_crops_the_border(scanned):
    page = imaging.process_page(scanned, DPI)
    assert page.skew_degrees == pytest.approx(3.0, abs=0.5)
    assert page.kind is PageKind.TEXT
    assert not page.blank
    # Cropped back to the sheet: within 2 % of A4 at 200 dpi, no dark frame left.
    assert page.image.width == pytest.approx(A4_PX[0], rel=0.02)
    assert page.image.height == pytest.approx(A4_PX[1], rel=0.02)
    arr = np.asarray(page.image.convert("L"))
    edges = np.concatenate([arr[:3].ravel(), arr[-3:].ravel(), arr[:, :3].ravel(), arr[:, -3:].ravel()])
    assert (edges == 0).mean() < 0.05


def test_blank_page_is_detected():
    blank = as_scanned(Image.new("L", A4_PX, 255), angle=1.0, seed=5)
    assert imaging.process_page(blank, DPI).blank
    # Bleed-through from the other side is lighter than ink: still blank.
    ghost = Image.eval(synthetic_text_page(seed=3).transpose(Image.Transpose.FLIP_LEFT_RIGHT), lambda v: 200 + v // 5)
    assert imaging.is_blank(ghost, DPI)
    # A page with a single short line is not blank.
    one_line = Image.new("L", A4_PX, 255)
    font = ImageFont.truetype(str(FONT), 33)
    ImageDraw.Draw(one_line).text((300, 1000), "Đã nhận đủ hồ sơ.", font=font, fill=0)
    assert not imaging.is_blank(one_line, DPI)


def test_colour_seal_keeps_colour():
    page = synthetic_text_page().convert("RGB")
    draw = ImageDraw.Draw(page)
    draw.ellipse((1100, 1900, 1420, 2220), outline=(200, 30, 40), width=14)  # a red round seal
    processed = imaging.process_page(page, DPI)
    assert processed.kind is PageKind.COLOUR
    assert processed.image.mode == "RGB"


def test_text_page_compresses_under_target(scanned):
    encoded = imaging.encode_page(imaging.process_page(scanned, DPI))
    assert encoded.kind is PageKind.TEXT
    assert encoded.size <= 120 * 1024, encoded.size


def test_pdf_renders_legibly(tmp_path, scanned):
    document = imaging.pages_to_pdf([(scanned, DPI), (as_scanned(Image.new("L", A4_PX, 255), 0.5), DPI)])
    assert document.pages == 1 and document.dropped_blank == 1
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(document.data)
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils not installed")
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    rendered = Image.open(tmp_path / "page.png")
    # 1:1 physical size: A4 at 100 dpi is 827 x 1169 px.
    assert rendered.width == pytest.approx(827, rel=0.02) and rendered.height == pytest.approx(1169, rel=0.02)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    ARTIFACTS.mkdir(exist_ok=True)
    rendered.crop((0, 0, rendered.width, 420)).save(ARTIFACTS / "scan_crop.png")
    # Text is dark on white, not an inverted or empty page.
    arr = np.asarray(rendered.convert("L"))
    assert 0.02 < (arr < 128).mean() < 0.4
