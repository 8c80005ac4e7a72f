"""Procedure catalogue: seed, validation, import/export, deactivation, search and the CLI."""

from __future__ import annotations

import argparse
import copy
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from app import catalogue as cat
from app import paths
from app.db import open_database
from app.errors import NotFoundError, UserError, ValidationError
from app.models import Meta, Procedure

SEED_PATH = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "procedures.json"


@pytest.fixture(scope="module")
def seed_data() -> dict:
    return json.loads(SEED_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def raw(seed_data) -> dict:
    return copy.deepcopy(seed_data)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "db.sqlite3")
    yield database
    database.close()


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _errors(data) -> list[str]:
    with pytest.raises(cat.CatalogueError) as info:
        cat.parse_catalogue(data)
    assert isinstance(info.value, ValidationError)
    return info.value.errors


# ------------------------------------------------------------------------------------------------ seed


def test_seed_is_valid_and_large_enough():
    seed = cat.load_catalogue_file(cat.seed_catalogue_path())
    assert seed.version == "2026.11-seed"
    assert len(seed.procedures) >= 18
    assert all(p.level == 3 for p in seed.procedures)
    assert all(p.cases and all(c.documents for c in p.cases) for p in seed.procedures)
    fields = {p.field.name for p in seed.procedures}
    assert {"Hộ tịch", "Chứng thực", "Bảo trợ xã hội"} <= fields


def test_seed_text_is_nfc_and_has_the_known_codes(seed_data):
    for text in _strings(seed_data):
        assert unicodedata.is_normalized("NFC", text), text
    codes = {p["code"] for p in seed_data["procedures"]}
    assert {"1.001193", "1.000894", "1.000656", "1.004873", "2.000815", "2.000884", "1.001612", "1.001699"} <= codes


def test_seed_facts_match_the_domain_notes():
    seed = cat.load_catalogue_file(cat.seed_catalogue_path()).by_code()
    assert seed["1.001193"].processing.unit == "same_day"
    assert seed["1.004873"].processing == cat.Processing(3, "working_days", seed["1.004873"].processing.note)
    assert seed["2.000635"].fees[0].amount == 8000
    copy_fee = seed["2.000815"].fees[0]
    assert copy_fee.kind == "per_page" and copy_fee.cap == 200_000
    assert [(t.from_page, t.amount) for t in copy_fee.tiers] == [(1, 2000), (3, 1000)]
    assert seed["2.000884"].fees[0].amount == 10000
    templates = [d.template for d in seed["1.001193"].cases[0].documents]
    assert "Tờ khai đăng ký khai sinh" in templates


# ------------------------------------------------------------------------------------------ validation


def test_error_names_procedure_position_code_and_field(raw):
    third = raw["procedures"][2]
    third["processing"]["unit"] = "days"
    [error] = _errors(raw)
    assert error.startswith(
        f"Thủ tục thứ 3 ({third['code']}): trường “processing.unit” phải là một trong "
        "working_days, working_hours, same_day"
    )


