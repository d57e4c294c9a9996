"""Import: turn the files an analyst receives into sources with their text.

``readers`` are pure functions from bytes to text and metadata; ``pipeline``
stores the result in a case, one transaction per file.
"""
