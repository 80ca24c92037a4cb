package dev.modelfn.predict;

import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import dev.modelfn.model.Explain;
import dev.modelfn.model.FeatureRow;
import dev.modelfn.problem.RequestDefect;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A predict call: {@code {"model":"iris","features":{...}}} for one row, or
 * {@code {"model":"iris","rows":[{...},...]}} for a batch; {@code version} optionally pins the
 * loaded version; {@code explain} ({@code true}, or {@code {"top": k}}) asks for each prediction's explanations.
 * Read by {@link PredictRequestReader} straight from the JSON tokens.
 *
 * @param features the single row, or null
 * @param rows     the batch, or null
 * @param explain  what to explain, or null for no explanations
 * @param defect   what was wrong with the body, or null
 */
@RegisterForReflection
@JsonDeserialize(using = PredictRequestReader.class)
public record PredictRequest(String model, String version, FeatureRow features, List<FeatureRow> rows,
        Explain explain, RequestDefect defect) {
}
