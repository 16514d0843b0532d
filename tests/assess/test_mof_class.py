"""MOF class rules (Model Openness Tool semantics), record resolution and the catalog assessment."""

from __future__ import annotations

from pathlib import Path

import pytest

from openwatch.assess.mof import classify, components_from_record, mof_assessment
from openwatch.assess.openness import assess_openness
from openwatch.catalog.load import Catalog, validate_catalog

CATALOG = Path(__file__).resolve().parents[1] / "fixtures" / "mof" / "catalog"

CLASS_I: dict[str, str | None] = {
    "Model architecture": "Apache-2.0",
    "Model parameters (Final)": "CDLA-Permissive-2.0",
    "Evaluation results": "CC-BY-4.0",
    "Model card": "CC-BY-4.0",
    "Data card": "CC-BY-4.0",
    "Technical report": "CC-BY-4.0",
    "Training code": "Apache-2.0",
    "Inference code": "Apache-2.0",
    "Evaluation code": "MIT",
    "Evaluation data": "CDLA-Permissive-2.0",
    "Datasets": "CDLA-Permissive-2.0",
    "Data preprocessing code": "Apache-2.0",
    "Model parameters (Intermediate)": "CDLA-Permissive-2.0",
    "Research paper": "CC-BY-4.0",
}


def without(*names: str) -> dict[str, str | None]:
    """The Class I components minus some."""
    return {k: v for k, v in CLASS_I.items() if k not in names}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    """The tiny overlay catalog under tests/fixtures/mof/catalog (no bundled data)."""
    result, problems = validate_catalog([CATALOG])
    assert problems == []
    assert result is not None
    return result


def test_all_components_open_is_class_one() -> None:
    """Every required component under a type-appropriate open licence: Class I, unconditionally."""
    result = classify(CLASS_I)
    assert (result.mof_class, result.label) == (1, "Class I - Open Science Model")
    assert result.progress == {3: 100.0, 2: 100.0, 1: 100.0}
    assert result.conditional is False


def test_removing_a_class_two_component_gives_class_three() -> None:
    """Without the training code the model keeps Class III and Class II names what is missing."""
    result = classify(without("Training code"))
    assert (result.mof_class, result.label) == (3, "Class III - Open Model")
    assert result.missing(2) == ("Training code",)
    assert result.progress[2] == 90.0
    assert result.progress[1] == 0.0


def test_research_paper_stands_in_for_technical_report() -> None:
    """The technical report may be omitted when a research paper is provided, for every class."""
    result = classify(without("Technical report"))
    assert result.mof_class == 1
    assert "Technical report" not in result.missing(3)
    only_report = classify(without("Research paper"))
    assert only_report.mof_class == 2
    assert only_report.missing(1) == ("Research paper",)


def test_open_licence_of_wrong_type_is_a_conditional_pass() -> None:
    """Apache-2.0 on the weights is open but not a data licence: the class holds, conditionally."""
    result = classify({**CLASS_I, "Model parameters (Final)": "Apache-2.0"})
    assert result.mof_class == 1
    assert result.conditional is True
    assert result.not_type_appropriate == ("Model parameters (Final)",)


def test_unlicensed_component_counts_as_not_open() -> None:
    """None (the record's 'unlicensed') leaves the component unlicensed, and the model unclassified."""
    result = classify({**CLASS_I, "Model architecture": None})
    assert result.mof_class == 0
    assert result.label == "Unclassified"
    assert result.evaluations[3].unlicensed == ("Model architecture",)
    assert result.invalid(3) == ("Model architecture",)
    assert result.licences["Model architecture"] == "unlicensed"


def test_unknown_licence_strings_are_invalid() -> None:
    """Licences match SPDX ids exactly: 'Apache 2.0', 'apache-2.0' and a trailing space are not open."""
    for text in ("Apache 2.0", "apache-2.0", "Apache-2.0 ", "Llama 2 Community License"):
        result = classify({**CLASS_I, "Model architecture": text})
        assert result.mof_class == 0, text
        assert result.evaluations[3].invalid == ("Model architecture",)


def test_unknown_component_names_are_ignored_and_reported() -> None:
    """A component name outside the 17 neither helps nor hurts; it is listed."""
    result = classify({**without("Training code"), "Training scripts": "MIT"})
    assert result.mof_class == 3
    assert result.unknown_components == ("Training scripts",)


