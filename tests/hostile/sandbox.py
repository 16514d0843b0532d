"""What a hostile-input test needs around the command it runs: canaries, a fake HOME, snapshots, a child
process whose peak memory is measured."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hostile_corpus import Canary

OPENWATCH = [sys.executable, "-m", "openwatch"]
OWN_FOLDERS = (".cache/openwatch", ".local/share/openwatch")
"""What openwatch itself may write in HOME: its catalog cache and its data folder (history, overlay)."""


@dataclass(frozen=True)
class Run:
    """A finished child process: exit code, output, wall seconds and peak resident memory (MB)."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


@contextmanager
def canary(folder: Path) -> Iterator[tuple[Canary, socket.socket]]:
    """A canary file path (not created) and a listening loopback socket whose port hostile files name."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.setblocking(False)
    try:
        yield Canary(folder / "canary-was-touched", listener.getsockname()[1]), listener
    finally:
        listener.close()


def connection_attempted(listener: socket.socket) -> bool:
    """True if anything connected to the listening socket (the kernel queues even refused-by-us peers)."""
    try:
        peer, _ = listener.accept()
    except BlockingIOError:
        return False
    peer.close()
    return True


def fake_home(folder: Path) -> dict[str, str]:
    """A HOME with a few dotfiles, and the environment that points openwatch (and XDG) into it."""
    (folder / ".config").mkdir(parents=True)
    (folder / ".bashrc").write_text("export PS1='$ '\n")
    (folder / ".config" / "settings.ini").write_text("[a]\nb = 1\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "OPENWATCH_"))}
    env.update(HOME=str(folder), PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    return env


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[int, int, int, str]]:
    """Every entry under root (symlinks not followed): mode, size, mtime and, for small files, a digest."""
    found: dict[str, tuple[int, int, int, str]] = {}
    for folder, dirs, files in os.walk(root):
        relfolder = os.path.relpath(folder, root)
        dirs[:] = [d for d in dirs if os.path.normpath(os.path.join(relfolder, d)) not in skip]
        for name in [*dirs, *files]:
            path = Path(folder, name)
            info = path.lstat()
            small = stat.S_ISREG(info.st_mode) and info.st_size <= 1_000_000
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if small else ""
            found[os.path.relpath(path, root)] = (info.st_mode, info.st_size, info.st_mtime_ns, digest)
    return found


def outside_own_folders(found: dict[str, tuple[int, int, int, str]]) -> dict[str, tuple[int, int, int, str]]:
    """A HOME snapshot without openwatch's own folders and the folders that lead to them."""
    leading = {str(Path(own).parent) for own in OWN_FOLDERS} | {
        str(Path(own).parents[1]) for own in OWN_FOLDERS
    }
    return {
        path: entry for path, entry in found.items()
        if path not in leading and not any(path == own or path.startswith(own + "/") for own in OWN_FOLDERS)
    }  # fmt: skip


MEASURE = (
    "import resource, signal, subprocess, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
    " code = subprocess.call(sys.argv[2:]);"
    " open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss));"
    " sys.exit(code)"
)
"""A small launcher that runs the command and writes the peak RSS (KB) of it and its workers. Measured from
the test process itself, a child's peak would include the pages it shared with the (large) pytest process
before its exec; the launcher is small, so what it reports is openwatch's own."""


def run(args: list[str], env: dict[str, str], cwd: Path, logs: Path, timeout: float) -> Run:
    """Run openwatch in a child process (Ctrl-C not ignored), its output kept in `logs`, and measure the
    peak RSS of it and of its workers."""
    started = time.perf_counter()
    logs.mkdir(parents=True, exist_ok=True)
    peak = logs / "peak-kb"
    with open(logs / "stdout", "w+") as out, open(logs / "stderr", "w+") as err:
        child = subprocess.Popen(
            [sys.executable, "-c", MEASURE, str(peak), *OPENWATCH, *args], stdout=out, stderr=err, env=env,
            cwd=cwd, start_new_session=True,
        )  # fmt: skip
        try:
            child.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            raise AssertionError(f"openwatch {' '.join(args)} still running after {timeout} s") from None
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    seconds = time.perf_counter() - started
    return Run(child.returncode, stdout, stderr, seconds, int(peak.read_text()) / 1024)
