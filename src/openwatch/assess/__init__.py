"""Assessments of each model in context: openness, licence terms, EU AI Act, stance; policy and audit."""
