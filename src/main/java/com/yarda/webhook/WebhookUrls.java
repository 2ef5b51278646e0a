package com.yarda.webhook;

import com.yarda.platform.ValidationFailed;
import com.yarda.webhook.WebhookHttp.AddressNotAllowed;
import com.yarda.webhook.WebhookHttp.HostLookup;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The rules of an endpoint's url (API.md): {@code https://}, an absolute url with a host and nothing a delivery
 * would not send (no user name or password, no fragment), and a host that resolves to public addresses only; with
 * {@code yarda.webhooks.allow-private-urls} also {@code http://} and any address. The address is checked again at
 * every delivery ({@link WebhookHttp}): what it resolves to now is no promise for later.
 */
final class WebhookUrls {

    static final int MAX_LENGTH = 2048;

    private WebhookUrls() {}

    /**
     * {@code url}, checked.
     *
     * @throws ValidationFailed (422, field {@code url}) for any broken rule
     */
    static URI check(@Nullable String url, HostLookup lookup, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            throw invalid("must be given");
        }
        if (url.length() > MAX_LENGTH) {
            throw invalid("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid("must be a valid url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw invalid(allowPrivate ? "must start with https:// or http://" : "must start with https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("must name a valid host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("must not contain a fragment (#…)");
        }
        try {
            WebhookHttp.checkedAddresses(lookup, uri.getHost(), allowPrivate);
        } catch (AddressNotAllowed e) {
            throw invalid("must not resolve to a loopback, private, link-local or multicast address");
        } catch (UnknownHostException | RuntimeException e) {
            throw invalid("must name a host that resolves");
        }
        return uri;
    }

    private static ValidationFailed invalid(String message) {
        return new ValidationFailed("url", message);
    }
}
