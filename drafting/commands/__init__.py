"""Commands of each group, one module a group; each a thin call into domain code."""
