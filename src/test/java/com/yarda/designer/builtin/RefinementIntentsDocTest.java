package com.yarda.designer.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.designer.builtin.Vocabulary.Intent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/refinement-intents.md tells the truth about the builtin designer's vocabulary. */
class RefinementIntentsDocTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theTableHasARowForEveryIntent() throws IOException {
        List<String> documented = new ArrayList<>(rows().keySet());

        assertThat(documented)
                .as("docs/refinement-intents.md's table of intents; add a row for each intent of Vocabulary")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Intent.values())
                        .map(intent -> intent.name().toLowerCase(Locale.ROOT))
                        .toList());
    }

    @Test
    void everyExamplePhrasingOfTheTableIsReadAsItsIntent() throws IOException {
        rows().forEach((id, examples) -> {
            Intent intent = Intent.valueOf(id.toUpperCase(Locale.ROOT));
            assertThat(examples).as(id).isNotEmpty();
            for (String example : examples) {
                Wishes wishes = Wishes.read(example);
                assertThat(wishes.understood())
                        .as("“%s” in the row of %s", example, id)
                        .extracting(Wish::intent)
                        .contains(intent);
                assertThat(wishes.understood()).as("“%s”", example).noneMatch(Wish::negated);
                assertThat(wishes.unrecognised()).as("“%s”", example).isEmpty();
            }
        });
    }

    /** The table's rows: the intent of the first cell and the example phrasings of the second. */
    private static Map<String, List<String>> rows() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs", "refinement-intents.md"))) {
            String[] cells = line.split("\\|");
            // | `intent` | examples | … : the cells after the leading empty one
            if (cells.length < 3 || !cells[1].strip().matches("`[a-z_]+`")) {
                continue;
            }
            List<String> examples = new ArrayList<>();
            Matcher code = CODE.matcher(cells[2]);
            while (code.find()) {
                examples.add(code.group(1));
            }
            rows.put(cells[1].strip().replace("`", ""), examples);
        }
        return rows;
    }
}
