"""The detectors a scan runs, in order: one class per source kind."""

from __future__ import annotations

from openwatch.scan.detectors.base import Detector
from openwatch.scan.detectors.config import ConfigDetector
from openwatch.scan.detectors.html import HtmlDetector
from openwatch.scan.detectors.javascript import JavaScriptDetector
from openwatch.scan.detectors.markdown import MarkdownDetector
from openwatch.scan.detectors.model_files import GgufDetector, OllamaManifestDetector, SafetensorsDetector
from openwatch.scan.detectors.notebook import NotebookDetector
from openwatch.scan.detectors.python import PythonDetector
from openwatch.scan.detectors.shell import ShellDetector

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
