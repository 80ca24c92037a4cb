package dev.modelfn.v2.rest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.v2.Datatype;
import dev.modelfn.v2.InputTensor;

/**
 * Reads the input tensors of a REST inference request: {@code data} flat or nested, numbers, or strings for a
 * BYTES tensor (a categorical feature's values).
 */
final class JsonTensors {

    private JsonTensors() {
    }

    static List<InputTensor> decode(List<InferRequest.Input> inputs) {
        if (inputs == null) {
            return List.of();
        }
        List<InputTensor> tensors = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            tensors.add(decode(i, inputs.get(i)));
        }
        return tensors;
    }

    private static InputTensor decode(int index, InferRequest.Input input) {
        if (input == null || input.name() == null) {
            throw new InvalidInputException("v2-missing-name", "Input " + index + " has no name.");
        }
        String name = input.name();
        Datatype type = Datatype.of(name, input.datatype());
        int expected = InputTensor.elements(name, input.shape());
        if (input.data() == null || !input.data().isArray()) {
            throw new InvalidInputException("v2-missing-data", "Input '" + name + "' needs 'data', an array of numbers.");
        }
        Elements elements = new Elements(name, type, expected);
        elements.add(input.data());
        InputTensor.requireLength(name, input.shape(), elements.count);
        return type == Datatype.BYTES ? InputTensor.ofTexts(name, input.shape(), elements.texts)
                : new InputTensor(name, type, input.shape(), elements.values);
    }

    /** The elements read so far; never more than the shape holds, whatever the data says. */
    private static final class Elements {
        final String name;
        final Datatype type;
        final double[] values;
        final String[] texts;
        final int expected;
        int count;

        Elements(String name, Datatype type, int expected) {
            this.name = name;
            this.type = type;
            this.expected = expected;
            this.values = type == Datatype.BYTES ? null : new double[expected];
            this.texts = type == Datatype.BYTES ? new String[expected] : null;
        }

        void add(JsonNode node) {
            if (node.isArray()) {
                for (JsonNode element : node) {
                    add(element);
                }
                return;
            }
            if (type == Datatype.BYTES) {
                if (!node.isTextual() && !node.isNull()) {
                    throw new InvalidInputException("v2-invalid-value", "Input '" + name + "', element " + count
                            + ": a BYTES element is a string (or null for a missing value), not "
                            + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".");
                }
                if (count < expected) {
                    texts[count] = node.isNull() ? null : node.textValue();
                }
                count++;
                return;
            }
            if (!node.isNumber()) {
                throw new InvalidInputException("v2-invalid-value", "Input '" + name + "', element " + count
                        + ": " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " is not a number.");
            }
            if (count < expected) {
                values[count] = type.check(name, count, node.doubleValue());
            }
            count++;
        }
    }
}
