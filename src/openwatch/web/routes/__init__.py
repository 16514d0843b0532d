"""The dashboard's routes, one module per area; each page has a JSON twin under /api/."""
