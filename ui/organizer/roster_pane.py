"""The roster half of 专家与分配: the experts' table and the buttons that edit it.

The pane lays the widgets out and greys 编辑… 删除 登记指纹… while no expert is selected;
what the buttons do (asking, saving through `Round.set_roster`) stays with `PanelPage`,
which connects them (and a double-click on a row to 编辑…).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.organizer.panel_models import RosterModel
from ui.organizer.table_model import read_only_table


class RosterPane(QWidget):
    """专家名单 with 添加… 编辑… 删除 登记指纹… 导入名单…"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("专家名单"), self)
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        self.model = RosterModel(self)
        self.view = read_only_table(self, self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(RosterModel.FINGERPRINT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RosterModel.ORGANIZATION,
                                    QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加…"), self)
        self.edit_button = QPushButton(self.tr("编辑…"), self)
        self.remove_button = QPushButton(self.tr("删除"), self)
        self.enrol_button = QPushButton(self.tr("登记指纹…"), self)
        self.import_button = QPushButton(self.tr("导入名单…"), self)
        for button in (self.add_button, self.edit_button, self.remove_button,
                       self.enrol_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # 编辑… 删除 登记指纹… act on the selected expert: greyed while there is none.
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def selected_row(self) -> int:
        """The selected expert's row, or -1."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self) -> None:
        chosen = self.selected_row() >= 0
        for button in (self.edit_button, self.remove_button, self.enrol_button):
            button.setEnabled(chosen)

