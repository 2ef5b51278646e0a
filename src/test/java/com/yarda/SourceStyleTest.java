package com.yarda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How the code reads: names are imported, not written out in full inline (STYLE.md). */
class SourceStyleTest {

    /** A fully qualified class name in code, e.g. {@code java.util.List.of(} or {@code new java.io.File(}. */
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.])(?:java|javax|org|com)\\.(?:[a-z0-9]+\\.)+[A-Z]\\w*");

    /** Where two classes of one simple name meet in one file, one of them is written out in full. */
    private static final Set<String> CLASHES = Set.of("ProblemResponses.java: org.springframework.http.MediaType");

    @Test
    void classesAreImportedNotQualifiedInline() throws IOException {
        List<String> inline = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    inline.addAll(qualifiedNames(file));
                }
            }
        }
        assertThat(inline).isEmpty();
    }

    private static List<String> qualifiedNames(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        boolean textBlock = false;
        for (String line : Files.readAllLines(file)) {
            String code = line.strip();
            if (code.contains("\"\"\"")) {
                // a text block is text, not code; its opening and closing lines hold no names either
                if (code.indexOf("\"\"\"") == code.lastIndexOf("\"\"\"")) {
                    textBlock = !textBlock;
                }
                continue;
            }
            if (textBlock
                    || code.startsWith("import ")
                    || code.startsWith("package ")
                    || code.startsWith("*")
                    || code.startsWith("/*")
                    || code.startsWith("//")) {
                continue;
            }
            // string literals and trailing comments are text, not code
            String bare = code.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("//.*$", "");
            var names = QUALIFIED.matcher(bare);
            while (names.find()) {
                String entry = file.getFileName() + ": " + names.group();
                if (!CLASHES.contains(entry)) {
                    found.add(entry);
                }
            }
        }
        return found;
    }
}
