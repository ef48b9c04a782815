"""The kiosk's voice: text to speech, off the screen's thread."""
