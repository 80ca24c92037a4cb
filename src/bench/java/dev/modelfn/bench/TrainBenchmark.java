package dev.modelfn.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.model.Task;
import dev.modelfn.store.LocalBlobStore;
import dev.modelfn.store.ModelStore;
import dev.modelfn.train.CsvTableReader;
import dev.modelfn.train.Evaluations;
import dev.modelfn.train.LinearTrainers;
import dev.modelfn.train.ModelPublisher;
import dev.modelfn.train.Split;
import dev.modelfn.train.TabularData;
import dev.modelfn.train.TrainRequest;
import dev.modelfn.train.TrainingSpec;
import dev.modelfn.train.TrainingSpecs;
import dev.modelfn.train.TribuoDatasets;

/**
 * Times the train function's path (CSV → split → Tribuo dataset → fit → held-out evaluation → model
 * store) on a generated dataset with a known Bayes rate, and prints the figures; see README
 * "Performance". Settings are system properties: bench.rows, bench.features, bench.epochs,
 * bench.runs, bench.seed, bench.dir (the CSV is deleted afterwards; the model versions stay in
 * {@code <bench.dir>/store}).
 */
public final class TrainBenchmark {

    private static final double HOLDOUT = 0.2;
    private static final List<String> LABELS = List.of("0", "1");

    /** Held so the level sticks: Tribuo logs every fit at INFO, which would interleave with the figures. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    private TrainBenchmark() {
    }

    private static final List<String> PHASES = List.of("parse", "split", "dataset", "fit", "evaluate", "write");
    private static final int FIT = PHASES.indexOf("fit");

    /** Wall and main-thread CPU milliseconds of each phase of one end-to-end run, and what it achieved. */
    record Run(long[] wall, long[] cpu, double accuracy, double bayes, long peakHeap, int trainRows) {

        static long total(long[] phases) {
            return Arrays.stream(phases).sum();
        }
    }

    public static void main(String[] args) throws IOException {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int features = Integer.getInteger("bench.features", 50);
        int epochs = Integer.getInteger("bench.epochs", 5);
        int runs = Integer.getInteger("bench.runs", 3);
        long seed = Long.getLong("bench.seed", 7L);
        Path dir = Files.createDirectories(Path.of(System.getProperty("bench.dir", "target/bench")));
        Path csv = dir.resolve("logistic-" + rows + "x" + features + ".csv");

        long start = System.nanoTime();
        double[] truth = new SyntheticLogistic(rows, features, seed).write(csv);
        System.out.printf(Locale.ROOT, "generated %s (%,d bytes) in %.1f s; JVM %s, %d cores, max heap %d MB%n", csv,
                Files.size(csv), seconds(System.nanoTime() - start), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        TrainingSpec spec = spec(epochs);
        System.out.println("trainer: " + spec.describe());
        List<Run> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            System.gc();
            Run run = run(csv, truth, spec, dir.resolve("store"));
            results.add(run);
            print("run " + (i + 1), run, epochs);
        }
        Run median = median(results);
        print("median", median, epochs);
        long[] totals = results.stream().mapToLong(r -> Run.total(r.wall())).sorted().toArray();
        System.out.printf(Locale.ROOT, "end-to-end wall clock: median %.2f s, best %.2f s, worst %.2f s over %d runs%n",
                totals[totals.length / 2] / 1000.0, totals[0] / 1000.0, totals[totals.length - 1] / 1000.0, runs);
        System.out.printf(Locale.ROOT, "held-out accuracy %.4f, Bayes rate %.4f, gap %.4f%n", median.accuracy(),
                median.bayes(), median.bayes() - median.accuracy());
        epochCost(csv, spec, median);
        Files.delete(csv);
    }

    private static TrainingSpec spec(int epochs) {
        return TrainingSpecs.from(Task.CLASSIFICATION,
                new TrainRequest.TrainerOptions(null, null, null, epochs, null, null, null, null, null, null), null);
    }

