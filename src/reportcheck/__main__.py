"""`python -m reportcheck`: the same command line as `reportcheck`."""

from reportcheck.cli import main

main()
