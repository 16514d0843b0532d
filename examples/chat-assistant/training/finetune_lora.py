"""Fine-tune the local model on anonymised support transcripts with LoRA."""

from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import SFTConfig, SFTTrainer

BASE_MODEL = "meta-llama/Llama-3.1-8B-Instruct"

tokenizer = AutoTokenizer.from_pretrained(BASE_MODEL)
base = AutoModelForCausalLM.from_pretrained(BASE_MODEL)
lora = LoraConfig(r=16, lora_alpha=32, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM")
model = get_peft_model(base, lora)

dataset = load_dataset("json", data_files="transcripts.jsonl")["train"]
trainer = SFTTrainer(model=model, train_dataset=dataset, args=SFTConfig(output_dir="out", num_train_epochs=1))
trainer.train()
