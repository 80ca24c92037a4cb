package dev.modelfn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;
import org.tribuo.transform.TransformedModel;

import dev.modelfn.model.Task;

/**
 * Standardising the table while the dataset is built ({@link LinearFit}) gives the model Tribuo's
 * TransformTrainer gives on the same rows: the same transformers, the same predictions on raw rows, the same
 * evaluation, the same provenance but for the dataset's class, and a TransformedModel that survives its saved form.
 */
class StandardisationTest {

    private static final Path DATA = Path.of("src/test/resources/data");
    private static final double TOLERANCE = 1e-12;

    @Test
    void aNumericClassifierIsTheOneTransformTrainerFits() throws IOException {
        compareClassifiers("breast_cancer.csv", "diagnosis", null, 3);
    }

    @Test
    void aClassifierWithCategoricalAndMissingCellsIsTheOneTransformTrainerFits() throws IOException {
        // region and plan are categorical, monthly_charges and tenure_months have empty cells
        compareClassifiers("crm_export.csv", "churned",
                List.of("region", "plan", "monthly_charges", "tenure_months", "support_calls"), 5);
    }

    @Test
    void aRegressorIsTheOneTransformTrainerFits() throws IOException {
        TrainingSpec spec = TrainingSpecs.from(Task.REGRESSION, options(7, 9), null);
        Prepared old = prepare("diabetes.csv", "target", null, spec);
        Model<Regressor> expected = LinearTrainers.regressor(spec, old.standardised())
                .train(TribuoDatasets.regression(old.data(), old.split().train(), "diabetes", old.columns()));

        Prepared fresh = prepare("diabetes.csv", "target", null, spec);
        LinearFit<Regressor> fit = LinearFit.regression(fresh.data(), fresh.split().train(), fresh.split().test(), spec,
                "diabetes", fresh.dropped());
        fit.trainingData();
        Model<Regressor> actual = fit.fit();

        Prepared raw = prepare("diabetes.csv", "target", null, spec);
        MutableDataset<Regressor> rows = TribuoDatasets.regression(raw.data(), TribuoDatasets.all(raw.data()), "raw",
                raw.columns());
        assertSamePredictions(expected, actual, rows);
        assertSamePredictions(expected, reloaded(actual, Regressor.class), rows);
        assertThat(Evaluations.regression(fit.evaluatedModel(), fit.evaluationData(), "holdout"))
                .isEqualTo(Evaluations.regression(expected, TribuoDatasets.regression(old.data(), old.split().test(),
                        "diabetes", old.columns()), "holdout"));
        assertSameProvenance(expected, actual);
    }

    private void compareClassifiers(String file, String target, List<String> features, int epochs) throws IOException {
        TrainingSpec spec = TrainingSpecs.from(Task.CLASSIFICATION, options(epochs, 13), null);
        Prepared old = prepare(file, target, features, spec);
        Model<Label> expected = LinearTrainers.classifier(spec, old.standardised())
                .train(TribuoDatasets.classification(old.data(), old.split().train(), file, old.columns()));

        Prepared fresh = prepare(file, target, features, spec);
        LinearFit<Label> fit = LinearFit.classification(fresh.data(), fresh.split().train(), fresh.split().test(), spec,
                file, fresh.dropped());
        fit.trainingData();
        Model<Label> actual = fit.fit();
        assertThat(actual).isInstanceOf(TransformedModel.class);
        assertThat(((TransformedModel<Label>) actual).getTransformerMap().entrySet())
                .isEqualTo(((TransformedModel<Label>) expected).getTransformerMap().entrySet());

        Prepared raw = prepare(file, target, features, spec);
        MutableDataset<Label> rows = TribuoDatasets.classification(raw.data(), TribuoDatasets.all(raw.data()), "raw",
                raw.columns());
        assertSamePredictions(expected, actual, rows);
        assertSamePredictions(expected, reloaded(actual, Label.class), rows);

        List<String> labels = List.copyOf(new java.util.TreeSet<>(List.of(old.data().targets())));
        Map<String, Object> oldMetrics = Evaluations.classification(expected, TribuoDatasets.classification(old.data(),
                old.split().test(), file, old.columns()), labels, "holdout");
        assertThat(Evaluations.classification(fit.evaluatedModel(), fit.evaluationData(), labels, "holdout"))
                .isEqualTo(oldMetrics);
        assertSameProvenance(expected, actual);
    }

