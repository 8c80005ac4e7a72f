"""What a service mutation changed; the UI refreshes from this instead of reaching into other screens."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    dossiers: frozenset[str] = field(default_factory=frozenset)  # dossier ids
    catalogue: bool = False
    calendar: bool = False
    settings: bool = False
    drafts: bool = False

    @staticmethod
    def dossier(dossier_id: str) -> Changes:
        return Changes(dossiers=frozenset({dossier_id}))
