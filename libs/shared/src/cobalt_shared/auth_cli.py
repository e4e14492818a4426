"""`cobalt-token`: mint a bearer token for local use."""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from datetime import timedelta

from cobalt_shared.auth import Role, TokenService
from cobalt_shared.settings import DEVELOPMENT_AUTH_SECRET


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="cobalt-token",
        description="Mint a bearer token. The key comes from COBALT_AUTH_SECRET "
        "(the development default when unset).",
    )
    parser.add_argument("--role", choices=[r.value for r in Role], default=Role.MERCHANT.value)
    parser.add_argument("--merchant-id", type=uuid.UUID, help="required for merchant tokens")
    parser.add_argument("--subject", default="local-user")
    parser.add_argument("--hours", type=float, default=8.0, help="lifetime in hours (default 8)")
    args = parser.parse_args(argv)
    secret = os.environ.get("COBALT_AUTH_SECRET", DEVELOPMENT_AUTH_SECRET)
    try:
        token = TokenService(secret).mint(
            subject=args.subject,
            role=Role(args.role),
            merchant_id=args.merchant_id,
            ttl=timedelta(hours=args.hours),
        )
    except ValueError as exc:
        print(f"cobalt-token: {exc}", file=sys.stderr)
        return 2
    print(token)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
