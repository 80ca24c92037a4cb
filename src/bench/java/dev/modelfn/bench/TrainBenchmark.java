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
import java.util.Set;

import org.tribuo.Model;
import org.tribuo.classification.Label;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.model.Task;
import dev.modelfn.store.LocalBlobStore;
import dev.modelfn.store.ModelStore;
import dev.modelfn.train.ConstantColumns;
import dev.modelfn.train.CsvTableReader;
import dev.modelfn.train.Evaluations;
import dev.modelfn.train.Imputation;
import dev.modelfn.train.LinearFit;
import dev.modelfn.train.ModelPublisher;
import dev.modelfn.train.Split;
import dev.modelfn.train.TabularData;
import dev.modelfn.train.TrainRequest;
import dev.modelfn.train.TrainingSpec;
import dev.modelfn.train.TrainingSpecs;

/**
 * Times the train function's path (CSV → split, imputation and constant columns → standardised Tribuo
 * dataset → fit → held-out evaluation → model store) on a generated dataset with a known Bayes rate, and
 * prints the figures; see docs/performance.md. Settings are system properties: bench.rows, bench.features,
 * bench.epochs, bench.runs, bench.seed, bench.dir (the CSV is deleted afterwards; the model versions stay in
 * {@code <bench.dir>/store}), bench.categories (say {@code 5,50,500}: categorical columns with that many
 * categories, in place of as many numeric ones), bench.empty (the share of empty feature cells) and
 * bench.sklearn (a Python script run on the same CSV after each run, as the baseline; empty for none).
 */
public final class TrainBenchmark {

    private static final double HOLDOUT = 0.2;
    private static final List<String> LABELS = List.of("0", "1");

    /** Held so the level sticks: Tribuo logs every fit at INFO, which would interleave with the figures. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    private TrainBenchmark() {
    }

    /** split: the split, imputation and constant columns; dataset: the standardisation and the Tribuo dataset. */
    private static final List<String> PHASES = List.of("parse", "split", "dataset", "fit", "evaluate", "write");
    private static final int FIT = PHASES.indexOf("fit");

    /** Wall and main-thread CPU milliseconds of each phase of one end-to-end run, and what it achieved. */
    record Run(long[] wall, long[] cpu, long processCpu, double accuracy, double bayes, long peakHeap, int trainRows) {

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
        int[] categories = Arrays.stream(System.getProperty("bench.categories", "").split(","))
                .filter(c -> !c.isBlank()).mapToInt(c -> Integer.parseInt(c.trim())).toArray();
        double empty = Double.parseDouble(System.getProperty("bench.empty", "0"));
        String sklearn = System.getProperty("bench.sklearn", "");
        Path dir = Files.createDirectories(Path.of(System.getProperty("bench.dir", "target/bench")));
        Path csv = dir.resolve("logistic-" + rows + "x" + features + (categories.length > 0 ? "-categorical" : "")
                + ".csv");

        System.out.println("load average " + loadAverage());
        long start = System.nanoTime();
        double[] truth = new SyntheticLogistic(rows, features - categories.length, seed, categories, empty).write(csv);
        System.out.printf(Locale.ROOT, "generated %s (%,d bytes) in %.1f s; JVM %s, %d cores, max heap %d MB%n", csv,
                Files.size(csv), seconds(System.nanoTime() - start), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        TrainingSpec spec = spec(epochs);
        System.out.println("trainer: " + spec.describe() + (categories.length > 0 ? "; categorical columns with "
                + Arrays.toString(categories) + " categories" : "") + (empty > 0 ? "; empty cells " + empty : ""));
        SklearnBaseline baseline = sklearn.isBlank() ? null : new SklearnBaseline(Path.of(sklearn));
        List<Run> results = new ArrayList<>();
        List<SklearnBaseline.Figures> baselines = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            System.gc();
            Run run = run(csv, truth, spec, dir.resolve("store"));
            results.add(run);
            print("run " + (i + 1), run, epochs);
            if (baseline != null) {
                // the baseline right after each run, so both see the same machine
                SklearnBaseline.Figures figures = baseline.run(csv, SyntheticLogistic.TARGET, epochs, seed);
                baselines.add(figures);
                System.out.println("        " + figures.line());
            }
        }
        Run median = median(results);
        print("median", median, epochs);
        long[] totals = results.stream().mapToLong(r -> Run.total(r.wall())).sorted().toArray();
        System.out.printf(Locale.ROOT, "end-to-end wall clock: median %.2f s, best %.2f s, worst %.2f s over %d runs%n",
                totals[totals.length / 2] / 1000.0, totals[0] / 1000.0, totals[totals.length - 1] / 1000.0, runs);
        System.out.printf(Locale.ROOT, "held-out accuracy %.4f, Bayes rate %.4f, gap %.4f%n", median.accuracy(),
                median.bayes(), median.bayes() - median.accuracy());
        if (!baselines.isEmpty()) {
            SklearnBaseline.Figures sk = SklearnBaseline.median(baselines);
            double java = totals[totals.length / 2] / 1000.0;
            System.out.printf(Locale.ROOT, "scikit-learn median: %s%n", sk.line());
            System.out.printf(Locale.ROOT, "end to end, this path / scikit-learn: %.2f s / %.2f s = %.2f"
                    + " (runs alternated; per-run ratios %s)%n", java, sk.total(), java / sk.total(),
                    ratios(results, baselines));
            System.out.printf(Locale.ROOT, "CPU, this JVM's every thread / the Python process: %.2f s / %.2f s = %.2f%n",
                    median.processCpu() / 1000.0, sk.cpu(), median.processCpu() / 1000.0 / sk.cpu());
        }
        epochCost(csv, spec, median);
        System.out.println("load average " + loadAverage());
        Files.delete(csv);
    }

