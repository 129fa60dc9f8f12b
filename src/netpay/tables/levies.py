"""Schemas of what is levied or credited beside a return's brackets: the territories' payroll tax on
employees and cost of living tax credits, and Québec's prescription drug insurance premium (the
blocks of ``nt.yaml``, ``nu.yaml`` and ``qc.yaml``; read by ``netpay.rules``)."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from netpay.tables.schema import THRESHOLD_LIMIT, Bracket, Frozen, Schedule, schedule_of


class EmployeePayrollTax(Frozen):
    """A tax on an employee's gross remuneration, withheld by the employer and not on the T1 (the
    Northwest Territories' and Nunavut's Payroll Tax Acts, 1993): ``rate`` x employment income."""

    rate: float = Field(gt=0, lt=0.1)


class CostOfLivingCredit(Frozen):
    """A territory's refundable cost of living tax credit for a single adult (NT479, NU479): the
    ``bands`` (rates that fall as adjusted net income rises) up to ``maximum``, and at least
    ``adult_minimum`` for an adult (NT479's "basic supplement for self")."""

    bands: list[Bracket] = Field(min_length=1)
    maximum: float = Field(gt=0)
    adult_minimum: float = Field(default=0.0, ge=0)

    @field_validator("bands")
    @classmethod
    def _falling(cls, rows: list[Bracket]) -> list[Bracket]:
        froms = [b.from_ for b in rows]
        if froms[0] != 0 or any(b <= a for a, b in zip(froms, froms[1:], strict=False)):
            raise ValueError(f"bands must start at 0 and ascend, got {froms}")
        rates = [b.rate for b in rows]
        if any(b > a for a, b in zip(rates, rates[1:], strict=False)):
            raise ValueError(f"the credit's rates must not rise with income, got {rates}")
        return rows

    @model_validator(mode="after")
    def _minimum_below_maximum(self) -> CostOfLivingCredit:
        if self.adult_minimum > self.maximum:
            raise ValueError(f"adult_minimum {self.adult_minimum} exceeds the maximum {self.maximum}")
        return self

    @property
    def schedule(self) -> Schedule:
        """The bands as the lines of a rate table (the credit is the least of them: rates fall)."""
        return schedule_of(self.bands)


class DrugInsurancePremium(Frozen):
    """Schedule K (TP-1 line 447) for a person without a spouse or children: the premium of the
    public prescription drug insurance plan, ``first_rate`` on the first ``first_band`` dollars of
    family income (line 275) above ``exemption``, ``second_rate`` above that, at most ``maximum``."""

    exemption: float = Field(ge=0, lt=THRESHOLD_LIMIT)
    first_band: float = Field(gt=0, lt=THRESHOLD_LIMIT)
    first_rate: float = Field(gt=0, lt=1)
    second_rate: float = Field(gt=0, lt=1)
    maximum: float = Field(gt=0)
