package dev.modelfn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bundled dataset as request rows (feature name to number) plus its target column. */
public record CsvRows(List<Map<String, Object>> rows, List<String> targets) {

    public static CsvRows load(String file, String target) {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/test/resources/data", file));
            String[] header = lines.get(0).split(",");
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",");
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    if (header[i].equals(target)) {
                        targets.add(fields[i]);
                    } else {
                        row.put(header[i], Double.parseDouble(fields[i]));
                    }
                }
                rows.add(row);
            }
            return new CsvRows(rows, targets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} feature rows, the file's rows over and over. */
    public List<Map<String, Object>> cycled(int count) {
        List<Map<String, Object>> cycled = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cycled.add(rows.get(i % rows.size()));
        }
        return cycled;
    }

    public List<Double> numericTargets() {
        return targets.stream().map(Double::parseDouble).toList();
    }
}
