package com.yarda.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP side of a delivery: one POST, no redirect followed, at most {@code timeout} in all, to an address that was
 * checked for this very connection.
 *
 * <p>Why the check cannot be dodged by DNS rebinding (a name that resolves to a public address when checked and to
 * {@code 127.0.0.1} a moment later, when connecting): the client resolves names only through {@link CheckedDns},
 * which looks the name up once, refuses it if any address it got is not public ({@link PublicAddresses}), and hands
 * the client exactly those addresses to connect to. There is no second lookup to rebind. TLS still verifies the
 * certificate against the host name of the url, and sends it as SNI, since the client connects to the address on
 * behalf of that name (Apache HttpClient's {@link DnsResolver}; the JDK's HttpClient has no such hook). No
 * connection is ever reused, so every delivery is resolved and checked anew, and no proxy is used (a proxy would
 * resolve the name itself).
 */
final class WebhookHttp implements AutoCloseable {

    /** Looks a host name up: the system's resolver in the service, a table in tests. */
    @FunctionalInterface
    interface HostLookup {
        InetAddress[] resolve(String host) throws UnknownHostException;

        HostLookup SYSTEM = InetAddress::getAllByName;
    }

    /** A host name that resolves to an address deliveries may not reach. */
    static final class AddressNotAllowed extends UnknownHostException {
        AddressNotAllowed(String host, InetAddress address) {
            super(host + " resolves to " + address.getHostAddress()
                    + ", a loopback, private, link-local or multicast address, which webhooks may not reach");
        }
    }

    private final CloseableHttpClient client;
    private final Duration timeout;
    private final ScheduledThreadPoolExecutor deadlines;

    WebhookHttp(HostLookup lookup, boolean allowPrivate, Duration timeout, int connections) {
        this.timeout = timeout;
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDns(lookup, allowPrivate))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("Yarda-Webhooks/1")
                .build();
        this.deadlines = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("webhook-deadlines").daemon().factory());
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /**
     * POSTs {@code body} to {@code url} with {@code headers}; the status code of the answer, whose body is not read.
     *
     * @throws AddressNotAllowed when the host resolves to an address webhooks may not reach (nothing was sent)
     * @throws IOException when no answer came: refused, reset, timed out
     */
    int post(URI url, Map<String, String> headers, byte[] body) throws IOException {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        // the timeouts above bound each step; this bounds the whole, against a receiver that answers byte by byte
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            // closing without reading the body drops the connection, whatever the receiver still sends
            return response.getCode();
        } catch (IOException e) {
            if (post.isCancelled()) {
                throw new IOException("no answer within " + timeout.toSeconds() + " s", e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /**
     * The addresses a delivery may connect to for {@code host}: all it resolves to, each of them checked.
     *
     * @throws AddressNotAllowed when any of them is not public (and private ones are not allowed)
     */
    static InetAddress[] checkedAddresses(HostLookup lookup, String host, boolean allowPrivate)
            throws UnknownHostException {
        InetAddress[] addresses = lookup.resolve(host);
        if (addresses.length == 0) {
            throw new UnknownHostException(host + " has no address");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!PublicAddresses.isPublic(address)) {
                    throw new AddressNotAllowed(host, address);
                }
            }
        }
        return addresses;
    }

    /** The client's only way to resolve a name: once per connection, checked, and connected to as checked. */
    private record CheckedDns(HostLookup lookup, boolean allowPrivate) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return checkedAddresses(lookup, host, allowPrivate);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host))
                    .map(address -> new InetSocketAddress(address, port))
                    .toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // never a reverse lookup
        }
    }
}
