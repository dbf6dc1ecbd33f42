"""Project documents: load, save, recover and compare ``.gala`` files. No Qt here."""

from gala_desktop.project.changes import EntryChange, catalogue_changes, refresh_snapshot
from gala_desktop.project.document import (
    FILE_SUFFIX,
    FORMAT_VERSION,
    CorruptProjectError,
    NewerFormatError,
    NotAProjectError,
    ProjectFileError,
    ProjectSaveError,
    UnreadableProjectError,
    load_project,
    project_from_dict,
    project_to_dict,
    save_project,
)
from gala_desktop.project.recovery import RecoveryItem, RecoveryStore

__all__ = [
    "FILE_SUFFIX",
    "FORMAT_VERSION",
    "CorruptProjectError",
    "EntryChange",
    "NewerFormatError",
    "NotAProjectError",
    "ProjectFileError",
    "ProjectSaveError",
    "RecoveryItem",
    "RecoveryStore",
    "UnreadableProjectError",
    "catalogue_changes",
    "load_project",
    "project_from_dict",
    "project_to_dict",
    "refresh_snapshot",
    "save_project",
]
