package dev.modelfn.v2;

import java.util.Map;

/**
 * One output tensor of an inference answer, flat in row-major order: {@code texts} for a BYTES tensor,
 * {@code numbers} for an FP64 one (the other is null).
 */
public record OutputTensor(String name, String datatype, long[] shape, Map<String, String> parameters,
        String[] texts, double[] numbers) {
}
