"""Signing the Web Connector in: the password checked with Argon2 (off the event loop), unless
too many failures from that source or for that connection have locked sign-in for a while.
A locked sign-in answers "nvu" at once, whatever the user name: nothing says whether a user
exists, and no Argon2 work is spent on a guesser."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from anyio import to_thread

from cobalt_qbwc_gateway.adapters.passwords import Passwords, VerifiedCredentials
from cobalt_qbwc_gateway.adapters.repository import user_key
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbwc_gateway.domain.contact import Outcome
from cobalt_qbwc_gateway.domain.signin import SignInPolicy, SignInRecord


@dataclass(frozen=True)
class SignIn:
    """What a sign-in came to: the connection let in, or why not (and whose user name it
    was, when the name is known, so the failure shows on that connection's history)."""

    connection: Connection | None
    refused: Outcome | None = None
    known: Connection | None = None


async def sign_in(
    uow: GatewayUnitOfWork,
    passwords: Passwords,
    user: str,
    password: str,
    source: str,
    now: datetime,
    policy: SignInPolicy,
    verified: VerifiedCredentials | None = None,
) -> SignIn:
    """Let the Web Connector in, or say why not ("nvu" either way). Failures are recorded; the
    caller commits either way."""
    from_source = await uow.signin_sources.get(source)
    connection = await uow.connections.by_user(user)
    if from_source.locked(now) or (connection is not None and connection.signin.locked(now)):
        await _noted(uow, connection, source, now)
        if connection is not None and verified is not None:
            verified.forget(connection.id)
        return SignIn(None, Outcome.SIGNIN_PAUSED, connection)
    if connection is None:
        await to_thread.run_sync(passwords.burn, password)
        await uow.signin_sources.save(source, from_source.failed(now, source, policy))
        return SignIn(None, Outcome.UNKNOWN_USER)
    key = user_key(user)
    recent = verified is not None and verified.holds(
        key, password, connection.id, connection.password_hash
    )
    if not recent and not await to_thread.run_sync(
        passwords.verify, connection.password_hash, password
    ):
        if verified is not None:
            verified.forget(connection.id)
        await uow.signin_sources.save(source, from_source.failed(now, source, policy))
        failed = replace(connection, signin=connection.signin.failed(now, source, policy))
        await uow.connections.save(failed, new=False)
        return SignIn(None, Outcome.WRONG_PASSWORD, failed)
    if verified is not None and not recent:
        verified.remember(key, password, connection.id, connection.password_hash)
    if from_source.failures:
        await uow.signin_sources.save(source, from_source.succeeded())
    if connection.signin.failures:
        connection = replace(connection, signin=connection.signin.succeeded())
    return SignIn(connection, known=connection)


async def _noted(
    uow: GatewayUnitOfWork, connection: Connection | None, source: str, now: datetime
) -> None:
    """An attempt while locked: noted (when, from where), without lengthening the lock, so a
    Web Connector with the right password gets in once the window has passed."""
    if connection is not None:
        seen = replace(connection.signin, last_failed_at=now, last_source=source)
        await uow.connections.save(replace(connection, signin=seen), new=False)


async def clear_lock(uow: GatewayUnitOfWork, connection: Connection) -> Connection:
    """Support clears a connection's lock (and that of the address it last failed from)."""
    cleared = replace(connection, signin=connection.signin.cleared())
    await uow.connections.save(cleared, new=False)
    if connection.signin.last_source:
        await uow.signin_sources.save(connection.signin.last_source, SignInRecord())
    return cleared
