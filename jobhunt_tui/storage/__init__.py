"""Persistence: the SQLite file, its schema and migrations, and the queries on it.

The read path (`reader`, `database`) uses only the standard library so the first screen never
waits for the ORM; writes go through SQLModel sessions (`engine`, `repository`).
"""
