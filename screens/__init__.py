"""The Textual app: screens and widgets. Thin: the rules live in ``clerk.services``."""
