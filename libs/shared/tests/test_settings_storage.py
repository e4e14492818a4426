"""Stream settings come from configuration: replicas and storage."""

from __future__ import annotations

import pytest

from cobalt_shared.contracts.subjects import StreamSpec
from cobalt_shared.messaging import ensure_stream


@pytest.mark.parametrize("storage", ["file", "memory"])
async def test_streams_are_created_with_the_configured_storage(private_nats, storage):
    import nats

    nc = await nats.connect(private_nats.url)
    try:
        js = nc.jetstream()
        spec = StreamSpec(f"S{storage.upper()}", (f"s{storage}.>",), "test")
        await ensure_stream(js, spec, replicas=1, storage=storage)
        info = await js.stream_info(spec.name)
        assert str(getattr(info.config.storage, "value", info.config.storage)) == storage
        assert info.config.num_replicas == 1
    finally:
        await nc.close()
