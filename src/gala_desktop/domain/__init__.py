"""Plain domain objects and rules. Imports neither Qt nor SQLAlchemy nor reportlab."""
