package dev.modelfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A model file saved by an earlier build, with the predictions it gave when it was saved. A change
 * that breaks loading of existing models, or changes their answers, fails here.
 */
class ModelFixtureTest {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/iris");

    @Test
    void checkedInModelPredictsExactlyAsWhenSaved() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ModelMetadata metadata = json.readValue(FIXTURE.resolve("metadata.json").toFile(), ModelMetadata.class);
        ServableModel model = ModelLoader.load(metadata, Files.readAllBytes(FIXTURE.resolve("model.tribuo")));

        List<FeatureRow> rows = new ArrayList<>();
        for (JsonNode row : json.readTree(FIXTURE.resolve("request.json").toFile()).get("rows")) {
            FeatureRow featureRow = new FeatureRow();
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                featureRow.add(field.getKey(), field.getValue().doubleValue());
            }
            rows.add(featureRow);
        }
        JsonNode expected = json.readTree(FIXTURE.resolve("expected.json").toFile()).get("predictions");

        List<PredictionResult> predictions = model.predict(rows, FeaturePolicy.STRICT);
        assertEquals(expected.size(), predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            ClassPrediction prediction = (ClassPrediction) predictions.get(i);
            assertEquals(expected.get(i).get("label").asText(), prediction.label(), "row " + i);
            for (Map.Entry<String, Double> score : prediction.scores().entrySet()) {
                assertEquals(expected.get(i).get("scores").get(score.getKey()).asDouble(), score.getValue(), 1e-12,
                        "row " + i + " " + score.getKey());
            }
        }
    }
}
