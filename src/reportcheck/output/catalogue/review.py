"""The review pack from Python and its output file: periods, bands, where the pack goes.

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters.
"""

from __future__ import annotations

_PERIODS = "YYYY-MM、YYYY-Qn、YYYY、2023年6月、2023年1-6月、2023年一季度或2023年上半年"
_PERIODS_EN = "YYYY-MM, YYYY-Qn, YYYY, 2023年6月, 2023年1-6月, 2023年一季度 or 2023年上半年"

TEMPLATES: dict[str, tuple[str, str]] = {
    "no-actuals/none-in": (
        "{path} 中没有 .csv 或 .xlsx 文件",
        "{path} holds no .csv or .xlsx files",
    ),
    "bad-period/api": (
        f"期间 {{value}} 不是期间;应为 {_PERIODS}",
        f"period {{value!r}} is not a period; expected {_PERIODS_EN}",
    ),
    "period-out-of-year/api": (
        "期间 {value} 不在登记表的年份 {year} 内",
        "period {value} is outside the registry's year {year}",
    ),
    "bad-bands/count": (
        "--bands {value}:应为 0 到 100 之间的一个或两个百分点数,如 10,30",
        "--bands {value!r}: expected one or two numbers of points from 0 to 100, e.g. 10,30",
    ),
    "bad-bands/order": (
        "--bands {value}:第一个界限不能大于第二个,如 10,30",
        "--bands {value!r}: the first band must not exceed the second, e.g. 10,30",
    ),
    "bad-output/pack": (
        "-o {value}:文件名应以 .docx、.xlsx、.html、.md 或 .csv 结尾",
        "-o {value}: expected a file name ending .docx, .xlsx, .html, .md or .csv",
    ),
    "output-in-actuals/same": (
        "-o {value}:这是正在读取的实际数据文件,不能覆盖",
        "-o {value}: is the file of actuals being read",
    ),
    "output-in-actuals/folder": (
        "-o {value}:位于实际数据文件夹中,下次运行会被当作实际数据读取;请写到别处",
        "-o {value}: is in the folder of actuals, where the next run would read it as actuals; "
        "write it elsewhere",
    ),
}
