"""A tap just after the screen changed does nothing: the second tap of a quick double tap
lands on whatever the new screen has under the finger (the next question's answer, Print)
and must not act on a screen the visitor has not seen."""

from __future__ import annotations

import time
from collections.abc import Callable


class TapGuard:
    """Says whether a tap may act: not within `seconds` of the last screen change."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds, self.clock = seconds, clock
        self.changed_at = -seconds

    def changed(self) -> None:
        """The screen in front changed (or something new covered it)."""
        self.changed_at = self.clock()

    def allows(self) -> bool:
        """Whether a tap now may act."""
        return self.clock() - self.changed_at >= self.seconds
