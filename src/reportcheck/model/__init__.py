"""The model: periods, units, numbers, problems, limits and files; what every layer above shares
and nothing here imports from them."""
