"""The optional fleet: a kiosk's link to a central PostgreSQL (its events through the
journal's outbox, a heartbeat, catalogue versions) and head office's commands on it."""
