package dev.modelfn.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.model.ClassPrediction;
import dev.modelfn.model.NamedValues;
import dev.modelfn.model.RegressionPrediction;

class PredictResponseWriterTest {

    private final ObjectMapper json = new ObjectMapper();

    PredictResponseWriterTest() {
        new FastJsonNumbers().customize(json);
    }

    @Test
    void writesTheFieldsOfTheRecordsInTheirOrder() throws Exception {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("target", 204.5);
        values.put("second", -1.0E-5);
        PredictResponse response = new PredictResponse("m", "v1", List.of(
                new ClassPrediction("b", new NamedValues(List.of("a", "b"), new double[] { 0.25, 0.75 })),
                new RegressionPrediction(204.5, values)));
        assertThat(json.writeValueAsString(response)).isEqualTo("{\"model\":\"m\",\"version\":\"v1\",\"predictions\":["
                + "{\"label\":\"b\",\"scores\":{\"a\":0.25,\"b\":0.75}},"
                + "{\"value\":204.5,\"values\":{\"target\":204.5,\"second\":-1.0E-5}}]}");
    }

    @Test
    void everyDoubleComesBackExactlyAsWritten() throws Exception {
        Random random = new Random(5);
        double[] numbers = new double[20_000];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i % 2 == 0 ? random.nextDouble() : Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(numbers[i])) {
                numbers[i] = i;
            }
        }
        double[] read = json.readValue(json.writeValueAsString(numbers), double[].class);
        assertThat(read).containsExactly(numbers);
    }
}
