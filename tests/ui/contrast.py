"""Contrast measured from pixels: the colour a widget's text is drawn in against the colour
behind it, as WCAG 2 computes it, read from a rendering of the whole window.

The background is the most frequent colour in the widget's rectangle. The text colour is the
strongest of the colours that cover a fair part of what differs from the background: glyph
edges are anti-aliased into blends of the two, but each blend covers few pixels, while the
solid middle of the strokes is one colour.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

INK = 1.15  # a pixel this far from the background (as a contrast ratio) is part of the text
SHARE = 0.2  # a text colour covers at least this share of the most common ink colour's pixels
BUTTON_INSET = 6  # px: a button's border and rounded corners are not its text


def _linear() -> np.ndarray:
    channel = np.arange(256) / 255
    return np.where(channel <= 0.04045, channel / 12.92, ((channel + 0.055) / 1.055) ** 2.4)


LINEAR = _linear()


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of packed 0xRRGGBB colours."""
    rgb = np.asarray(rgb, dtype=np.uint32)
    red, green, blue = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return 0.2126 * LINEAR[red] + 0.7152 * LINEAR[green] + 0.0722 * LINEAR[blue]


def ratio(first: float | np.ndarray, second: float | np.ndarray) -> np.ndarray | float:
    """WCAG contrast ratio of two relative luminances (1 to 21)."""
    lighter, darker = np.maximum(first, second), np.minimum(first, second)
    return (lighter + 0.05) / (darker + 0.05)


def pixels(image: QImage) -> np.ndarray:
    """An image as a 2-D array of packed 0xRRGGBB colours."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint32)
    rows = data.reshape(image.height(), image.bytesPerLine() // 4)[:, : image.width()]
    return rows & 0xFFFFFF


def hex_colour(rgb: int) -> str:
    """`#RRGGBB` of a packed colour."""
    return f"#{int(rgb):06X}"


@dataclass(frozen=True)
class Measure:
    """The contrast of one widget's text, as drawn."""

    name: str
    text: str
    ratio: float
    text_colour: str
    background: str

    def describe(self) -> str:
        """One line for an assertion message."""
        text = " ".join(self.text.split())
        text = text if len(text) <= 40 else text[:39] + "…"
        return (
            f"{self.name or '(unnamed)'} {text!r}: {self.ratio:.2f}:1 "
            f"({self.text_colour} on {self.background})"
        )


def shown_text(widget: QWidget) -> str:
    """The text a widget shows, or an empty string when it shows none to measure."""
    if isinstance(widget, QLabel):
        return "" if widget.pixmap() is not None and not widget.pixmap().isNull() else widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QLineEdit) and widget.echoMode() == QLineEdit.EchoMode.Normal:
        return widget.text()
    return ""


def visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of `widget` on screen, in window coordinates: clipped by every ancestor
    (a scroll area's viewport hides what is scrolled away)."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def text_widgets(root: QWidget) -> list[QWidget]:
    """The visible widgets under `root` (itself included) that show a text, QR codes aside."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.isEnabled():
            continue  # an inactive control is exempt
        if widget.objectName().startswith("qr-"):
            continue
        if shown_text(widget).strip() and widget.width() > 0 and widget.height() > 0:
            found.append(widget)
    return found


def colour_counts(area: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The colours of an area and how many pixels each covers, most frequent first."""
    colours, counts = np.unique(area.ravel(), return_counts=True)
    order = np.argsort(-counts, kind="stable")
    return colours[order], counts[order]


def text_contrast(area: np.ndarray) -> tuple[float, int, int]:
    """(ratio, text colour, background colour) of the text drawn in `area`."""
    colours, counts = colour_counts(area)
    background = int(colours[0])
    if len(colours) == 1:  # nothing drawn on the background: as good as invisible
        return 1.0, background, background
    contrast = ratio(luminance(colours), luminance(np.array([background]))[0])
    ink = contrast >= INK
    if not ink.any():
        return 1.0, background, background
    ink_colours, ink_counts, ink_contrast = colours[ink], counts[ink], contrast[ink]
    solid = ink_counts >= max(2, SHARE * ink_counts.max())
    best = int(np.argmax(np.where(solid, ink_contrast, 0)))
    return float(ink_contrast[best]), int(ink_colours[best]), background


def measure(image: QImage | np.ndarray, widget: QWidget, window: QWidget) -> Measure | None:
    """The contrast of `widget`'s text in `image` (a rendering of `window`); None when none
    of it is on screen."""
    data = pixels(image) if isinstance(image, QImage) else image
    rect = visible_rect(widget, window)
    if isinstance(widget, QPushButton):
        rect = rect.adjusted(BUTTON_INSET, BUTTON_INSET, -BUTTON_INSET, -BUTTON_INSET)
    if rect.width() <= 0 or rect.height() <= 0:
        return None
    area = data[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1]
    value, text, background = text_contrast(area)
    return Measure(
        name_of(widget), shown_text(widget), value, hex_colour(text), hex_colour(background)
    )


def name_of(widget: QWidget) -> str:
    """The widget's object name, or the nearest named ancestor's (`… in document-x`)."""
    if widget.objectName():
        return widget.objectName()
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    return f"… in {parent.objectName()}" if parent is not None else ""


def fully_shown(widget: QWidget, window: QWidget) -> bool:
    """Whether all of `widget` is on screen (not cut off by a scroll area)."""
    return visible_rect(widget, window).size() == widget.size()


def scroll_areas(root: QWidget) -> list[QAbstractScrollArea]:
    """The visible scroll areas under `root` that have something to scroll to."""
    return [
        area
        for area in root.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.verticalScrollBar().maximum() > 0
    ]


def measure_all(window: QWidget, root: QWidget | None = None) -> list[Measure]:
    """Every visible text under `root` (the window by default), each measured where it is
    wholly on screen: scroll areas are scrolled a page at a time (and put back) so that
    texts below the fold are measured too. Texts never wholly on screen (taller than their
    viewport) are measured where most of them shows."""
    root = root or window
    widgets = text_widgets(root)
    found: dict[int, Measure] = {}
    best: dict[int, tuple[int, Measure]] = {}

    def take() -> None:
        data = pixels(window.grab().toImage())
        for widget in widgets:
            if id(widget) in found:
                continue
            result = measure(data, widget, window)
            if result is None:
                continue
            if fully_shown(widget, window):
                found[id(widget)] = result
            else:
                shown = visible_rect(widget, window)
                area = shown.width() * shown.height()
                if area > best.get(id(widget), (0, result))[0]:
                    best[id(widget)] = (area, result)

    take()
    for area in scroll_areas(root):
        bar = area.verticalScrollBar()
        start = bar.value()
        value = 0
        while len(found) < len(widgets) and value < bar.maximum():
            value = min(value + max(bar.pageStep() - 48, 48), bar.maximum())
            bar.setValue(value)
            QApplication.processEvents()
            take()
        bar.setValue(start)
        QApplication.processEvents()
    for key, (_, result) in best.items():
        found.setdefault(key, result)
    return list(found.values())


@dataclass(frozen=True)
class StateContrast:
    """How a state (pressed, focused) shows: its colour against what surrounds it."""

    ratio: float
    colour: str
    against: str
    changed: int  # pixels that show the state (that differ from the button at rest)

    def describe(self) -> str:
        """One line for an assertion message."""
        return f"{self.ratio:.2f}:1 ({self.colour} against {self.against}, {self.changed} px)"


def _window_rect(widget: QWidget, window: QWidget, margin: int = 0) -> QRect:
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return rect.adjusted(-margin, -margin, margin, margin).intersected(window.rect())


def _block(data: np.ndarray, rect: QRect) -> np.ndarray:
    return data[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1]


def pressed_contrast(
    rest: QImage, pressed: QImage, button: QWidget, window: QWidget
) -> StateContrast:
    """The pressed state's colour (the most frequent of the pixels pressing changed) against
    the colour around the button, from the window drawn with the button at rest and held
    down."""
    rect = _window_rect(button, window)
    was, now = _block(pixels(rest), rect), _block(pixels(pressed), rect)
    outside = _block(pixels(pressed), _window_rect(button, window, 4))
    band = np.ones(outside.shape, dtype=bool)
    band[4:-4, 4:-4] = False  # a band 4 px wide around the button
    around = int(colour_counts(outside[band])[0][0])
    changed = was != now
    if not changed.any():  # pressing shows nothing
        return StateContrast(1.0, hex_colour(around), hex_colour(around), 0)
    colour = int(colour_counts(now[changed])[0][0])
    lum = luminance(np.array([colour, around]))
    return StateContrast(
        float(ratio(lum[0], lum[1])), hex_colour(colour), hex_colour(around), int(changed.sum())
    )


def focus_contrast(
    rest: QImage, focused: QImage, button: QWidget, window: QWidget
) -> StateContrast:
    """A focus ring's colour against every colour next to it (inside and outside the ring),
    from the window drawn with the button unfocused and focused.

    The ring is what focus changed, apart from the button's fill (a focused button may
    change its fill too): its colour is the most frequent of those pixels (blends at its
    edges aside). The colours next to it are those of the pixels within 2 px of it that cover
    a fair share of them; the weakest pair counts."""
    rect = _window_rect(button, window, 8)
    was, now = _block(pixels(rest), rect), _block(pixels(focused), rect)
    fill = int(colour_counts(_block(pixels(focused), _window_rect(button, window)))[0][0])
    changed = (was != now) & (now != fill)
    if not changed.any():  # no focus indicator at all
        return StateContrast(1.0, hex_colour(fill), hex_colour(fill), 0)
    colour = int(colour_counts(now[changed])[0][0])
    ring = changed & (now == colour)
    near = ring.copy()
    for _ in range(2):
        grown = near.copy()
        grown[1:, :] |= near[:-1, :]
        grown[:-1, :] |= near[1:, :]
        grown[:, 1:] |= near[:, :-1]
        grown[:, :-1] |= near[:, 1:]
        near = grown
    colours, counts = colour_counts(now[near & ~ring])
    neighbours = colours[counts >= 0.15 * counts.sum()] if len(colours) else colours
    if not len(neighbours):
        return StateContrast(1.0, hex_colour(colour), hex_colour(colour), int(ring.sum()))
    values = ratio(luminance(np.array([colour]))[0], luminance(neighbours))
    weakest = int(np.argmin(values))
    return StateContrast(
        float(values[weakest]),
        hex_colour(colour),
        hex_colour(int(neighbours[weakest])),
        int(ring.sum()),
    )
