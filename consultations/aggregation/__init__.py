"""Comment aggregation: campaigns of copies and topics of similar opinions (see engine.py)."""
