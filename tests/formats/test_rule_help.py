"""Every rule that can become a finding has a name and help text for SARIF and the reports."""

from __future__ import annotations

import re
from pathlib import Path

from openwatch.assess.severity import SEVERITY
from openwatch.formats.rules import known_rules, rule_help

SRC = Path(__file__).resolve().parents[2] / "src" / "openwatch" / "assess"


def test_every_finding_rule_has_help() -> None:
    policy_rules = set(re.findall(r'"(policy\.[a-z-]+)"', (SRC / "policy.py").read_text(encoding="utf-8")))
    euaiact_rules = set(
        re.findall(r'"(euaiact\.[a-z-]+)"', " ".join(p.read_text() for p in SRC.rglob("*.py")))
    )
    wanted = {rule for rule, _ in SEVERITY} | policy_rules | euaiact_rules
    assert policy_rules and euaiact_rules
    assert wanted - known_rules() == set()
    for rule in wanted:
        name, text = rule_help(rule)
        assert name != rule and len(text) > 40


def test_an_unknown_rule_still_gets_help() -> None:
    name, text = rule_help("newfamily.new-rule")
    assert name == "newfamily.new-rule" and "finding's message" in text
