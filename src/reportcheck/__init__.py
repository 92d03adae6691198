"""reportcheck: check a government work report's quantitative commitments against statistics."""

__version__ = "0.1.0"
