package com.yarda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The properties and environment variables that the deployment guide and the README's configuration table name are
 * ones the service reads: each is in the configuration metadata of this build (generated from the
 * {@code @ConfigurationProperties} records) or of the Spring Boot modules on the classpath. A renamed property
 * fails here instead of in an operator's deployment.
 */
class DocumentedPropertiesTest {

    private static final Pattern PROPERTY = Pattern.compile(
            "(?<![\\w.@/-])((?:yarda|spring|server|management)\\.[a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)*)");
    private static final Pattern ENVIRONMENT_VARIABLE =
            Pattern.compile("(?<![\\w$])((?:YARDA|SPRING|SERVER|MANAGEMENT)_[A-Z0-9_]*[A-Z0-9])(?![\\w])");

    private static final Set<String> properties = new HashSet<>();
    private static final Set<String> groups = new HashSet<>();
    private static final Set<String> environmentVariables = new HashSet<>();

    @BeforeAll
    static void readTheMetadata() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<URL> files = Collections.list(DocumentedPropertiesTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"));
        assertThat(files).as("configuration metadata on the classpath").hasSizeGreaterThan(1);
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                JsonNode metadata = json.readTree(in);
                metadata.path("properties")
                        .forEach(property -> properties.add(property.get("name").asText()));
                metadata.path("groups")
                        .forEach(group -> groups.add(group.get("name").asText()));
            }
        }
        assertThat(properties).contains("yarda.public-url", "spring.datasource.url");
        for (String property : properties) {
            // relaxed binding: dots become underscores; dashes are dropped, or (the legacy form) become underscores
            String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
            environmentVariables.add(upper.replace("-", ""));
            environmentVariables.add(upper.replace('-', '_'));
        }
    }

    @Test
    void theDeploymentGuideNamesOnlyPropertiesTheServiceReads() throws IOException {
        String guide = Files.readString(Path.of("docs/deploy.md"));

        List<String> named = matches(PROPERTY, guide);
        assertThat(named).as("properties named in docs/deploy.md").hasSizeGreaterThan(5);
        assertThat(unknownProperties(named))
                .as("properties in docs/deploy.md that nothing reads")
                .isEmpty();
        List<String> variables = matches(ENVIRONMENT_VARIABLE, guide);
        assertThat(variables)
                .as("environment variables named in docs/deploy.md")
                .hasSizeGreaterThan(10);
        assertThat(unknownVariables(variables))
                .as("environment variables in docs/deploy.md that nothing reads")
                .isEmpty();
    }

    @Test
    void theReadmesConfigurationTableNamesOnlyPropertiesTheServiceReads() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("README.md")).stream()
                .filter(line ->
                        line.startsWith("| `yarda.") || line.startsWith("| `spring.") || line.startsWith("| `server."))
                .toList();
        assertThat(rows).as("rows of the configuration table").hasSizeGreaterThan(40);
        List<String> named = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split("\\|");
            named.addAll(matches(PROPERTY, cells[1]));
            variables.addAll(matches(ENVIRONMENT_VARIABLE, cells[2]));
        }
        assertThat(unknownProperties(named))
                .as("properties in README's table that nothing reads")
                .isEmpty();
        assertThat(unknownVariables(variables))
                .as("environment variables in README's table that nothing reads")
                .isEmpty();
    }

    private static Set<String> unknownProperties(List<String> named) {
        Set<String> unknown = new TreeSet<>();
        for (String name : named) {
            // a group (yarda.storage.s3) or a map or list property's entry (yarda.billing.packs[0].credits)
            boolean known = properties.contains(name)
                    || groups.contains(name)
                    || properties.stream().anyMatch(property -> name.startsWith(property + "."));
            if (!known) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static Set<String> unknownVariables(List<String> named) {
        Set<String> unknown = new TreeSet<>();
        for (String name : named) {
            // YARDA_BILLING_PACKS_0_ID: an entry of a list or map property
            boolean known = environmentVariables.contains(name)
                    || environmentVariables.stream().anyMatch(variable -> name.startsWith(variable + "_"));
            if (!known) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
