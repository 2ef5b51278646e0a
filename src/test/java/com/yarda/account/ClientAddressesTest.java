package com.yarda.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressesTest {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.7, 203.0.113.7",
        "' 203.0.113.7 ', 203.0.113.7",
        "::ffff:203.0.113.7, 203.0.113.7",
        "0:0:0:0:0:ffff:cb00:7107, 203.0.113.7",
        "2001:db8:85a3:8d3:1319:8a2e:370:7348, 2001:db8:85a3:8d3::/64",
        "2001:DB8:85A3:08D3::1, 2001:db8:85a3:8d3::/64",
        "[2001:db8::1], 2001:db8:0:0::/64",
        "fe80::1%eth0, fe80:0:0:0::/64",
        "::1, 0:0:0:0::/64",
        "not-an-address, not-an-address",
        "1:2:3, 1:2:3",
        "'', unknown",
    })
    void registrationsAreCountedPerIpv4AddressAndPerIpv6Slash64(String remote, String key) {
        assertThat(ClientAddresses.key(remote)).isEqualTo(key);
    }

    @Test
    void anythingElseCountsAsItsTextCutToAReasonableLength() {
        assertThat(ClientAddresses.key("x".repeat(500))).hasSize(ClientAddresses.MAX_LENGTH);
    }
}
