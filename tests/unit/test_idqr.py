from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

qrcode = pytest.importorskip("qrcode")
Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
ImageFilter = pytest.importorskip("PIL.ImageFilter")

from app import cli, idqr  # noqa: E402
from app.citizens import CardPayloadError  # noqa: E402
from app.idqr import QrImageError, decode_image, read_card_from_image, repair_mojibake  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2025, 6, 1)
PAYLOAD = "001099012345|123456789|Nguyễn Văn Đạt|15081999|Nam|Thôn 3, xã Tân Lập, tỉnh Mẫu|10052021"
NEW_CARD = "079303004567||Trần Thị Mai|02022003|Nữ|Phường 5, Quận 3, TP Hồ Chí Minh|04102024||||"

needs_zxing = pytest.mark.skipif(idqr.zxingcpp is None, reason="zxing-cpp not installed")
needs_zbar = pytest.mark.skipif(idqr._pyzbar is None, reason="pyzbar/libzbar not installed")


def make_qr(text: str, *, box: int = 8, border: int = 4):
    code = qrcode.QRCode(box_size=box, border=border, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text.encode("utf-8"))  # bytes mode, UTF-8, no ECI: what the cards carry
    code.make(fit=True)
    return code.make_image().get_image().convert("L")


def save(image, path: Path, fmt: str = "PNG") -> Path:
    image.save(path, fmt)
    return path


def busy_frame(qr, size=(1920, 1080), at=(1350, 720)):
    """A webcam-like frame: grey desk with clutter, the card's QR small in a corner."""
    rnd = random.Random(7)
    frame = Image.new("L", size, 170)
    draw = ImageDraw.Draw(frame)
    for _ in range(400):
        x, y = rnd.randrange(size[0]), rnd.randrange(size[1])
        if at[0] - 60 < x < at[0] + qr.width + 10 and at[1] - 40 < y < at[1] + qr.height + 10:
            continue
        draw.rectangle([x, y, x + rnd.randrange(4, 60), y + rnd.randrange(4, 30)], fill=rnd.randrange(256))
    frame.paste(qr, at)
    return frame


@pytest.fixture(params=["both", "zxing-cpp", "zbar"])
def decoder(request, monkeypatch):
    """Run a test with both decoders and with each one alone, as on machines missing the other."""
    if request.param == "zxing-cpp":
        if idqr.zxingcpp is None:
            pytest.skip("zxing-cpp not installed")
        monkeypatch.setattr(idqr, "_pyzbar", None)
    elif request.param == "zbar":
        if idqr._pyzbar is None:
            pytest.skip("pyzbar not installed")
        monkeypatch.setattr(idqr, "zxingcpp", None)
    elif not idqr.available_decoders():
        pytest.skip("no QR decoder installed")
    return request.param


# --- decoding ---------------------------------------------------------------------------------------------


def test_plain_png_decodes_to_utf8_text(tmp_path, decoder):
    path = save(make_qr(PAYLOAD), tmp_path / "card.png")
    assert decode_image(path) == [PAYLOAD]
    assert decode_image(str(path)) == [PAYLOAD]
    assert decode_image(path.read_bytes()) == [PAYLOAD]


def test_read_card_from_image(tmp_path, decoder):
    card = read_card_from_image(save(make_qr(PAYLOAD), tmp_path / "card.png"), today=TODAY)
    assert card.full_name == "Nguyễn Văn Đạt"
    assert card.address == "Thôn 3, xã Tân Lập, tỉnh Mẫu"
    assert card.date_of_birth == date(1999, 8, 15)


def test_new_card_with_extra_fields(tmp_path, decoder):
    card = read_card_from_image(save(make_qr(NEW_CARD), tmp_path / "new.jpg", "JPEG"), today=TODAY)
    assert card.sex == "Nữ"
    assert card.old_id_number is None
    assert card.extra == ("", "", "", "")


@pytest.mark.parametrize("text", ["Đạt", "Lê Thị Nữ", "Nguyễn Văn Đạt"])
def test_short_utf8_texts_are_not_misread_as_shift_jis(text, decoder):
    assert idqr.decode_pil_image(make_qr(text)) == [text]


@needs_zbar
def test_zbar_fallback_without_binary_mode_repairs_mojibake(monkeypatch):
    # An older zbar cannot be put in binary mode: its encoding guess must then be undone.
    monkeypatch.setattr(idqr, "_zbar_binary_config", lambda: None)
    assert idqr._zbar_decode(make_qr("Đạt")) == ["Đạt"]
    assert idqr._zbar_decode(make_qr(PAYLOAD)) == [PAYLOAD]


