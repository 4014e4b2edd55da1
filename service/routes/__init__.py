"""HTTP routes, one module per resource; each route calls one domain function."""
