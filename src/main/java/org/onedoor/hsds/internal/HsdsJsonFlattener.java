package org.onedoor.hsds.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onedoor.hsds.internal.HsdsSchemas.Nested;
import org.onedoor.hsds.internal.HsdsSchemas.ObjectType;

import tools.jackson.databind.JsonNode;

/**
 * Flattens nested HSDS JSON (the API's objects and pages) into tables, as the tabular data package lays them out:
 * a nested list gets its parent's id ({@code phones} of a service get {@code service_id}), and a nested object
 * gives its id to the parent ({@code organization} of a service sets {@code organization_id}).
 */
public final class HsdsJsonFlattener {

    private final HsdsSchemas schemas = HsdsSchemas.get();
    private final HsdsTables tables;

    public HsdsJsonFlattener(HsdsTables tables) {
        this.tables = tables;
    }

    /** Adds one object of a known type, with everything nested in it. */
    public void add(String file, String path, String type, JsonNode object) {
        flatten(file, path, type, object, null, null);
    }

    private String flatten(String file, String path, String typeName, JsonNode object, String parentType, String parentId) {
        ObjectType type = schemas.type(typeName);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            if (!type.nested().containsKey(property.getKey())) {
                values.put(property.getKey(), text(property.getValue()));
            }
        }
        linkToParent(typeName, values, parentType, parentId);
        String id = values.getOrDefault("id", "");

        for (Map.Entry<String, Nested> nested : type.nested().entrySet()) {
            JsonNode value = object.path(nested.getKey());
            String childPath = path + "." + nested.getKey();
            if (nested.getValue().list() && value.isArray()) {
                for (int index = 0; index < value.size(); index++) {
                    flatten(file, childPath + "[" + index + "]", nested.getValue().type(), value.get(index), typeName, id);
                }
            } else if (!nested.getValue().list() && value.isObject()) {
                String childId = flatten(file, childPath, nested.getValue().type(), value, null, null);
                String reference = nested.getKey().equals("taxonomy_detail") ? "taxonomy_id" : nested.getKey() + "_id";
                if (type.columns().contains(reference) && values.getOrDefault(reference, "").isBlank()) {
                    values.put(reference, childId);
                }
            }
        }
        return tables.add(tableName(type), file, path, values).get("id");
    }

    private static void linkToParent(String type, Map<String, String> values, String parentType, String parentId) {
        if (parentType == null || parentId == null || parentId.isBlank()) {
            return;
        }
        switch (type) {
            case "attribute" -> {
                values.putIfAbsent("link_id", parentId);
                values.putIfAbsent("link_entity", parentType);
            }
            case "metadata" -> {
                values.putIfAbsent("resource_id", parentId);
                values.putIfAbsent("resource_type", parentType);
            }
            default -> {
                String column = parentType + "_id";
                if (HsdsSchemas.get().type(type).columns().contains(column)
                        && values.getOrDefault(column, "").isBlank()) {
                    values.put(column, parentId);
                }
            }
        }
    }

    static String tableName(ObjectType type) {
        return type.file().replaceFirst("(?i)\\.csv$", "");
    }

    // Numbers and booleans keep their JSON spelling; a list of plain values becomes a comma-separated list.
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asString();
        }
        if (value.isArray() && value.valueStream().allMatch(JsonNode::isValueNode)) {
            return value.valueStream().map(JsonNode::asString).collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    /** Guesses the object type of a top-level JSON document from its file name, then from its properties. */
    public static String guessType(String file, JsonNode object) {
        String name = file.toLowerCase();
        for (String type : List.of("service_at_location", "organization", "taxonomy_term", "taxonomy", "location", "service")) {
            if (name.startsWith(type)) {
                return type;
            }
        }
        if (object.has("location") || object.has("service") || (object.has("service_id") && object.has("location_id"))) {
            return "service_at_location";
        }
        if (object.has("location_type") || object.has("addresses")) {
            return "location";
        }
        if (object.has("status") || object.has("service_at_locations") || object.has("eligibility_description")) {
            return "service";
        }
        if (object.has("locations") || object.has("programs") || object.has("organization_identifiers")) {
            return "organization";
        }
        return null;
    }
}
