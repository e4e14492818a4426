"""Suggested mappings: for each CobaltConnect account not yet mapped, the QuickBooks account
that most likely is meant, by name and by the account type it needs. The merchant confirms
them (all at once, or some); nothing is mapped without that."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from cobalt_coa.domain.account import TYPE_NAMES, CoaAccount, QbAccount

# Words that say which side of the books an account is on, not what it is about: "Purchases:
# Beer" and "Cost of Goods Sold - Beer" are both about beer.
_FILLER = frozenset(
    {
        "purchases",
        "purchase",
        "sales",
        "sale",
        "cogs",
        "cost",
        "of",
        "goods",
        "sold",
        "income",
        "account",
        "acct",
        "the",
        "and",
    }
)
GOOD_ENOUGH = 0.72


@dataclass(frozen=True)
class Suggestion:
    """A QuickBooks account suggested for a CobaltConnect account, and why."""

    key: str
    name: str
    qb: QbAccount
    reason: str
    score: float


def suggest(accounts: Sequence[CoaAccount], chart: Sequence[QbAccount]) -> list[Suggestion]:
    """The best fitting active QuickBooks account for every unmapped account that has one."""
    found = []
    for account in accounts:
        if account.qb_list_id is not None:
            continue
        best = _best(account, chart)
        if best is not None:
            found.append(best)
    return found


def _best(account: CoaAccount, chart: Sequence[QbAccount]) -> Suggestion | None:
    allowed = account.allowed_types
    fits = [qb for qb in chart if qb.is_active and qb.account_type in allowed]
    best: Suggestion | None = None
    for qb in fits:
        score, reason = _score(account, qb)
        # The type listed first is the usual one (Cost of Goods Sold before Expense).
        score += 0.02 * (len(allowed) - allowed.index(qb.account_type) - 1)
        if best is None or score > best.score:
            best = Suggestion(account.key, account.name, qb, reason, round(score, 3))
    if best is not None and best.score >= GOOD_ENOUGH:
        return best
    return None


def _score(account: CoaAccount, qb: QbAccount) -> tuple[float, str]:
    wanted = _words(account.name, drop_filler=account.kind != "system")
    candidates = [_words(qb.full_name, drop_filler=account.kind != "system")]
    leaf = qb.full_name.rsplit(":", 1)[-1]
    candidates.append(_words(leaf, drop_filler=account.kind != "system"))
    type_name = TYPE_NAMES.get(qb.account_type, qb.account_type)
    best = 0.0
    for words in candidates:
        if not words or not wanted:
            continue
        if words == wanted:
            return 1.0 + _side_bonus(account, qb), f"same name; {type_name} account"
        ratio = SequenceMatcher(None, " ".join(wanted), " ".join(words)).ratio()
        overlap = len(set(wanted) & set(words)) / len(set(wanted) | set(words))
        best = max(best, 0.6 * ratio + 0.4 * overlap)
        if set(words) <= set(wanted) or set(wanted) <= set(words):
            best = max(best, 0.85)  # one name holds the other: "Cash Drawer" in "Cash Drawer /..."
    return best + _side_bonus(account, qb), f"similar name; {type_name} account"


def _side_bonus(account: CoaAccount, qb: QbAccount) -> float:
    """A category's purchases account under a "Purchases" parent beats one under "Sales"."""
    parent = qb.full_name.split(":", 1)[0].casefold() if ":" in qb.full_name else ""
    if account.kind == "purchases" and ("purchase" in parent or "cost" in parent):
        return 0.05
    if account.kind == "sales" and ("sale" in parent or "income" in parent):
        return 0.05
    return 0.0


def _words(name: str, *, drop_filler: bool) -> list[str]:
    words = re.findall(r"[a-z0-9]+", name.casefold().replace("&", " and "))
    if drop_filler:
        kept = [w for w in words if w not in _FILLER]
        return kept or words
    return [w for w in words if w not in ("the", "account", "acct")] or words
