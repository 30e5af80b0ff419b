"""The expert's review window and its parts.

`window.ReviewWindow` lays out and routes; its collaborators get what they need through
their constructors (docs/architecture.md):

- `opening.PacketOpener` opens and verifies a packet on the task runner; an encrypted
  one's passphrase comes from `packet_passphrases` (this session, the keyring, or
  `passphrase_dialog`);
- `check_in.CheckIn` settles who reviews it and their conflicts of interest (kept in the
  workspace) with `identity_dialog` and `recusal_dialog`;
- `marks.MarkWriter` sends every change through the one writer and hands back the row
  state; `recusal.RecusalActions` declares and withdraws recusals through it;
- `export.SheetExporter` (with `export_dialog`) writes the signed score sheet;
- `menus.ReviewMenus` and `shortcuts` (criterion keys follow the rubric), `recent`,
  `window_state`;
- `switching.SwitchPacer` shows each switch's text and evidence — at once, or coalesced
  while a key is held down to flip through the list;
- the views: `list_panel` over `list_model`, `application_view`, `rubric_panel` with
  `rubric_widgets`, and `my_ranking` (我的排序).
"""
