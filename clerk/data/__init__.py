"""Data clerk ships: the demo meeting and its presentation text."""
