"""Config files a shell script writes with a heredoc (`cat > config.yaml <<EOF … EOF`), read as configs."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

_HEREDOC = re.compile(r"<<-?[ \t]*(['\"]?)(?P<word>[A-Za-z_]\w*)\1")
_TARGET = re.compile(r">>?[ \t]*(['\"]?)(?P<path>[^\s'\";|&<>]+)\1")
_CONFIG_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml", ".env": "env"}


@dataclass(frozen=True)
class Heredoc:
    """A heredoc body: where it starts and ends in the text, and the config kind of the file it writes."""

    start: int
    end: int
    kind: str | None


def heredocs(text: str) -> list[Heredoc]:
    """Every heredoc body of a script, with the config kind of its target file (None if not a config)."""
    found: list[Heredoc] = []
    position = 0
    while (match := _HEREDOC.search(text, position)) is not None:
        line_end = text.find("\n", match.end())
        if line_end < 0:
            break
        line = text[text.rfind("\n", 0, match.start()) + 1 : line_end]
        target = _TARGET.search(line.replace(match.group(0), " "))
        closing = re.compile(rf"^[ \t]*{re.escape(match.group('word'))}[ \t]*$", re.M)
        close = closing.search(text, line_end + 1)
        end = close.start() if close is not None else len(text)
        kind = _CONFIG_SUFFIXES.get(posixpath.splitext(target.group("path"))[1].lower()) if target else None
        found.append(Heredoc(line_end + 1, end, kind))
        position = close.end() if close is not None else len(text)
    return found
