"""Kiosk for public service centres."""

# The command's exit codes besides 0 and 1 (a contract, as its options are).
BAD_ARGUMENTS = 2
FOLDER_IN_USE = 3
