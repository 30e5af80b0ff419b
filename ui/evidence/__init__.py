"""The evidence panel of the review window: a thumbnail strip and the registered viewers.

`EvidencePanel(runner, read_file)` is what the review window embeds; each kind of preview
has its viewer (`ui.evidence.viewers`).  The viewers and the list model are exported for
tests and for reuse (e.g. screenshots).
"""

from ui.evidence.image_viewer import ImageViewer
from ui.evidence.model import EvidenceListModel
from ui.evidence.panel import EvidencePanel
from ui.evidence.pdf_viewer import PageCache, PdfViewer
from ui.evidence.table_viewer import SheetTableModel, TableViewer
from ui.evidence.text_viewers import ErrorViewer, LinksViewer, TextViewer

__all__ = ["EvidenceListModel", "EvidencePanel", "ErrorViewer", "ImageViewer", "LinksViewer",
           "PageCache", "PdfViewer", "SheetTableModel", "TableViewer", "TextViewer"]
