"""Storage: typed models, the case file, migrations, audit and locking."""
