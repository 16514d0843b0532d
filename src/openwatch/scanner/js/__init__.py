"""JavaScript and TypeScript: a tokenizer, what names are bound to, and model ids at declared SDK calls."""
