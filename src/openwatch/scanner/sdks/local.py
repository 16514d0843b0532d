"""Libraries that load or train open weights: transformers (and transformers.js), PEFT, TRL, vLLM, MLX…"""

from __future__ import annotations

from openwatch import providers as P
from openwatch.scanner.sdks.declare import EMB, FT, JsCall, family, site

HF = P.HUGGINGFACE
TRAINERS = ("SFTTrainer", "DPOTrainer", "ORPOTrainer", "KTOTrainer", "CPOTrainer", "PPOTrainer",
            "GRPOTrainer", "RewardTrainer", "RLOOTrainer", "OnlineDPOTrainer")  # fmt: skip
JS_EMBEDDING_TASKS = frozenset({"feature-extraction", "sentence-similarity"})
"""transformers.js `pipeline` tasks whose model is an embedding model."""
JS_DOWNLOAD_CLASSES = ("AutoTokenizer", "AutoProcessor", "AutoConfig", "AutoFeatureExtractor")
"""transformers.js classes whose `from_pretrained` downloads files of a model without running it."""

TRL = family(
    "trl",
    site(*TRAINERS, positions=(0,), provider=HF, use=FT, modules=("trl",), adapts=True),
    packages=("trl",),
)
PEFT = family(
    "peft",
    site("get_peft_model", "prepare_model_for_kbit_training", positions=(0,), provider=HF, use=FT,
         modules=("peft",), adapts=True),
    site("PeftModel.from_pretrained", positions=(0, 1), keywords=("model", "model_id"), provider=HF, use=FT,
         modules=("peft",), adapts=True),
    packages=("peft",),
)  # fmt: skip
UNSLOTH = family(
    "unsloth",
    site("FastLanguageModel.get_peft_model", "FastModel.get_peft_model", positions=(0,), provider=HF, use=FT,
         adapts=True),
    site("FastLanguageModel.from_pretrained", "FastModel.from_pretrained", "FastVisionModel.from_pretrained",
         positions=(0,), keywords=("model_name",), provider=HF),
    packages=("unsloth",),
)  # fmt: skip
DIFFUSERS = family(
    "diffusers",
    site("*Pipeline.from_pretrained", positions=(0,), keywords=("pretrained_model_name_or_path",),
         provider=HF,
         modules=("diffusers",)),
    packages=("diffusers",),
)  # fmt: skip
LLAMA_CPP = family(
    "llama-cpp",
    site("Llama.from_pretrained", positions=(0,), keywords=("repo_id",), provider=HF, modules=("llama_cpp",)),
    site("Llama", positions=(0,), keywords=("model_path",), provider=P.LLAMA_CPP, basename=True,
         modules=("llama_cpp",)),
    packages=("llama_cpp",),
)  # fmt: skip
SENTENCE_TRANSFORMERS = family(
    "sentence-transformers",
    site("SentenceTransformer", positions=(0,), keywords=("model_name_or_path",), provider=HF, use=EMB,
         modules=("sentence_transformers",)),
    site("CrossEncoder", positions=(0,), keywords=("model_name_or_path", "model_name"), provider=HF,
         modules=("sentence_transformers",)),
    packages=("sentence_transformers",),
)  # fmt: skip
TRANSFORMERS = family(
    "transformers",
    site("Trainer", "Seq2SeqTrainer", positions=(0,), provider=HF, use=FT, modules=("transformers",),
         adapts=True),
    site("pipeline", positions=(1,), provider=HF, modules=("transformers",)),
    site("*.from_pretrained", positions=(0,), keywords=("pretrained_model_name_or_path",), provider=HF),
    packages=("transformers",),
    js_modules={"@xenova/transformers": HF, "@huggingface/transformers": HF},
    js_calls=(JsCall("pipeline", keys=(), arg=1, provider=HF), JsCall("from_pretrained", keys=(),
                                                                      provider=HF)),
)  # fmt: skip
TIMM = family(
    "timm",
    site("timm.create_model", positions=(0,), keywords=("model_name",), provider=P.TIMM,
         requires=("pretrained",)),
    packages=("timm",),
)  # fmt: skip
TORCH_HUB = family(
    "torch.hub", site("torch.hub.load", positions=(1,), provider=P.TORCH_HUB), packages=("torch.hub",)
)
MLX = family(
    "mlx",
    site("mlx_lm.load", positions=(0,), keywords=("path_or_hf_repo",), provider=HF),
    packages=("mlx_lm",),
)
VLLM = family("vllm", site("LLM", positions=(0,), provider=P.VLLM, modules=("vllm",)), packages=("vllm",))

LOCAL_FAMILIES = (TRL, PEFT, UNSLOTH, DIFFUSERS, LLAMA_CPP, SENTENCE_TRANSFORMERS, TRANSFORMERS, TIMM,
                  TORCH_HUB,
                  MLX, VLLM)  # fmt: skip
