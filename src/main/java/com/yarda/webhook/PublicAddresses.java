package com.yarda.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Which addresses a webhook may be delivered to: the public internet only. Refused are the loopback, private,
 * link-local and multicast addresses of API.md, and with them every other range that reaches this host or its
 * network rather than the internet: "this network" ({@code 0.0.0.0/8}, {@code ::}), carrier-grade NAT
 * ({@code 100.64.0.0/10}), IETF protocol assignments ({@code 192.0.0.0/24}), benchmarking ({@code 198.18.0.0/15}),
 * reserved and broadcast ({@code 240.0.0.0/4}), IPv6 unique-local ({@code fc00::/7}) and site-local
 * ({@code fec0::/10}). An IPv6 address that carries an IPv4 address (mapped {@code ::ffff:0:0/96}, compatible
 * {@code ::/96}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged by the IPv4 address it carries, so
 * that {@code ::ffff:127.0.0.1} is loopback.
 */
final class PublicAddresses {

    private PublicAddresses() {}

    /** Whether a delivery may connect to {@code address}. */
    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return isPublic4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return isPublic6(v6);
        }
        return false;
    }

    private static boolean isPublic4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        return !(first == 0 // this network
                || first == 10 // private
                || first == 127 // loopback
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 169 && second == 254) // link-local, cloud metadata services
                || (first == 172 && second >= 16 && second <= 31) // private
                || (first == 192 && second == 0 && (a[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 192 && second == 168) // private
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 224); // multicast, reserved, broadcast
    }

    private static boolean isPublic6(Inet6Address address) {
        byte[] a = address.getAddress();
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || (a[0] & 0xfe) == 0xfc) { // unique-local fc00::/7
            return false;
        }
        byte[] embedded = embeddedIpv4(a);
        return embedded == null || isPublic4(embedded);
    }

    /** The IPv4 address inside a mapped, compatible, NAT64 or 6to4 address; null for any other. */
    private static byte @Nullable [] embeddedIpv4(byte[] a) {
        if (zero(a, 0, 10) && (((a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) || (a[10] == 0 && a[11] == 0))) {
            return Arrays.copyOfRange(a, 12, 16); // ::ffff:a.b.c.d and ::a.b.c.d
        }
        if ((a[0] & 0xff) == 0x00
                && (a[1] & 0xff) == 0x64
                && (a[2] & 0xff) == 0xff
                && (a[3] & 0xff) == 0x9b
                && zero(a, 4, 12)) {
            return Arrays.copyOfRange(a, 12, 16); // 64:ff9b::a.b.c.d
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(a, 2, 6); // 2002:AABB:CCDD::/48
        }
        return null;
    }

    private static boolean zero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
