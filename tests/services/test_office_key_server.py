"""The office key of a server database (issue 18) is kept in the database: made once by the first
signer (two at once keep one), read back by every connection, never written into the audit log."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from ocop_desktop.exports.signing import b64
from ocop_desktop.persistence.database import open_database
from ocop_desktop.services.office_key import existing_office_key, office_key
from tests import databases, pg

pytestmark = pytest.mark.xdist_group("postgresql")


@pytest.fixture
def server(pg_server):
    url = databases.server_copy(pg_server, databases.MIGRATED)
    yield url
    pg.drop_database(pg_server, url.rpartition("/")[2])


def test_two_first_signers_at_once_keep_one_key_that_every_connection_reads(server):
    opened = [open_database(server) for _ in range(3)]
    try:
        assert existing_office_key(opened[0].uow_factory()) is None  # nothing is made by a reader
        made, start = [], threading.Barrier(2)

        def first_signer(db):
            start.wait()
            made.append(office_key(db.uow_factory(actor="Nguyễn Văn Kiểm")))

        threads = [threading.Thread(target=first_signer, args=(db,)) for db in opened[:2]]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(made) == 2 and made[0] == made[1]
        again = existing_office_key(opened[2].uow_factory())
        assert again is not None and again.fingerprint == made[0].fingerprint
        with opened[2].engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM office_keys")).scalar() == 1
            logged = conn.execute(text("SELECT CAST(changes AS TEXT), entity FROM audit_log")).all()
        assert all(entity != "office_keys" and b64(made[0]._seed) not in changes for changes, entity in logged)
    finally:
        for db in opened:
            db.close()
