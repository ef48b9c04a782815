"""A real PostgreSQL for the fleet tests: one private server for the session, a fresh
database with the fleet's schema for each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.fleet import central
from tests.postgres import Postgres


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    server = Postgres()
    server.start()
    try:
        yield server
    finally:
        server.remove()


@pytest.fixture
def fleet_db(postgres: Postgres) -> Iterator[str]:
    """The head office's URL of a fresh fleet database (schema made by `init`)."""
    name = postgres.new_database()
    url = postgres.url(name)
    central.init(url)
    try:
        yield url
    finally:
        postgres.start_if_stopped()
        postgres.drop_database(name)
