"""Themes: the QSS template filled from colour and size tokens, in three variants.

`default` and `high-contrast` are colour variants; large text multiplies every font size
(and touch target) by the scale in the tokens and combines with either of them; a compact
window (narrower than 1200 px) scales the type down a little, so that everything fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Any

from kiosk.logic.yamlfile import read_text, safe_load

VARIANTS = ("default", "high-contrast")
_SCALED = (
    "font",
    "font_small",
    "font_large",
    "font_title",
    "font_huge",
    "font_button",
    "target",
    "option_height",
)
BUTTON_SCALE = 1.2  # at most, for the header and footer buttons: they must fit one row


@dataclass(frozen=True)
class Theme:
    """A colour variant, with large text or not."""

    variant: str = "default"
    large_text: bool = False
    compact: bool = False

    @classmethod
    def chosen(cls, *, large_text: bool, high_contrast: bool, compact: bool = False) -> Theme:
        """The theme a visitor's accessibility choices ask for, on a window this size."""
        return cls("high-contrast" if high_contrast else "default", large_text, compact)


class ThemeSwitch:
    """Applies a theme only when it changes: re-styling every widget is slow."""

    def __init__(self, apply: Callable[[Theme], None]) -> None:
        self.apply = apply
        self.theme: Theme | None = None

    def set(self, theme: Theme) -> None:
        """Style the window for `theme`, unless it already is."""
        if theme != self.theme:
            self.apply(theme)
            self.theme = theme


class Tokens:
    """The token table (`assets/theme/tokens.yaml`) and the QSS template beside it."""

    def __init__(self, folder: Path) -> None:
        tokens = folder / "tokens.yaml"
        self.data: dict[str, Any] = safe_load(read_text(tokens, tokens.name), tokens.name)
        self.template = Template((folder / "kiosk.qss").read_text("utf-8"))
        for variant in VARIANTS:
            if variant not in self.data["variants"]:
                raise ValueError(f"tokens.yaml: variants.{variant} is missing")

    def colors(self, variant: str) -> dict[str, str]:
        """The colour tokens of a variant."""
        return dict(self.data["variants"][variant]["colors"])

    def contrast_pairs(self, variant: str) -> list[tuple[str, str]]:
        """(text, background) token pairs that must meet the variant's contrast."""
        return [(text, back) for text, back in self.data["variants"][variant]["contrast"]]

    def sizes(self, large_text: bool, compact: bool = False) -> dict[str, int]:
        """Size tokens in pixels, scaled for large text and for a compact window."""
        sizes = dict(self.data["sizes"])
        scale = float(sizes.pop("large_text_scale")) if large_text else 1.0
        # A compact window has smaller type; its touch targets keep their size.
        smaller = float(sizes.pop("compact_scale", 1.0)) if compact else 1.0
        tight = sizes.pop("button_padding_large", sizes.get("button_padding", 0))
        if large_text or compact:
            sizes["button_padding"] = tight
        scaled = {}
        for name, value in sizes.items():
            factor = min(scale, BUTTON_SCALE) if name == "font_button" else scale
            if name.startswith("font"):
                factor *= smaller
            scaled[name] = round(value * factor) if name in _SCALED else int(value)
        return scaled

    def stylesheet(self, theme: Theme) -> str:
        """The QSS for a theme; a token the template names but the table lacks is an error."""
        values = {**self.colors(theme.variant), **self.sizes(theme.large_text, theme.compact)}
        return self.template.substitute(values)


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of `#RRGGBB`."""
    match = re.fullmatch(r"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})", color)
    if not match:
        raise ValueError(f"not a #RRGGBB colour: {color!r}")
    channels = []
    for part in match.groups():
        value = int(part, 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two `#RRGGBB` colours (1 to 21)."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
