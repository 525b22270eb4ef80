"""Per-language knowledge: script detection, transliteration, settings."""
