"""The Qt user interface. Everything a user sees is in Dutch."""
