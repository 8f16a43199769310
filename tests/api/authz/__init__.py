"""The authorization matrix's machinery: the cast of callers, the worlds operations run in, the checks."""