def test_repair_mojibake():
    assert repair_mojibake("ﾄ雪ｺ｡t") == "Đạt"  # zbar's Shift-JIS reading of "Đạt"
    assert repair_mojibake("Nguyá»…n") == "Nguyễn"
    assert repair_mojibake("Nguyễn Văn Đạt") == "Nguyễn Văn Đạt"
    assert repair_mojibake("plain ascii") == "plain ascii"


@pytest.mark.parametrize("angle", [90, 180, 17, -33])
def test_rotated_photos(tmp_path, decoder, angle):
    image = make_qr(PAYLOAD).rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    assert decode_image(save(image, tmp_path / "rotated.png")) == [PAYLOAD]


def test_small_qr_in_a_1080p_frame(tmp_path, decoder):
    frame = busy_frame(make_qr(PAYLOAD, box=3, border=2))
    assert decode_image(save(frame, tmp_path / "frame.jpg", "JPEG")) == [PAYLOAD]


def test_low_contrast_blurred_photo_needs_a_retry(tmp_path, decoder):
    image = make_qr(PAYLOAD, box=4).point(lambda v: 120 if v < 128 else 135)
    image = image.filter(ImageFilter.GaussianBlur(1.5))
    assert decode_image(save(image, tmp_path / "dim.png")) == [PAYLOAD]


def test_exif_orientation_is_applied(tmp_path, decoder):
    image = make_qr(PAYLOAD).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    path = tmp_path / "phone.jpg"
    image.save(path, "JPEG", exif=exif)
    assert decode_image(path) == [PAYLOAD]


# --- errors -----------------------------------------------------------------------------------------------


def kind_and_message(source) -> tuple[str, str]:
    with pytest.raises(QrImageError) as info:
        read_card_from_image(source, today=TODAY)
    return info.value.kind, info.value.message


def test_missing_file(tmp_path):
    kind, message = kind_and_message(tmp_path / "khong-co.png")
    assert kind == "missing"
    assert message.startswith("Không tìm thấy tệp ảnh")


def test_directory_is_not_an_image(tmp_path):
    assert kind_and_message(tmp_path)[0] == "not_image"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    assert kind_and_message(path) == ("not_image", "Tệp ảnh empty.png rỗng (0 byte).")


def test_text_file_is_not_an_image(tmp_path):
    path = tmp_path / "notes.png"
    path.write_text("đây không phải ảnh", encoding="utf-8")
    kind, message = kind_and_message(path)
    assert kind == "not_image"
    assert message == "Tệp notes.png không phải là ảnh hoặc có định dạng ảnh không được hỗ trợ."


