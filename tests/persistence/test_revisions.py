"""The schema version is known without Alembic: the scripts' revision lines agree with Alembic's view."""

from __future__ import annotations

from alembic.config import Config
from alembic.script import ScriptDirectory

from ocop_desktop.persistence.migrate import MIGRATIONS_DIR, head_revision, known_revisions


def test_head_and_known_revisions_match_alembic():
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(cfg)
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}
