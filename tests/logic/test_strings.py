"""The kiosk's own texts: every key in all three languages, unknown keys refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.logic.i18n import LANGUAGES, Strings, placeholders
from kiosk.settings import ASSETS


def test_every_text_has_all_three_languages() -> None:
    strings = Strings.load(ASSETS / "i18n")
    assert strings.names()
    for key in sorted(strings.names()):
        if key.startswith("language."):
            continue  # a language's name is written in that language everywhere
        texts = set()
        for language in LANGUAGES:
            names = placeholders(strings.local(key).get(language))
            texts.add(strings.text(key, language, **dict.fromkeys(names, "X")))
        assert len(texts) == 3, key  # three different texts, none left untranslated


def test_placeholders_are_the_same_in_every_language() -> None:
    strings = Strings.load(ASSETS / "i18n")
    for key in strings.names():
        local = strings.local(key)
        assert len({frozenset(names) for names in local.placeholders().values()}) == 1, key


def test_missing_translation_names_the_key(tmp_path: Path) -> None:
    (tmp_path / "ui.yaml").write_text("payment.scan:\n  kk: a\n  ru: b\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"ui.yaml: payment\.scan\.en: Field required"):
        Strings.load(tmp_path)


def test_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"payment\.nothing"):
        Strings.load(ASSETS / "i18n").text("payment.nothing", "kk")


def test_a_stray_brace_is_named(tmp_path: Path) -> None:
    (tmp_path / "ui.yaml").write_text(
        "payment.scan:\n  kk: a\n  ru: b\n  en: 'Scan {it'\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"ui.yaml: payment\.scan\.en:"):
        Strings.load(tmp_path)
