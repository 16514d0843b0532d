"""Project settings: read from openwatch.toml or pyproject.toml, defaults marked assumed, bad values named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from openwatch.config import ProjectSettings, SettingsError, load_settings


def test_defaults_are_all_assumed(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    assert settings == ProjectSettings()
    assert {"eu_established", "commercial", "role", "placed"} <= settings.assumed


def test_pyproject_section_is_read_and_given_values_are_not_assumed(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.openwatch]\neu_established = false\nplaced = "2026-09-01"\n'
        '[tool.openwatch.roles]\n"meta/llama-3.1-8b" = "provider"\n'
        '[tool.openwatch.policy]\ndeny_access = ["api-only"]\nallow_licences = "Apache-2.0 OR MIT"\n'
    )
    settings = load_settings(tmp_path)
    assert settings.eu_established is False
    assert settings.placed == dt.date(2026, 9, 1)
    assert "eu_established" not in settings.assumed and "commercial" in settings.assumed
    assert settings.policy.deny_access == ("api-only",)
    assert settings.role_for("meta/llama-3.1-8b", fine_tuned=False) == ("provider", "set in project settings")


def test_openwatch_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.openwatch]\ncommercial = false\n")
    (tmp_path / "openwatch.toml").write_text("commercial = true\n")
    assert load_settings(tmp_path).commercial is True


def test_fine_tuning_code_makes_the_default_role_fine_tuner() -> None:
    settings = ProjectSettings()
    assert settings.role_for("m", fine_tuned=True) == (
        "fine-tuner",
        "the scan found fine-tuning code for this model",
    )
    assert settings.role_for("m", fine_tuned=False) == ("integrator", "assumed default")


def test_flags_override_and_stop_being_assumed() -> None:
    settings = ProjectSettings().with_overrides(eu_established=False, commercial=None)
    assert settings.eu_established is False and "eu_established" not in settings.assumed
    assert "commercial" in settings.assumed


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour = 1\n", "unknown keys: colour"),
        ('role = "boss"\n', "role must be one of integrator, fine-tuner, provider"),
        ('placed = "soon"\n', "placed must be a date"),
        ("[policy]\nallow_everything = true\n", "unknown policy keys: allow_everything"),
        ("eu_established = 3\n", "eu_established must be true or false"),
        ("not toml = = 1\n", "cannot read settings"),
    ],
)
def test_bad_settings_are_named(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "openwatch.toml").write_text(text)
    with pytest.raises(SettingsError, match=message):
        load_settings(tmp_path)


def test_a_settings_file_can_be_named_directly(tmp_path: Path) -> None:
    policy = tmp_path / "ci" / "strict-policy.toml"
    policy.parent.mkdir()
    policy.write_text('commercial = false\n[policy]\ndeny_access = ["api-only"]\n')
    settings = load_settings(policy)
    assert settings.commercial is False
    assert settings.policy.deny_access == ("api-only",)
    assert settings.source == str(policy)
