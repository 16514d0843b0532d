"""EU AI Act assessment for general-purpose AI models (spec rules R0–R9) and its explanation."""

from openwatch.assess.euaiact.assessment import EuAiActAssessment, assess_eu_ai_act
from openwatch.assess.euaiact.settings import Settings, make_settings

__all__ = ["EuAiActAssessment", "Settings", "assess_eu_ai_act", "make_settings"]
