package com.yarda.site;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A USDA plant hardiness half-zone, {@code 1a} (coldest) to {@code 13b}. Ordered from cold to warm, so that a
 * plant hardy from {@code 5a} to {@code 9b} grows in every zone between them.
 *
 * @param number 1 to 13
 * @param half {@code 'a'} (the colder half) or {@code 'b'}
 */
public record HardinessZone(int number, char half) implements Comparable<HardinessZone> {

    private static final Pattern ZONE = Pattern.compile("(1[0-3]|[1-9])([ab])");

    public HardinessZone {
        if (number < 1 || number > 13 || (half != 'a' && half != 'b')) {
            throw new IllegalArgumentException("no USDA hardiness zone " + number + half);
        }
    }

    /** The zone written as in the USDA tables, e.g. {@code 7b}; empty for anything else. */
    public static Optional<HardinessZone> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = ZONE.matcher(text.trim());
        return matcher.matches()
                ? Optional.of(new HardinessZone(
                        Integer.parseInt(matcher.group(1)), matcher.group(2).charAt(0)))
                : Optional.empty();
    }

    /** Like {@link #parse}, for zones the service wrote itself. */
    @JsonCreator
    public static HardinessZone of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a USDA hardiness zone: " + text));
    }

    /** Whether this zone lies from {@code coldest} to {@code warmest}, both included. */
    public boolean within(HardinessZone coldest, HardinessZone warmest) {
        return compareTo(coldest) >= 0 && compareTo(warmest) <= 0;
    }

    @Override
    public int compareTo(HardinessZone other) {
        return Integer.compare(rank(), other.rank());
    }

    private int rank() {
        return number * 2 + (half == 'b' ? 1 : 0);
    }

    /** As the USDA tables and API.md write it, e.g. {@code 7b}. */
    @JsonValue
    @Override
    public String toString() {
        return number + String.valueOf(half);
    }
}
