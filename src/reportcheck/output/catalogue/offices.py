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
    # Text typed into an earlier pack, which report --force would replace.
    "typed-text/period": (
        "{id} 的推进情况是为 {period} 手工填写的,新的通报材料期间不同,写入 {output} 会丢失"
        "这段文字;请把本期材料写到新文件,或把文字填入实际数据的 reason(推进情况)列",
        "the 推进情况 of {id} was typed for {period}, another period than the new pack's; "
        "writing {output} would lose it: write this pack to a new file, or put the text in the "
        "reason (推进情况) column of the figures",
    ),
    "typed-text/left-out": (
        "{id} 的推进情况是手工填写的,但新的通报材料不含这一项(已筛选),写入 {output} 会丢失"
        "这段文字;请写到新文件",
        "the 推进情况 of {id} was typed by hand, and the new pack leaves {id} out (it is "
        "filtered); writing {output} would lose it: write to a new file",
    ),
    "typed-text/unmatched": (
        "这一行的推进情况是手工填写的,但找不到对应的登记编号,写入 {output} 会丢失这段文字;"
        "请写到新文件",
        "this row's 推进情况 was typed by hand, and no registry entry matches the row; writing "
        "{output} would lose it: write to a new file",
    ),
    "typed-text/not-a-pack": (
        "-o {file}:这不是 reportcheck 写出的通报材料,覆盖会丢失其中的内容;请换一个文件名,"
        "或先移走该文件",
        "-o {file}: is no pack reportcheck wrote, and replacing it would lose what it holds: "
        "write to another file, or move it away first",
    ),
    "typed-text/edited": (
        "-o {file}:这份 Word 通报在写出后已被修改(或不是 reportcheck 写出的),覆盖会丢失修改;"
        "请换一个文件名,或先移走该文件",
        "-o {file}: this Word notice was changed since reportcheck wrote it (or reportcheck did "
        "not write it), and replacing it would lose the changes: write to another file, or move "
        "it away first",
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
