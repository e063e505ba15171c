"""Small modal questions: confirm, unsaved changes, a save message, where to export."""
