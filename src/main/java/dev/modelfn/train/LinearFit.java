package dev.modelfn.train;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.transform.TransformerMap;

/**
 * One training on a prepared table (missing cells imputed, constant columns found): the training rows become a
 * Tribuo dataset, the model is fitted, then evaluated on the held-out rows (or, with none, on the training rows).
 * A standardised model is standardised in the table itself ({@link Standardisation}), so neither the fit nor
 * the evaluation copies the dataset; the table's numeric cells hold standardised values afterwards, and when the
 * examples hold copies of the training rows (one-hot encoded ones, say), the table lets those rows go (null) once
 * the dataset is built, so the table and the dataset are not both held through the fit. The steps are methods of
 * their own so that the training benchmark can time each; call them in order, once.
 */
public final class LinearFit<T extends Output<T>> {

    /** How a task turns rows into examples of its output. */
    private interface Examples<T extends Output<T>> {
        void add(TabularData data, int[] rows, ExampleColumns columns, MutableDataset<T> dataset);
    }

    private final TabularData data;
    private final int[] trainRows;
    private final int[] testRows;
    private final String source;
    private final ExampleColumns columns;
    private final List<String> standardised;
    private final Standardisation standardisation;
    private final Trainer<T> inner;
    private final Trainer<T> described;
    private final OutputFactory<T> factory;
    private final Class<T> output;
    private final Examples<T> examples;

    private MutableDataset<T> training;
    private TransformerMap map;
    private Model<T> fitted;

    private LinearFit(TabularData data, int[] trainRows, int[] testRows, TrainingSpec spec, String source,
            Set<String> dropped, OutputFactory<T> factory, Class<T> output, Examples<T> examples,
            java.util.function.Function<TrainingSpec, Trainer<T>> unstandardised,
            java.util.function.BiFunction<TrainingSpec, List<String>, Trainer<T>> standardising) {
        this.data = data;
        this.trainRows = trainRows;
        this.testRows = testRows;
        this.source = source;
        this.columns = TribuoDatasets.columns(data, trainRows, dropped);
        this.standardised = columns instanceof IndicatorColumns indicators ? indicators.numericFeatures() : null;
        this.standardisation = spec.standardize() ? Standardisation.fit(data, trainRows, standardised, dropped)
                : Standardisation.NONE;
        this.inner = unstandardised.apply(spec);
        this.described = standardising.apply(spec, standardised);
        this.factory = factory;
        this.output = output;
        this.examples = examples;
    }

    /**
     * @param dropped columns left out of the model (constant ones)
     */
    public static LinearFit<Label> classification(TabularData data, int[] trainRows, int[] testRows, TrainingSpec spec,
            String source, Set<String> dropped) {
        return new LinearFit<>(data, trainRows, testRows, spec, source, dropped, new LabelFactory(), Label.class,
                TribuoDatasets::classification, LinearTrainers::unstandardisedClassifier, LinearTrainers::classifier);
    }

    /** As {@link #classification}, for a numeric target. */
    public static LinearFit<Regressor> regression(TabularData data, int[] trainRows, int[] testRows, TrainingSpec spec,
            String source, Set<String> dropped) {
        TribuoDatasets.requireNumericTarget(data);
        return new LinearFit<>(data, trainRows, testRows, spec, source, dropped, new RegressionFactory(),
                Regressor.class, TribuoDatasets::regression, LinearTrainers::unstandardisedRegressor,
                LinearTrainers::regressor);
    }

    /** Each categorical column with the categories the training rows had, sorted; empty without any. */
    public Map<String, List<String>> categories() {
        return columns instanceof IndicatorColumns indicators ? indicators.categories() : Map.of();
    }

    /** Standardises the table (for a standardised model) and builds the training dataset. */
    public MutableDataset<T> trainingData() {
        if (standardisation.isNone()) {
            training = new MutableDataset<>(provenance(), factory);
            examples.add(data, trainRows, columns, training);
        } else {
            standardisation.apply(data);
            StandardisedDataset<T> standardisedRows = new StandardisedDataset<>(provenance(), factory);
            examples.add(data, trainRows, columns, standardisedRows);
            map = standardisation.record(standardisedRows);
            training = standardisedRows;
        }
        if (!columns.sharesRows()) {
            for (int r : trainRows) {
                data.rows()[r] = null;
            }
        }
        return training;
    }

    /** Fits the model the version saves: for a standardised one, a TransformedModel that standardises raw rows. */
    public Model<T> fit() {
        // the trainer's provenance as TransformTrainer records it: before the inner trainer runs
        var trainer = described.getProvenance();
        fitted = inner.train(training);
        return Standardisation.model(fitted, training, map, trainer, output);
    }

    /**
     * The model as evaluation runs it, on rows the table holds already standardised, and the rows: the held-out
     * ones, or the training ones when none were held out ({@link #heldOut()}).
     */
    public Model<T> evaluatedModel() {
        return fitted;
    }

    public boolean heldOut() {
        return testRows.length > 0;
    }

    /** The evaluation rows as a dataset; the training dataset is let go first when they are the held-out rows. */
    public MutableDataset<T> evaluationData() {
        if (!heldOut()) {
            return training;
        }
        training = null;
        MutableDataset<T> evaluated = new MutableDataset<>(provenance(), factory);
        examples.add(data, testRows, columns, evaluated);
        return evaluated;
    }

    private SimpleDataSourceProvenance provenance() {
        return new SimpleDataSourceProvenance(source, factory);
    }
}
