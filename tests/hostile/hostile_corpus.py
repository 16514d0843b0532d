"""Build a hostile repository: files that would act if run, bombs, lying headers, odd names, huge trees.

Run: python tests/hostile/hostile_corpus.py DIR [--empty-files N] [--notebook-mb N]  (the tests import
`build`). Every file is generated here; nothing large is committed. Canaries name what must never happen:
if the scanner ran, imported or unpickled anything, the canary file would appear or a connection to the
canary port would be attempted. `build` returns, for every bad file, what its skip reason must say.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import struct
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Canary:
    """What the hostile files try to touch: a file to create and a local port to connect to."""

    file: Path
    port: int


class _RunsCommand:
    """Unpickling this calls os.system (the classic malicious pickle)."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (self.command,))


def _python_that_acts(canary: Canary) -> str:
    """Python that, imported or run, writes the canary file and connects to the canary port."""
    return (
        "import socket\n"
        f"open({str(canary.file)!r}, 'w').write('imported')\n"
        f"socket.create_connection(('127.0.0.1', {canary.port}), timeout=1)\n"
        "from openai import OpenAI\n"
        "OpenAI().chat.completions.create(model='gpt-4o', messages=[])\n"
    )


def _shell_that_acts(canary: Canary) -> str:
    """A script that, run, writes the canary and calls the port, and names a model."""
    return (
        f"touch {canary.file}\ncurl -s http://127.0.0.1:{canary.port}/x\n"
        f"exec 3<>/dev/tcp/127.0.0.1/{canary.port}\nollama pull llama3.1:8b\n"
    )


def _notebook_that_acts(canary: Canary) -> str:
    """A notebook whose cells would write the canary (Python and a shell escape) if run."""
    cells = [
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": 1,
         "source": [f"open({str(canary.file)!r}, 'w')\n", "model = 'gpt-4o'\n", f"!touch {canary.file}\n"]},
    ]  # fmt: skip
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells})


def _gguf(tensor_count: int, kv_count: int, string_length: int) -> bytes:
    """A GGUF v3 header whose counts and first key length may be absurd."""
    header = b"GGUF" + struct.pack("<IQQ", 3, tensor_count, kv_count)
    return header + struct.pack("<Q", string_length) + b"general.name" + b"\0" * 64


def _billion_laughs() -> str:
    """Ten levels of nine aliases each: a billion nodes once expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        prev, here = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{here}: &{here} [{', '.join(['*' + prev] * 9)}]")
    return "\n".join([*lines, "model: gpt-4o"]) + "\n"


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


def _big_notebook(path: Path, output_bytes: int) -> None:
    """A notebook with one code cell that names a model and one enormous output, written in a stream."""
    chunk = "A" * 1_000_000
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write('{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [')
        cell = {"cell_type": "code", "metadata": {}, "source": ["model = 'gpt-4o'\n"], "outputs": []}
        out.write(json.dumps(cell))
        out.write(', {"cell_type": "code", "metadata": {}, "source": ["print(1)"], "outputs": [')
        out.write('{"output_type": "stream", "name": "stdout", "text": "')
        for _ in range(output_bytes // len(chunk)):
            out.write(chunk)
        out.write('"}]}]}')


def _sparse(path: Path, size: int) -> None:
    """A file of `size` bytes that takes no disk space (all zeros)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.truncate(size)


def _deep(root: Path) -> dict[str, str]:
    """Deep nesting in every language, on lines short enough to be read (so the parsers meet it)."""
    depth = 50_000
    files = {
        "deep/nested.py": "x = " + "(\n" * 5_000 + "1" + "\n)" * 5_000 + "\nmodel = 'gpt-4o'\n",
        "deep/nested.json": '{"model": ' + "[\n" * depth + "\n]" * depth + "}",
        "deep/nested.yaml": "model:\n  " + "[\n" * depth + "]\n" * depth,
        "deep/nested.toml": "model = " + "[\n" * depth + "\n]" * depth,
        "deep/nested.js": "const model = " + "(\n" * depth + "1" + "\n)" * depth + ";\n",
        "deep/nested.sh": "echo " + "$(\n" * 20_000 + "ollama pull llama3.1:8b" + "\n)" * 20_000 + "\n",
        "deep/nested.md": "> " * 20_000 + "```bash\nollama pull llama3.1:8b\n```\n",
        "deep/nested.html": "<div>\n" * depth + '<select name="model"><option value="gpt-4o">',
        "deep/nested.ipynb": '{"cells": ' + "[\n" * depth + "\n]" * depth + ', "model": "gpt-4o"}',
    }
    for relpath, text in files.items():
        _write(root / relpath, text)
    return {
        "deep/nested.json": "nested too deeply",
        "deep/nested.yaml": "invalid YAML.*nesting depth",
        "deep/nested.toml": "nested too deeply",
        "deep/nested.ipynb": "not a valid notebook: nested too deeply",
        "deep/nested.py": "syntax error",
    }


