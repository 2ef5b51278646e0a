package com.yarda.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarda.platform.ValidationFailed;
import com.yarda.webhook.WebhookHttp.HostLookup;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {

    /** A name server of our own: these names exist only here. */
    private static final HostLookup DNS = host -> {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return InetAddress.getAllByName(host); // a literal: no lookup
        }
        Map<String, String[]> records = Map.of(
                "hooks.example.com", new String[] {"93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"},
                "mixed.example.com", new String[] {"93.184.215.14", "10.0.0.7"},
                "internal.example.com", new String[] {"192.168.0.10"},
                "metadata.example.com", new String[] {"169.254.169.254"});
        String[] addresses = records.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    };

    @Test
    void anHttpsUrlOfAPublicHostIsAccepted() {
        assertThat(WebhookUrls.check("https://hooks.example.com/yarda?x=1", DNS, false))
                .hasToString("https://hooks.example.com/yarda?x=1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://hooks.example.com/", // not https
                "ftp://hooks.example.com/",
                "hooks.example.com/yarda", // not absolute
                "https:///path",
                "https://user:pass@hooks.example.com/",
                "https://hooks.example.com/#part",
                "https://mixed.example.com/", // one of its addresses is private
                "https://internal.example.com/",
                "https://metadata.example.com/latest/meta-data",
                "https://127.0.0.1/",
                "https://[::1]:8443/",
                "https://10.0.0.1/",
                "https://169.254.169.254/",
                "https://[::ffff:127.0.0.1]/",
                "https://nowhere.example.com/", // does not resolve
                "https://exa mple.com/",
                ""
            })
    void everyOtherUrlIsRefusedAsAValidationFailureOfTheUrl(String url) {
        assertThatThrownBy(() -> WebhookUrls.check(url, DNS, false))
                .isInstanceOfSatisfying(
                        ValidationFailed.class,
                        failure -> assertThat(failure.errors())
                                .singleElement()
                                .satisfies(
                                        problem -> assertThat(problem.field()).isEqualTo("url")));
    }

    @Test
    void aUrlLongerThan2048CharactersIsRefused() {
        String url = "https://hooks.example.com/" + "a".repeat(2048);

        assertThatThrownBy(() -> WebhookUrls.check(url, DNS, false)).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void withPrivateUrlsAllowedHttpAndPrivateAddressesAreAccepted() {
        assertThat(WebhookUrls.check("http://internal.example.com:8080/hook", DNS, true))
                .hasToString("http://internal.example.com:8080/hook");
        assertThat(WebhookUrls.check("http://127.0.0.1:9/hook", DNS, true)).hasToString("http://127.0.0.1:9/hook");
        assertThatThrownBy(() -> WebhookUrls.check("ftp://internal.example.com/", DNS, true))
                .isInstanceOf(ValidationFailed.class);
    }
}
