"""The kiosk's own texts: every key in all three languages, unknown keys refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.logic.i18n import LANGUAGES, Strings
from kiosk.settings import ASSETS


def test_every_text_has_all_three_languages() -> None:
    strings = Strings.load(ASSETS / "i18n")
    assert strings.keys()
    for key in sorted(strings.keys()):
        texts = {strings.text(key, language, payee="X") for language in LANGUAGES}
        assert len(texts) == 3, key  # three different texts, none left untranslated


def test_missing_translation_names_the_key(tmp_path: Path) -> None:
    (tmp_path / "ui.yaml").write_text("payment.scan:\n  kk: a\n  ru: b\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"ui.yaml: payment\.scan\.en: Field required"):
        Strings.load(tmp_path)


def test_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"payment\.nothing"):
        Strings.load(ASSETS / "i18n").text("payment.nothing", "kk")
