"""The organizer's window: importing the experts' signed sheets, and the results.

`window.OrganizerWindow` frames the pages; `import_page` (with `import_models` and
`key_check`) verifies and imports sheets; `results_page` (with `results_models` and
`charts`) shows rankings, re-review, experts and agreement and writes the results files;
`launch.OrganizerLauncher` opens the window from the review window.
"""
