"""Review: what extraction proposes for a source becomes proposals in the case, and the
analyst's decisions on them become records.

``proposals`` writes a source's proposals (and mentions of known records); ``decisions``
accepts, edits, merges and rejects them; ``case_gazetteer`` turns the case's confirmed
actors, places and aliases into names the next extraction knows. ``casefile.extraction``
only reads text and returns results; everything that writes to the case is here.
"""