def _slow_python(n: int) -> str:
    """A large, legitimate-looking module: linear to scan, but a second of CPU and 180 MB of syntax tree per
    10,000 functions, so it exceeds a small budget."""
    body = ["from openai import OpenAI", "client = OpenAI()", "def f0():\n    return 'gpt-4o'"]
    body += [f"def f{i + 1}(x=None):\n    return f{i}()" for i in range(n)]
    body += [f"client.chat.completions.create(model=f{i}(), messages=[])" for i in range(n)]
    return "\n".join(body) + "\n"


def write_acting_files(root: Path, canary: Canary) -> None:
    """The files that would touch the canaries if anything ran, imported or unpickled them."""
    for name in ("acts_if_imported.py", "setup.py", "conftest.py", "__init__.py", "sitecustomize.py"):
        _write(root / "app" / name, _python_that_acts(canary))
    _write(root / "app" / "evil.pth", f"import os; os.system('touch {canary.file}')\n")
    _write(root / "scripts" / "install.sh", _shell_that_acts(canary))
    _write(root / "Makefile", f"all:\n\ttouch {canary.file}\n\tollama run llama3.1:8b\n")
    _write(root / "notebooks" / "acts.ipynb", _notebook_that_acts(canary))
    _write(root / "web" / "acts.js", f"require('child_process').execSync('touch {canary.file}');\n")
    evil = pickle.dumps(_RunsCommand(f"touch {canary.file}"))
    for name in ("model.pkl", "pytorch_model.bin", "weights.pt", "model.joblib", "model.ckpt"):
        _write(root / "models" / name, evil)


