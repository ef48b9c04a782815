"""The kiosk's three languages, as names alone: what a screen's content and the first
screen need, without the texts or the formatting libraries behind them."""

from __future__ import annotations

from typing import Literal

Language = Literal["kk", "ru", "en"]
LANGUAGES: tuple[Language, ...] = ("kk", "ru", "en")
DEFAULT_LANGUAGE: Language = "kk"
