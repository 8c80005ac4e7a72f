"""Reference provincial server for the sync protocol (see :mod:`sync.protocol`).

It is the counterpart the client engine is tested against and a starting point for a real provincial
gateway: a provincial adapter (DOMAIN.md, "Provincial / national integration shapes") would sit behind it.
Run it with ``python -m sync.server serve``; operator commands are in :mod:`sync.server.cli`.
"""

from sync.server.app import create_app

__all__ = ["create_app"]