    private static String ratios(List<Run> runs, List<SklearnBaseline.Figures> baselines) {
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ratios.add(String.format(Locale.ROOT, "%.2f", Run.total(runs.get(i).wall()) / 1000.0 / baselines.get(i).total()));
        }
        return String.join(", ", ratios);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static TrainingSpec spec(int epochs) {
        return TrainingSpecs.from(Task.CLASSIFICATION,
                new TrainRequest.TrainerOptions(null, null, null, epochs, null, null, null, null, null, null), null);
    }

    private static Run run(Path csv, double[] truth, TrainingSpec spec, Path storeRoot) throws IOException {
        ModelPublisher publisher = new ModelPublisher(new ModelStore(new LocalBlobStore(storeRoot), new ObjectMapper()));
        try (HeapPeak heap = new HeapPeak()) {
            long processCpu = processCpuNanos();
            Laps laps = new Laps(PHASES.size());
            TabularData data = read(csv);
            laps.lap();
            Prepared prepared = prepare(data, spec);
            laps.lap();
            LinearFit<Label> fit = LinearFit.classification(data, prepared.split().train(), prepared.split().test(),
                    spec, csv.toString(), Set.copyOf(prepared.constant()));
            fit.trainingData();
            laps.lap();
            Model<Label> model = fit.fit();
            laps.lap();
            Map<String, Object> metrics = Evaluations.classification(fit.evaluatedModel(), fit.evaluationData(), LABELS,
                    "holdout");
            laps.lap();
            publisher.publish("bench", model, spec, data.features(), new ModelPublisher.Columns(prepared.constant(),
                    prepared.imputed(), fit.categories()), LABELS, metrics);
            laps.lap();
            return new Run(laps.wall(), laps.cpu(), (processCpuNanos() - processCpu) / 1_000_000,
                    (double) metrics.get("accuracy"),
                    SyntheticLogistic.bayesRate(truth, prepared.split().test()), heap.peakBytes(),
                    prepared.split().train().length);
        }
    }

    /** CPU time of every thread of this JVM: the collector's and the compiler's besides the main thread's. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** What the train function does between reading and the dataset: split, imputation, constant columns. */
    private record Prepared(Split split, Map<String, Double> imputed, List<String> constant) {
    }

    private static Prepared prepare(TabularData data, TrainingSpec spec) {
        Split split = Split.of(data, Task.CLASSIFICATION, HOLDOUT, spec.seed());
        Map<String, Double> imputed = Imputation.fill(data, split.train());
        List<String> constant = spec.standardize() ? ConstantColumns.of(data, split.train()) : List.of();
        return new Prepared(split, imputed, constant);
    }

    /** Fits once more with one epoch: the difference to the full fit is what each further epoch costs. */
    private static void epochCost(Path csv, TrainingSpec spec, Run median) throws IOException {
        if (spec.epochs() < 2) {
            return;
        }
        TrainingSpec once = spec(1);
        TabularData data = read(csv);
        Prepared prepared = prepare(data, once);
        LinearFit<Label> fit = LinearFit.classification(data, prepared.split().train(), prepared.split().test(), once,
                csv.toString(), Set.copyOf(prepared.constant()));
        fit.trainingData();
        System.gc();
        Laps laps = new Laps(1);
        fit.fit();
        laps.lap();
        int trainRows = prepared.split().train().length;
        double perEpoch = (median.wall()[FIT] - laps.wall()[0]) / 1000.0 / (spec.epochs() - 1);
        double perEpochCpu = (median.cpu()[FIT] - laps.cpu()[0]) / 1000.0 / (spec.epochs() - 1);
        System.out.printf(Locale.ROOT, "fit with 1 epoch %.2f s (cpu %.2f) → each further epoch %.2f s (cpu %.2f, "
                + "%,.0f rows/s), one-off setup in the fit %.2f s (cpu %.2f)%n", laps.wall()[0] / 1000.0,
                laps.cpu()[0] / 1000.0, perEpoch, perEpochCpu, trainRows / perEpochCpu,
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
        System.out.println(line.append(String.format(Locale.ROOT, " end-to-end %.2f s (cpu %.2f, process cpu %.2f) | "
                + "fit %.2f s/epoch, %,.0f rows/s | accuracy %.4f | peak heap %d MB", Run.total(run.wall()) / 1000.0,
                Run.total(run.cpu()) / 1000.0, run.processCpu() / 1000.0, fit / epochs, run.trainRows() * epochs / fit, run.accuracy(),
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
        return new Run(wall, cpu, median(runs.stream().mapToLong(Run::processCpu).toArray()),
                accuracies[accuracies.length / 2], runs.get(0).bayes(),
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
