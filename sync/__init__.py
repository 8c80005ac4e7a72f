"""Synchronisation with the provincial system (client engine, protocol, reference server)."""
