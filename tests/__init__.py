"""Tests of clerk: a real SQLite file, a private PostgreSQL server, real Word files read back."""
