"""The public website with its agenda packs: the public pack of each meeting whose agenda is
published and has papers (the previous meeting's public notes, the public items' reports),
gathered as ``clerk pack`` gathers it. Publishing stores nothing: the page ranges the pack finds
stay the pack's own."""

from __future__ import annotations

import dataclasses

from ..documents.site import digest_of
from ..documents.site_model import SiteDoc, SiteFile
from ..storage import Store
from ..wording_site import document_label
from .pack import gather

PACK_NAME = "pack.pdf"


def with_packs(store: Store, site: SiteDoc) -> SiteDoc:
    committees = []
    for c in site.committees:
        meetings = []
        for m in c.meetings:
            if m.agenda_published is not None and not m.cancelled:
                pack = gather(store, m.meeting_id, "public")
                if pack.parts:
                    label = document_label("Agenda pack, public version", ".pdf")
                    m = dataclasses.replace(m, files=(*m.files, SiteFile(PACK_NAME, label, digest_of(pack), pack=pack)))
            meetings.append(m)
        committees.append(dataclasses.replace(c, meetings=tuple(meetings)))
    return dataclasses.replace(site, committees=tuple(committees))
