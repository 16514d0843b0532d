"""Model hits in shell-like texts: scripts, Dockerfiles, Makefiles, justfiles, Procfiles and Modelfiles."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from openwatch import providers as P
from openwatch.scanner.hits import Hit
from openwatch.scanner.keyrules import classify_key, key_hit
from openwatch.scanner.modelshape import model_text
from openwatch.scanner.shell.heredoc import heredocs
from openwatch.scanner.shell.rules import match_command, program_words
from openwatch.scanner.shell.syntax import Word, resolve_word, split_commands

_MAKE_ASSIGN = re.compile(r"(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(?:\?|::?|\+|!)?=\s*(.*?)\s*$")
_JUST_ASSIGN = re.compile(r"(?:export\s+)?([A-Za-z_][\w-]*)\s*:=\s*(.*?)\s*$")
_PROCFILE = re.compile(r"[\w.-]+:\s*")
_FROM = re.compile(r"\s*FROM\s+(\S+)", re.IGNORECASE)


class ShellScan:
    """Collects hits, variables and assignments while one shell-like text is read."""

    def __init__(self, text: str) -> None:
        """An empty scan of `text`."""
        self.text = text
        self.variables: dict[str, Word] = {}
        self.assignments: list[tuple[str, Word]] = []
        self.hits: list[Hit] = []

    def commands(self, start: int, end: int) -> None:
        """Read the commands in text[start:end]."""
        for words in split_commands(self.text, start, end):
            self.words(words)

    def words(self, words: list[Word]) -> None:
        """Read one simple command given as words."""
        program = program_words(words, self.variables, self.assignments)
        self.hits.extend(match_command(program, self.variables))

    def assign(self, name: str, value: str, offset: int) -> None:
        """Record `name=value` whose value starts at offset."""
        value = value.strip()
        quoted = value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1
        word = Word(value[1:-1] if quoted else value, value, offset)
        self.variables[name] = word
        self.assignments.append((name, word))

    def finish(self) -> list[Hit]:
        """All hits: command hits, then assignments to model-named variables that no command used."""
        used = {hit.offset for hit in self.hits}
        for name, word in self.assignments:
            resolved = resolve_word(word, {})
            if resolved is None or resolved[0].offset in used or classify_key(name) is None:
                continue
            literal = resolved[0]
            hit = key_hit(name, literal.value, literal.offset_of(literal.value), note=f"variable {name}")
            if hit is not None:
                self.hits.append(hit)
                used.add(hit.offset)
        return self.hits


def logical_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of lines joined by trailing backslashes."""
    start = 0
    position = 0
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        end = length if newline < 0 else newline
        if text[position:end].rstrip("\r").endswith("\\") and newline >= 0:
            position = newline + 1
            continue
        yield start, end
        start = position = end + 1
    if start < length:
        yield start, length


def shell_hits(text: str, dialect: str) -> list[Hit]:
    """The hits of a text in one dialect: sh, dockerfile, make, just, procfile or modelfile."""
    if dialect == "modelfile":
        return _modelfile(text)
    scan = ShellScan(text)
    if dialect == "sh":
        return _script(scan)
    for start, end in logical_lines(text):
        line = text[start:end]
        if dialect == "dockerfile":
            _dockerfile_line(scan, start, end)
        elif dialect in ("make", "just") and line[:1] in ("\t", " ") and line.strip():
            prefix = len(line) - len(line.lstrip(" \t@+-"))
            scan.commands(start + prefix, end)
        elif dialect in ("make", "just"):
            match = (_MAKE_ASSIGN if dialect == "make" else _JUST_ASSIGN).match(line)
            if match and not line.lstrip().startswith("#"):
                value = match.group(2).split(" #", 1)[0]
                scan.assign(match.group(1), value, start + match.start(2))
        elif dialect == "procfile":
            match = _PROCFILE.match(line)
            if match:
                scan.commands(start + match.end(), end)
    return scan.finish()


def _script(scan: ShellScan) -> list[Hit]:
    """A shell script: its commands, and the configs its heredocs write (a heredoc body is not commands)."""
    from openwatch.scanner.config.text import config_hits  # config reads shell in CI `run:` keys: import late

    start = 0
    config: list[Hit] = []
    for body in heredocs(scan.text):
        scan.commands(start, body.start)
        start = body.end
        if body.kind is not None:
            found = config_hits(scan.text[body.start : body.end], "heredoc", body.kind)
            config += [hit.moved(hit.offset + body.start) for hit in found.hits if hit.offset >= 0]
    scan.commands(start, len(scan.text))
    return [*scan.finish(), *config]


def _dockerfile_line(scan: ShellScan, start: int, end: int) -> None:
    """Read one Dockerfile instruction: RUN/CMD/ENTRYPOINT commands, ENV and ARG assignments."""
    line = scan.text[start:end]
    stripped = line.lstrip()
    instruction, _, rest = stripped.partition(" ")
    rest_start = start + len(line) - len(stripped) + len(instruction) + 1
    keyword = instruction.upper()
    if keyword in ("RUN", "CMD", "ENTRYPOINT"):
        if rest.lstrip().startswith("["):
            scan.words(_exec_form(scan.text, rest_start, end))
        else:
            scan.commands(rest_start, end)
    elif keyword in ("ENV", "ARG"):
        words = [w for command in split_commands(scan.text, rest_start, end) for w in command]
        if words and "=" not in words[0].value and len(words) > 1 and keyword == "ENV":
            scan.assign(words[0].value, words[1].raw, words[1].offset)
            return
        for word in words:
            if "=" in word.value:
                value = word.after("=")
                scan.assign(word.value.split("=", 1)[0], value.raw, value.offset)


def _exec_form(text: str, start: int, end: int) -> list[Word]:
    """The words of a JSON exec form such as `CMD ["vllm", "serve", "model"]`."""
    try:
        items = json.loads(text[start:end])
    except ValueError:
        return []
    words: list[Word] = []
    cursor = start
    for item in items if isinstance(items, list) else []:
        raw = json.dumps(str(item))
        found = text.find(raw, cursor, end)
        offset = found + 1 if found >= 0 else cursor
        cursor = max(cursor, found + len(raw)) if found >= 0 else cursor
        words.append(Word(str(item), str(item), offset))
    return words


def _modelfile(text: str) -> list[Hit]:
    """`FROM model:tag` lines of an Ollama Modelfile."""
    hits: list[Hit] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        match = _FROM.match(line)
        found = model_text(match.group(1), gguf_path=True) if match else None
        if match and found:
            text_found, shift = found
            gguf = text_found.lower().endswith(".gguf")
            provider = None if gguf else P.OLLAMA
            hits.append(
                Hit(text_found, offset + match.start(1) + shift, provider=provider, note="Modelfile FROM")
            )
        offset += len(line)
    return hits
