"""Question answering without an LLM: rules read the question, facts and passages answer it."""
