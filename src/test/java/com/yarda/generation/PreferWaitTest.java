package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreferWaitTest {

    @Test
    void readsTheWaitPreferenceAmongOthers() {
        assertThat(PreferWait.of(List.of("wait=10"))).contains(new PreferWait(10));
        assertThat(PreferWait.of(List.of("respond-async, wait=5"))).contains(new PreferWait(5));
        assertThat(PreferWait.of(List.of("handling=lenient", "Wait = 7"))).contains(new PreferWait(7));
        assertThat(PreferWait.of(List.of("wait=\"3\""))).contains(new PreferWait(3));
    }

    @Test
    void waitsAtMostSixtySeconds() {
        assertThat(PreferWait.of(List.of("wait=600"))).contains(new PreferWait(60));
        assertThat(PreferWait.of(List.of("wait=600")).orElseThrow().applied()).isEqualTo("wait=60");
    }

    @Test
    void ignoresWhatIsNotAPositiveWholeNumberOfSeconds() {
        for (String header : List.of("wait=0", "wait=-1", "wait=1.5", "wait=", "wait=soon", "wait=99999999999", "")) {
            assertThat(PreferWait.of(List.of(header))).as(header).isEmpty();
        }
        assertThat(PreferWait.of(null)).isEmpty();
        assertThat(PreferWait.of(List.of("respond-async"))).isEmpty();
    }
}
