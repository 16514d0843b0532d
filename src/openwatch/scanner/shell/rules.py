"""Declarations of shell commands that name a model, and the matcher that applies them to one command."""

from __future__ import annotations

import itertools
import posixpath
from dataclasses import dataclass

from openwatch import providers as P
from openwatch.domain import Use
from openwatch.scanner.hits import Hit
from openwatch.scanner.keyrules import classify_key, key_hit
from openwatch.scanner.modelshape import model_text
from openwatch.scanner.shell.curl import curl_hits
from openwatch.scanner.shell.syntax import Word, resolve_word

HF = P.HUGGINGFACE
LLAMA_CPP = ("llama-server", "llama-cli", "llama-simple", "llama-run", "llama-mtmd-cli", "main", "server")
MLX_INFER = ("mlx_lm.generate", "mlx_lm.server", "mlx_lm.chat", "mlx_lm.stream_generate")
WRAPPERS = frozenset({"sudo", "exec", "nohup", "time", "env", "command", "nice", "uvx", "npx", "pipx", "uv",
                      "poetry", "pipenv", "run", "export", "local", "readonly", "declare"})  # fmt: skip
PYTHONS = ("python", "python3", "py")


@dataclass(frozen=True)
class CommandRule:
    """A command whose positional argument or flag value names a model."""

    programs: tuple[str, ...]
    subcommand: str | None = None
    positional: bool = False
    flags: tuple[str, ...] = ()
    gguf: bool = False
    use: Use = Use.INFERENCE
    provider: str | None = None
    value_flags: tuple[str, ...] = ()
    refuse: tuple[str, ...] = ()


RULES: tuple[CommandRule, ...] = (
    CommandRule(("ollama",), "pull", positional=True, use=Use.DOWNLOAD, provider=P.OLLAMA),
    CommandRule(("ollama",), "run", positional=True, provider=P.OLLAMA,
                value_flags=("--format", "--keepalive")),
    CommandRule(("vllm",), "serve", positional=True, flags=("--model",), provider=HF,
                value_flags=("--host", "--port", "--config")),
    CommandRule(("vllm.entrypoints.openai.api_server", "vllm.entrypoints.api_server"), flags=("--model",),
                provider=HF),
    CommandRule(("sglang.launch_server",), flags=("--model-path", "--model"), provider=HF),
    CommandRule(("huggingface-cli", "hf"), "download", positional=True, use=Use.DOWNLOAD, provider=HF,
                value_flags=("--repo-type", "--revision", "--include", "--exclude", "--local-dir",
                             "--cache-dir", "--token", "--max-workers", "--local-dir-use-symlinks"),
                refuse=("--repo-type=dataset", "--repo-type=space")),
    CommandRule(("tune",), "download", positional=True, use=Use.DOWNLOAD, provider=HF,
                value_flags=("--output-dir", "--hf-token", "--ignore-patterns")),
    CommandRule(LLAMA_CPP, flags=("-m", "--model"), gguf=True),
    CommandRule(LLAMA_CPP[:5], flags=("-hf", "-hfr", "--hf-repo", "-mu", "--model-url"), provider=HF),
    CommandRule(("text-generation-launcher",), flags=("--model-id",), provider=HF),
    CommandRule(MLX_INFER, flags=("--model",), provider=HF),
    CommandRule(("mlx_lm.lora",), flags=("--model",), use=Use.FINE_TUNE, provider=HF),
    CommandRule(("litellm",), flags=("--model",)),
    CommandRule(PYTHONS, flags=("--model", "--model-id", "--model_id", "--model-name", "--model_name"),
                value_flags=("-c",), refuse=("-c",)),
)  # fmt: skip
IMAGES: tuple[tuple[str, str], ...] = (
    ("vllm-openai", "vllm.entrypoints.openai.api_server"),
    ("vllm/vllm", "vllm.entrypoints.openai.api_server"),
    ("text-generation-inference", "text-generation-launcher"),
    ("llama.cpp", "llama-server"),
    ("sglang", "sglang.launch_server"),
)
DOCKER_VALUE_FLAGS = frozenset(
    [
        "-e",
        "--env",
        "-p",
        "--publish",
        "-v",
        "--volume",
        "--name",
        "--gpus",
        "--shm-size",
        "--ipc",
        "--runtime",
        "--network",
        "--net",
        "-w",
        "--workdir",
        "--entrypoint",
        "--env-file",
        "--mount",
        "--device",
        "--platform",
        "--restart",
        "-u",
        "--user",
        "--label",
        "-l",
        "--ulimit",
        "--cpus",
        "-m",
        "--memory",
        "--hostname",
        "-h",
        "--add-host",
        "--pull",
        "--security-opt",
        "--cap-add",
        "--log-driver",
    ]
)
_BY_PROGRAM: dict[str, list[CommandRule]] = {}
for _rule in RULES:
    for _program in _rule.programs:
        _BY_PROGRAM.setdefault(_program, []).append(_rule)
