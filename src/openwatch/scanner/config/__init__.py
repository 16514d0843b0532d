"""Configuration files: positioned trees of YAML, JSON and TOML, `.env` lines, and the model keys in them."""
