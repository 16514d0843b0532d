"""`openwatch catalog import`: exit codes and the printed summary."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401  (registers the commands)

runner = CliRunner()


def test_import_osai_prints_summary(data_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["catalog", "import", "osai", "--data", str(data_dir), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "osai: 193 rows read" in result.output
    assert "matched to catalog models" in result.output
    assert (tmp_path / "osai.yaml").is_file()


def test_import_epoch_lists_unmapped_organisations(data_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["catalog", "import", "epoch", "--data", str(data_dir), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "epoch: 1313 rows read" in result.output
    assert "new models" in result.output
    assert "unmapped organisations" in result.output


def test_missing_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["catalog", "import", "mof", "--data", str(tmp_path / "nope"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "data folder not found" in result.output
    assert "Traceback" not in result.output


def test_data_folder_without_dataset_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["catalog", "import", "mof", "--data", str(tmp_path), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "Model Openness Tool data folder not found" in result.output


def test_unknown_dataset_is_rejected(tmp_path: Path) -> None:
    result = runner.invoke(app, ["catalog", "import", "litellm-typo", "--out", str(tmp_path)])
    assert result.exit_code == 2
