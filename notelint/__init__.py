"""notelint: lint technical study notes kept as structured Markdown."""

__version__ = "0.1.0"