def test_several_errors_are_reported_together(raw):
    procs = raw["procedures"]
    procs[0]["level"] = "3"
    del procs[1]["name"]
    procs[2]["cases"][0]["documents"][1]["copies"] = -1
    procs[3]["fees"][0]["kind"] = "fixed"
    procs[3]["fees"][0]["amount"] = -5000
    procs[4]["code"] = procs[0]["code"]
    with pytest.raises(cat.CatalogueError) as info:
        cat.parse_catalogue(raw, source="moi.json")
    errors = info.value.errors
    assert len(errors) == 5
    c0, c1, c2, c3 = (procs[i]["code"] for i in range(4))
    assert f"Thủ tục thứ 1 ({c0}): trường “level” phải là số nguyên (đang là chuỗi “3”)" in errors
    assert f"Thủ tục thứ 2 ({c1}): thiếu trường “name”" in errors
    doc = procs[2]["cases"][0]["documents"][1]
    case = procs[2]["cases"][0]
    assert (
        f"Thủ tục thứ 3 ({c2}), trường hợp thứ 1 ({case['code']}), giấy tờ thứ 2 ({doc['code']}): "
        "trường “copies” không được âm (đang là -1)"
    ) in errors
    assert any(e.startswith(f"Thủ tục thứ 4 ({c3}), phí, lệ phí thứ 1") and "“amount” không được âm" in e for e in errors)
    assert f"Thủ tục thứ 5 ({c0}): mã “{c0}” bị trùng với thủ tục thứ 1" in errors
    message = info.value.message
    assert message.startswith("Danh mục thủ tục trong tệp moi.json không hợp lệ (5 lỗi):")
    assert all(e in message for e in errors)


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(format=2), "Định dạng danh mục 2 không được hỗ trợ"),
        (lambda d: d.pop("version"), "Danh mục: thiếu trường “version”"),
        (lambda d: d.update(procedures=[]), "Danh mục không có thủ tục nào"),
        (lambda d: d.update(procedures={}), "Danh mục: trường “procedures” phải là danh sách"),
        (lambda d: d["procedures"][0].update(cases=[]), "phải có ít nhất một trường hợp"),
        (lambda d: d["procedures"][0].update(level=7), "trường “level” phải từ 0 đến 3"),
        (lambda d: d["procedures"][0]["processing"].update(value=-1), "trường “processing.value” không được âm"),
        (lambda d: d["procedures"][0].update(code="1.00 1193"), "không được chứa khoảng trắng"),
        (lambda d: d["procedures"][0].update(results="Giấy khai sinh"), "trường “results” phải là danh sách"),
        (lambda d: d["procedures"][0]["field"].pop("name"), "thiếu trường “field.name”"),
        (lambda d: d["procedures"][0]["cases"][0]["documents"][0].update(required="có"),
         "giấy tờ thứ 1 (GT01): trường “required” phải là true hoặc false"),
        (lambda d: d["procedures"][0]["cases"].append(copy.deepcopy(d["procedures"][0]["cases"][0])),
         "mã “TH01” bị trùng với trường hợp thứ 1"),
    ],
)
def test_invalid_catalogues_are_located(raw, mutate, expected):
    raw["procedures"].sort(key=lambda p: p["code"])
    mutate(raw)
    errors = _errors(raw)
    assert any(expected in e for e in errors), errors


def test_per_page_tiers_must_start_at_page_one_and_increase(raw):
    proc = next(p for p in raw["procedures"] if p["code"] == "2.000815")
    proc["fees"][0]["tiers"] = [{"from_page": 3, "amount": 1000}, {"from_page": 2, "amount": 2000}]
    [error] = _errors(raw)
    assert "phí, lệ phí thứ 1 (PHI01)" in error and "bắt đầu từ trang 1" in error


def test_top_level_must_be_an_object():
    [error] = _errors([1, 2])
    assert "phải là một đối tượng JSON" in error


def test_text_is_normalised_to_nfc(raw):
    nfd = unicodedata.normalize("NFD", "Đăng ký khai sinh")
    raw["procedures"][0]["name"] = "  " + nfd + " "
    parsed = cat.parse_catalogue(raw)
    assert raw["procedures"][0]["code"] in {p.code for p in parsed.procedures}
    assert parsed.by_code()[raw["procedures"][0]["code"]].name == "Đăng ký khai sinh"


# ----------------------------------------------------------------------------------------------- files


def test_missing_file(tmp_path):
    with pytest.raises(ValidationError, match="Không tìm thấy tệp danh mục"):
        cat.load_catalogue_file(tmp_path / "khong-co.json")


def test_bad_json_names_line_and_column(tmp_path):
    path = tmp_path / "hong.json"
    path.write_text('{\n  "format": 1,\n  "version": "x",,\n}', encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        cat.load_catalogue_file(path)
    assert "dòng 3, cột 18" in info.value.message


def test_non_utf8_file(tmp_path):
    path = tmp_path / "cp1258.json"
    path.write_bytes('{"version": "Hộ tịch"}'.encode("utf-16"))
    with pytest.raises(ValidationError, match="không phải văn bản UTF-8"):
        cat.load_catalogue_file(path)


def test_byte_order_mark_is_accepted(tmp_path, seed_data):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(seed_data, ensure_ascii=False).encode("utf-8"))
    assert len(cat.load_catalogue_file(path).procedures) == len(seed_data["procedures"])


def test_file_errors_name_the_file(tmp_path, raw):
    raw["procedures"][0]["level"] = -1
    path = tmp_path / "sai.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(cat.CatalogueError) as info:
        cat.load_catalogue_file(path)
    assert str(path) in info.value.message


