"""Hearings, symposia and meetings: registration, fair selection, observers, check-in, minutes.

Built in its own issue; `hearings` may import `consultations`, never the reverse.
"""
