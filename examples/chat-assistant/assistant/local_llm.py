"""Answer questions with a locally served Llama model."""

from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

from .settings import LOCAL_MODEL, MAX_NEW_TOKENS

tokenizer = AutoTokenizer.from_pretrained(LOCAL_MODEL)
model = AutoModelForCausalLM.from_pretrained(LOCAL_MODEL, torch_dtype="auto", device_map="auto")
generator = pipeline("text-generation", model=model, tokenizer=tokenizer)


def answer(question: str, context: str) -> str:
    """Answer from the retrieved help-centre context."""
    prompt = f"Context:\n{context}\n\nQuestion: {question}\nAnswer:"
    return generator(prompt, max_new_tokens=MAX_NEW_TOKENS)[0]["generated_text"]