# -------------------------------------------------------------------------------------------- database


def test_import_export_round_trip(db):
    seed = cat.load_catalogue_file(cat.seed_catalogue_path())
    with db.session() as s:
        result = cat.import_catalogue(s, seed)
    assert (result.added, result.updated, result.deactivated) == (len(seed.procedures), 0, 0)
    with db.session() as s:
        exported = cat.export_catalogue(s)
        assert cat.catalogue_version(s) == "2026.11-seed"
    assert cat.parse_catalogue(exported) == seed
    again = cat.parse_catalogue(json.loads(cat.catalogue_to_json(exported)))
    with db.session() as s:
        result = cat.import_catalogue(s, again)
        assert cat.export_catalogue(s) == exported
    assert (result.added, result.updated, result.unchanged, result.deactivated) == (0, 0, len(seed.procedures), 0)


def test_rows_hold_searchable_columns(db):
    with db.session() as s:
        cat.ensure_seeded(s)
        row = s.get(Procedure, "1.004873")
        assert row.name_folded == "cap giay xac nhan tinh trang hon nhan"
        assert (row.field_code, row.level, row.processing_value, row.processing_unit) == ("HT", 3, 3.0, "working_days")
        assert row.active and row.catalogue_version == "2026.11-seed"
        assert row.data["code"] == "1.004873"


def test_removed_procedure_is_deactivated_not_deleted(db, raw):
    with db.session() as s:
        cat.ensure_seeded(s)
    removed = "1.001612"
    changed = "2.000635"
    newer = copy.deepcopy(raw)
    newer["version"] = "2027.01"
    newer["procedures"] = [p for p in newer["procedures"] if p["code"] != removed]
    next(p for p in newer["procedures"] if p["code"] == changed)["fees"][0]["amount"] = 10000
    extra = copy.deepcopy(newer["procedures"][0])
    extra.update(code="XA.HT.099", name="Thủ tục thử nghiệm mới")
    newer["procedures"].append(extra)

    with db.session() as s:
        result = cat.import_catalogue(s, cat.parse_catalogue(newer))
    assert (result.added, result.updated, result.deactivated) == (1, 1, 1)
    assert result.deactivated_codes == (removed,) and result.updated_codes == (changed,)
    with db.session() as s:
        row = s.get(Procedure, removed)
        assert row is not None and row.active is False
        assert row.catalogue_version == "2026.11-seed"  # the version it last belonged to
        assert s.get(Meta, "catalogue_version").value == "2027.01"
        assert cat.get_procedure(s, removed).name == "Đăng ký thành lập hộ kinh doanh"
        with pytest.raises(NotFoundError, match="đã ngừng áp dụng"):
            cat.get_procedure(s, removed, active_only=True)
        assert removed not in {p.code for p in cat.search_procedures(s, "ho kinh doanh")}
        assert removed in {p.code for p in cat.search_procedures(s, "ho kinh doanh", include_inactive=True)}
        assert removed not in {p["code"] for p in cat.export_catalogue(s)["procedures"]}
        assert cat.get_procedure(s, changed).fees[0].amount == 10000

    with db.session() as s:  # listed again: back in service
        result = cat.import_catalogue(s, cat.parse_catalogue(raw))
        assert removed in result.updated_codes and "XA.HT.099" in result.deactivated_codes
        assert s.get(Procedure, removed).active is True


def test_ensure_seeded_only_once(db):
    with db.session() as s:
        first = cat.ensure_seeded(s)
        assert first is not None and first.added >= 18
    with db.session() as s:
        assert cat.ensure_seeded(s) is None


def test_get_procedure_not_found(db):
    with db.session() as s:
        cat.ensure_seeded(s)
        with pytest.raises(NotFoundError, match="Không tìm thấy thủ tục có mã “9.999999”"):
            cat.get_procedure(s, "9.999999")
        spec = cat.get_procedure(s, "1.001193")
        assert spec.case("TH02").name == "Không có giấy chứng sinh"
        with pytest.raises(NotFoundError):
            spec.case("TH09")


