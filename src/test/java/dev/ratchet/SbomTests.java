package dev.ratchet;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every build writes a CycloneDX bill of materials of what the application ships, inside the jar. */
class SbomTests {

    @Test
    void theBuildListsTheRuntimeDependenciesInACycloneDxBom() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/sbom/application.cdx.json")) {
            assertThat(in).as("target/classes/META-INF/sbom/application.cdx.json, written by ./mvnw verify").isNotNull();
            JsonNode bom = JsonMapper.builder().build().readTree(in);
            assertThat(bom.get("bomFormat").asString()).isEqualTo("CycloneDX");
            List<String> components = new ArrayList<>();
            bom.get("components").forEach(c -> components.add(c.get("group").asString() + ":" + c.get("name").asString()));
            assertThat(components).contains("org.springframework:spring-core", "org.postgresql:postgresql", "com.h2database:h2",
                    "com.google.zxing:core").doesNotContain("com.beust:jcommander", "com.google.zxing:javase");
        }
    }
}
