"""The kiosk's screens, one class per file."""
