"""Use cases on top of storage: what the app and the command line ask for."""