@pytest.mark.parametrize(
    ("query", "first", "expected"),
    [
        ("khai sinh", "1.001193", {"1.001193", "1.004884", "1.003583"}),
        ("KHAI SINH luu dong", "1.003583", {"1.003583"}),
        ("chung thuc", None, {"2.000815", "2.000884", "XA.CT.001", "XA.CT.002", "XA.CT.003"}),
        ("ket hon", "1.000894", {"1.000894", "1.000593"}),
        ("kết hôn", "1.000894", {"1.000894", "1.000593"}),
        ("1.004873", "1.004873", {"1.004873"}),
        ("xa.ct", None, {"XA.CT.001", "XA.CT.002", "XA.CT.003"}),
        ("khai sinh ket hon", None, set()),
        ("100%", None, set()),
    ],
)
def test_search_is_accent_insensitive_and_needs_every_word(db, query, first, expected):
    with db.session() as s:
        cat.ensure_seeded(s)
        found = cat.search_procedures(s, query)
    assert {p.code for p in found} == expected
    if first:
        assert found[0].code == first


def test_search_without_query_lists_all_and_respects_limit(db):
    with db.session() as s:
        cat.ensure_seeded(s)
        assert len(cat.search_procedures(s, "", limit=None)) == 20
        assert len(cat.search_procedures(s, "", limit=5)) == 5


def test_describe_processing():
    assert cat.describe_processing(cat.Processing(0, "same_day")) == "Trong ngày"
    assert cat.describe_processing(cat.Processing(3, "working_days")) == "3 ngày làm việc"
    assert cat.describe_processing(cat.Processing(1.5, "working_days")) == "1,5 ngày làm việc"
    assert cat.describe_processing(cat.Processing(4, "working_hours")) == "4 giờ làm việc"


# ------------------------------------------------------------------------------------------------- CLI


def _local_main(argv: list[str]) -> int:
    from app.commands import catalogue_cmd

    parser = argparse.ArgumentParser(prog="motcua")
    parser.add_argument("--data-dir")
    catalogue_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        return 2


def run_cli(tmp_path: Path, *argv: str) -> int:
    full = ["--data-dir", str(tmp_path), "catalogue", *argv]
    try:
        from app import cli

        cli.build_parser()
    except ModuleNotFoundError:
        # Other command modules may not exist yet; exercise this one on its own.
        return _local_main(full)
    return cli.main(full)


@pytest.fixture
def data_dir(tmp_path):
    yield tmp_path / "data"
    paths.set_data_dir(None)


@pytest.fixture
def province_key(data_dir):
    """The province's catalogue key, its public half trusted in the workstation's settings."""
    from app.security import signing
    from app.settings import Settings, save_settings

    key = signing.generate_private_key()
    paths.set_data_dir(data_dir)
    save_settings(Settings(catalogue_public_keys=[signing.public_key_text(key)]))
    return key


def _sign(path: Path, key) -> Path:  # noqa: ANN001 - Ed25519PrivateKey
    from app.security import signing

    signing.sign_file(path, key, signing.CATALOGUE)
    return path


def _audit_actions(data_dir: Path) -> list[tuple[str, str, dict]]:
    paths.set_data_dir(data_dir)
    database = open_database()
    try:
        with database.session() as session:
            from app.models import AuditEntry

            rows = session.query(AuditEntry).order_by(AuditEntry.seq).all()
            return [(r.action, r.operator, json.loads(r.details)) for r in rows]
    finally:
        database.close()


def test_cli_list(data_dir, capsys):
    assert run_cli(data_dir, "list", "khai sinh") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("1.001193")
    assert "Đăng ký khai sinh lưu động" in out
    assert "3 thủ tục (danh mục 2026.11-seed)." in out


def test_cli_export_import_round_trip(data_dir, province_key, tmp_path, capsys, raw):
    assert run_cli(data_dir, "export") == 0
    printed = json.loads(capsys.readouterr().out)
    assert len(printed["procedures"]) == 20

    target = tmp_path / "out" / "danh-muc.json"
    assert run_cli(data_dir, "export", "-o", str(target)) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == printed

    raw["version"] = "2027.02"
    raw["procedures"] = [p for p in raw["procedures"] if p["code"] != "XA.CT.003"]
    newer = tmp_path / "moi.json"
    newer.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    _sign(newer, province_key)
    capsys.readouterr()
    assert run_cli(data_dir, "import", str(newer)) == 0
    out = capsys.readouterr().out
    assert "phiên bản 2027.02" in out and "ngừng áp dụng 1 thủ tục" in out and "XA.CT.003" in out

    assert run_cli(data_dir, "list", "--all", "phan chia di san") == 0
    assert "(ngừng áp dụng)" in capsys.readouterr().out


