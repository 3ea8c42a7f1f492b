"""The consent stage (first pass, per file): does each recorder site wait for consent, from its
markup, its code's guards, its template's conditions or its tag manager's triggers.
"""
