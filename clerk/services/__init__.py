"""The rules of the record. Screens and the CLI call these; they hold no SQL of their own."""
