"""Project documents: load, save and recover ``.gala`` files. No Qt here."""

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
    "NewerFormatError",
    "NotAProjectError",
    "ProjectFileError",
    "ProjectSaveError",
    "RecoveryItem",
    "RecoveryStore",
    "UnreadableProjectError",
    "load_project",
    "project_from_dict",
    "project_to_dict",
    "save_project",
]
