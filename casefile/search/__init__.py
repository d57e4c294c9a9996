"""Arabic-aware full-text search over sources, actors, places and incidents."""

from .index import index_record, index_source, refresh_entries, reindex_all, remove_record
from .query import SearchHit, matching_ids, search

__all__ = [
    "SearchHit", "index_record", "matching_ids", "index_source", "refresh_entries", "reindex_all",
    "remove_record", "search",
]
