"""Where an identifier's words meet (one definition for every reader that splits identifiers into words)."""

from __future__ import annotations

# A lower-case letter before a capital (healthNotes), and a capital run before a capitalised word (PPhoneNumber: a "P"
# prefix for the patient; HIVStatus).
CASE_BOUNDARY = r"(?<=[a-z\u00e0-\u024f])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])"
