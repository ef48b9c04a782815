"""The journal and the slip archive."""
