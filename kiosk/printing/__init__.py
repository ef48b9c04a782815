"""Slip renderers and printer back ends."""
