"""The output layer: every word (the vocabulary, the problem catalogue, the sentences about
rules and verdicts) and every writer (terminal tables, JSON, CSV, Markdown, the fill-in sheet,
the review pack); the only layer that imports Rich, Jinja2, python-docx and writes workbooks."""
