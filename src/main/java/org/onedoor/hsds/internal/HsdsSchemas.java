package org.onedoor.hsds.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HSDS 3.1 objects as the bundled schemas ({@code classpath:hsds/schema}) define them: each object's CSV file,
 * its columns (the properties that hold one value) and its nested objects. Export and import both use it, so the
 * files OneDoor writes are the files it reads.
 */
public final class HsdsSchemas {

    /**
     * One HSDS object type: {@code service}, stored in {@code services.csv}.
     *
     * @param columnTypes the Frictionless table schema type of each column: string, number, integer or boolean
     */
    public record ObjectType(String name, String file, int order, List<String> columns, Map<String, String> columnTypes,
                             Map<String, Nested> nested) {
    }

    /** A property holding another object or a list of them. */
    public record Nested(String type, boolean list) {
    }

    // Nested properties that the published examples use but the schemas do not declare.
    private static final Map<String, Map<String, Nested>> UNDECLARED = Map.of(
            "service_at_location", Map.of("service", new Nested("service", false)),
            "organization", Map.of("services", new Nested("service", true)));

    private static final HsdsSchemas INSTANCE = load();

    private final Map<String, ObjectType> types;

    private HsdsSchemas(Map<String, ObjectType> types) {
        this.types = types;
    }

    public static HsdsSchemas get() {
        return INSTANCE;
    }

    /** Returns the object types in the order of the data package: organizations first. */
    public List<ObjectType> types() {
        List<ObjectType> ordered = new ArrayList<>(types.values());
        ordered.sort(Comparator.comparingInt(ObjectType::order).thenComparing(ObjectType::name));
        return ordered;
    }

    public ObjectType type(String name) {
        ObjectType type = types.get(name);
        if (type == null) {
            throw new IllegalArgumentException("No HSDS object type " + name);
        }
        return type;
    }

    public Optional<ObjectType> typeOfFile(String file) {
        return types.values().stream().filter(type -> type.file().equalsIgnoreCase(file)).findFirst();
    }

    private static HsdsSchemas load() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, ObjectType> types = new LinkedHashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:hsds/schema/*.json");
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    ObjectType type = read(json.readTree(in));
                    types.put(type.name(), type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the bundled HSDS schemas failed", e);
        }
        return new HsdsSchemas(Collections.unmodifiableMap(types));
    }

    private static ObjectType read(JsonNode schema) {
        String name = schema.path("name").asString();
        List<String> columns = new ArrayList<>();
        Map<String, String> columnTypes = new LinkedHashMap<>();
        Map<String, Nested> nested = new LinkedHashMap<>(UNDECLARED.getOrDefault(name, Map.of()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode definition = property.getValue();
            String type = definition.path("type").asString("");
            if (definition.has("$ref")) {
                nested.put(property.getKey(), new Nested(typeName(definition.path("$ref").asString()), false));
            } else if (type.equals("array") && definition.path("items").has("$ref")) {
                nested.put(property.getKey(), new Nested(typeName(definition.path("items").path("$ref").asString()), true));
            } else if (!type.equals("array") && !type.equals("object")) {
                columns.add(property.getKey());
                columnTypes.put(property.getKey(), type.isEmpty() ? "string" : type);
            }
        }
        return new ObjectType(name, schema.path("path").asString(name + ".csv"),
                schema.path("datapackage_metadata").path("order").asInt(99), List.copyOf(columns), Collections.unmodifiableMap(columnTypes), Map.copyOf(nested));
    }

    private static String typeName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1).replace(".json", "");
    }
}
