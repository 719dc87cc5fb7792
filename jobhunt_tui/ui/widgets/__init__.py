"""Widgets display plain domain objects and emit messages; they never touch storage."""
