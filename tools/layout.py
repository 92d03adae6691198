"""The README's Layout section, made from the tree: each package and module with the first
sentence of its docstring, so the description of a module lives in the module alone.

    python tools/layout.py          print the section's list
    python tools/layout.py --write  put it into README.md between its markers

tests/test_readme.py fails when README.md and the tree disagree.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "reportcheck"
START, END = "<!-- layout -->\n", "<!-- /layout -->\n"
#: The layers from the top (the command line) down, as pyproject.toml's import contract has them.
LAYERS = ("cli", "output", "review", "actuals", "registry", "rules", "model")
#: The end of a docstring's first sentence: a full stop before a space, a line end or the end.
_SENTENCE = re.compile(r"(?<=[.。])(?:\s|$)")


def first_sentence(path: Path) -> str:
    """The first sentence of a module's docstring, on one line."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    paragraph = " ".join(doc.split("\n\n")[0].split())
    end = _SENTENCE.search(paragraph)
    return paragraph[: end.start()].strip() if end else paragraph


def render(package: Path = PACKAGE) -> str:
    """A Markdown list: each package (its __init__'s sentence), then its modules, nested."""
    lines: list[str] = []

    def order(path: Path) -> tuple[int, str]:
        """Modules first, then packages: at the top in layer order, below by name."""
        if not path.is_dir():
            return (0, path.name)
        return (1 + (LAYERS.index(path.name) if path.name in LAYERS else len(LAYERS)), path.name)

    def walk(folder: Path, depth: int) -> None:
        indent = "  " * depth
        for path in sorted(folder.iterdir(), key=order):
            if path.name.startswith(("_", ".")) and path.name not in ("__main__.py",):
                continue
            if path.is_dir() and (path / "__init__.py").exists():
                sentence = first_sentence(path / "__init__.py")
                lines.append(f"{indent}- **`{path.name}/`** — {sentence}")
                walk(path, depth + 1)
            elif path.suffix == ".py":
                lines.append(f"{indent}- `{path.name}` — {first_sentence(path)}")

    lines.append(f"- **`reportcheck/`** — {first_sentence(package / '__init__.py')}")
    walk(package, 1)
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help="update README.md in place")
    args = parser.parse_args()
    made = render()
    if not args.write:
        sys.stdout.write(made)
        return 0
    readme = REPO / "README.md"
    text = readme.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    readme.write_text(before + START + made + END + after, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
