"""Equity grants of an offer: ``netpay.RSU`` and ``netpay.StockOptions`` (validated, frozen).

A grant is made on the start date. Its vesting dates follow from the start date, the cliff, the
yearly schedule and the frequency (:mod:`netpay.equity.schedule`); its treatment for tax is
:mod:`netpay.equity_tax`'s. Years after the start (``exit_year``, ``sale_year``, ``exercise="at_year:3"``)
count anniversaries of the start date: 3 is the third anniversary.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from netpay.equity.schedule import PRESETS
from netpay.errors import InvalidIncomeError
from netpay.money import as_amount

MAX_YEARS = 10
_ANNIVERSARY = re.compile(r"^at_year:(\d+)$")


def _invalid(reason: str) -> PydanticCustomError:
    return PydanticCustomError("invalid_grant", "{reason}", {"reason": reason})


def _grant_amount(value: Any, name: str) -> float:
    """``value`` as an amount of dollars or shares (``netpay.money.as_amount``), its error as the grant's."""
    try:
        return as_amount(value, name)
    except InvalidIncomeError as e:
        raise _invalid(str(e)) from None


class Vesting(BaseModel):
    """What every grant has: years, a cliff, a yearly schedule, a frequency, a risk view."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    years: int = Field(default=4, description="Years over which the grant vests (1 to 10).")
    cliff_months: int = Field(default=12, description="Months before the first vest (0: no cliff).")
    schedule: str | tuple[float, ...] = Field(
        default="even",
        description="'even', a preset (amazon 5/15/40/40, google_2022, google_2024, front_40), or the "
        "percent vesting in each year, e.g. [5, 15, 40, 40]: as many as years, summing to 100.",
    )
    frequency: Literal["monthly", "quarterly", "annual"] = Field(
        default="quarterly", description="How often shares vest after the cliff."
    )
    haircut: float = Field(
        default=0.0,
        description="Your risk view of the equity: the fraction of its value to discount (0.5: worth "
        "half). It lowers the value shown after the haircut, never the tax (tax is on the face value).",
    )
    price_growth: float = Field(
        default=0.0,
        description="Assumed yearly growth of the share price (0.05: 5%); for options, of the share value "
        "from fmv_at_grant.",
    )

    @field_validator("price_growth")
    @classmethod
    def _price_growth(cls, value: float) -> float:
        return _growth(value, "price_growth")

    @field_validator("years")
    @classmethod
    def _years(cls, value: int) -> int:
        if not 1 <= value <= MAX_YEARS:
            raise _invalid(f"years must be 1 to {MAX_YEARS} (years over which the grant vests), got {value}")
        return value

    @field_validator("schedule", mode="before")
    @classmethod
    def _schedule(cls, value: Any) -> Any:
        if isinstance(value, str):
            if value not in PRESETS:
                close = difflib.get_close_matches(value, list(PRESETS), n=2, cutoff=0.5)
                hint = f"did you mean {' or '.join(close)}? " if close else ""
                raise _invalid(
                    f"schedule {value!r} is not a preset: {hint}presets are {', '.join(PRESETS)}; or give the "
                    "percent vesting each year, e.g. schedule=[5, 15, 40, 40]"
                )
            return value
        if isinstance(value, list | tuple):
            try:
                return tuple(as_amount(v, "schedule") for v in value)
            except InvalidIncomeError as e:
                raise _invalid(f"{e} (schedule is the percent vesting each year, e.g. [5, 15, 40, 40])") from None
        raise _invalid(f"schedule must be a preset name or a list of yearly percents, not {value!r}")

    @field_validator("haircut")
    @classmethod
    def _haircut(cls, value: float) -> float:
        if not 0.0 <= value <= 1.0:
            raise _invalid(f"haircut must be a fraction from 0 to 1 (0.3: the equity is worth 30% less), got {value}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Any:
        if not 0 <= self.cliff_months <= self.years * 12:
            raise _invalid(f"cliff_months must be 0 to years x 12 = {self.years * 12}, got {self.cliff_months}")
        preset = PRESETS.get(self.schedule) if isinstance(self.schedule, str) else self.schedule
        if preset:
            if len(preset) != self.years:
                raise _invalid(
                    f"schedule has {len(preset)} yearly percents but years={self.years}: give one per year "
                    f"or set years={len(preset)}"
                )
            if abs(sum(preset) - 100.0) > 1e-6:
                raise _invalid(f"schedule must sum to 100 (percent of the grant), got {sum(preset):g}: {list(preset)}")
        return self


def _growth(value: float, name: str) -> float:
    if not -1.0 < value <= 10.0:
        raise _invalid(f"{name} is a yearly rate as a fraction (0.05: 5% a year), above -1; got {value}")
    return value


class RSU(Vesting):
    """Restricted share units: a grant value (or shares x price) vesting on a schedule.

    Each tranche is employment income at its value on the vesting date (ITA s. 7): pensionable,
    insurable only if cash-settled. ``tax_paid="sell_to_cover"`` (as employers do) pays the tax on
    share-settled tranches by selling shares; ``"cash"`` pays it from pay.

    >>> RSU(grant_value=160_000, cliff_months=12, frequency="quarterly").total_shares
    160000.0
    """

    grant_value: float | None = Field(default=None, description="Value of the grant at the start date.")
    shares: float | None = Field(default=None, description="Number of units (with price=).")
    price: float | None = Field(default=None, description="Price of a share at the start date.")
    settlement: Literal["shares", "cash"] = Field(default="shares", description="Settled in shares or in cash.")
    tax_paid: Literal["sell_to_cover", "cash"] = Field(
        default="sell_to_cover", description="How the tax on share-settled tranches is paid."
    )

    @field_validator("grant_value", "shares", "price", mode="before")
    @classmethod
    def _amount(cls, value: Any, info: ValidationInfo) -> Any:
        return None if value is None else _grant_amount(value, str(info.field_name))

    @model_validator(mode="after")
    def _size(self) -> RSU:
        if self.grant_value is not None and self.shares is not None:
            raise _invalid("give grant_value (dollars) or shares with price, not both")
        if self.grant_value is None and (self.shares is None or self.price is None):
            raise _invalid("an RSU grant needs grant_value= (dollars at the start) or shares= and price=")
        if self.price is not None and self.price <= 0:
            raise _invalid(f"price must be above zero, got {self.price}")
        return self

    @property
    def start_price(self) -> float:
        """The price of a unit at the start date (1.0 for a grant given in dollars alone)."""
        return self.price if self.price is not None else 1.0

    @property
    def total_shares(self) -> float:
        """Units granted (dollars of the grant when given as grant_value alone)."""
        if self.shares is not None:
            return self.shares
        return float(self.grant_value or 0.0) / self.start_price


ExercisePolicy = Literal["at_vest", "at_exit"] | str | int


class StockOptions(Vesting):
    """Employee stock options: the right to buy ``shares`` at ``strike``, vesting on a schedule.

    The benefit (value at exercise - strike) x shares is employment income in the year of exercise
    (ITA s. 7(1)(a)), less 1/2 (s. 110(1)(d)) when ``strike >= fmv_at_grant``, none for shares over
    the $200,000 annual vesting limit (s. 110(1.31)); for a CCPC (``ccpc=True``) it is income in the
    year the shares are sold (s. 7(1.1)), with the 1/2 deduction of s. 110(1)(d.1) after two years.
    ``exercise_funding`` says how the strike is paid (shares sold, or cash); ``settlement="cash"`` is
    a cash-out (the spread paid in cash, the deduction only with ``cash_out_election``).
    """

    shares: float = Field(description="Option shares granted.")
    strike: float = Field(description="Exercise price per share.")
    fmv_at_grant: float = Field(description="Fair market value of a share when the options are granted.")
    frequency: Literal["monthly", "quarterly", "annual"] = Field(default="monthly")
    exercise: ExercisePolicy = Field(
        default="at_vest",
        description="'at_vest' (each tranche when it vests), 'at_year:<n>' or n (at the n-th "
        "anniversary of the start, tranches vesting later at their vest), 'at_exit' (at exit_year).",
    )
    exit_year: int | None = Field(default=None, description="The exit, in years after the start (at_exit).")
    value_per_share_at_exercise: float | None = Field(
        default=None, description="Value of a share when exercised (default: fmv_at_grant grown by price_growth)."
    )
    ccpc: bool = Field(default=False, description="The employer is a Canadian-controlled private corporation.")
    sale_year: int | None = Field(
        default=None, description="CCPC: when the shares are sold, in years after the start (default: at exercise)."
    )
    large_employer: bool = Field(
        default=True,
        description="Not a CCPC and group revenue over $500 million: the $200,000 vesting limit applies.",
    )
    quebec_large_employer: bool = Field(
        default=False,
        description="Québec: shares listed on a recognized exchange and Québec payroll of $10 million "
        "or more (50% deduction on TP-1 line 297 instead of 25%).",
    )
    quebec_innovative_sme: bool = Field(
        default=False,
        description="Québec: an innovative SME, a 'qualified corporation' of TA s. 725.1.3 (assets under "
        "$50 million, Québec R&D or innovation refundable credits): 50% on TP-1 line 297 (unverified).",
    )
    exercise_funding: Literal["cashless", "cash"] = Field(
        default="cashless",
        description="How the strike is paid at exercise: 'cashless' sells shares to cover the strike (and "
        "the tax: sell-to-cover), keeping shares worth the benefit; 'cash' pays strike x shares from the "
        "year's cash and keeps every share. The benefit and its tax are the same.",
    )
    settlement: Literal["shares", "cash"] = Field(
        default="shares",
        description="'shares': the options are exercised for shares; 'cash': a cash-out, the employer pays "
        "the spread in cash (ITA s. 7(1)(b)): insurable, no CCPC deferral, and the 50% deduction only with "
        "cash_out_election=True.",
    )
    cash_out_election: bool = Field(
        default=False,
        description="A cash-out (settlement='cash'): the employer elects under ITA s. 110(1.1) not to deduct "
        "the payment (T4 box 86), so the employee keeps the security options deduction.",
    )

    @field_validator("shares", "strike", "fmv_at_grant", "value_per_share_at_exercise", mode="before")
    @classmethod
    def _amount(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name == "value_per_share_at_exercise":
            return None
        return _grant_amount(value, str(info.field_name))

    @field_validator("exercise", mode="before")
    @classmethod
    def _exercise(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise _invalid(f"exercise must be 'at_vest', 'at_exit', 'at_year:<n>' or a year count n, not {value!r}")
        if isinstance(value, str) and value not in ("at_vest", "at_exit"):
            m = _ANNIVERSARY.match(value.strip())
            if not m:
                close = difflib.get_close_matches(value, ["at_vest", "at_exit", "at_year:3"], n=1, cutoff=0.5)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise _invalid(f"exercise {value!r} is not a policy{hint}: use 'at_vest', 'at_exit' or 'at_year:<n>'")
            value = int(m.group(1))
        if isinstance(value, int):
            _check_years_after_start(value, "exercise")
        return value

    @model_validator(mode="after")
    def _policy(self) -> StockOptions:
        if self.shares <= 0 or self.fmv_at_grant <= 0:
            raise _invalid("shares and fmv_at_grant must be above zero")
        if self.exercise == "at_exit" and self.exit_year is None:
            raise _invalid("exercise='at_exit' needs exit_year= (years after the start, e.g. exit_year=5)")
        if self.exit_year is not None:
            _check_years_after_start(self.exit_year, "exit_year")
        self._settled()
        if self.sale_year is not None:
            if not self.ccpc:
                raise _invalid(
                    "sale_year matters only for a CCPC (ccpc=True), whose benefit is taxed when the shares "
                    "are sold; a public company's is taxed at exercise"
                )
            _check_years_after_start(self.sale_year, "sale_year")
        return self

    def _settled(self) -> None:
        """A cash-out's election and funding, consistent with the settlement."""
        if self.settlement == "shares" and self.cash_out_election:
            raise _invalid(
                "cash_out_election is the employer's election on a cash-out: set settlement='cash' too, or "
                "leave cash_out_election out (options exercised for shares get the deduction without it)"
            )
        if self.settlement == "cash" and self.exercise_funding == "cash":
            raise _invalid(
                "a cash-out (settlement='cash') pays no strike: leave exercise_funding out, or set "
                "settlement='shares' to exercise for shares paying the strike in cash"
            )
        if self.settlement == "cash" and self.sale_year is not None:
            raise _invalid("a cash-out (settlement='cash') delivers no shares to sell: leave sale_year out")

    @property
    def exercise_years(self) -> int | None:
        """Years after the start of a fixed exercise (None: each tranche at its vest)."""
        if isinstance(self.exercise, int):
            return self.exercise
        return self.exit_year if self.exercise == "at_exit" else None


