"""The scanner's fast paths give the answers of the plain ones: JS tokens, gitignore unions, the name pass."""

from __future__ import annotations

import ast
from pathlib import Path

from openwatch.scanner.js.lex import Token, tokenize
from openwatch.scanner.python.env import build_env
from openwatch.scanner.walk import FoundFile, walk


def test_tokenizer_skips_unicode_whitespace_and_comments() -> None:
    text = "a =\u3000'x'\u00a0// note\n/* block */ b"
    assert tokenize(text) == [
        Token("id", "a", 0),
        Token("punct", "=", 2),
        Token("str", "x", 5),
        Token("id", "b", 28),
    ]


def test_tokenizer_strings_escape_quotes_and_stop_at_line_ends() -> None:
    assert tokenize(r"f('a\'b', 2)") == [
        Token("id", "f", 0),
        Token("punct", "(", 1),
        Token("str", "a'b", 3),
        Token("punct", ",", 8),
        Token("num", "2", 10),
        Token("punct", ")", 11),
    ]
    assert tokenize("'open\nx") == [Token("id", "x", 6)]  # unterminated: JSX text, skipped to the line end
    assert tokenize("y = 'tail\\") == [Token("id", "y", 0), Token("punct", "=", 2)]


def test_gitignore_patterns_anywhere_rooted_and_negated(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.log\nbuild/\n/top.txt\ncache/**/keep\n!important.log\n")
    for relpath in (
        "a.log",
        "important.log",
        "sub/b.log",
        "sub/important.log",
        "top.txt",
        "sub/top.txt",
        "build/x.py",
        "sub/build/y.py",
        "cache/deep/keep",
        "cache/keep.py",
        "ok.py",
    ):
        path = tmp_path / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = sorted(item.relpath for item in walk(tmp_path) if isinstance(item, FoundFile))
    assert found == [
        ".gitignore",
        "cache/keep.py",
        "important.log",
        "ok.py",
        "sub/important.log",
        "sub/top.txt",
    ]


def test_name_pass_records_calls_reads_and_bindings_in_source_order() -> None:
    text = (
        "import openai\n"
        "MODEL = 'gpt-4o'\n"
        "class Bot:\n"
        "    def run(self, name=MODEL):\n"
        "        return openai.chat(model=name, n=len(x))\n"
    )
    env = build_env(ast.parse(text), "bot.py", text)
    assert [ast.unparse(call.func) for call, _ in env.calls] == ["openai.chat", "len"]
    assert {"openai", "chat", "MODEL", "name", "len", "x"} <= env.loaded
    assert [b.kind for b in env.scope.names["MODEL"]] == ["assign"]
    assert [b.kind for b in env.scope.names["openai"]] == ["module"]
    assert [f.name for f in env.functions] == ["run"]