def build(
    root: Path, canary: Canary, *, empty_files: int = 100_000, notebook_mb: int = 100, slow: int = 10_000
) -> dict[str, str]:
    """Write the hostile tree under root; return {relative path: what its skip reason says} for bad files."""
    root.mkdir(parents=True, exist_ok=True)
    bad: dict[str, str] = {}
    write_acting_files(root, canary)
    _write(root / "config" / "bomb.yaml", _billion_laughs())
    bad["config/bomb.yaml"] = "alias bomb"
    _write(root / "config" / "tag.yaml", f"model: !!python/object/apply:os.system ['touch {canary.file}']\n")
    _write(root / "config" / "tag2.yaml", "x: !!python/name:os.system\nllm: !!python/object:os.stat {}\n")
    _write(root / "config" / "oneline.json", "[" * 100_000 + "]" * 100_000)
    bad["config/oneline.json"] = "over 100,000 characters not scanned"
    bad.update(_deep(root))
    _write(root / "app" / "long_line.py", "x = '" + "a" * 10_000_000 + "'\nmodel = 'gpt-4o'\n")
    bad["app/long_line.py"] = "larger than 5 MB"
    _big_notebook(root / "notebooks" / "huge_output.ipynb", notebook_mb * 1_000_000)
    bad["notebooks/huge_output.ipynb"] = "larger than 5 MB"
    for relpath, reason in (
        ("data/sparse.bin", ""),
        ("data/sparse.py", "larger than 5 MB"),
        ("models/sparse.gguf", "not a GGUF file"),
        ("models/sparse.safetensors", "safetensors: header is not valid JSON"),
    ):
        _sparse(root / relpath, 1 << 30)
        bad.update({relpath: reason} if reason else {})
    _write(root / "models" / "lying-count.gguf", _gguf(1 << 60, 1, 5))
    bad["models/lying-count.gguf"] = "implausible tensor count"
    _write(root / "models" / "lying-string.gguf", _gguf(1, 1, 1 << 40))
    bad["models/lying-string.gguf"] = "over the 1 MiB limit"
    _write(root / "models" / "lying-kv.gguf", _gguf(1, 1 << 60, 5))
    bad["models/lying-kv.gguf"] = "implausible metadata count"
    _write(root / "models" / "past-end.safetensors", struct.pack("<Q", 1 << 20) + b'{"__metadata__": {}}')
    bad["models/past-end.safetensors"] = "larger than the file"
    _write(root / "models" / "huge-header.safetensors", struct.pack("<Q", 1 << 40) + b"{}")
    bad["models/huge-header.safetensors"] = "over the 100,000,000-byte limit"
    links = root / "links"
    links.mkdir(parents=True, exist_ok=True)
    (links / "self").symlink_to(links, target_is_directory=True)
    (links / "loop-a.py").symlink_to(links / "loop-b.py")
    (links / "loop-b.py").symlink_to(links / "loop-a.py")
    (links / "etc").symlink_to("/etc", target_is_directory=True)
    (links / "passwd.py").symlink_to("/etc/passwd")
    (links / "dangling.yaml").symlink_to(links / "nowhere.yaml")
    bad.update({
        "links/self": "symbolic link to a folder", "links/loop-a.py": "symbolic link loop",
        "links/loop-b.py": "symbolic link loop",
        "links/etc": "symbolic link to a folder", "links/passwd.py": "outside the scanned folder",
        "links/dangling.yaml": "broken symbolic link",
    })  # fmt: skip
    _write(root / "enc" / "nul.py", b"model = 'gpt-4o'\x00\x00\x00\n")
    bad["enc/nul.py"] = "binary"
    _write(root / "enc" / "bad_utf8.py", b"model = 'gpt-4o'  # \xff\xfe\xfa\n")
    bad["enc/bad_utf8.py"] = "not UTF-8; read as latin-1"
    utf16 = "from openai import OpenAI\nmodel = 'gpt-4o'\n".encode("utf-16-le")
    _write(root / "enc" / "utf16_no_bom.py", utf16)
    bad["enc/utf16_no_bom.py"] = "UTF-16 without a byte-order mark"
    crlf = b"from openai import OpenAI\r\n\r\nOpenAI().chat.completions.create(model='gpt-4o')\r\n"
    _write(root / "enc" / "crlf.py", crlf)
    _write(root / "enc" / "cr_only.sh", b"echo start\rollama pull llama3.1:8b\r")
    _write(root / "names" / "new\nline.py", "model = 'gpt-4o'\n")
    _write(root / "names" / "esc\x1b[31mred\x1b]0;title\x07.py", "model = 'gpt-4o'\n")
    _write(root / "names" / "\x1b[2J" / "cleared.yaml", "model: gpt-4o\n")
    for name in ("pipe.py", "pipe.gguf", "pipe.ipynb"):
        os.mkfifo(root / "names" / name)
        bad[f"names/{name}"] = "not a regular file"
    _write(root / ".gitignore", "\n".join(f"pattern-{i}/**/*.tmp" for i in range(100_000)) + "\n")
    bad[".gitignore"] = "only the first 1,000 are honoured"
    _write(root / "app" / "slow.py", _slow_python(slow))
    bad["app/slow.py"] = "over the time budget"
    _write(root / "app" / "big.py", _slow_python(4 * slow))
    bad["app/big.py"] = "over the time budget|over the memory budget|too large"
    many = root / "many"
    for i in range(empty_files):
        folder = many / f"d{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"f{i:06d}.py").touch()
    return bad


def main() -> int:
    """Command-line entry: build the corpus in DIR."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--empty-files", type=int, default=100_000)
    parser.add_argument("--notebook-mb", type=int, default=100)
    parser.add_argument("--canary", type=Path, default=Path("/tmp/openwatch-canary"))
    args = parser.parse_args()
    build(args.root, Canary(args.canary, 9), empty_files=args.empty_files, notebook_mb=args.notebook_mb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
