"""Use cases that gather a document's data from the store and hand it to a writer passed in."""
