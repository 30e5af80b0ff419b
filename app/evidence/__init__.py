"""Evidence files: their kinds (the registry, `kinds`), recognised by content (`classify`),
and previewed without Qt (`preview`)."""
