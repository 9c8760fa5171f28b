"""Word, PDF and pack writers: pure functions of clerk's document data. No textual, never the store."""