def test_components_from_record_resolves_like_the_mot() -> None:
    """Own licence, then global licence of the content type, then distribution; strings kept verbatim."""
    record = {
        "release": {
            "name": "Example",
            "license": {
                "distribution": {"name": "CC-BY-NC-4.0", "path": ""},
                "code": {"name": "Apache-2.0", "path": ""},
                "document": {"name": "", "path": ""},
            },
            "components": [
                {"name": "Model architecture"},
                {"name": "Model parameters (Final)"},
                {"name": "Model card"},
                {"name": "Sample model outputs"},
                {"name": "Training code", "license": "unlicensed"},
                {"name": "Inference code", "license": " MIT"},
            ],
        }
    }
    assert components_from_record(record) == {
        "Model architecture": "Apache-2.0",
        "Model parameters (Final)": "CC-BY-NC-4.0",
        "Model card": "CC-BY-NC-4.0",
        "Sample model outputs": "CC-BY-NC-4.0",
        "Training code": None,
        "Inference code": " MIT",
    }


def test_record_without_any_licence_is_unlicensed() -> None:
    """No component or global licence: every listed component resolves to None."""
    record = {"release": {"license": {}, "components": [{"name": "Model card", "description": "x"}]}}
    assert components_from_record(record) == {"Model card": None}


def test_catalog_model_gets_best_record_class(catalog: Catalog) -> None:
    """A model with two MOT records gets the better one's class, and names the other."""
    assessment = mof_assessment(catalog.models["example/science-7b"], catalog)
    summary = assessment.summary
    assert (summary["class"], summary["label"], summary["record"]) == (
        1,
        "Class I - Open Science Model",
        "Science-7B.yml",
    )
    assert summary["source"] == "Model Openness Tool (lfai/model_openness_tool), MIT"
    (result,) = assessment.results
    assert (result.rule_id, result.outcome) == ("openness.mof", "class-1")
    assert result.citations[0].ref == "Model Openness Framework 1.0 (LF AI & Data, 2024-12-15)"
    facts = {f.name: f for f in result.facts}
    assert facts["other MOT records for this model"].value == ["Science-7B-partial.yml"]
    assert facts["MOF components"].source is not None
    assert "Science-7B.yml" in facts["MOF components"].source


def test_class_three_message_names_what_class_two_needs(catalog: Catalog) -> None:
    """The message lists the missing and unlicensed components for the next class, and the condition."""
    assessment = mof_assessment(catalog.models["example/weights-1b"], catalog)
    (result,) = assessment.results
    assert result.outcome == "class-3"
    assert assessment.summary["missing"] == ["Inference code", "Evaluation code", "Evaluation data"]
    assert assessment.summary["unlicensed"] == ["Training code"]
    assert assessment.summary["conditional"] is True
    assert "missing Inference code, Evaluation code, Evaluation data" in result.message
    assert "Model parameters (Final) (Apache-2.0 for data)" in result.message


def test_unclassified_model_names_invalid_licences(catalog: Catalog) -> None:
    """Not-open licences stand between the model and Class III, and the message quotes them."""
    assessment = mof_assessment(catalog.models["example/community-8b"], catalog)
    assert assessment.summary["class"] == 0
    assert assessment.summary["invalid"] == ["Model parameters (Final)", "Research paper"]
    assert assessment.summary["missing"] == ["Data card"]
    assert assessment.results[0].outcome == "unclassified"
    assert "Model parameters (Final) (Example Community License)" in assessment.results[0].message


def test_model_without_record_is_unknown(catalog: Catalog) -> None:
    """No MOT record: class None, a plain label, outcome unknown."""
    assessment = mof_assessment(catalog.models["example/no-record"], catalog)
    assert assessment.summary["class"] is None
    assert assessment.summary["label"] == "not in the Model Openness Tool"
    assert assessment.results[0].outcome == "unknown"


def test_openness_assessment_carries_the_mof_class(catalog: Catalog) -> None:
    """assess_openness reports the MOF summary and appends the openness.mof result."""
    assessment = assess_openness(catalog.models["example/weights-1b"], catalog)
    assert assessment.summary["mof"]["class"] == 3
    assert [r.rule_id for r in assessment.results] == ["openness.osaid", "openness.mof"]
