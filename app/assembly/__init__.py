"""From an intake folder to a signed packet: the organizer's build step.

It sits above `app.intake` (reading application mails) and `app.packet` (the packet
format), which do not know each other; `builder.build_packet` joins them.  `scan` reads
an entry for the organizer's review exactly as the builder does, `apply` applies the
organizer's decisions, `assignments` decides who reviews what.
"""