    private static Run run(Path csv, double[] truth, TrainingSpec spec, Path storeRoot) throws IOException {
        ModelPublisher publisher = new ModelPublisher(new ModelStore(new LocalBlobStore(storeRoot), new ObjectMapper()));
        try (HeapPeak heap = new HeapPeak()) {
            Laps laps = new Laps(PHASES.size());
            TabularData data = read(csv);
            laps.lap();
            Split split = Split.of(data, Task.CLASSIFICATION, HOLDOUT, spec.seed());
            laps.lap();
            MutableDataset<Label> train = TribuoDatasets.classification(data, split.train(), csv.toString());
            laps.lap();
            Model<Label> model = LinearTrainers.classifier(spec).train(train);
            laps.lap();
            MutableDataset<Label> test = TribuoDatasets.classification(data, split.test(), csv.toString());
            Map<String, Object> metrics = Evaluations.classification(model, test, LABELS, "holdout");
            laps.lap();
            publisher.publish("bench", model, spec, data.features(), ModelPublisher.Columns.NONE, LABELS, metrics);
            laps.lap();
            return new Run(laps.wall(), laps.cpu(), (double) metrics.get("accuracy"),
                    SyntheticLogistic.bayesRate(truth, split.test()), heap.peakBytes(), split.train().length);
        }
    }

    /** Fits once more with one epoch: the difference to the full fit is what each further epoch costs. */
    private static void epochCost(Path csv, TrainingSpec spec, Run median) throws IOException {
        if (spec.epochs() < 2) {
            return;
        }
        TrainingSpec once = spec(1);
        TabularData data = read(csv);
        Split split = Split.of(data, Task.CLASSIFICATION, HOLDOUT, spec.seed());
        MutableDataset<Label> train = TribuoDatasets.classification(data, split.train(), csv.toString());
        System.gc();
        Laps laps = new Laps(1);
        LinearTrainers.classifier(once).train(train);
        laps.lap();
        double perEpoch = (median.wall()[FIT] - laps.wall()[0]) / 1000.0 / (spec.epochs() - 1);
        double perEpochCpu = (median.cpu()[FIT] - laps.cpu()[0]) / 1000.0 / (spec.epochs() - 1);
        System.out.printf(Locale.ROOT, "fit with 1 epoch %.2f s (cpu %.2f) → each further epoch %.2f s (cpu %.2f, "
                + "%,.0f rows/s), one-off setup in the fit %.2f s (cpu %.2f)%n", laps.wall()[0] / 1000.0,
                laps.cpu()[0] / 1000.0, perEpoch, perEpochCpu, split.train().length / perEpochCpu,
                laps.wall()[0] / 1000.0 - perEpoch, laps.cpu()[0] / 1000.0 - perEpochCpu);
    }

    private static TabularData read(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CsvTableReader.read(reader, SyntheticLogistic.TARGET, null, Integer.MAX_VALUE);
        }
    }

    private static void print(String what, Run run, int epochs) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-7s", what));
        for (int p = 0; p < PHASES.size(); p++) {
            line.append(String.format(Locale.ROOT, " %s %.2f s (cpu %.2f) |", PHASES.get(p), run.wall()[p] / 1000.0,
                    run.cpu()[p] / 1000.0));
        }
        double fit = run.wall()[FIT] / 1000.0;
        System.out.println(line.append(String.format(Locale.ROOT, " end-to-end %.2f s (cpu %.2f) | fit %.2f s/epoch, "
                + "%,.0f rows/s | accuracy %.4f | peak heap %d MB", Run.total(run.wall()) / 1000.0,
                Run.total(run.cpu()) / 1000.0, fit / epochs, run.trainRows() * epochs / fit, run.accuracy(),
                run.peakHeap() >> 20)));
    }

    /** The median of each figure on its own. */
    private static Run median(List<Run> runs) {
        long[] wall = new long[PHASES.size()];
        long[] cpu = new long[PHASES.size()];
        for (int p = 0; p < wall.length; p++) {
            int phase = p;
            wall[p] = median(runs.stream().mapToLong(r -> r.wall()[phase]).toArray());
            cpu[p] = median(runs.stream().mapToLong(r -> r.cpu()[phase]).toArray());
        }
        double[] accuracies = runs.stream().mapToDouble(Run::accuracy).sorted().toArray();
        return new Run(wall, cpu, accuracies[accuracies.length / 2], runs.get(0).bayes(),
                median(runs.stream().mapToLong(Run::peakHeap).toArray()), runs.get(0).trainRows());
    }

    private static long median(long[] values) {
        Arrays.sort(values);
        return values[values.length / 2];
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
