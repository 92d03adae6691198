"""The registry: its schema, loading and every evidence check, lint, the cache, the shipped
registries, and reading report prose to draft a registry or harvest last year's outcomes."""
