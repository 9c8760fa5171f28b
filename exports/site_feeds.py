"""The site's feeds: an Atom feed of the agendas and minutes published, with ids that never change
and an updated date that moves only when the document does; the calendars as iCalendar files
(exports.ical), stamped when their meetings last changed rather than at every publish."""

from __future__ import annotations

import hashlib
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from clerk.documents.calendar import CalendarFeed
from clerk.documents.site_model import FeedEntry

from .ical import ical_bytes
from .site_files import SiteFolder

ATOM = "http://www.w3.org/2005/Atom"


def entry_id(instance: str, key: str) -> str:
    """urn:uuid:…, the same for the same document of the same database at every publish."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'clerk:{instance}/{key}')}"


def write_atom(folder: SiteFolder, rel: str, title: str, instance: str, entries: Sequence[FeedEntry], root: str = "") -> None:
    """``rel`` the feed's path in the site; ``root`` the way from the feed's folder to the site's root."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = entry_id(instance, f"feed/{rel}")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=rel.rsplit("/", 1)[-1])
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=root or "./")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = title
    updated = ET.SubElement(feed, f"{{{ATOM}}}updated")
    stamps = []
    for e in sorted(entries, key=lambda e: (e.published, e.key), reverse=True):
        when = folder.stamp(f"entry:{e.key}", e.digest)
        stamps.append(when)
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = e.title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = entry_id(instance, e.key)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=root + e.path)
        ET.SubElement(entry, f"{{{ATOM}}}published").text = f"{e.published.isoformat()}T00:00:00Z"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = when.isoformat().replace("+00:00", "Z")
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = e.title
    listed = hashlib.sha256(repr([(e.key, e.digest, e.title) for e in entries]).encode()).hexdigest()
    newest = max([*stamps, folder.stamp(f"feed:{rel}", listed)])
    updated.text = newest.isoformat().replace("+00:00", "Z")
    ET.indent(feed)
    folder.page(rel, ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n")


def write_ics(folder: SiteFolder, rel: str, feed: CalendarFeed) -> None:
    stamp = folder.stamp(f"calendar:{rel}", hashlib.sha256(repr(feed).encode()).hexdigest())
    folder.page(rel, ical_bytes(feed, stamp))
