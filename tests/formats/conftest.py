"""Audit documents the format tests render: the example project, a hostile project, a 200-model project."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from formats_support import EXAMPLE, HOSTILE_TEXTS, audit_json

from openwatch.catalog.load import load_catalog


@pytest.fixture(scope="session")
def example_audit() -> dict[str, Any]:
    """The bundled example project's audit."""
    return audit_json(EXAMPLE)


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose model ids and file names are HTML, Markdown and terminal escapes."""
    project = tmp_path_factory.mktemp("hostile")
    lines = ["from openai import OpenAI", "", "client = OpenAI()"]
    lines += [f"client.chat.completions.create(model={text!r}, messages=[])" for text in HOSTILE_TEXTS]
    lines.append('client.chat.completions.create(model="gpt-4o", messages=[])')
    source = "\n".join(lines) + "\n"
    (project / "app.py").write_text(source)
    (project / f"{HOSTILE_TEXTS[0]}.py").write_text(source)
    return project


@pytest.fixture(scope="session")
def hostile_audit(hostile_project: Path) -> dict[str, Any]:
    """The hostile project's audit."""
    return audit_json(hostile_project)


@pytest.fixture(scope="session")
def big_audit(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An audit of a synthetic project that loads 220 catalog models by their Hugging Face ids."""
    project = tmp_path_factory.mktemp("two-hundred")
    catalog = load_catalog()
    models = sorted((m for m in catalog.models.values() if m.aliases.hub), key=lambda m: m.id)[:220]
    lines = ["from transformers import AutoModel", ""]
    lines += [f'AutoModel.from_pretrained("{m.aliases.hub[0]}")' for m in models]
    (project / "models.py").write_text("\n".join(lines) + "\n")
    document = audit_json(project)
    assert len(document["models"]) >= 200
    return document


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of the example project."""
    project = tmp_path / "chat-assistant"
    shutil.copytree(EXAMPLE, project)
    return project
