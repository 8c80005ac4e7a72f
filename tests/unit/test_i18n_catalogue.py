"""The English catalogue of app/ messages (resources/i18n/en.json) matches the source and is used by tr()."""

from __future__ import annotations

import json
import re
import string

import pytest

from app import i18n
from app.errors import ValidationError
from tests.i18n_sources import I18N_DIR, app_messages

CATALOGUE = I18N_DIR / "en.json"
# Modules whose messages an official sees most: all of them must be translated.
REQUIRED = ("app/services/", "app/workdays.py", "app/catalogue.py", "app/citizens.py", "app/status.py",
            "app/db.py", "app/fsutil.py", "app/security/", "app/devices/", "app/idqr.py", "app/imaging.py",
            "app/settings.py", "app/attachments.py", "app/storage.py", "app/backup.py", "app/fleet.py",
            "app/fees.py", "app/dossier_codes.py", "sync/transport.py", "sync/engine.py", "sync/apply.py")


def placeholders(text: str) -> list[str]:
    """``{name}``/``{at:%d/%m/%Y}`` fields, with their format specs, sorted."""
    return sorted(f"{name}:{spec}" for _lit, name, spec, _conv in string.Formatter().parse(text) if name is not None)


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sources() -> dict[str, list[str]]:
    return app_messages()


@pytest.fixture
def in_english():
    i18n.set_language("en")
    yield
    i18n.set_language("vi")


def test_every_key_is_a_tr_literal_of_the_source(english, sources):
    stale = [key for key in english if key not in sources]
    assert not stale, f"{len(stale)} stale entries in en.json: {stale[:5]}"


def test_translations_keep_the_placeholders(english):
    wrong = {key: value for key, value in english.items()
             if not value.strip() or placeholders(key) != placeholders(value)}
    assert not wrong


def test_the_messages_an_official_sees_most_are_translated(english, sources):
    missing = [text for text, where in sources.items()
               if text not in english and any(w.startswith(REQUIRED) for w in where)]
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:3]}"


def test_the_scanner_finds_literals_constants_and_dict_values(sources):
    assert "Thời điểm “{value}” không đúng dạng (ví dụ 2027-02-04 16:20 hoặc 04/02/2027 16:20)." in sources
    assert "Đã trả kết quả" in sources  # tr(STATUS_LABELS[...])
    assert "Văn bản ủy quyền" in sources  # tr(AUTHORIZATION_NAME), imported from another module
    assert all(re.fullmatch(r"[\w/.]+\.py:\d+", w) for where in sources.values() for w in where)


def test_set_language_en_makes_errors_english(in_english):
    from app.status import Status, label
    from app.workdays import parse_datetime

    with pytest.raises(ValidationError) as caught:
        parse_datetime("mai 4 giờ")
    assert caught.value.message == ("The date and time “mai 4 giờ” is not in a valid format "
                                    "(e.g. 2027-02-04 16:20 or 04/02/2027 16:20).")
    assert label(Status.RETURNED) == "Result returned"


def test_vietnamese_stays_the_default():
    from app.workdays import parse_datetime

    assert i18n.current_language() == "vi"
    with pytest.raises(ValidationError, match="không đúng dạng"):
        parse_datetime("mai 4 giờ")
