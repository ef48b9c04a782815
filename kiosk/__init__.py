"""Kiosk for public service centres."""

# The command's exit codes besides 0 and 1 (a contract, as its options are).
BAD_ARGUMENTS = 2
FOLDER_IN_USE = 3


def kiosk_version() -> str:
    """The installed kiosk's version (from its package metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kiosk")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"
