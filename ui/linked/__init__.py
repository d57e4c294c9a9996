"""The linked views: incident timeline, network graph, map, the filter bar, the Ctrl+K search
palette, and how they are docked and follow the selection."""
