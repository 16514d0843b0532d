"""Detectors, one per source kind: Python, notebooks, configs, shell, Markdown, JavaScript, model files."""
