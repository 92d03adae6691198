"""Reading files: missing, unreadable, too large, of the wrong kind or encoding; folders and sheets.

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters. A problem stands after its file's name (and line),
so a template says what is wrong with the file, not which file it is.
"""

from __future__ import annotations

_SAVE_UTF8 = ("请另存为 CSV UTF-8", "save it as CSV UTF-8")

TEMPLATES: dict[str, tuple[str, str]] = {
    # A file that cannot be read at all.
    "unreadable-file/folder": ("是文件夹,不是实际数据文件", "is a folder, not a file of actuals"),
    "unreadable-file/missing": ("文件不存在", "no such file"),
    "unreadable-file/os": ("无法读取:{why}", "cannot be read: {why}"),
    "unreadable-file/not-regular": (
        "不是普通文件(是管道或设备);{what}须为普通文件",
        "is not a regular file (a pipe or a device); {what} must be one",
    ),
    # Beyond a limit (model.limits), refused before the work.
    "too-large/size": (
        "大小为 {size};{what}最大为 {limit}",
        "is {size}; {what} may be at most {limit}",
    ),
    "too-large/grown": (
        "超过 {limit},即{what}的上限",
        "is larger than {limit}, the limit for {what}",
    ),
    "too-large/stdin": ("超过 {limit} 的上限", "is larger than the limit of {limit}"),
    "too-large/rows": (
        "超过 {rows} 行,即实际数据文件的上限;请按月拆分",
        "has more than {rows} rows, the limit for a file of actuals; split it by month",
    ),
    "too-large/columns": (
        "有 {columns} 列;实际数据文件最多 {limit} 列",
        "has {columns} columns; a file of actuals may have at most {limit}",
    ),
    "too-large/cells": (
        "超过 {cells} 个单元格,即实际数据文件的上限",
        "has more than {cells} cells, the limit for a file of actuals",
    ),
    "too-large/cell": (
        "有一个单元格长 {chars} 个字符;单元格最多 {limit} 个字符",
        "has a cell of {chars} characters; a cell may hold at most {limit}",
    ),
    "too-large/csv-field": (
        "有单元格超出 CSV 可读的长度;单元格最多 {limit} 个字符",
        "has a cell longer than a CSV reader takes; a cell may hold at most {limit} characters",
    ),
    "too-large/part": (
        "含一个解压后为 {size} 的部件({part});工作簿的部件最大为 {limit}",
        "holds a part ({part}) of {size} unpacked; a workbook part may be at most {limit}",
    ),
    "too-large/unpacked": (
        "解压后为 {size}(共 {parts} 个部件);工作簿解压后最大为 {limit}",
        "unpacks to {size} in {parts} parts; a workbook may unpack to at most {limit}",
    ),
    "too-large/declared": (
        "工作表 {sheet} 声明有 {rows} 行、{columns} 列;实际数据工作表最多 {max_rows} 行、"
        "{max_columns} 列、{max_cells} 个单元格",
        "sheet {sheet} declares {rows} rows and {columns} columns; a sheet of actuals may have "
        "at most {max_rows} rows, {max_columns} columns and {max_cells} cells",
    ),
    "too-large/sheet-rows": (
        "工作表 {sheet} 超过 {rows} 行",
        "sheet {sheet} has more than {rows} rows",
    ),
    "too-large/sheet-columns": (
        "工作表 {sheet} 第 {row} 行超过 {columns} 列",
        "sheet {sheet} has more than {columns} columns in row {row}",
    ),
    "too-large/sheet-cells": (
        "工作表 {sheet} 超过 {cells} 个单元格,即实际数据工作表的上限",
        "sheet {sheet} has more than {cells} cells, the limit for a sheet of actuals",
    ),
    "too-large/xlsx-cell": (
        "单元格 {cell} 有 {chars} 个字符;单元格最多 {limit} 个字符",
        "cell {cell} holds {chars} characters; a cell may hold at most {limit}",
    ),
    "too-large/text": (
        "工作表 {sheet} 使工作簿的文字超过 {limit} 个字符,即实际数据文件的上限",
        "sheet {sheet} brings the workbook's text beyond {limit} characters, the most a file of "
        "actuals may hold",
    ),
    "registry-too-large": (
        "有 {chars} 个字符;登记表最大为 {limit}",
        "is {chars} characters; a registry may be at most {limit}",
    ),
    # Not a table of text.
    "wrong-file-type/xls": (
        "是旧版 Excel .xls 工作簿;请另存为 .xlsx 或 CSV",
        "is an old Excel .xls workbook; save it as .xlsx or as CSV",
    ),
    "wrong-file-type/zip": (
        "是 zip 压缩包(Excel 工作簿?),不是 CSV 文本;工作簿请用 .xlsx 扩展名",
        "is a zip archive (an Excel workbook?), not CSV text; give an Excel workbook the "
        "extension .xlsx",
    ),
    "wrong-file-type/xlsx": (
        "不是可读的 .xlsx 工作簿({why})",
        "is not a readable .xlsx workbook ({why})",
    ),
    "wrong-file-type/binary": ("含二进制数据,不是 CSV 文本", "holds binary data, not CSV text"),
    "wrong-file-type/csv": ("不是有效的 CSV:{why}", "is not valid CSV: {why}"),
    # Text in an encoding that cannot be decided, or not the one stated.
    "wrong-encoding/utf-16": (
        "是 UTF-16 文本;请另存为 CSV UTF-8(或中文版 Excel 的 CSV,GB18030)",
        "is UTF-16 text; save it as CSV UTF-8 (or CSV from a Chinese-locale Excel, GB18030)",
    ),
    "wrong-encoding/not-text": (
        f"不是 UTF-8 或中文编码的文本(已尝试 {{tried}});{_SAVE_UTF8[0]}",
        f"is not text in UTF-8 or a Chinese encoding ({{tried}}); {_SAVE_UTF8[1]}",
    ),
    "wrong-encoding/unusual": (
        "只有按 {names} 读取才不出错,但会出现生僻字符,编码不能确定(日文或韩文文件?);"
        "请另存为 CSV UTF-8,或用 --encoding 指明编码",
        "reads as {names} only with unusual characters, so its encoding is uncertain (a "
        "Japanese or Korean file?); save it as CSV UTF-8, or name the encoding with --encoding",
    ),
    "wrong-encoding/uncertain": (
        "按 {first}({first_sample})或 {second}({second_sample})读取都说得通,编码不能确定;"
        "请另存为 CSV UTF-8,或用 --encoding gbk 或 --encoding big5 指明编码",
        "reads as {first} ({first_sample}) or {second} ({second_sample}) equally well, so its "
        "encoding is uncertain; save it as CSV UTF-8, or name it with --encoding gbk or "
        "--encoding big5",
    ),
    "wrong-encoding/private-use": (
        "按 {encoding} 解码时第 {at} 行出现私用区字符 {char},统计表中不会有这种字符;"
        "文件可能是其他编码,请另存为 CSV UTF-8",
        "decodes as {encoding} to the private-use character {char} on line {at}, which no "
        "statistics table holds; the file is probably in another encoding: save it as CSV UTF-8",
    ),
    "wrong-encoding/mixed": (
        "混用了多种编码:第 {utf8_line} 行是 UTF-8,第 {other_line} 行不是(GB18030/GBK 或 Big5?);"
        "请把整个文件另存为 CSV UTF-8",
        "mixes encodings: line {utf8_line} is UTF-8 but line {other_line} is not (GB18030/GBK or "
        "Big5?); save the whole file as CSV UTF-8",
    ),
    "wrong-encoding/stated": (
        "不是 {encoding} 文本:这一行有 {encoding} 中没有的字节;请核对 --encoding {option},"
        "或去掉 --encoding 由 reportcheck 判断",
        "is not {encoding} text: this line holds bytes {encoding} does not have; check "
        "--encoding {option}, or leave it out for reportcheck to decide",
    ),
    # The shape of a table.
    "empty-file": (
        "是空文件;应有表头 'id,period,value',每个数据一行",
        "is empty; expected a header line 'id,period,value' and one row per figure",
    ),
    "empty-file/sheet": (
        "第一个工作表没有内容;应有表头 id、period、value",
        "has no cells in its first sheet; expected a header row 'id, period, value' and one row "
        "per figure",
    ),
    "header-only": ("只有表头,没有数据行", "has a header but no rows of figures"),
    "wrong-field-count": (
        "有 {fields} 个字段,表头只有 {expected} 个;含逗号的值请加引号",
        "has {fields} fields but the header has {expected}; quote a value that contains a comma",
    ),
    "duplicate-column": (
        "表头中 '{name}' 列出现两次",
        "column '{name}' appears twice in the header",
    ),
    "unknown-column": (
        "'{name}' 列不是 reportcheck 读取的列,已忽略(可用列:{columns})",
        "column '{name}' is not one reportcheck reads; it is ignored (columns: {columns})",
    ),
    "missing-column": (
        "缺少必需的列 {missing};表头为 {found}(必需:id、period、value;可选:unit、source、note、"
        "reason(推进情况)、rank(全省排位)、level(总量)、level_unit)",
        "lacks the required column(s) {missing}; the header line has {found} (required: id, "
        "period, value; optional: unit, source, note, reason, rank, level, level_unit)",
    ),
    "missing-column/no-header": (
        "缺少必需的列 {missing};表头为空(必需:id、period、value)",
        "lacks the required column(s) {missing}; the header line is empty (required: id, "
        "period, value)",
    ),
    # Workbooks.
    "formula-without-value": (
        "单元格 {cell} 含公式 {formula},但没有计算结果(文件由程序写出而未经计算),数值未知;"
        "请在 Excel 或 WPS 中打开并保存,或直接填写数值",
        "cell {cell} holds the formula {formula} but no computed value (a program wrote the file "
        "without calculating it), so its value is unknown; open and save it in Excel or WPS, or "
        "type the value",
    ),
    "sheet-without-header": (
        "工作表 {sheet} 有数据但没有表头行 'id, period, value';"
        "请把数据移到有该表头的工作表,或删除该工作表",
        "sheet {sheet} holds figures but no header row 'id, period, value'; put the figures on "
        "a sheet with that header, or delete the sheet",
    ),
    # What a folder or a workbook holds that is not read.
    "no-actuals": ("没有实际数据文件(.csv 或 .xlsx)", "holds no file of actuals (.csv or .xlsx)"),
    "no-actuals/see-above": (
        "没有实际数据文件(.csv 或 .xlsx);原因见上文",
        "holds no file of actuals (.csv or .xlsx); see above",
    ),
    "skipped/other-year": (
        "已跳过:其期间在 {years} 年,不在登记表的年份 {year} 内",
        "skipped: its periods are in {years}, not in the registry's year {year}",
    ),
    "skipped/sheet": (
        "工作表 {sheet} 已跳过:没有数据,也没有表头",
        "sheet {sheet} is skipped: it holds no figures and no header",
    ),
    "skipped/many": (
        "已跳过:只读取文件夹中的前 {limit} 项",
        "skipped: only the first {limit} entries of the folder are read",
    ),
    "skipped/loop": ("已跳过:循环链接", "skipped: a link that loops back on itself"),
    "skipped/broken-link": (
        "已跳过:失效的链接(指向不存在的 {to})",
        "skipped: a broken link (to {to}, which does not exist)",
    ),
    "skipped/unreadable": ("已跳过:无法读取:{why}", "skipped: cannot be read: {why}"),
    "skipped/folder": (
        "已跳过:是文件夹;不读取子文件夹中的文件",
        "skipped: a folder; files in sub-folders are not read",
    ),
    "skipped/not-regular": (
        "已跳过:不是普通文件(管道或设备)",
        "skipped: not a regular file (a pipe or a device)",
    ),
    "skipped/lock": (
        "已跳过:Excel 锁定文件(该工作簿正在 Excel 中打开)",
        "skipped: an Excel lock file (the workbook is open in Excel)",
    ),
    "skipped/hidden": ("已跳过:隐藏文件", "skipped: a hidden file"),
    "skipped/text": (
        "已跳过:文本文件,没有表头 id,period,value",
        "skipped: a text file without the header id,period,value",
    ),
    "skipped/sheet-format": (
        "已跳过:{format},不读取;请另存或导出为 .xlsx",
        "skipped: {format}, which is not read; save or export it as .xlsx",
    ),
    "skipped/other": (
        "已跳过:不是实际数据文件(读取 {read} 文件)",
        "skipped: not a file of actuals (read: {read})",
    ),
    "unwritable-output": ("标准输出无法写入:{why}", "standard output: {why}"),
}
