"""Who may do what, enforced by the PostgreSQL server itself (issue 18): group roles, grants and
row-level security by unit, for every client (this program, psql, a spreadsheet's ODBC link).

Made by `ocop server init` as the login that owns the tables, not by a migration: the migrations
run on every laptop's file and as whichever login opens a server, and the schema stays the same on
both engines (tests/persistence/test_server_schema.py). Each role of domain/enums.UserRole has a
group ``ocop_<code>``; a person's login is a member of one. Owners and superusers pass row-level
security by PostgreSQL's rules, so the people's logins must never own the tables.

What the groups may change (everyone reads everything, and appends to the audit log):
- ocop_commune: survey rows, submissions, products and producers of their unit (row-level security
  reading the users table through ``ocop_may_change``; a producer with no commune yet is anyone's);
- ocop_province: every table but the users;
- ocop_council: evaluations, and the products they certify (status, stars, score);
- ocop_admin: the users and the reference tables; its logins may create roles (CREATEROLE).
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

from ocop_desktop.domain.enums import UserRole
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.schema.users import LOGIN_MAX
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.persistence.models import Base

GROUPS = {role: f"ocop_{role.value}" for role in UserRole}
# Tables whose rows belong to a unit: (table, the column naming the unit).
UNIT_TABLES = (
    ("survey_entries", "unit_id"),
    ("unit_submissions", "unit_id"),
    ("products", "commune_id"),
    ("producers", "commune_id"),
)
UNASSIGNED = ("producers",)  # a row with no unit yet may be written by every role writing the table
WRITES: dict[UserRole, tuple[str, ...]] = {
    UserRole.COMMUNE: ("survey_entries", "unit_submissions", "products", "producers"),
    UserRole.COUNCIL: ("evaluations", "evaluation_members"),
    UserRole.ADMIN: ("users", "places", "place_links", "product_groups", "product_sets", "rule_sets", "scorecards"),
}
# Every role writes the audit chain: its entries, and its head kept in app_meta (with the settings).
SHARED = (("audit_log", "INSERT"), ("app_meta", "INSERT, UPDATE"))
NOT_FOR_PROVINCE = ("users",)  # a province officer changes every table but these
COUNCIL_UPDATES = ("products",)  # a certification sets a product's status, stars and score
MAINTAINER = (
    "SELECT r.rolsuper OR COALESCE(pg_has_role(current_user, c.relowner, 'USAGE'), false) "
    "FROM pg_roles r LEFT JOIN pg_class c ON c.oid = to_regclass('users') WHERE r.rolname = current_user"
)
_LOGIN = re.compile(rf"[a-z_][a-z0-9_]{{0,{LOGIN_MAX - 1}}}")

# Whether the login ``who`` may change a row of ``tbl`` belonging to ``unit``: a province officer
# anything, a commune officer the rows of their unit, of the places below it and of the units
# merged into it (as services/places.covered_place_ids counts them), the council the products it
# certifies. SECURITY DEFINER: it reads users and places as their owner, whoever asks.
_MAY_CHANGE = """
CREATE OR REPLACE FUNCTION ocop_may_change(tbl text, unit varchar, who name) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
  WITH RECURSIVE me AS (
    SELECT role, unit_id FROM users WHERE login = who AND active
  ), up(id) AS (
    SELECT unit WHERE unit IS NOT NULL
    UNION
    SELECT n.next FROM up CROSS JOIN LATERAL (
      SELECT parent_id FROM places WHERE id = up.id
      UNION ALL SELECT successor_id FROM places WHERE id = up.id
      UNION ALL SELECT successor_id FROM place_links WHERE predecessor_id = up.id
    ) AS n(next) WHERE n.next IS NOT NULL
  )
  SELECT COALESCE((
    SELECT CASE me.role
      WHEN 'province' THEN true
      WHEN 'commune' THEN me.unit_id IN (SELECT id FROM up)
      WHEN 'council' THEN tbl = 'products'
      ELSE false END
    FROM me), false)
