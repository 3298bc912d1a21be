"""Users, logins, bearer and API tokens, and recorded conflicts of interest.

Passwords are hashed with Argon2id (:mod:`.passwords`); a login issues a signed, expiring bearer
token naming a stored session (:mod:`.tokens`), so logout and deactivation take effect at once;
machine clients use API tokens, of which only a hash is kept. Logging in (:mod:`.login`) is throttled
per username and per address (:mod:`.throttle`) and hashes off the event loop. Every login attempt
the throttle admits, every lockout and every account change is an entry of the audit log, written
in the same transaction as the change.
"""
