"""Which tap on which screen is which event: every screen signal the navigator follows
(visitor taps go through its tap guard)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.ui.states import Event

if TYPE_CHECKING:
    from kiosk.ui.navigator import Navigator


def connect_screens(navigator: Navigator) -> None:
    """Connect the window's and the screens' signals to `navigator`."""
    s, w, tap = navigator.screens, navigator.window, navigator.tap
    w.back_clicked.connect(lambda: tap(Event.BACK))
    w.home_clicked.connect(lambda: tap(Event.HOME))
    w.next_clicked.connect(lambda: tap(Event.NEXT))
    w.language_clicked.connect(navigator.set_language)
    w.call_staff_clicked.connect(navigator.call_staff)
    w.compact_changed.connect(lambda _compact: navigator.apply_theme())
    s.welcome.language_chosen.connect(navigator.set_language)
    s.welcome.started.connect(lambda: tap(Event.START))
    s.welcome.large_text_toggled.connect(lambda on: navigator.on_accessibility(on, None))
    s.welcome.high_contrast_toggled.connect(lambda on: navigator.on_accessibility(None, on))
    s.welcome.audio_toggled.connect(navigator.on_audio)
    s.services.service_chosen.connect(lambda service: tap(Event.SERVICE, service))
    s.question.answer_given.connect(lambda q, o: tap(Event.ANSWER, q, o))
    s.review.change_requested.connect(lambda question: tap(Event.CHANGE, question))
    s.documents.document_toggled.connect(navigator.on_document_toggled)
    s.result.print_requested.connect(lambda: tap(Event.PRINT))
    s.result.finished.connect(lambda: tap(Event.FINISH))
    s.blocker.finished.connect(lambda: tap(Event.FINISH))
    s.blocker.print_requested.connect(lambda: tap(Event.PRINT))
    s.printing.retry_requested.connect(lambda: tap(Event.PRINT))
    s.printing.finished.connect(lambda: tap(Event.FINISH))
    s.thanks.finished.connect(lambda: tap(Event.FINISH))
    navigator.idle.expired.connect(navigator.on_idle_expired)
