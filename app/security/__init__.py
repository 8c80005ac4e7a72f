"""Security of the counter: operators and login, the workstation session, the audit log, keys and signatures.

Threat to beat: a stolen PC or a copied data folder. Nothing here writes a secret to a file or the database
in clear; secrets go to the OS keyring (:mod:`app.security.keys`) or nowhere.
"""
