"""Deterministic synthetic photos of citizen ID cards for the QR decoding benchmark.

Each sample is a card-like rectangle (light background, text-like blocks, a photo box, the QR of a realistic
CCCD payload) placed into a camera frame and degraded the way a counter webcam, a phone or a flatbed scanner
degrades it. ``sample(i)`` depends only on the seed and ``i``, so a failing image can be regenerated alone.

Parameter ranges (all drawn uniformly unless noted) and why they are a fair test:

* frame: 1920x1080 (60 %), 1280x720 (20 %), phone-sized 1600x1200 or 1200x1600 (20 %).
* payload: UTF-8 with diacritics, ~100-190 bytes, QR error correction M, byte mode without ECI; 30 % of
  cards have no old 9-digit number; cards issued from 07/2024 carry 4 extra trailing fields (empty, or the
  parents' names). That gives QR versions 6-9 (41-53 modules).
* QR on the card: 20-28 % of the card's width, 2-4 modules of light quiet zone around it.
* card size: the card width is drawn as 15-30 % of the frame width (1080p/phone frames; 35-60 % for 720p,
  where a smaller card cannot hold a readable QR), then enlarged where needed so that the QR's module pitch
  is at least ``MIN_PITCH`` pixels. Below that the code is under-sampled: the sampling theorem needs more
  than 1 pixel per module and arbitrary phase and rotation need a margin, so such images test the camera,
  not the decoder. The bench prints how many cards were enlarged this way.
* geometry: rotation 0-360 degrees; perspective: each corner moved by up to 8 % of the card width
  (a card held at up to ~25 degrees of tilt).
* lighting: a linear gradient plus vignette scaling brightness by 0.55-1.1; glare on 50 % of the images:
  an elliptical Gaussian blob of peak +40..+150 grey levels, 4-25 % of the card's width, anywhere on the card.
* optics and sensor: Gaussian blur sigma 0 .. min(1.3, 0.4 * pitch) px (0.4 * pitch keeps at least ~45 % of
  the contrast at the module frequency, the limit of a focused but soft webcam); Gaussian noise sigma 0-10
  grey levels; JPEG quality 30-90.
"""

from __future__ import annotations

import io
import json
import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import qrcode
from PIL import Image, ImageDraw, ImageFilter

from app.citizens import CitizenCard

TODAY = date(2025, 6, 1)
SEED = 20250601
MIN_PITCH = 2.0  # pixels per QR module in the frame
NEW_CARD_FROM = date(2024, 7, 1)
RENDER_PITCH = 6  # pixels per module when the card is drawn, before it is scaled into the frame

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trương",
    "Lương",
    "Hà",
    "Lò",
    "Y",
    "H'",
    "Rơ Mah",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Hữu",
    "Đức",
    "Minh",
    "Thanh",
    "Ngọc",
    "Quốc",
    "Thu",
    "Xuân",
    "Hồng",
    "Kim",
    "Thị Thu",
    "Văn Đức",
    "",
]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Nga",
    "Nhung",
    "Phong",
    "Phúc",
    "Quân",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Trang",
    "Trung",
    "Tuấn",
    "Việt",
    "Yến",
    "Ửng",
    "Ước",
]
HAMLET = ["Thôn", "Xóm", "Bản", "Ấp", "Tổ dân phố", "Khu phố", "Buôn", "Làng"]
COMMUNE = [
    "Tân Lập",
    "Hòa Bình",
    "Đông Hưng",
    "Quảng Phú",
    "Nghĩa Đàn",
    "Ea Kar",
    "Mường Tè",
    "Phú Lộc",
    "Yên Thế",
    "Cẩm Lệ",
    "Bình Chánh",
    "Thạnh Phú",
    "Đắk Mil",
    "Sìn Hồ",
    "Hướng Hóa",
]
STREET = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Điện Biên Phủ", "Võ Thị Sáu"]


