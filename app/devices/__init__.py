"""Scanners behind one small interface: SANE (Linux), WIA (Windows) and file/folder import.

Drivers import their native bindings lazily, so a missing driver is a :class:`DriverUnavailable`
the UI can show, never an import-time crash. Use :mod:`app.devices.registry` to list and open devices.
"""