def test_cli_import_errors(data_dir, province_key, tmp_path, capsys, raw):
    assert run_cli(data_dir, "import", str(tmp_path / "khong-co.json")) == 2
    assert "Không tìm thấy tệp" in capsys.readouterr().err

    raw["version"] = "2099.bad"
    raw["procedures"][0]["processing"]["unit"] = "ngay"
    bad = tmp_path / "sai.json"
    bad.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    _sign(bad, province_key)
    assert run_cli(data_dir, "import", str(bad)) == 2
    err = capsys.readouterr().err
    assert f"Thủ tục thứ 1 ({raw['procedures'][0]['code']}): trường “processing.unit”" in err

    # The file is checked before the database is touched: nothing was imported or deactivated.
    assert run_cli(data_dir, "list") == 0
    assert "20 thủ tục (danh mục 2026.11-seed)." in capsys.readouterr().out


def _release(tmp_path: Path, raw: dict, version: str = "2027.03") -> Path:
    raw["version"] = version
    path = tmp_path / f"{version}.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_import_accepts_a_signed_envelope(data_dir, province_key, tmp_path, capsys, raw):
    from app.security import signing

    plain = _release(tmp_path, raw)
    envelope = signing.write_envelope(tmp_path / "danh-muc.signed", plain.read_bytes(), province_key,
                                      signing.CATALOGUE)
    assert run_cli(data_dir, "import", str(envelope)) == 0
    assert "phiên bản 2027.03" in capsys.readouterr().out
    action, _operator, details = _audit_actions(data_dir)[-1]
    assert action == "catalogue_import" and details["signed"] is True


@pytest.mark.parametrize("problem", ["unsigned", "wrong_key", "tampered", "wrong_purpose"])
def test_cli_import_refuses_what_the_province_did_not_sign(data_dir, province_key, tmp_path, capsys, raw,
                                                           problem):
    from app.security import signing

    path = _release(tmp_path, raw)
    if problem == "wrong_key":
        _sign(path, signing.generate_private_key())
    elif problem == "tampered":
        _sign(path, province_key)
        path.write_bytes(path.read_bytes().replace(b"2027.03", b"2027.04"))
    elif problem == "wrong_purpose":
        signing.sign_file(path, province_key, signing.TRANSFER)
    assert run_cli(data_dir, "import", str(path)) == 2
    assert capsys.readouterr().err.strip()
    assert run_cli(data_dir, "list") == 0
    assert "(danh mục 2026.11-seed)" in capsys.readouterr().out  # nothing imported
    action, _operator, details = _audit_actions(data_dir)[-1]
    assert action == "signature_rejected" and details["source"] == "import" and len(details["sha256"]) == 64


def test_cli_import_without_a_trusted_key_explains_what_to_do(data_dir, tmp_path, capsys, raw):
    assert run_cli(data_dir, "import", str(_release(tmp_path, raw))) == 2
    err = capsys.readouterr().err
    assert "catalogue_public_keys" in err and "--unsigned" in err


def test_cli_unsigned_import_needs_an_administrator_and_is_audited(data_dir, tmp_path, capsys, raw, monkeypatch):
    import io

    from app.security import operators

    path = _release(tmp_path, raw)
    assert run_cli(data_dir, "import", "--unsigned", str(path)) == 2
    assert "--admin" in capsys.readouterr().err
    paths.set_data_dir(data_dir)
    database = open_database()
    with database.session() as session:
        operators.create_first_admin(session, "quantri", "Quản trị viên", "mat-khau-dai-1")
    database.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("sai-mat-khau\n"))
    assert run_cli(data_dir, "import", "--unsigned", "--admin", "quantri", "--password-stdin", str(path)) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-dai-1\n"))
    assert run_cli(data_dir, "import", "--unsigned", "--admin", "quantri", "--password-stdin", str(path)) == 0
    captured = capsys.readouterr()
    assert "phiên bản 2027.03" in captured.out and "chưa được ký số" in captured.err
    action, operator, details = _audit_actions(data_dir)[-1]
    assert (action, operator, details["signed"]) == ("catalogue_import", "quantri", False)
    import hashlib

    assert details["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
