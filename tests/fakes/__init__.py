"""Fake HTTP services that speak the real recorded API formats, for tests and benches.

Each fake is a real HTTP server on 127.0.0.1 (never a monkeypatched ``requests``) so the
code under test exercises its whole stack: session, cache, retries, parsing.
"""
