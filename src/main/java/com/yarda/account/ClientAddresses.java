package com.yarda.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whom registrations are counted against: the client address of the request ({@code getRemoteAddr()}, which
 * {@code server.forward-headers-strategy} takes from {@code X-Forwarded-For} behind a trusted proxy). An IPv6 client
 * gets a whole /64 from its provider, so the /64 is what counts; anything else counts as the text it is.
 */
final class ClientAddresses {

    static final int MAX_LENGTH = 100;
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:]+");

    private ClientAddresses() {}

    /** The key that registrations from {@code remoteAddress} are counted under. */
    static String key(String remoteAddress) {
        String address = remoteAddress.trim().toLowerCase(Locale.ROOT);
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (address.startsWith("::ffff:") && address.indexOf('.') > 0) {
            // an IPv4 client written as an IPv4-mapped IPv6 address
            address = address.substring("::ffff:".length());
        }
        if (address.indexOf(':') >= 0 && IPV6.matcher(address).matches()) {
            List<Integer> groups = ipv6Groups(address);
            if (groups != null) {
                return ipv6Key(groups);
            }
        }
        if (address.isEmpty()) {
            return "unknown";
        }
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }

    private static String ipv6Key(List<Integer> groups) {
        boolean ipv4Mapped = groups.subList(0, 5).stream().allMatch(g -> g == 0) && groups.get(5) == 0xffff;
        if (ipv4Mapped) {
            return (groups.get(6) >> 8) + "." + (groups.get(6) & 255) + "." + (groups.get(7) >> 8) + "."
                    + (groups.get(7) & 255);
        }
        return "%x:%x:%x:%x::/64".formatted(groups.get(0), groups.get(1), groups.get(2), groups.get(3));
    }

    /** The eight 16-bit groups of an IPv6 address in text form, or null when it is not one. */
    private static @Nullable List<Integer> ipv6Groups(String address) {
        String[] halves = address.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        List<Integer> head = groups(halves[0]);
        List<Integer> tail = halves.length == 2 ? groups(halves[1]) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int missing = 8 - head.size() - tail.size();
        if (halves.length == 1 ? missing != 0 : missing < 1) {
            return null;
        }
        List<Integer> all = new ArrayList<>(head);
        for (int i = 0; i < missing; i++) {
            all.add(0);
        }
        all.addAll(tail);
        return all;
    }

    private static @Nullable List<Integer> groups(String part) {
        List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        for (String group : part.split(":", -1)) {
            if (group.isEmpty() || group.length() > 4) {
                return null;
            }
            groups.add(Integer.parseInt(group, 16));
        }
        return groups;
    }
}
