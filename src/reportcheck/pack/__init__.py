"""The review pack an office hands round: count paragraph, attachment table, lights, 对照表.

`content` builds the typed pack from an evaluated review; `xlsx`, `html`, `markdown` and
`tabular` write it. Nothing here prints.
"""
