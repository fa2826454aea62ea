package org.onedoor.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Validates JSON against the HSDS 3.1 schemas bundled in {@code classpath:hsds/schema} (copied unchanged from the
 * Open Referral specification), with format checks on: uuid, date-time, email and uri values must be well formed.
 */
final class HsdsSchemaValidator {

    // The schemas declare no dialect; their keywords are those of JSON Schema 2020-12.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private HsdsSchemaValidator() {
    }

    static List<Error> errors(String type, JsonNode document) {
        Schema schema = SCHEMAS.computeIfAbsent(type,
                name -> REGISTRY.getSchema(SchemaLocation.of("classpath:hsds/schema/" + name + ".json")));
        return schema.validate(document);
    }

    static void assertValid(String type, JsonNode document) {
        assertThat(errors(type, document)).as("%s errors in %s", type, document).isEmpty();
    }

    /** Checks the page fields of the HSDS OpenAPI description and validates every item of {@code contents}. */
    static void assertValidPage(String itemType, JsonNode page) {
        for (String field : List.of("total_items", "total_pages", "page_number", "size")) {
            assertThat(page.path(field).isIntegralNumber()).as("%s is a whole number in %s", field, page).isTrue();
        }
        for (String field : List.of("first_page", "last_page", "empty")) {
            assertThat(page.path(field).isBoolean()).as("%s is a boolean in %s", field, page).isTrue();
        }
        assertThat(page.path("contents").isArray()).as("contents is an array").isTrue();
        for (JsonNode item : page.path("contents")) {
            assertValid(itemType, item);
        }
    }
}
