"""openwatch: which AI models your code depends on, how open they are, and what follows."""

__version__ = "0.1.0"
