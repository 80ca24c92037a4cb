package dev.modelfn.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A JSON object as an ordered list of fields holding raw JSON text, so a mutation can put there what no
 * JSON library writes: duplicate keys, numbers past a double, nesting past any limit.
 */
record Template(List<Field> fields) {

    enum Kind { NAME, STRING, NUMBER, BOOLEAN, OBJECT, ARRAY }

    /**
     * @param required whether leaving the field out makes the request invalid
     */
    record Field(String name, Kind kind, String raw, boolean required) {
    }

    static Template of(Field... fields) {
        return new Template(List.of(fields));
    }

    static Field field(String name, Kind kind, String raw, boolean required) {
        return new Field(name, kind, raw, required);
    }

    Template with(int index, String raw) {
        List<Field> changed = new ArrayList<>(fields);
        Field old = changed.get(index);
        changed.set(index, new Field(old.name(), old.kind(), raw, old.required()));
        return new Template(changed);
    }

    Template without(int index) {
        List<Field> changed = new ArrayList<>(fields);
        changed.remove(index);
        return new Template(changed);
    }

    Template plus(int index, String name, String raw) {
        List<Field> changed = new ArrayList<>(fields);
        changed.add(index, new Field(name, Kind.STRING, raw, false));
        return new Template(changed);
    }

    String json() {
        return fields.stream().map(f -> HostileValues.quote(f.name()) + ":" + f.raw())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
