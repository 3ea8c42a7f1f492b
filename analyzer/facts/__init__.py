"""The facts stage: what a parsed file holds (recorder sites, consent managers, commented snippets,
form fields, printed values, policy pages, masking and stop settings), matched against the
signatures. ``records`` holds the frozen ``FileFacts`` a file hands over.
"""
