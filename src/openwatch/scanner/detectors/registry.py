"""The detectors a scan runs, in order: one class per source kind."""

from __future__ import annotations

from openwatch.scanner.detectors.base import Detector
from openwatch.scanner.detectors.config import ConfigDetector
from openwatch.scanner.detectors.html import HtmlDetector
from openwatch.scanner.detectors.javascript import JavaScriptDetector
from openwatch.scanner.detectors.markdown import MarkdownDetector
from openwatch.scanner.detectors.model_files import GgufDetector, OllamaManifestDetector, SafetensorsDetector
from openwatch.scanner.detectors.notebook import NotebookDetector
from openwatch.scanner.detectors.python import PythonDetector
from openwatch.scanner.detectors.shell import ShellDetector

DETECTOR_CLASSES: tuple[type[Detector], ...] = (
    PythonDetector,
    NotebookDetector,
    ConfigDetector,
    ShellDetector,
    MarkdownDetector,
    JavaScriptDetector,
    HtmlDetector,
    GgufDetector,
    SafetensorsDetector,
    OllamaManifestDetector,
)
"""Every detector class; a new source kind is one import and one line here."""


def default_detectors() -> tuple[Detector, ...]:
    """One instance of every registered detector."""
    return tuple(cls() for cls in DETECTOR_CLASSES)
