"""AWS knowledge derived from botocore's service models (the catalog) plus curated aliases."""
