"""clerk: agendas, live minuting and Word notes for council and partnership meetings."""

__version__ = "0.1.0"
