"""The catalog: labs, models, licences and events as validated data; loading, resolution, importers."""
