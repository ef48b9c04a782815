"""The fee schedule: MCI by year with its rounding, fixed fees, payees; Bill and its lines.

All arithmetic is Decimal. An amount computed from MCI is rounded to whole tenge by the
rounding mode the schedule gives for the visit year; there is no default and no guess.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from kiosk.logic.conditions import CENTRE_CLASSES, CentreClass, Id
from kiosk.logic.i18n import LocalText

Rounding = Literal["up", "half-up"]
_ROUNDING = {"up": ROUND_CEILING, "half-up": ROUND_HALF_UP}
WHOLE_TENGE = Decimal(1)


MCI_MAX = Decimal(1_000_000)  # tenge: the 2026 MCI is 4 325; anything near this is a typo
FEE_MAX = Decimal(10_000_000)  # tenge, for a fixed fee


class MoneyError(LookupError):
    """The schedule cannot price something: it is never guessed."""

    def __init__(self, message: str, fee_id: str | None = None) -> None:
        super().__init__(message)
        self.fee_id = fee_id


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class MciYear(_Model):
    """The monthly calculation index for one calendar year and how MCI amounts round."""

    year: int = Field(ge=2000, le=2100)
    value: Decimal = Field(ge=1, le=MCI_MAX, decimal_places=2)
    rounding: Rounding


class FeeRate(_Model):
    """Amounts of a fixed fee by centre class, from a date on."""

    from_: date = Field(alias="from")
    amounts: dict[CentreClass, Decimal] = Field(min_length=1)

    @model_validator(mode="after")
    def _not_negative(self) -> FeeRate:
        for centre_class, amount in self.amounts.items():
            if amount < 0:
                raise ValueError(f"the amount for {centre_class} is negative")
            if amount > FEE_MAX or amount != amount.quantize(Decimal("0.01")):
                raise ValueError(
                    f"the amount for {centre_class} must be tenge (at most two decimals) "
                    f"up to {FEE_MAX:,.0f}".replace(",", " ")
                )
        return self


class FixedFee(_Model):
    """A fee set in tenge (not MCI), such as an expedited-issuance fee; rates by date."""

    id: Id
    label: LocalText
    rates: tuple[FeeRate, ...] = Field(min_length=1)

    def rate_on(self, day: date) -> FeeRate | None:
        """The rate in force on `day`, or None before the first one."""
        current = [rate for rate in self.rates if rate.from_ <= day]
        return max(current, key=lambda rate: rate.from_) if current else None


class Payee(_Model):
    """Whom a bill line is paid to (a payment profile in settings gives the account)."""

    id: Id
    name: LocalText


class FeeSchedule(_Model):
    """`assets/fees.yaml`: MCI and rounding by year, fixed fees, payees."""

    mci: tuple[MciYear, ...] = Field(min_length=1)
    fixed_fees: tuple[FixedFee, ...] = ()
    payees: tuple[Payee, ...] = Field(min_length=1)

    def mci_for(self, year: int) -> MciYear:
        """The MCI of `year`; a year not in the schedule is an error."""
        for entry in self.mci:
            if entry.year == year:
                return entry
        raise MoneyError(f"no MCI is configured for {year} in the fee schedule (fees.yaml)")

    def fee(self, fee_id: str) -> FixedFee:
        """The fixed fee with this id."""
        for fee in self.fixed_fees:
            if fee.id == fee_id:
                return fee
        raise MoneyError(f"fixed fee {fee_id!r} is not in the fee schedule", fee_id)

    def fixed_amount(self, fee_id: str, day: date, centre_class: CentreClass) -> Decimal:
        """The fee's amount on `day` at a centre of this class."""
        rate = self.fee(fee_id).rate_on(day)
        if rate is None:
            raise MoneyError(
                f"fixed fee {fee_id!r} has no rate in force on {day.isoformat()}", fee_id
            )
        if centre_class not in rate.amounts:
            raise MoneyError(
                f"fixed fee {fee_id!r} has no amount for {centre_class} centres", fee_id
            )
        return rate.amounts[centre_class]

    def payee_ids(self) -> set[str]:
        """Ids of every payee."""
        return {payee.id for payee in self.payees}

    def years(self) -> list[int]:
        """Years the schedule has an MCI for."""
        return sorted(entry.year for entry in self.mci)


def mci_amount(multiple: Decimal, mci: MciYear) -> Decimal:
    """`multiple` MCI in whole tenge, rounded as the year's schedule says."""
    return (multiple * mci.value).quantize(WHOLE_TENGE, rounding=_ROUNDING[mci.rounding])


class BillLine(_Model):
    """One priced line: an MCI multiple (`mci`) or a fixed fee (`mci` is None)."""

    id: str
    label: str
    mci: Decimal | None
    amount: Decimal
    payee: str


class Bill(_Model):
    """The priced lines of a quote; the total is always their sum."""

    lines: tuple[BillLine, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total(self) -> Decimal:
        """Sum of the lines."""
        return sum((line.amount for line in self.lines), Decimal(0))

    def by_payee(self) -> dict[str, Decimal]:
        """Total per payee, in the order payees first appear."""
        totals: dict[str, Decimal] = {}
        for line in self.lines:
            totals[line.payee] = totals.get(line.payee, Decimal(0)) + line.amount
        return totals


__all__ = ["CENTRE_CLASSES", "Bill", "BillLine", "FeeSchedule", "MciYear", "MoneyError"]
