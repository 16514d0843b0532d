"""Shell-like texts: words with offsets, declared model commands, scripts, Dockerfiles and Makefiles."""
