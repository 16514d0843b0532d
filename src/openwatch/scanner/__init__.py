"""The scanner: walk, prefilter, run detectors, classify context, report references and skipped files."""
