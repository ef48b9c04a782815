"""The kiosk's own texts (assets/i18n/*.yaml) as translators work with them: PO files.

`kiosk texts export DIR` writes `kiosk.pot` (the English source) and `kk.po`, `ru.po` with
Babel's catalogue tools: each message's context is the text's key, its id the English text,
its string the translation. `kiosk texts import DIR` reads `kk.po` and `ru.po` back into the
YAML files, keeping their comments and layout (ruamel.yaml's round trip); a fuzzy or empty
translation, a key the kiosk does not have, or placeholders that differ from the English
are refused, naming the file, the key and the line, and nothing is written. `kiosk texts
check` says which key misses which language. Service texts live in the catalogue.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from kiosk.logic.i18n import LANGUAGES, placeholders

SOURCE = "en"
TARGETS = tuple(language for language in LANGUAGES if language != SOURCE)


class TranslationError(ValueError):
    """A PO file or a text that cannot be taken; the message names where."""


@dataclass(frozen=True)
class Text:
    """One text of the kiosk: where it is, and what it says in each language."""

    file: str
    key: str
    languages: dict[str, str]


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round trip: comments, order and flow style are kept
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def read_texts(folder: Path) -> list[Text]:
    """Every text in the YAML files of `folder`, in file order."""
    texts = []
    for path in sorted(folder.glob("*.yaml")):
        data = _yaml().load(path.read_text(encoding="utf-8")) or {}
        for key, value in data.items():
            languages = {k: str(v) for k, v in (value or {}).items() if v is not None}
            texts.append(Text(path.name, str(key), languages))
    return texts


def missing(folder: Path) -> Iterator[str]:
    """Each key that misses a language, or whose placeholders differ between languages."""
    for text in read_texts(folder):
        for language in LANGUAGES:
            if not text.languages.get(language, "").strip():
                yield f"{text.file}: {text.key}: no {language} text"
        names = {language: placeholders(text.languages.get(language, "")) for language in LANGUAGES}
        if len({frozenset(found) for found in names.values()}) > 1:
            shown = ", ".join(f"{k} {sorted(v)}" for k, v in names.items())
            yield f"{text.file}: {text.key}: placeholders differ ({shown})"


def export(folder: Path, out: Path) -> list[Path]:
    """Write kiosk.pot and one PO file per language into `out`; return the files."""
    out.mkdir(parents=True, exist_ok=True)
    texts = read_texts(folder)
    written = []
    for language in (None, *TARGETS):
        catalog = Catalog(
            locale=language,
            project="kiosk",
            domain="kiosk",
            fuzzy=False,
            charset="utf-8",
        )
        for text in texts:
            catalog.add(
                text.languages.get(SOURCE, ""),
                text.languages.get(language, "") if language else "",
                auto_comments=[f"{text.file}: {text.key}"],
                context=text.key,
            )
        path = out / (f"{language}.po" if language else "kiosk.pot")
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=100, omit_header=False, sort_output=False)
        path.write_bytes(buffer.getvalue())
        written.append(path)
    return written


def import_po(folder: Path, source: Path) -> int:
    """Take the translations in `source`/kk.po and ru.po into the YAML files of `folder`.
    Everything is checked first; nothing is written unless all of it can be taken.
    Returns how many texts changed."""
    texts = {text.key: text for text in read_texts(folder)}
    changes: dict[str, dict[str, dict[str, str]]] = {}  # file -> key -> language -> text
    for language in TARGETS:
        path = source / f"{language}.po"
        try:
            with path.open("rb") as file:
                catalog = read_po(file, locale=language, abort_invalid=True)
        except FileNotFoundError:
            raise TranslationError(f"{path}: file not found") from None
        except Exception as error:  # Babel's own parse errors
            raise TranslationError(f"{path}: not a valid PO file: {error}") from None
        for message in catalog:
            if not message.id:
                continue  # the header
            _take(path, message, texts, changes, language)
    count = 0
    for name, keys in changes.items():
        path = folder / name
        yaml = _yaml()
        data = yaml.load(path.read_text(encoding="utf-8"))
        for key, languages in keys.items():
            for language, value in languages.items():
                if data[key][language] != value:
                    data[key][language] = value
                    count += 1
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        path.write_text(buffer.getvalue(), encoding="utf-8")
    return count


def _take(
    path: Path,
    message: Any,
    texts: dict[str, Text],
    changes: dict[str, dict[str, dict[str, str]]],
    language: str,
) -> None:
    where = f"{path}:{message.lineno}: {message.context}"
    text = texts.get(message.context or "")
    if text is None:
        raise TranslationError(f"{where}: the kiosk has no text with this key")
    if message.fuzzy:
        raise TranslationError(f"{where}: marked fuzzy: review it first")
    value = message.string if isinstance(message.string, str) else ""
    if not value.strip():
        raise TranslationError(f"{where}: no {language} translation")
    wanted = placeholders(text.languages.get(SOURCE, ""))
    if placeholders(value) != wanted:
        raise TranslationError(
            f"{where}: placeholders {sorted(placeholders(value))}, "
            f"not {sorted(wanted)} as in English"
        )
    changes.setdefault(text.file, {}).setdefault(text.key, {})[language] = value