def _provinces() -> dict[str, str]:
    path = Path(__file__).resolve().parents[2] / "resources" / "provinces.json"
    return json.loads(path.read_text(encoding="utf-8"))["provinces"]


@dataclass(frozen=True)
class Sample:
    index: int
    jpeg: bytes
    card: CitizenCard
    payload: str
    frame_size: tuple[int, int]
    pitch: float  # pixels per module along the QR's shorter warped side
    enlarged: bool  # the card was enlarged to keep the pitch >= MIN_PITCH
    params: dict[str, float] = field(default_factory=dict)


# --- payload ----------------------------------------------------------------------------------------------


def _name(rnd: random.Random) -> str:
    parts = [rnd.choice(FAMILY), rnd.choice(MIDDLE), rnd.choice(GIVEN)]
    if rnd.random() < 0.2:
        parts.append(rnd.choice(GIVEN))
    name = " ".join(p for p in parts if p)
    return name.replace("H' ", "H'")


def _address(rnd: random.Random, province: str) -> str:
    if rnd.random() < 0.3:
        return (
            f"Số {rnd.randint(1, 450)} đường {rnd.choice(STREET)}, phường {rnd.choice(COMMUNE)}, {province}"
        )
    hamlet = f"{rnd.choice(HAMLET)} {rnd.randint(1, 12)}" if rnd.random() < 0.6 else rnd.choice(HAMLET)
    district = f", huyện {rnd.choice(COMMUNE)}" if rnd.random() < 0.5 else ""
    return f"{hamlet}, xã {rnd.choice(COMMUNE)}{district}, tỉnh {province}"


def make_payload(rnd: random.Random) -> tuple[str, CitizenCard]:
    """A CCCD payload consistent with the ID-number rules, and the card it must parse to."""
    provinces = _provinces()
    code = rnd.choice(sorted(provinces))
    province = provinces[code].removeprefix("Thành phố ").removeprefix("Tỉnh ")
    birth = date(1935, 1, 1) + timedelta(days=rnd.randrange((date(2011, 1, 1) - date(1935, 1, 1)).days))
    sex = rnd.choice(["Nam", "Nữ"])
    century_digit = {1900: 0, 2000: 2}[birth.year // 100 * 100] + (1 if sex == "Nữ" else 0)
    id_number = f"{code}{century_digit}{birth.year % 100:02d}{rnd.randrange(1_000_000):06d}"
    old_id = None if rnd.random() < 0.3 else f"{rnd.randrange(10**8, 10**9)}"
    earliest_issue = max(birth + timedelta(days=14 * 366), date(2016, 1, 1))
    issue = earliest_issue + timedelta(days=rnd.randrange(max(1, (TODAY - earliest_issue).days)))
    full_name = _name(rnd)
    address = _address(rnd, province)
    fields = [
        id_number,
        old_id or "",
        full_name,
        birth.strftime("%d%m%Y"),
        sex,
        address,
        issue.strftime("%d%m%Y"),
    ]
    extra: tuple[str, ...] = ()
    if issue >= NEW_CARD_FROM:
        extra = ("", "", "", "") if rnd.random() < 0.5 else (_name(rnd), _name(rnd), "", "")
    payload = "|".join(fields + list(extra))
    card = CitizenCard(
        id_number=id_number,
        old_id_number=old_id,
        full_name=full_name,
        date_of_birth=birth,
        sex=sex,  # type: ignore[arg-type]
        address=address,
        issue_date=issue,
        extra=extra,
    )
    return payload, card


# --- drawing ----------------------------------------------------------------------------------------------


def _qr_matrix(payload: str) -> np.ndarray:
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload.encode("utf-8"))  # byte mode, UTF-8, no ECI: what the cards carry
    code.make(fit=True)
    return np.array(code.get_matrix(), dtype=bool)


