package dev.modelfn.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import dev.modelfn.metrics.ModelMetrics;
import dev.modelfn.metrics.PredictMetrics;
import dev.modelfn.model.Explain;
import dev.modelfn.model.FeatureRow;
import dev.modelfn.predict.FastJsonNumbers;
import dev.modelfn.predict.PredictRequest;
import dev.modelfn.predict.PredictResponse;
import dev.modelfn.predict.PredictionService;
import dev.modelfn.registry.ModelRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The in-process predict path for a classifier of 4 or 64 features, one row or a 100-row batch:
 * {@code predict} from request record to response record, {@code predictJson} from request bytes to
 * response text through Jackson set up as Funqy sets it up. Run with {@code bench/jmh.sh}; the gc
 * profiler adds bytes allocated per call ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class PredictPathBenchmark {

    @Param({ "4", "64" })
    int features;

    @Param({ "1", "100" })
    int rows;

    /** Explanations: none, every contribution, or the 3 largest per output. */
    @Param({ "off", "all", "top3" })
    String explain;

    private PredictionService service;
    private PredictRequest request;
    private byte[] body;
    private ObjectReader reader;
    private ObjectWriter writer;

    @Setup
    public void setUp() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ModelRegistry registry = new ModelRegistry(new ModelMetrics(meters));
        registry.serve(SyntheticModels.classifier("bench", features));
        service = new PredictionService(registry, new PredictMetrics(meters), SyntheticModels.config());
        List<FeatureRow> batch = SyntheticModels.requestRows(rows, features, 11);
        Explain asked = switch (explain) {
            case "all" -> Explain.ALL;
            case "top3" -> new Explain(3);
            default -> null;
        };
        request = rows == 1 ? new PredictRequest("bench", null, batch.get(0), null, asked, null)
                : new PredictRequest("bench", null, null, batch, asked, null);
        ObjectMapper json = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true);
        new FastJsonNumbers().customize(json);
        reader = json.readerFor(PredictRequest.class);
        writer = json.writerFor(PredictResponse.class);
        Object explainJson = asked == null ? null : asked == Explain.ALL ? Boolean.TRUE : Map.of("top", asked.top());
        body = json.writeValueAsBytes(new JsonBody("bench", rows == 1 ? rowJson(batch.get(0)) : null,
                rows == 1 ? null : batch.stream().map(PredictPathBenchmark::rowJson).toList(), explainJson));
        check(predictJson());
    }

    @Benchmark
    public PredictResponse predict() {
        return service.predict(request);
    }

    @Benchmark
    public String predictJson() throws IOException {
        return writer.writeValueAsString(service.predict(reader.readValue(body)));
    }

    private void check(String answer) {
        int predictions = answer.split("\"label\"", -1).length - 1;
        if (predictions != rows) {
            throw new IllegalStateException("expected " + rows + " predictions: " + answer);
        }
    }

    private static Map<String, Double> rowJson(FeatureRow row) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            values.put(row.name(i), row.value(i));
        }
        return values;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonBody(String model, Map<String, Double> features, List<Map<String, Double>> rows, Object explain) {
    }
}
