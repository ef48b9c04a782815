"""The kiosk's texts to PO files and back, as a translator's round trip: nothing lost, only
what was translated changes, comments and layout kept, and bad translations refused."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from kiosk.settings import ASSETS
from kiosk.translations import TranslationError, export, import_po, missing


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "i18n"
    shutil.copytree(ASSETS / "i18n", folder)
    return folder


def edit_po(path: Path, key: str, *, string: str | None = None, fuzzy: bool = False) -> None:
    with path.open("rb") as file:
        catalog = read_po(file)
    message = next(m for m in catalog if m.context == key)
    if string is not None:
        message.string = string
    if fuzzy:
        message.flags.add("fuzzy")
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    path.write_bytes(buffer.getvalue())


def files(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.yaml")}


def test_export_then_import_changes_nothing(texts: Path, tmp_path: Path) -> None:
    before = files(texts)
    written = export(texts, tmp_path / "po")
    assert sorted(path.name for path in written) == ["kiosk.pot", "kk.po", "ru.po"]
    assert import_po(texts, tmp_path / "po") == 0
    assert files(texts) == before  # byte for byte: comments, quotes and flow style kept


def test_a_translation_comes_back_into_its_yaml_and_nowhere_else(
    texts: Path, tmp_path: Path
) -> None:
    export(texts, tmp_path / "po")
    edit_po(tmp_path / "po" / "ru.po", "welcome.title", string="Добро пожаловать в ЦОН!")
    before = files(texts)
    assert import_po(texts, tmp_path / "po") == 1
    after = files(texts)
    changed = [
        (old, new)
        for name in before
        for old, new in zip(before[name].splitlines(), after[name].splitlines(), strict=True)
        if old != new
    ]
    assert changed == [("  ru: Добро пожаловать!", "  ru: Добро пожаловать в ЦОН!")]
    assert not list(missing(texts))


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"string": "Қате PIN: {seconds}"}, "placeholders ['seconds'], not ['left', 'seconds']"),
        ({"fuzzy": True}, "marked fuzzy"),
        ({"string": ""}, "no kk translation"),
    ],
)
def test_a_bad_translation_is_refused_and_nothing_is_written(
    texts: Path, tmp_path: Path, change: dict[str, object], said: str
) -> None:
    export(texts, tmp_path / "po")
    edit_po(tmp_path / "po" / "kk.po", "attendant.pin-wrong", **change)  # type: ignore[arg-type]
    before = files(texts)
    with pytest.raises(TranslationError, match=r"kk\.po:[0-9]+: attendant\.pin-wrong") as caught:
        import_po(texts, tmp_path / "po")
    assert said in str(caught.value)
    assert files(texts) == before


def test_a_key_the_kiosk_does_not_have_is_refused(texts: Path, tmp_path: Path) -> None:
    export(texts, tmp_path / "po")
    po = tmp_path / "po" / "ru.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgctxt "welcome.title"', 'msgctxt "welcome.x"'),
        encoding="utf-8",
    )
    with pytest.raises(TranslationError, match=r"welcome\.x: the kiosk has no text"):
        import_po(texts, tmp_path / "po")


def test_the_check_names_a_missing_language(texts: Path) -> None:
    ui = texts / "ui.yaml"
    text = ui.read_text(encoding="utf-8")
    assert "  ru: Добро пожаловать!\n" in text
    ui.write_text(text.replace("  ru: Добро пожаловать!\n", ""), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "texts", "--folder", str(texts), "check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "ui.yaml: welcome.title: no ru text" in done.stderr


def test_the_shipped_texts_are_complete() -> None:
    assert list(missing(ASSETS / "i18n")) == []
