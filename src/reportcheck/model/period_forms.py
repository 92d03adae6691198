"""The forms a period may be written in, as said to people: in a problem and in the help.

Apart from the periods' parser (reportcheck.model.periods) so that help can name them without
loading the records a period is made into.
"""

PERIOD_HINT = "YYYY-MM, YYYY-Qn, YYYY, 2023年6月, 2023年1-6月, 2023年一季度 or 2023年上半年"
#: The same forms as examples, for help text: a help line may break at the hyphen of YYYY-MM
#: (Click wraps with textwrap, which breaks hyphenated words), never inside 2023-06.
PERIOD_EXAMPLES = "2023-06, 2023-Q2, 2023, 2023年6月, 2023年1-6月, 2023年一季度 or 2023年上半年"
