"""Kiosk for public service centres."""
