package dev.modelfn.nativeimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A set of reflection registrations, read from and written as GraalVM's
 * {@code reachability-metadata.json} ({@code reflection} section).
 */
final class ReflectionNeeds {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, ReflectionEntry> entries = new TreeMap<>();

    ReflectionEntry type(String type) {
        return entries.computeIfAbsent(type, ReflectionEntry::new);
    }

    void addAll(ReflectionNeeds other) {
        other.entries.values().forEach(entry -> type(entry.type).merge(entry));
    }

    Map<String, ReflectionEntry> entries() {
        return entries;
    }

    /** Every registration in {@code needed} that this set lacks, one line each. */
    List<String> lacking(ReflectionNeeds needed) {
        List<String> lacking = new ArrayList<>();
        for (ReflectionEntry need : needed.entries.values()) {
            ReflectionEntry granted = entries.get(need.type);
            if (granted == null) {
                lacking.add(need.type + " (not registered)");
            } else {
                lacking.addAll(granted.lacking(need));
            }
        }
        return lacking;
    }

    static ReflectionNeeds read(Path file) throws IOException {
        ReflectionNeeds needs = new ReflectionNeeds();
        for (JsonNode node : JSON.readTree(file.toFile()).path("reflection")) {
            ReflectionEntry entry = needs.type(node.get("type").asText());
            entry.allPublicMethods = node.path("allPublicMethods").asBoolean(false);
            entry.allDeclaredFields = node.path("allDeclaredFields").asBoolean(false);
            for (JsonNode method : node.path("methods")) {
                List<String> parameters = new ArrayList<>();
                method.path("parameterTypes").forEach(p -> parameters.add(p.asText()));
                entry.methods.add(ReflectionEntry.signature(method.get("name").asText(), parameters.toArray(String[]::new)));
            }
        }
        return needs;
    }

    void write(Path file, List<String> comment) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode lines = root.putArray("comment");
        comment.forEach(lines::add);
        ArrayNode reflection = root.putArray("reflection");
        for (ReflectionEntry entry : entries.values()) {
            ObjectNode node = reflection.addObject().put("type", entry.type);
            if (!entry.methods.isEmpty()) {
                ArrayNode methods = node.putArray("methods");
                for (String signature : entry.methods) {
                    String name = signature.substring(0, signature.indexOf('('));
                    String parameters = signature.substring(name.length() + 1, signature.length() - 1);
                    ArrayNode types = methods.addObject().put("name", name).putArray("parameterTypes");
                    if (!parameters.isEmpty()) {
                        Arrays.stream(parameters.split(",")).forEach(types::add);
                    }
                }
            }
            if (entry.allPublicMethods) {
                node.put("allPublicMethods", true);
            }
            if (entry.allDeclaredFields) {
                node.put("allDeclaredFields", true);
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }
}
