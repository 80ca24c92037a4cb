package dev.modelfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.support.CsvRows;

/**
 * Rows turned into examples without ArrayExample's sort must predict exactly what Tribuo predicts for
 * the same values given its own way, in any feature order, one by one or as a batch.
 */
class SortedExampleTest {

    @Test
    void classifierAnswersExactlyAsTribuoDoesForItsOwnExamples() throws Exception {
        assertSameAsTribuo("iris", "iris.csv", "species", LabelFactory.UNKNOWN_LABEL, (expected, actual, row) -> {
            ClassPrediction prediction = (ClassPrediction) actual;
            assertEquals(expected.getOutput().getLabel(), prediction.label(), row);
            for (Map.Entry<String, Label> score : expected.getOutputScores().entrySet()) {
                assertEquals(score.getValue().getScore(), prediction.scores().get(score.getKey()), 0.0, row);
            }
        });
    }

    @Test
    void regressorAnswersExactlyAsTribuoDoesForItsOwnExamples() throws Exception {
        assertSameAsTribuo("diabetes", "diabetes.csv", "target", RegressionFactory.UNKNOWN_REGRESSOR,
                (expected, actual, row) -> {
                    double value = expected.getOutput().getValues()[0];
                    assertEquals(value, ((RegressionPrediction) actual).value(), 0.0, row);
                    assertEquals(Map.of("target", value), ((RegressionPrediction) actual).values(), row);
                });
    }

    @Test
    void rowsLackingFeaturesAnswerAsTribuoDoesForTheFeaturesGiven() throws Exception {
        ServableModel model = load("iris");
        @SuppressWarnings("unchecked")
        Model<Label> tribuo = (Model<Label>) model.tribuoModel();
        Map<String, Object> partial = Map.of("petal_width_cm", 1.8, "sepal_length_cm", 6.1);
        Prediction<Label> expected = tribuo.predict(arrayExample(partial, LabelFactory.UNKNOWN_LABEL));
        ClassPrediction actual = (ClassPrediction) model.predict(featureRows(List.of(partial), false),
                new FeaturePolicy(false, true)).get(0);
        assertEquals(expected.getOutput().getLabel(), actual.label());
        for (Map.Entry<String, Label> score : expected.getOutputScores().entrySet()) {
            assertEquals(score.getValue().getScore(), actual.scores().get(score.getKey()), 0.0);
        }
    }

    interface Check<T extends Output<T>> {
        void same(Prediction<T> expected, PredictionResult actual, String row);
    }

    /** Every row of the dataset, alone in its column order and in a shuffled batch, against Tribuo's own example. */
    private static <T extends Output<T>> void assertSameAsTribuo(String name, String csv, String target, T unknown,
            Check<T> check) throws Exception {
        ServableModel model = load(name);
        @SuppressWarnings("unchecked")
        Model<T> tribuo = (Model<T>) model.tribuoModel();
        List<Map<String, Object>> rows = CsvRows.load(csv, target).rows();
        List<PredictionResult> batch = model.predict(featureRows(rows, true), FeaturePolicy.STRICT);
        for (int i = 0; i < rows.size(); i++) {
            Prediction<T> expected = tribuo.predict(arrayExample(rows.get(i), unknown));
            check.same(expected, model.predict(featureRows(List.of(rows.get(i)), false), FeaturePolicy.STRICT).get(0),
                    "row " + i);
            check.same(expected, batch.get(i), "row " + i + " in the batch");
        }
    }

    private static ServableModel load(String name) throws Exception {
        Path folder = Path.of("models", name);
        Path version = folder.resolve("versions").resolve(Files.readString(folder.resolve("current")).trim());
        ModelMetadata metadata = new ObjectMapper().readValue(version.resolve("metadata.json").toFile(), ModelMetadata.class);
        return ModelLoader.load(metadata, Files.readAllBytes(version.resolve("model.tribuo")));
    }

    /** Each row's features in a shuffled order when asked, as a caller may send them. */
    private static List<FeatureRow> featureRows(List<Map<String, Object>> rows, boolean shuffle) {
        Random random = new Random(3);
        List<FeatureRow> featureRows = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<String> names = new ArrayList<>(row.keySet());
            if (shuffle) {
                Collections.shuffle(names, random);
            }
            FeatureRow featureRow = new FeatureRow();
            for (String name : names) {
                featureRow.add(name, ((Number) row.get(name)).doubleValue());
            }
            featureRows.add(featureRow);
        }
        return featureRows;
    }

    private static <T extends Output<T>> ArrayExample<T> arrayExample(Map<String, Object> row, T output) {
        String[] names = row.keySet().toArray(String[]::new);
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = ((Number) row.get(names[i])).doubleValue();
        }
        return new ArrayExample<>(output, names, values);
    }
}
