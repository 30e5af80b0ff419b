"""The organizer's workbench without Qt: an intake round's decisions and its project.

`decisions` is the intake decisions file (exclusions, field edits, duplicates,
acknowledged warnings) that `paneldesk packet build --decisions` and the GUI both hand
to `app.assembly`; `project` keeps a round in one folder (settings, the organizer
database with its audit log, the decisions).  It sits beside `app.assembly` and uses it;
nothing below imports it.
"""
