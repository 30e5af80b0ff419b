"""The one exception family users may see.

Anything raised as a `PanelDeskError` carries a complete Chinese message that names
the file and the problem; the CLI prints it as one line and the GUI shows it in a
dialog.  Any other exception reaching the top is a bug, reported without a traceback.
"""


class PanelDeskError(Exception):
    """A problem the user can act on; `str(err)` is the message to show."""
