"""The bundled catalog resolves the LiteLLM ids of models and labs added to close the coverage gap."""

from __future__ import annotations

from functools import cache

import pytest

from openwatch.catalog.load import package_roots, validate_catalog
from openwatch.catalog.resolve import Resolver


@cache
def bundled() -> Resolver:
    """One resolver over the bundled catalog (validated without the cache)."""
    catalog, problems = validate_catalog(package_roots())
    assert catalog is not None, "\n".join(map(str, problems))
    return Resolver(catalog)


@pytest.mark.parametrize(
    ("key", "model_id"),
    [
        ("moonshot/kimi-k3", "moonshot/kimi-k3"),
        ("us.moonshotai.kimi-k3", "moonshot/kimi-k3"),
        ("in.moonshotai.kimi-k3.1", "moonshot/kimi-k3.1"),
        ("fireworks_ai/accounts/fireworks/models/kimi-k2p7-code", "moonshot/kimi-k2.7-code"),
        ("moonshot/kimi-k3.1-pro-highspeed", "moonshot/kimi-k3.1-pro"),
        ("fireworks_ai/glm-5p3-fast", "zhipu/glm-5.3"),
        ("mistral/zai-glm-5-3-flash", "zhipu/glm-5.3-flash"),
        ("vertex_ai/zai-org/glm-5.2-maas", "zhipu/glm-5.2"),
        ("together_ai/MiniMaxAI/MiniMax-M3.1-Flash", "minimax/minimax-m3.1-flash"),
        ("xiaomi_mimo/mimo-v2.6-pro", "xiaomi/mimo-v2.6-pro"),
        ("gmi/stepfun-ai/Step-5-Preview", "stepfun/step-5-preview"),
        ("deepinfra/thinkingmachines/Inkling-Small", "thinking-machines/inkling-small"),
        ("eu.twelvelabs.pegasus-1-2-v1:0", "twelvelabs/pegasus-1.2"),
        ("us.writer.palmyra-x5-v1:0", "writer/palmyra-x5"),
        ("tencent/hy4-preview", "tencent/hy4"),
        ("volcengine/doubao-seed-2-1-pro-260915", "bytedance/doubao-seed-2.1-pro"),
        ("us.amazon.nova-2-pro-preview-20251202-v1:0", "amazon/nova-2-pro-v1"),
        ("fireworks_ai/nemotron-lightning-3p5-30b-a3b", "nvidia/nemotron-3.5-lightning-30b-a3b"),
        ("azure_ai/FW-Nemotron-3-Ultra-NVFP4", "nvidia/nemotron-3-ultra-550b-a55b"),
        ("cohere/embed-v5.0-fast", "cohere/embed-v5.0-fast"),
        ("fireworks_ai/accounts/fireworks/models/cogito-671b-v2-p1", "deep-cogito/cogito-671b-v2.1"),
    ],
)
def test_litellm_ids_resolve_to_the_new_models(key: str, model_id: str) -> None:
    found = bundled().resolve(key)
    assert found.model_id == model_id
    assert bundled().catalog.models[model_id].lab in bundled().catalog.labs


@pytest.mark.parametrize(
    ("lab_id", "name", "org"),
    [
        ("xiaomi", "Xiaomi", "XiaomiMiMo"),
        ("stepfun", "StepFun", "stepfun-ai"),
        ("thinking-machines", "Thinking Machines Lab", "thinkingmachines"),
        ("twelvelabs", "TwelveLabs", "twelvelabs"),
        ("deep-cogito", "Deep Cogito", "deepcogito"),
    ],
)
def test_new_labs_have_a_name_sources_and_their_org_alias(lab_id: str, name: str, org: str) -> None:
    lab = bundled().catalog.labs[lab_id]
    assert lab.name == name
    assert lab.sources
    assert bundled().index.lab_of_org(org) == lab_id


def test_unknown_licence_leaves_access_unknown() -> None:
    model = bundled().catalog.models["moonshot/kimi-k3"]
    assert (model.access, model.licence) == ("unknown", None)
    assert model.sources


def test_stated_licence_is_kept_with_its_source() -> None:
    model = bundled().catalog.models["zhipu/glm-5.2"]
    assert (model.access, model.licence) == ("open-weights-unrestricted", "mit")
    assert any("ollama.com/library/glm-5.2" in (s.url or "") for s in model.sources)
