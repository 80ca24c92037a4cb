package dev.modelfn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs bench/sklearn_train.py (pandas + scikit-learn's SGDClassifier) with /usr/bin/python3 on the benchmark's
 * CSV and reads its figures line: {@code sklearn load L scale S fit F evaluate E total T cpu C accuracy A peak-rss-mb M}.
 */
final class SklearnBaseline {

    private final Path script;

    SklearnBaseline(Path script) {
        this.script = script;
    }

    /**
     * Wall-clock seconds of each phase (scale: the split and the scaling), the process's CPU seconds (every
     * thread, the interpreter's start and imports included), held-out accuracy, peak resident memory.
     */
    record Figures(double load, double scale, double fit, double evaluate, double total, double cpu, double accuracy,
            long rssMb) {

        String line() {
            return String.format(Locale.ROOT, "scikit-learn load %.2f s | scale %.2f s | fit %.2f s | evaluate %.2f s"
                    + " | end-to-end %.2f s (process cpu %.2f) | accuracy %.4f | peak RSS %d MB", load, scale, fit,
                    evaluate, total, cpu, accuracy, rssMb);
        }
    }

    Figures run(Path csv, String target, int epochs, long seed) throws IOException {
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), csv.toString(), target,
                Integer.toString(epochs), Long.toString(seed)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("the scikit-learn baseline failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String line = output.lines().filter(l -> l.startsWith("sklearn ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("no figures from the scikit-learn baseline:\n" + output));
        String[] words = line.split(" ");
        return new Figures(value(words, "load"), value(words, "scale"), value(words, "fit"), value(words, "evaluate"),
                value(words, "total"), value(words, "cpu"), value(words, "accuracy"), (long) value(words, "peak-rss-mb"));
    }

    private static double value(String[] words, String name) {
        int at = Arrays.asList(words).indexOf(name);
        return Double.parseDouble(words[at + 1]);
    }

    /** The median of each figure on its own. */
    static Figures median(List<Figures> runs) {
        return new Figures(median(runs, Figures::load), median(runs, Figures::scale), median(runs, Figures::fit),
                median(runs, Figures::evaluate), median(runs, Figures::total), median(runs, Figures::cpu),
                median(runs, Figures::accuracy),
                (long) median(runs, f -> (double) f.rssMb()));
    }

    private static double median(List<Figures> runs, java.util.function.ToDoubleFunction<Figures> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        return values[values.length / 2];
    }
}
