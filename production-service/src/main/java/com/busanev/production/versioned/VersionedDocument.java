package com.busanev.production.versioned;

import java.util.List;

/** A document a planner maintains in versions: what it says is checked across fields before a version is stored. */
public interface VersionedDocument {
    /** Rules that span fields, each as {field, message}; asked only once every field is valid on its own. */
    List<String[]> inconsistencies();
}
