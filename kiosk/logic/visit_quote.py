"""The visitor's quote: priced from their case (answers, language, visit date, reference),
and priced again only when the case changes. A year with no MCI published still gets a
quote (documents, warnings, no bill: the duty is paid at the centre). A case that cannot be
priced at all (a fee with no rate that day, a payee with no account) has no quote, and says
why in the log; the screens then say so, with no amount."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from kiosk.logic.money import MoneyError
from kiosk.logic.pricing import Case, Pricing
from kiosk.logic.quote import Quote
from kiosk.logic.session import VisitorSession

log = logging.getLogger(__name__)


class VisitQuote:
    """The quote of the visitor in front of the kiosk."""

    def __init__(self, pricing: Pricing) -> None:
        self.pricing = pricing
        self.quote: Quote | None = None
        self._priced: Case | None = None  # the case `quote` was priced for

    def price(
        self, session: VisitorSession, today: date, references: Callable[[date], str]
    ) -> Quote | None:
        """The session's quote; a complete interview gets its reference first."""
        interview = session.interview
        assert interview is not None
        visit_date = session.dated(today)
        if interview.complete and session.reference is None:
            session.reference = references(visit_date)
        case = session.case()
        if self.quote is not None and case == self._priced:
            return self.quote
        try:
            self.quote, self._priced = self.pricing.quote(case), case
        except MoneyError as error:
            log.error("cannot price %s: %s", interview.service.id, error)
            self.quote, self._priced = None, None
        return self.quote

    def forget(self) -> None:
        """No visitor, or new rules: nothing priced."""
        self.quote, self._priced = None, None
