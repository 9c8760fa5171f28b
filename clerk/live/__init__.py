"""Minuting a meeting as it happens: one LiveMeeting per meeting held open in the room."""
