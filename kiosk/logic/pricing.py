"""One way from a visitor's case to a Quote and a Slip, for the screens, the print desk,
reprints from the archive and the command line alike.

A Case is what identifies a visitor's situation in ids only (service, answers, visit date,
centre class, language, bill reference): it is what a reprint keeps, and all the kiosk
needs to tell the visitor everything again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.conditions import CentreClass
from kiosk.logic.i18n import Language, LocalText, Strings
from kiosk.logic.money import MoneyError
from kiosk.logic.payment import PaymentProfile
from kiosk.logic.quote import Quote, make_quote
from kiosk.logic.slip import Slip, make_slip

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Case:
    """A visitor's case, ids only. `reference` numbers the bill (and the slip)."""

    service: str
    answers: Mapping[str, str]
    visit_date: dt.date
    centre_class: CentreClass
    language: Language
    reference: str = ""


@dataclass(frozen=True)
class Pricing:
    """Prices cases with one catalogue and one set of payment accounts. The kiosk's
    `strings` say what stands in for an amount in a year with no MCI published (the duty
    is paid at the centre); without them such a case cannot be priced (MoneyError)."""

    catalogue: Catalogue
    profiles: Mapping[str, PaymentProfile] = field(default_factory=dict)
    strings: Strings | None = None

    def quote(self, case: Case) -> Quote:
        """The case's quote. Raises UnknownService, AnswerError, MoneyError."""
        return make_quote(
            self.catalogue,
            case.service,
            case.answers,
            visit_date=case.visit_date,
            centre_class=case.centre_class,
            language=case.language,
            profiles=self.profiles or None,
            reference=case.reference,
            strings=self.strings,
        )

    def option_fees(
        self, service_id: str, question_id: str, visit_date: dt.date, centre_class: CentreClass
    ) -> dict[str, Decimal]:
        """What each option of a question that carries a fee (expedited issuance) costs on
        `visit_date` at this class of centre; an option whose fee has no rate that day is
        left out (and logged), never shown with a guessed amount."""
        question = self.catalogue.service(service_id).question(question_id)
        fees: dict[str, Decimal] = {}
        for option in question.options_for(centre_class) if question else ():
            if option.fee is None:
                continue
            try:
                fees[option.id] = self.catalogue.fees.fixed_amount(
                    option.fee, visit_date, centre_class
                )
            except MoneyError:
                log.error("no amount for fee %s on %s", option.fee, visit_date)
        return fees

    def slip(
        self,
        quote: Quote,
        strings: Strings,
        *,
        centre_name: LocalText,
        kiosk_id: str,
        printed_at: dt.datetime,
        reference: str,
        have: set[str],
    ) -> Slip:
        """The slip of a complete quote (bill and payment codes) or of a blocked one (what to
        do first and where, what to bring back; nothing to pay), printed at `printed_at`.
        Raises SlipError for a quote that is neither."""
        return make_slip(
            quote,
            self.catalogue,
            strings,
            centre_name=centre_name,
            kiosk_id=kiosk_id,
            printed_at=printed_at,
            reference=reference,
            have=have,
        )
