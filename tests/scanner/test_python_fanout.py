"""A function passing its own parameter on to itself from many places (transformers' AutoTokenizer does) is
followed once: before, the value search fanned out exponentially and one such file stalled a whole scan."""

from __future__ import annotations

from pathlib import Path

from openwatch.api import scan


def _self_passing_module(branches: int) -> str:
    """A classmethod that hands its parameter to itself in `branches` places, and one real model use."""
    calls = "".join(
        f"        if options.get('v{i}'):\n"
        f"            return cls.from_pretrained(pretrained_model_name_or_path, v{i + 1}=True)\n"
        for i in range(branches)
    )
    return (
        "from transformers import AutoModel, pipeline\n\n\n"
        "class AutoThing:\n"
        "    @classmethod\n"
        "    def from_pretrained(cls, pretrained_model_name_or_path, **options):\n"
        f"{calls}"
        "        return AutoModel.from_pretrained(pretrained_model_name_or_path)\n\n\n"
        'classify = pipeline("text-classification", model="google-bert/bert-base-uncased")\n'
    )


def test_a_parameter_passed_to_itself_everywhere_is_followed_once(tmp_path: Path) -> None:
    (tmp_path / "auto.py").write_text(_self_passing_module(14), encoding="utf-8")
    document = scan(tmp_path)
    found = [(m["id"], [(r["path"], r["line"]) for r in m["references"]]) for m in document["models"]]
    assert found == [("google/bert-base-uncased", [("auto.py", 38)])]
    assert document["unresolved"] == [] and document["skipped"] == []
