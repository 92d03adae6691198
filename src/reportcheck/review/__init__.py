"""Judging: each commitment against its figures, the one progress model, status changes,
plausibility and the review pack's rows; codes and numbers only, no words."""
