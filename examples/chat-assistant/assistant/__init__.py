"""Support assistant package."""
