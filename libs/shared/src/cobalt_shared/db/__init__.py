"""Database helpers: engine factory, unit of work, messaging tables and migrations."""

from cobalt_shared.db.engine import create_engine, is_sqlite, ping
from cobalt_shared.db.uow import UnitOfWork

__all__ = ["UnitOfWork", "create_engine", "is_sqlite", "ping"]
