"""API schemas: what clients send and receive, by resource. Tables (corpus/tables.py) are
never returned."""
