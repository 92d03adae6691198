"""`reportcheck lint`: what the loader finds in a registry, errors and warnings alike.

The loader runs every check of the schema and every evidence check on any registry it reads
(`reportcheck.registry.load.examine`); `lint` reports all of it, where the loader refuses a
registry for its errors and keeps its warnings to itself. So `lint` has an error exactly when
every other command refuses the registry, and `--strict` fails on warnings too: a `# check:` line,
a placeholder id or name or a name cut out of its sentence left by `draft`, a quote outside the
plan, a promise entered twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from reportcheck.registry.load import examine

if TYPE_CHECKING:
    from pathlib import Path

    from reportcheck.model.problems import Problem


class LintReport(msgspec.Struct, frozen=True):
    file: str
    problems: tuple[Problem, ...]
    entries: int

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    def failed(self, strict: bool = False) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)


def lint_registry(path: Path) -> LintReport:
    """Every problem of the registry at `path`, each with its line, in the order of the file."""
    examined = examine(path)
    return LintReport(examined.file, examined.problems, examined.entries)
