"""The Python detector on input it cannot fully read: syntax errors, Python 2, deep nesting, huge files."""

from __future__ import annotations

import time
from pathlib import Path

from test_run_support import settled

from openwatch.scanner.detectors.base import ScanContext, SourceFile
from openwatch.scanner.detectors.python import PythonDetector, detect_python_source

CONTEXT = ScanContext(root=Path("."))


def test_syntax_error_is_a_problem_with_its_line_and_no_references() -> None:
    """A file that does not parse reports where, and finds nothing without catalog help."""
    source = 'from openai import OpenAI\nclient = OpenAI(\nclient.chat.completions.create(model="gpt-4o")\n'
    detection = settled(detect_python_source(source, "broken.py", CONTEXT))
    assert detection.references == ()
    assert detection.problem is not None
    assert detection.problem.startswith("syntax error at line 2: ")
    assert detection.degraded


def test_python2_code_is_a_syntax_error() -> None:
    """Python 2 print statements are reported as a syntax error at their line."""
    source = 'import openai\n\nprint "calling"\nopenai.Completion.create(engine="text-davinci-003")\n'
    detection = settled(PythonDetector().detect(SourceFile(Path("old.py"), "old.py", source), CONTEXT))
    assert detection.references == ()
    assert detection.problem is not None
    assert detection.problem.startswith("syntax error at line 3: Missing parentheses in call to 'print'")


def test_degraded_fallback_finds_exact_catalog_aliases_in_string_literals() -> None:
    """When the file does not parse, string literals equal to catalog aliases are kept, marked degraded."""
    known = {"gpt-4o", "claude-3-5-sonnet-20241022"}
    source = 'print "start"\nMODEL = "gpt-4o"\nOTHER = \'not-a-model\'\nx = ["claude-3-5-sonnet-20241022"]\n'
    detection = settled(detect_python_source(source, "legacy.py", CONTEXT, line_offset=10), known)
    assert [(r.text, r.line, r.column, r.confidence) for r in detection.references] == [
        ("gpt-4o", 12, 9, 0.5),
        ("claude-3-5-sonnet-20241022", 14, 6, 0.5),
    ]
    assert detection.degraded
    assert detection.problem is not None
    assert "fell back to matching string literals against catalog aliases" in detection.problem
    assert all(r.note and r.note.startswith("degraded") for r in detection.references)


def test_ten_thousand_open_parentheses_do_not_crash() -> None:
    """Nesting far beyond the parser's limit is a problem value, not an exception."""
    detection = settled(detect_python_source("(" * 10000, "deep.py", CONTEXT))
    assert detection.references == ()
    assert detection.problem is not None
    assert "syntax error at line 1" in detection.problem


def test_deep_expressions_that_exhaust_the_parser_are_problems() -> None:
    """Deep unary and binary chains (RecursionError or MemoryError in the parser) become problems."""
    for source in (
        "x = " + "-" * 100_000 + "1",
        "x = " + " + ".join(["'a'"] * 20_000),
        "x = f" + "()" * 50_000,
    ):
        detection = settled(detect_python_source(source, "deep.py", CONTEXT))
        assert detection.references == ()
        assert detection.problem is not None
        assert detection.problem.startswith("could not parse: ")


def test_long_value_chains_that_parse_are_bounded_not_fatal() -> None:
    """1,500 concatenated literals and a 2,000-step variable chain parse; resolution stops at its bound."""
    concat = " + ".join(["'a'"] * 1500)
    chain = "".join(f"m{i + 1} = m{i}\n" for i in range(2000))
    source = f"from openai import OpenAI\nc = OpenAI()\nM = {concat}\nm0 = 'gpt-4o'\n{chain}"
    source += "c.chat.completions.create(model=M)\nc.chat.completions.create(model=m2000)\n"
    detection = settled(detect_python_source(source, "long.py", CONTEXT))
    assert detection.problem is None
    assert detection.references == ()


def test_null_bytes_are_a_problem() -> None:
    """Source with NUL bytes cannot be parsed and says so."""
    detection = settled(detect_python_source("x = 1\x00\n", "nul.py", CONTEXT))
    assert detection.references == ()
    assert detection.problem is not None


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    """A path that cannot be read is reported, not raised."""
    missing = tmp_path / "gone.py"
    detection = settled(PythonDetector().detect(SourceFile(missing, "gone.py"), ScanContext(root=tmp_path)))
    assert detection.problem is not None
    assert detection.problem.startswith("could not read")


def _big_source(lines: int) -> str:
    """A generated module of about `lines` lines that is dense with SDK calls and value hops."""
    head = [
        "import os",
        "from openai import OpenAI",
        "from transformers import AutoTokenizer",
        "client = OpenAI()",
        'MODEL = os.getenv("MODEL", "gpt-4o-mini")',
        'CONFIG = {"model": "gpt-4o", "temperature": 0}',
    ]
    body: list[str] = []
    index = 0
    while len(head) + len(body) < lines:
        body += [
            f"def handler_{index}(prompt, model=MODEL):",
            f"    values = [x * 2 for x in range({index})]",
            "    client.chat.completions.create(model=model, messages=[{'role': 'user', 'content': prompt}])",
            f"    tok = AutoTokenizer.from_pretrained('Qwen/Qwen2.5-{index}B')",
            "    return client.chat.completions.create(model=CONFIG['model'], messages=[])",
            "",
        ]
        index += 1
    return "\n".join(head + body) + "\n"


def test_a_5000_line_file_is_analysed_in_linear_time() -> None:
    """5,000 dense lines are analysed within a generous bound; twice the lines take about twice the time."""
    small, large = _big_source(5000), _big_source(10000)
    timings = []
    for source in (small, large):
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            detection = settled(detect_python_source(source, "big.py", CONTEXT))
            best = min(best, time.process_time() - start)
        timings.append(best)
        assert detection.problem is None
    assert len(settled(detect_python_source(small, "big.py", CONTEXT)).references) > 2000
    assert timings[0] < 1.0
    assert timings[1] < timings[0] * 3.5
