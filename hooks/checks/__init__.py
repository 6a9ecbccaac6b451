"""The checks: one module per family of rules, and the loader that reads a repository and runs them all."""
