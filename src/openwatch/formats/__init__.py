"""Output formats: each renders an audit or a view, and decides nothing."""
