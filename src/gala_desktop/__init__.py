"""GALA Desktop: an offline workbench for GALA policy visions."""

__version__ = "0.1.0"
