package com.yarda;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featurePackagesOnlyUseEachOthersPublicSurfaceAndHaveNoCycles() {
        ApplicationModules.of(YardaApplication.class).verify();
    }
}
