"""Run the CLI as `python -m openwatch`."""

from openwatch.cli import main

main()
