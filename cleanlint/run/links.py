"""Which symbolic links `fix` may write through: those named on the command line, never one a search found.

A link found by searching a folder may point anywhere: into another corpus, at a system file, at a
git-annex object that is read-only by design. The user asked for the folder, not for that file, so `fix`
reads it and reports its findings, as `check` does, and leaves it as it is with a notice. A link named on
the command line is the user's choice: its target is rewritten, and the link stays a link (atomic.py).
For an HTML page the file `fix` writes is the text beside it, so that is the file that must not be a link.
"""

from __future__ import annotations

from pathlib import Path

from ..sources.html import is_html, text_path
from .plan import RunPlan

NOT_REWRITTEN = "a symbolic link; not rewritten (name it on the command line to fix its target)"
PAGE_TEXT_NOT_REWRITTEN = (
    "its text {name} is a symbolic link; not rewritten (name the page on the command line to fix its target)"
)


def link_notice(plan: RunPlan, path: Path) -> str | None:
    """The one-line notice for a file `fix` must not write because it is a link a search found; None when
    the run writes nothing, or the file may be written."""
    if not plan.fix or path.absolute() in plan.named:
        return None
    if is_html(path):
        text = text_path(path)
        if text.is_symlink():
            return PAGE_TEXT_NOT_REWRITTEN.format(name=text.name)
        return None
    return NOT_REWRITTEN if path.is_symlink() else None
