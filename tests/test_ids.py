"""``clerk.ids.id_of``: the id of a row read from or written to the store, and a plain error for
a row that was never stored (SQLModel types every id ``int | None``)."""

import pytest

from clerk.errors import StorageError
from clerk.ids import NotStored, id_of
from clerk.models import Committee
from clerk.services.committees import create_committee


def test_a_stored_row_has_its_id(store):
    committee = create_committee(store, "Kent Community Safety Partnership")
    assert isinstance(committee.id, int)
    assert id_of(committee) == committee.id
    with store.read() as session:
        read = session.get(Committee, committee.id)
        assert read is not None and id_of(read) == committee.id


def test_a_row_never_stored_is_refused_plainly():
    with pytest.raises(NotStored) as raised:
        id_of(Committee(name="Not yet saved"))
    assert isinstance(raised.value, StorageError)
    assert str(raised.value) == "The committee has not been stored yet, so it has no id."