def test_truncated_png_is_corrupt(tmp_path):
    data = io.BytesIO()
    make_qr(PAYLOAD).save(data, "PNG")
    path = tmp_path / "broken.png"
    path.write_bytes(data.getvalue()[: len(data.getvalue()) // 2])
    kind, message = kind_and_message(path)
    assert kind == "corrupt"
    assert message == "Tệp ảnh broken.png bị hỏng hoặc không đọc được."


def test_garbage_after_png_signature_is_rejected(tmp_path):
    path = tmp_path / "garbage.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(random.Random(1).getrandbits(8) for _ in range(4000)))
    assert kind_and_message(path)[0] in {"corrupt", "not_image"}


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(idqr, "MAX_FILE_BYTES", 1000)
    path = save(make_qr(PAYLOAD), tmp_path / "big.png")
    kind, message = kind_and_message(path)
    assert kind == "too_large"
    assert "quá lớn" in message
    assert kind_and_message(path.read_bytes())[0] == "too_large"


def test_too_many_pixels_is_refused_before_decoding(tmp_path, monkeypatch):
    path = save(Image.new("1", (8000, 8000), 1), tmp_path / "huge.png")  # 64 MP, a few kB on disk
    assert path.stat().st_size < 1_000_000
    monkeypatch.setattr(idqr.Image.Image, "load", lambda self: pytest.fail("pixels decoded"))
    kind, message = kind_and_message(path)
    assert kind == "too_large"
    assert message.startswith("Ảnh huge.png quá lớn (8000×8000 điểm ảnh, tối đa 60 megapixel)")


def test_image_without_qr(tmp_path):
    frame = busy_frame(Image.new("L", (10, 10), 170))
    kind, message = kind_and_message(save(frame, tmp_path / "desk.png"))
    assert kind == "no_qr"
    assert message.startswith("Không tìm thấy mã QR trong ảnh desk.png.")


def test_qr_that_is_not_a_citizen_card(tmp_path):
    path = save(make_qr("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"), tmp_path / "url.png")
    with pytest.raises(CardPayloadError) as info:
        read_card_from_image(path, today=TODAY)
    assert info.value.message == "Mã QR không phải thẻ căn cước: chỉ có 1 trường, cần ít nhất 7."


def test_card_qr_that_fails_cross_checks(tmp_path):
    path = save(make_qr(PAYLOAD.replace("15081999", "15081985")), tmp_path / "wrong.png")
    with pytest.raises(CardPayloadError, match="không khớp năm sinh 1985"):
        read_card_from_image(path, today=TODAY)


def test_no_decoder_installed(tmp_path, monkeypatch):
    monkeypatch.setattr(idqr, "zxingcpp", None)
    monkeypatch.setattr(idqr, "_pyzbar", None)
    kind, message = kind_and_message(save(make_qr(PAYLOAD), tmp_path / "card.png"))
    assert kind == "no_decoder"
    assert "Chưa cài thư viện giải mã QR" in message


def test_a_failing_decoder_falls_through_to_the_next(tmp_path, monkeypatch):
    if idqr.available_decoders() != ["zxing-cpp", "zbar"]:
        pytest.skip("needs both decoders")

    def broken(image):
        raise RuntimeError("native failure")

    monkeypatch.setattr(idqr, "_zxing_decode", broken)
    assert decode_image(save(make_qr(PAYLOAD), tmp_path / "card.png")) == [PAYLOAD]


def test_import_without_any_image_library():
    # Block Pillow and both decoders: the module must import and report a Vietnamese error on use.
    code = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"PIL", "zxingcpp", "pyzbar", "numpy"}:
            raise ImportError(name)
sys.meta_path.insert(0, Block())
from app import idqr
from app.idqr import QrImageError
try:
    idqr.decode_image(b"not an image")
except QrImageError as exc:
    print(exc.kind)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "no_decoder"


# --- CLI --------------------------------------------------------------------------------------------------


def run_cli(monkeypatch, capsys, argv):
    # Only this command is registered, so the test does not depend on the other command modules.
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("app.commands.id_cmd",))
    code = cli.main(argv)
    return code, capsys.readouterr()


def test_cli_decode_json(tmp_path, monkeypatch, capsys):
    good = save(make_qr(PAYLOAD), tmp_path / "the-card.png")
    new = save(make_qr(NEW_CARD), tmp_path / "new-card.png")
    missing = tmp_path / "missing.png"
    text = save(make_qr("xin chào"), tmp_path / "text.png")
    code, out = run_cli(
        monkeypatch, capsys, ["id", "decode", str(good), str(new), str(missing), str(text), "--json"]
    )
    assert code == 0
    lines = out.out.splitlines()
    assert "Nguyễn Văn Đạt" in lines[0]  # ensure_ascii=False
    rows = [json.loads(line) for line in lines]
    assert rows[0] == {
        "path": str(good),
        "id_number": "001099012345",
        "old_id_number": "123456789",
        "full_name": "Nguyễn Văn Đạt",
        "date_of_birth": "1999-08-15",
        "sex": "Nam",
        "address": "Thôn 3, xã Tân Lập, tỉnh Mẫu",
        "issue_date": "2021-05-10",
    }
    assert rows[1]["old_id_number"] is None
    assert rows[1]["issue_date"] == "2024-10-04"
    assert rows[2] == {"path": str(missing), "error": f"Không tìm thấy tệp ảnh {missing}."}
    assert rows[3] == {
        "path": str(text),
        "error": "Mã QR không phải thẻ căn cước: chỉ có 1 trường, cần ít nhất 7.",
    }


def test_cli_decode_human_readable(tmp_path, monkeypatch, capsys):
    good = save(make_qr(PAYLOAD), tmp_path / "card.png")
    code, out = run_cli(monkeypatch, capsys, ["id", "decode", str(good)])
    assert code == 0
    assert "Họ và tên:    Nguyễn Văn Đạt" in out.out
    assert "Ngày sinh:    15/08/1999" in out.out


def test_cli_id_without_subcommand_prints_help(monkeypatch, capsys):
    code, out = run_cli(monkeypatch, capsys, ["id"])
    assert code == 1
    assert "decode" in out.out