    /** A table read, split, imputed and its constant columns found, as the train function prepares it. */
    private record Prepared(TabularData data, Split split, Set<String> dropped, ExampleColumns columns,
            List<String> standardised) {
    }

    private static Prepared prepare(String file, String target, List<String> features, TrainingSpec spec)
            throws IOException {
        TabularData data;
        try (Reader reader = Files.newBufferedReader(DATA.resolve(file), StandardCharsets.UTF_8)) {
            data = CsvTableReader.read(reader, null, target, features, ColumnKinds.DETECTED, Integer.MAX_VALUE, 1000);
        }
        Split split = Split.of(data, spec.task(), 0.25, spec.seed());
        Imputation.fill(data, split.train());
        Set<String> dropped = Set.copyOf(ConstantColumns.of(data, split.train()));
        ExampleColumns columns = TribuoDatasets.columns(data, split.train(), dropped);
        List<String> standardised = columns instanceof IndicatorColumns indicators ? indicators.numericFeatures() : null;
        return new Prepared(data, split, dropped, columns, standardised);
    }

    private static TrainRequest.TrainerOptions options(int epochs, long seed) {
        return new TrainRequest.TrainerOptions(null, null, null, epochs, null, seed, null, null, null, null);
    }

    private static <T extends Output<T>> void assertSamePredictions(Model<T> expected, Model<T> actual,
            MutableDataset<T> rows) {
        int row = 0;
        for (Example<T> example : rows) {
            Prediction<T> want = expected.predict(example);
            Prediction<T> got = actual.predict(example);
            assertThat(got.getOutput().toString()).as("row %d", row).isEqualTo(want.getOutput().toString());
            assertThat(got.getOutputScores().keySet()).isEqualTo(want.getOutputScores().keySet());
            for (Map.Entry<String, T> score : want.getOutputScores().entrySet()) {
                assertThat(scoreOf(got.getOutputScores().get(score.getKey()))).as("row %d, %s", row, score.getKey())
                        .isCloseTo(scoreOf(score.getValue()), org.assertj.core.api.Assertions.within(TOLERANCE));
            }
            row++;
        }
        assertThat(row).isGreaterThan(100);
    }

    private static double scoreOf(Output<?> output) {
        return output instanceof Label label ? label.getScore() : ((Regressor) output).getValues()[0];
    }

    private static <T extends Output<T>> Model<T> reloaded(Model<T> model, Class<T> output) throws IOException {
        return Model.deserialize(ModelProto.parseFrom(model.serialize().toByteArray())).castModel(output);
    }

    /**
     * Trainer provenance alike, and the dataset's: its figures and its transformation, the one fitted on the
     * training rows. What differs is the chain: TransformTrainer's dataset is a copy whose source is the dataset
     * it copied, whose source is the data; the standardised table's dataset has the data as its source.
     */
    private static void assertSameProvenance(Model<?> expected, Model<?> actual) {
        TreeMap<String, String> want = ProvenanceEntries.of(expected);
        TreeMap<String, String> got = ProvenanceEntries.of(actual);
        assertThat(got.get("dataset/class-name")).isEqualTo(StandardisedDataset.class.getName());
        got.replaceAll((path, value) -> value.equals(StandardisedDataset.class.getName())
                ? MutableDataset.class.getName() : value);
        assertThat(comparable(got)).isEqualTo(comparable(want)).isNotEmpty();
        assertThat(got.get("dataset/datasource/description")).isNotNull()
                .isEqualTo(want.get("dataset/datasource/datasource/description"));
    }

    private static TreeMap<String, String> comparable(TreeMap<String, String> entries) {
        TreeMap<String, String> kept = new TreeMap<>();
        entries.forEach((path, value) -> {
            if (path.startsWith("trainer") || path.startsWith("dataset/transformations")
                    || path.matches("dataset/(class-name|is-dense|is-sequence|num-examples|num-features|num-outputs|tribuo-version)")) {
                kept.put(path, value);
            }
        });
        return kept;
    }
}