$$
"""


def may_write(role: UserRole, table: str) -> frozenset[str]:
    """What the grants of install() let ``role`` do to the rows of ``table``: a subset of
    INSERT, UPDATE and DELETE (row-level security may still refuse a row of another unit)."""
    every = frozenset({"INSERT", "UPDATE", "DELETE"})
    if (role is UserRole.PROVINCE and table not in NOT_FOR_PROVINCE) or table in WRITES.get(role, ()):
        return every
    verbs = {verb.strip() for shared, what in SHARED if shared == table for verb in what.split(",")}
    if role is UserRole.COUNCIL and table in COUNCIL_UPDATES:
        verbs.add("UPDATE")
    return frozenset(verbs)


def check_login(login: str) -> str:
    """``login`` if it can name a PostgreSQL role plainly (lower-case letters, digits, _)."""
    if not _LOGIN.fullmatch(login):
        raise ValidationError(
            [
                FieldError(
                    "login",
                    Text(
                        f"Tên đăng nhập «{login}» không dùng được: chỉ gồm chữ thường không dấu, chữ số và dấu _, "
                        f"bắt đầu bằng chữ, tối đa {LOGIN_MAX} ký tự (ví dụ xa_an_phu).",
                        f"The login «{login}» cannot be used: lower-case letters without accents, digits and _ "
                        f"only, starting with a letter, at most {LOGIN_MAX} characters (for example xa_an_phu).",
                    ),
                )
            ]
        )
    return login


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def install(conn: Connection) -> None:
    """Create (or bring up to date) the groups, grants, function and policies on the database
    ``conn`` is on; ``conn`` must be the tables' owner (or a superuser). Safe to run again."""
    database, schema = conn.execute(text("SELECT current_database(), current_schema()")).one()
    groups = ", ".join(GROUPS.values())
    for group in GROUPS.values():
        if not role_exists(conn, group):
            conn.exec_driver_sql(f"CREATE ROLE {group} NOLOGIN")
    db, sch = _q(database), _q(schema)
    tables = [t for t in Base.metadata.tables if t != "alembic_version"]
    statements = [
        f"REVOKE CONNECT, TEMPORARY ON DATABASE {db} FROM PUBLIC",  # only the program's people connect
        f"GRANT CONNECT ON DATABASE {db} TO {groups}",
        f"GRANT USAGE ON SCHEMA {sch} TO {groups}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {sch} TO {groups}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {sch} TO {groups}",
        *(f"GRANT {what} ON {_q(t)} TO {groups}" for t, what in SHARED),
        *(
            f"GRANT INSERT, UPDATE, DELETE ON {', '.join(_q(t) for t in WRITES[role])} TO {GROUPS[role]}"
            for role in WRITES
        ),
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(_q(t) for t in tables if t not in NOT_FOR_PROVINCE)} "
        f"TO {GROUPS[UserRole.PROVINCE]}",
        f"GRANT UPDATE ON {', '.join(_q(t) for t in COUNCIL_UPDATES)} TO {GROUPS[UserRole.COUNCIL]}",
        # Tables a later migration adds can be read by everyone without running init again.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {sch} GRANT SELECT ON TABLES TO {groups}",
        _MAY_CHANGE.format(schema=sch),
        "REVOKE ALL ON FUNCTION ocop_may_change(text, varchar, name) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION ocop_may_change(text, varchar, name) TO {groups}",
    ]
    for table, column in UNIT_TABLES:
        allowed = f"ocop_may_change('{table}', {column}, current_user)"
        if table in UNASSIGNED:
            allowed = f"({column} IS NULL OR {allowed})"
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            *(f"DROP POLICY IF EXISTS {p} ON {table}" for p in ("ocop_read", "ocop_add", "ocop_change", "ocop_remove")),
            f"CREATE POLICY ocop_read ON {table} FOR SELECT USING (true)",
            f"CREATE POLICY ocop_add ON {table} FOR INSERT WITH CHECK ({allowed})",
            f"CREATE POLICY ocop_change ON {table} FOR UPDATE USING ({allowed}) WITH CHECK ({allowed})",
            f"CREATE POLICY ocop_remove ON {table} FOR DELETE USING ({allowed})",
        ]
    for statement in statements:
        conn.exec_driver_sql(statement)


def bring_up_to_date(conn: Connection) -> bool:
    """After an upgrade of the program, as the tables' owner: the groups, grants and policies of
    a database `ocop server init` set up made again as this version has them (a newer version
    may bind another table to the unit); True if it did. A database never set up for several
    people, or another login, is left alone."""
    if not (is_maintainer(conn) and is_installed(conn)):
        return False
    install(conn)
    return True


def role_exists(conn: Connection, name: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None


def is_maintainer(conn: Connection) -> bool:
    """Whether the connection's login owns the tables (or is a member of their owner) or is a
    superuser: the login PostgreSQL lets past row-level security, which keeps every right."""
    return bool(conn.execute(text(MAINTAINER)).scalar())


def is_installed(conn: Connection) -> bool:
    """Whether `ocop server init` made the groups and policies on this database."""
    return bool(
        conn.execute(text("SELECT count(*) FROM pg_policies WHERE policyname = 'ocop_add'")).scalar()
        and role_exists(conn, GROUPS[UserRole.ADMIN])
    )


def _encrypted(conn: Connection, login: str, password: str) -> str:
    """The password as the server keeps it (SCRAM), worked out here: the clear text is never sent,
    so it cannot end up in the server's statement log."""
    pgconn = conn.connection.dbapi_connection.pgconn  # type: ignore[union-attr]
    return bytes(pgconn.encrypt_password(password.encode(), login.encode(), None)).decode()


def create_login(conn: Connection, login: str, role: UserRole, password: str | None) -> bool:
    """Give ``login`` the group of ``role``, creating the login with ``password`` if it does not
    exist yet; True if it was created (an existing login keeps its password)."""
    created = not role_exists(conn, login)
    if created:
        secret = f" PASSWORD {_literal(_encrypted(conn, login, password))}" if password else ""
        conn.exec_driver_sql(f"CREATE ROLE {_q(login)} LOGIN{secret}")
    set_role(conn, login, role)
    return created


def set_role(conn: Connection, login: str, role: UserRole) -> None:
    """Make ``login`` a member of ``role``'s group only; an administrator may create logins."""
    others = [g for r, g in GROUPS.items() if r is not role]
    conn.exec_driver_sql(f"REVOKE {', '.join(others)} FROM {_q(login)}")
    conn.exec_driver_sql(f"GRANT {GROUPS[role]} TO {_q(login)}")
    admin = role is UserRole.ADMIN
    conn.exec_driver_sql(f"ALTER ROLE {_q(login)} LOGIN {'CREATEROLE' if admin else 'NOCREATEROLE'}")
    if admin and int(conn.execute(text("SHOW server_version_num")).scalar() or 0) >= 160000:
        # From PostgreSQL 16 a CREATEROLE login may only hand out groups it administers;
        # INHERIT/SET FALSE: administering a group does not give its rights.
        conn.exec_driver_sql(
            f"GRANT {', '.join(GROUPS.values())} TO {_q(login)} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE"
        )


def disable(conn: Connection, login: str) -> None:
    """The login can no longer connect (its row in users stays, so the log still names it)."""
    if role_exists(conn, login):
        conn.exec_driver_sql(f"ALTER ROLE {_q(login)} NOLOGIN")
