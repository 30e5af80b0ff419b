"""The organizer's windows: the workbench of a round, and import and results on a packet.

`workbench.OrganizerWorkbench` lays a round out as its steps on an organizer project
(`round.Round`, over `app.organizer.Project`): 申报材料 (`intake_page` with `intake_rows`,
`intake_model`, `intake_detail`, `intake_dialogs`, `audit_view`), 专家与分配 (`panel_page`
with `panel_models`, `panel_dialogs`), 评审包 (`build_page`, `build_summary`), then the
import and results pages; `home_launch.WorkbenchLauncher` opens it.
`window.OrganizerWindow` frames the import and results pages for one packet; `import_page`
(with `import_models` and `key_check`) verifies and imports sheets; `results_page` (with
`results_models` and `charts`) shows rankings, re-review, experts and agreement and writes
the results files; `launch.OrganizerLauncher` opens that window from the review window.
"""
