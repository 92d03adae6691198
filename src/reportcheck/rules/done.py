"""A yes/no deliverable: 完成省定任务, 建成投产…, 全线贯通…, 举办…."""

from fractions import Fraction
from typing import ClassVar

from reportcheck.rules.base import DONE, Check, Comparator, Formula, Frame, Rule, RuleFields


class Done(Rule, frozen=True):
    """Done (是) or not (否); before it is due, not done is not behind."""

    comparator: ClassVar[Comparator] = Comparator("done")
    yes_no: ClassVar[bool] = True

    @classmethod
    def from_fields(cls, fields: RuleFields) -> Rule:
        return cls()

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        return Check(passed=figure == 1, reason="done" if figure == 1 else "not-done")

    def formula(self) -> Formula:
        return (DONE,)
