package com.yarda.designer;

import com.yarda.platform.ApiValue;

/** What kind of plant it is, as API.md lists them. */
public enum PlantKind implements ApiValue {
    TREE,
    SHRUB,
    PERENNIAL,
    GRASS,
    GROUNDCOVER,
    SUCCULENT,
    VINE
}
