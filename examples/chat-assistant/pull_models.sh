#!/bin/sh
# Prepare an air-gapped host: fetch the offline model once.
set -e
ollama pull mistral:7b-instruct
