"""The read stage: discover the files, and turn each one into frozen facts (``engine``), in a
process pool that survives its workers (``workers``).
"""