def _draw_card(
    rnd: random.Random, matrix: np.ndarray, qr_fraction: float, quiet: int
) -> tuple[Image.Image, int]:
    """The card at RENDER_PITCH pixels per module, and its QR's side in those pixels."""
    modules = matrix.shape[0]
    qr_side = modules * RENDER_PITCH
    width = round(qr_side / qr_fraction)
    height = round(width / 1.586)  # ID-1 card, 85.6 x 54 mm
    tint = (rnd.randint(200, 245), rnd.randint(205, 245), rnd.randint(210, 250))
    card = Image.new("RGB", (width, height), tint)
    draw = ImageDraw.Draw(card)
    # A faint guilloche-like pattern, as printed on real cards.
    for k in range(0, width + height, rnd.randint(12, 30)):
        shade = tuple(max(0, c - rnd.randint(8, 25)) for c in tint)
        draw.line([(k, 0), (k - height, height)], fill=shade, width=2)
    margin = width // 25
    qr_x = width - margin - qr_side
    qr_y = margin
    pad = quiet * RENDER_PITCH
    draw.rectangle([qr_x - pad, qr_y - pad, qr_x + qr_side + pad, qr_y + qr_side + pad], fill=(250, 250, 248))
    # Photo box with a face-like ellipse.
    photo_w = width // 4
    photo = [margin, height - margin - round(photo_w * 1.33), margin + photo_w, height - margin]
    draw.rectangle(photo, fill=(rnd.randint(120, 200),) * 3)
    draw.ellipse(
        [photo[0] + photo_w // 5, photo[1] + photo_w // 6, photo[2] - photo_w // 5, photo[3] - photo_w // 3],
        fill=(rnd.randint(90, 170), rnd.randint(70, 140), rnd.randint(60, 120)),
    )
    # Emblem and text-like blocks (dark runs of "words").
    draw.ellipse([margin, margin, margin + width // 8, margin + width // 8], fill=(200, 60, 40))
    text_left = photo[2] + margin
    y = qr_y + qr_side + pad + margin // 2
    y = min(y, height // 3)
    line_h = max(6, height // 24)
    while y + line_h < height - margin:
        x = text_left
        right = width - margin if y > qr_y + qr_side + pad else qr_x - pad - margin
        while x < right - 20:
            word = rnd.randint(line_h, line_h * 5)
            colour = (rnd.randint(0, 80),) * 3 if rnd.random() < 0.8 else (160, 30, 30)
            draw.rectangle([x, y + line_h // 4, min(x + word, right), y + line_h], fill=colour)
            x += word + line_h // 2
        y += round(line_h * 1.7)
    # The QR itself, dark modules slightly grey as print on plastic is.
    ink = rnd.randint(0, 50)
    qr = Image.fromarray(np.where(matrix, ink, 250).astype(np.uint8), "L").resize(
        (qr_side, qr_side), Image.Resampling.NEAREST
    )
    card.paste(qr.convert("RGB"), (qr_x, qr_y))
    return card, qr_side


def _background(rnd: random.Random, size: tuple[int, int], np_rnd: np.random.Generator) -> Image.Image:
    width, height = size
    base = np.array([rnd.randint(60, 200) for _ in range(3)], dtype=np.float32)
    low = np_rnd.normal(0, 18, (height // 40 + 2, width // 40 + 2, 3)).astype(np.float32)
    texture = np.asarray(
        Image.fromarray(np.clip(low + 128, 0, 255).astype(np.uint8)).resize(size, Image.Resampling.BILINEAR),
        dtype=np.float32,
    )
    frame = Image.fromarray(np.clip(base + texture - 128, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(frame)
    # Desk clutter: papers, pens, keyboards, other printed matter.
    for _ in range(rnd.randint(5, 40)):
        x, y = rnd.randrange(width), rnd.randrange(height)
        w, h = rnd.randint(10, width // 4), rnd.randint(4, height // 4)
        colour = tuple(rnd.randint(0, 255) for _ in range(3))
        if rnd.random() < 0.5:
            draw.rectangle([x, y, x + w, y + h], fill=colour)
        else:
            draw.line([(x, y), (x + w, y + rnd.randint(-h, h))], fill=colour, width=rnd.randint(1, 6))
    return frame


def _perspective_coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """PIL's PERSPECTIVE coefficients mapping output points ``dst`` back to input points ``src``."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return np.linalg.solve(np.array(rows, dtype=np.float64), np.array(rhs, dtype=np.float64)).tolist()


def _frame_size(rnd: random.Random) -> tuple[int, int]:
    roll = rnd.random()
    if roll < 0.6:
        return (1920, 1080)
    if roll < 0.8:
        return (1280, 720)
    return rnd.choice([(1600, 1200), (1200, 1600)])


def sample(index: int, seed: int = SEED, min_pitch: float = MIN_PITCH) -> Sample:
    """The ``index``-th synthetic photo; the same arguments always give the same bytes."""
    rnd = random.Random(f"{seed}:{index}")
    np_rnd = np.random.default_rng([seed, index])
    payload, card_data = make_payload(rnd)
    matrix = _qr_matrix(payload)
    modules = matrix.shape[0]
    qr_fraction = rnd.uniform(0.20, 0.28)
    quiet = rnd.randint(2, 4)
    card, qr_side = _draw_card(rnd, matrix, qr_fraction, quiet)

    frame_size = _frame_size(rnd)
    fw, fh = frame_size
    share = rnd.uniform(0.35, 0.60) if frame_size == (1280, 720) else rnd.uniform(0.15, 0.30)
    card_w = share * fw
    angle = math.radians(rnd.uniform(0, 360))
    tilt = [(rnd.uniform(-0.08, 0.08), rnd.uniform(-0.08, 0.08)) for _ in range(4)]

    def corners(width: float) -> list[tuple[float, float]]:
        height = width / 1.586
        local = [
            (-width / 2, -height / 2),
            (width / 2, -height / 2),
            (width / 2, height / 2),
            (-width / 2, height / 2),
        ]
        out = []
        for (x, y), (dx, dy) in zip(local, tilt, strict=True):
            x, y = x + dx * width, y + dy * width
            out.append((x * math.cos(angle) - y * math.sin(angle), x * math.sin(angle) + y * math.cos(angle)))
        return out

    def qr_quad(width: float) -> list[tuple[float, float]]:
        # The QR's corners (quiet zone included) as offsets from the card's centre in the frame.
        src = [(0, 0), (card.width, 0), (card.width, card.height), (0, card.height)]
        a, b, c, d, e, f, g, h = _perspective_coeffs(src, corners(width))  # card pixels -> frame offsets

        def project(x: float, y: float) -> tuple[float, float]:
            w = g * x + h * y + 1
            return (a * x + b * y + c) / w, (d * x + e * y + f) / w

        pad = quiet * RENDER_PITCH
        qx, qy = card.width - card.width // 25 - qr_side - pad, card.width // 25 - pad
        side = qr_side + 2 * pad
        return [
            project(qx, qy),
            project(qx + side, qy),
            project(qx + side, qy + side),
            project(qx, qy + side),
        ]

    def qr_pitch(width: float) -> float:
        # The shortest side of the warped QR divided by the module count: the worst pitch the decoder sees.
        quad = qr_quad(width)
        return min(math.dist(quad[i], quad[(i + 1) % 4]) for i in range(4)) / (modules + 2 * quiet)

    enlarged = False
    pitch = qr_pitch(card_w)
    if pitch < min_pitch:
        card_w *= min_pitch / pitch * 1.001
        pitch = qr_pitch(card_w)
        enlarged = True

    # Scale the card close to its final size with a proper low-pass filter first, so the perspective
    # resampling below works near 1:1 and does not alias the modules.
    scale = card_w / card.width * 1.15
    small = card.resize(
        (max(8, round(card.width * scale)), max(8, round(card.height * scale))), Image.Resampling.LANCZOS
    )
    pts = corners(card_w)
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    # Keep the whole card inside the frame where it fits; otherwise at least the QR and its quiet zone,
    # as the official would frame it.
    quad = qr_quad(card_w)
    qxs, qys = [p[0] for p in quad], [p[1] for p in quad]
    cx = rnd.uniform(-min(xs), fw - max(xs)) if span_x < fw else rnd.uniform(-min(qxs), fw - max(qxs))
    cy = rnd.uniform(-min(ys), fh - max(ys)) if span_y < fh else rnd.uniform(-min(qys), fh - max(qys))
    dst = [(x + cx, y + cy) for x, y in pts]
    src = [(0, 0), (small.width, 0), (small.width, small.height), (0, small.height)]
    coeffs = _perspective_coeffs(dst, src)
    frame = _background(rnd, frame_size, np_rnd)
    warped = small.transform(frame_size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC)
    mask = Image.new("L", small.size, 255).transform(
        frame_size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR
    )
    frame.paste(warped, (0, 0), mask)

    pixels = np.asarray(frame, dtype=np.float32)
    # Lighting and glare are smooth: compute them on a 4x coarser grid and interpolate (much faster).
    yy, xx = (np.mgrid[0 : fh + 4 : 4, 0 : fw + 4 : 4]).astype(np.float32)
    # Uneven lighting: a gradient across the frame and a vignette.
    direction = rnd.uniform(0, 2 * math.pi)
    ramp = ((xx - fw / 2) * math.cos(direction) + (yy - fh / 2) * math.sin(direction)) / max(fw, fh)
    low, high = rnd.uniform(0.55, 0.85), rnd.uniform(0.95, 1.1)
    light = (low + high) / 2 + ramp * (high - low)
    vignette = rnd.uniform(0.0, 0.25)
    light *= 1 - vignette * (((xx - fw / 2) / fw) ** 2 + ((yy - fh / 2) / fh) ** 2) * 2
    glare = np.zeros_like(light)
    glare_peak = 0.0
    if rnd.random() < 0.5:
        # Glare: a bright ellipse somewhere on the card (laminate reflecting a ceiling light).
        glare_peak = rnd.uniform(40, 150)
        gx = rnd.uniform(min(xs), max(xs)) + cx
        gy = rnd.uniform(min(ys), max(ys)) + cy
        ax, ay = card_w * rnd.uniform(0.04, 0.25), card_w * rnd.uniform(0.04, 0.25)
        rot = rnd.uniform(0, math.pi)
        dx, dy = xx - gx, yy - gy
        u = (dx * math.cos(rot) + dy * math.sin(rot)) / ax
        v = (-dx * math.sin(rot) + dy * math.cos(rot)) / ay
        glare = glare_peak * np.exp(-(u * u + v * v))

    def full(field_: np.ndarray) -> np.ndarray:
        coarse = Image.fromarray(field_.astype(np.float32), "F")
        big = coarse.resize((coarse.width * 4, coarse.height * 4), Image.Resampling.BILINEAR)
        return np.asarray(big.crop((0, 0, fw, fh)), dtype=np.float32)[..., None]

    pixels = pixels * full(light) + full(glare)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    blur = rnd.uniform(0, min(1.3, 0.4 * pitch))
    if blur > 0.05:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    noise = rnd.uniform(0, 10)
    pixels = np.asarray(image, dtype=np.float32) + np_rnd.normal(0, noise, (fh, fw, 1)).astype(np.float32)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    quality = rnd.randint(30, 90)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return Sample(
        index=index,
        jpeg=out.getvalue(),
        card=card_data,
        payload=payload,
        frame_size=frame_size,
        pitch=pitch,
        enlarged=enlarged,
        params={
            "blur": blur,
            "noise": noise,
            "quality": quality,
            "glare": glare_peak,
            "modules": modules,
            "card_share": card_w / fw,
        },
    )
