"""The registry of readers, one per input format (Docling's backends). ``extract.base.reader_for``
picks one by extension."""

from extract.text_reader import TextReader

READERS = [TextReader]
