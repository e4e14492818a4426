"""Tables of the Chart of accounts service (its own tables arrive with its features)."""

from __future__ import annotations

from sqlalchemy import MetaData

from cobalt_shared.db.tables import NAMING_CONVENTION

metadata = MetaData(naming_convention=NAMING_CONVENTION)
