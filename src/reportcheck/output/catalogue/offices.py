"""The office's loop: its sheet of responsibilities (--units), the filters by unit and leader,
one fill-in workbook per unit (template --by-unit), and what a pack keeps of typed text.

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters. {value} is the cell or option as typed.
"""

from __future__ import annotations

_COLUMNS = (
    "应有列 id、责任单位(或 lead)、分管领导(或 leader),后两者至少其一",
    "expected the columns id and 责任单位 (or lead) and/or 分管领导 (or leader)",
)

TEMPLATES: dict[str, tuple[str, str]] = {
    # The sheet of responsibilities.
    "missing-column/units": (
        f"缺少列 {{missing}};表头为 {{found}}({_COLUMNS[0]})",
        f"lacks the column(s) {{missing}}; the header line has {{found}} ({_COLUMNS[1]})",
    ),
    "missing-column/units-no-header": (
        f"表头为空;{_COLUMNS[0]}",
        f"has an empty header line; {_COLUMNS[1]}",
    ),
    "missing-id/units": (
        "没有编号;每行的责任单位、分管领导都要对应登记表中的编号",
        "has no id; each row's units and leader belong to a registry id",
    ),
    "repeated-id": (
        "{id} 已在 {earlier} 给出;每项承诺只写一行(多个责任单位用、分隔)",
        "gives {id} again, as {earlier} does; one row per commitment (several units separated "
        "by 、)",
    ),
    # One workbook per unit.
    "by-unit/folder": (
        "-o {file}:--by-unit 需要一个文件夹(如 -o 分发/2023-06/),每个责任单位一份 .xlsx",
        "-o {file}: --by-unit writes to a folder (such as -o out/2023-06/), one .xlsx per "
        "responsible unit",
    ),
    "by-unit/none": (
        "没有承诺列出责任单位;请用 --units 给出责任分解表,或在登记表中写 lead",
        "no commitment names a responsible unit; give the office's sheet with --units, or "
        "`lead:` in the registry",
    ),
    # Filters.
    "unknown-lead": (
        "没有承诺的责任单位是 '{value}';可选:{units}",
        "no commitment has the responsible unit '{value}'; units: {units}",
    ),
    "unknown-lead/none": (
        "没有承诺列出责任单位;请用 --units 给出责任分解表,或在登记表中写 lead",
        "no commitment names a responsible unit; give the office's sheet with --units, or "
        "`lead:` in the registry",
    ),
    "unknown-leader": (
        "没有承诺的分管领导是 '{value}';可选:{leaders}",
        "no commitment has the leader '{value}'; leaders: {leaders}",
    ),
    "unknown-leader/none": (
        "没有承诺列出分管领导;请用 --units 给出责任分解表,或在登记表中写 leader",
        "no commitment names a leader; give the office's sheet with --units, or `leader:` in "
        "the registry",
    ),
}
