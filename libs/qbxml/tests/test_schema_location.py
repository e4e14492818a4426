"""The schema is found beside the checkout or where COBALT_QBXML_SCHEMA_DIR says, else loudly."""

from __future__ import annotations

import pytest

from cobalt_qbxml import schema


def test_schema_is_found_for_this_run():
    assert (schema.schema_dir() / schema.SCHEMA_FILE).is_file()


def test_a_wrong_location_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv(schema.SCHEMA_ENV, str(tmp_path))
    with pytest.raises(schema.SchemaNotFound, match="COBALT_QBXML_SCHEMA_DIR"):
        schema.schema_dir()
