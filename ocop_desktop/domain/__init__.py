"""Pure domain rules: text, codes, stars, expiry, validation. No Qt, no SQLAlchemy."""
