"""The signed judging packet (.panelpack): manifest, streaming writer, hardened reader."""

from app.packet.limits import Limits
from app.packet.manifest import FORMAT, FORMAT_VERSION, Manifest
from app.packet.reader import Packet, open_packet
from app.packet.writer import PacketWriter

__all__ = ["FORMAT", "FORMAT_VERSION", "Limits", "Manifest", "Packet", "PacketWriter",
           "open_packet"]