def _check_years_after_start(value: int, name: str) -> None:
    if value >= 1900:
        raise _invalid(
            f"{name} counts years after the start date (3: the third anniversary), got {value}: "
            f"write {value} minus the start year"
        )
    if not 0 <= value <= 50:
        raise _invalid(f"{name} must be 0 to 50 years after the start date, got {value}")


#: The ``type`` of a grant written as a mapping (an offers file): the class it makes.
GRANT_TYPES: dict[str, type[RSU] | type[StockOptions]] = {"rsu": RSU, "options": StockOptions}


def grants_from(value: Any) -> Any:
    """``Offer(equity=...)``'s input as a tuple of grants: one grant, or a list of grants or of
    mappings with ``type = "rsu" | "options"`` and the grant's fields (as an offers file writes them)."""
    if isinstance(value, RSU | StockOptions):
        return (value,)
    if not isinstance(value, list | tuple):
        return value  # pydantic refuses it, naming the field
    return tuple(_grant(item, i) for i, item in enumerate(value))


def _grant(item: Any, i: int) -> Any:
    if not isinstance(item, dict) or "type" not in item:
        return item
    fields = dict(item)
    kind = str(fields.pop("type")).strip().lower()
    if kind not in GRANT_TYPES:
        close = difflib.get_close_matches(kind, list(GRANT_TYPES), n=1, cutoff=0.4)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise _invalid(f"equity[{i}]: type {kind!r} is not a grant type{hint}: use 'rsu' or 'options'")
    return GRANT_TYPES[kind](**fields)
