"""The signed judging packet (.panelpack): manifest, streaming writer, hardened reader.

A packet may be encrypted at rest (`sealed`: format and writing; `sealed_file`: the
decrypting file the reader reads through; `source`: which of the two a file is;
`remembered`: passphrases kept in the OS keyring on request).
"""

from app.packet.limits import Limits
from app.packet.manifest import FORMAT, FORMAT_VERSION, Manifest
from app.packet.reader import Packet, open_packet
from app.packet.writer import PacketWriter

__all__ = ["FORMAT", "FORMAT_VERSION", "Limits", "Manifest", "Packet", "PacketWriter",
           "open_packet"]