_PROGRAMS = frozenset(_BY_PROGRAM)


def program_words(
    words: list[Word], variables: dict[str, Word], assignments: list[tuple[str, Word]] | None = None
) -> list[Word]:
    """The words from the program on; leading `K=V` are recorded, wrappers and `python -m` dropped."""
    i = 0
    while i < len(words):
        value = words[i].value
        if "=" in value and value.split("=", 1)[0].isidentifier():
            name, assigned = value.split("=", 1)[0], words[i].after("=")
            variables[name] = assigned
            if assignments is not None:
                assignments.append((name, assigned))
        elif value in WRAPPERS or (value.startswith("-") and i > 0 and words[i - 1].value in WRAPPERS):
            pass
        elif (
            posixpath.basename(value).startswith(PYTHONS)
            and i + 2 < len(words)
            and words[i + 1].value == "-m"
        ):
            return [Word(words[i + 2].value, words[i + 2].raw, words[i + 2].offset), *words[i + 3 :]]
        else:
            return words[i:]
        i += 1
    return []


def match_command(words: list[Word], variables: dict[str, Word]) -> list[Hit]:
    """The model hits of one simple command (after `program_words`)."""
    if not words:
        return []
    program = posixpath.basename(words[0].value)
    if program == "docker" and len(words) > 2 and words[1].value == "run":
        return _docker_run(words[2:], variables)
    if program == "curl":
        return curl_hits(words[1:])
    hits: list[Hit] = []
    for rule in _BY_PROGRAM.get(program, ()):
        hits.extend(_apply(rule, words[1:], variables, program))
    return hits


def match_image(image: str, args: list[Word], variables: dict[str, Word]) -> list[Hit]:
    """Hits in the arguments given to a container image (docker run, compose `command:`, k8s `args:`)."""
    program = program_words(list(args), variables)
    if program and posixpath.basename(program[0].value) in _PROGRAMS | {"docker"}:
        return match_command(program, variables)
    for needle, pseudo in IMAGES:
        if needle in image:
            return match_command([Word(pseudo, "", -1), *args], variables)
    return []


def _docker_run(args: list[Word], variables: dict[str, Word]) -> list[Hit]:
    """Hits of `docker run [options] IMAGE [args]`: `-e KEY=model` options and the image's own arguments."""
    hits: list[Hit] = []
    i = 0
    while i < len(args) and args[i].value.startswith("-"):
        flag = args[i].value
        if flag in ("-e", "--env") and i + 1 < len(args) and "=" in args[i + 1].value:
            key = args[i + 1].value.split("=", 1)[0]
            value = args[i + 1].after("=")
            hit = key_hit(key, value.value, value.offset_of(value.value), note=f"docker run -e {key}")
            hits.extend([hit] if hit and classify_key(key) else [])
        i += 2 if flag in DOCKER_VALUE_FLAGS else 1
    if i < len(args):
        hits.extend(match_image(args[i].value, args[i + 1 :], variables))
    return hits


def _apply(rule: CommandRule, args: list[Word], variables: dict[str, Word], program: str) -> list[Hit]:
    """Hits of one rule on a command's arguments (after the program word)."""
    if any(word.value in rule.refuse for word in args) or any(
        f"{a.value}={b.value}" in rule.refuse for a, b in itertools.pairwise(args)
    ):
        return []
    if rule.subcommand is not None:
        if not args or args[0].value != rule.subcommand:
            return []
        args = args[1:]
    hits: list[Hit] = []
    i, positional_done = 0, not rule.positional
    while i < len(args):
        word = args[i]
        flag = word.value.split("=", 1)[0] if word.value.startswith("-") else None
        if flag is not None and flag in rule.flags:
            value = word.after("=") if "=" in word.value else (args[i + 1] if i + 1 < len(args) else None)
            hits.extend(_hit(rule, value, variables, f"{program} {flag}") if value else [])
            i += 1 if "=" in word.value else 2
        elif flag is not None:
            i += 2 if flag in rule.value_flags and "=" not in word.value else 1
        elif not positional_done:
            hits.extend(_hit(rule, word, variables, " ".join(filter(None, (program, rule.subcommand)))))
            positional_done = True
            i += 1
        else:
            i += 1
    return hits


def _hit(rule: CommandRule, word: Word, variables: dict[str, Word], note: str) -> list[Hit]:
    """The hit for one argument word, following `$VAR` and `${VAR:-default}`."""
    resolved = resolve_word(word, variables)
    if resolved is None:
        return []
    literal, via_variable = resolved
    found = model_text(literal.value, gguf_path=rule.gguf)
    if found is None or (rule.gguf and not found[0].lower().endswith(".gguf")):
        return []
    text, shift = found
    offset = literal.offset_of(literal.value) + shift
    confidence = 0.9 if via_variable else 1.0
    return [
        Hit(
            text,
            offset,
            rule.use,
            rule.provider,
            confidence,
            note + (" (via variable)" if via_variable else ""),
        )
    ]
