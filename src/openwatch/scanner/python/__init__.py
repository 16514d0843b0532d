"""Python source read with `ast`: scopes and bindings, value tracking, declared SDK calls and model keys."""
