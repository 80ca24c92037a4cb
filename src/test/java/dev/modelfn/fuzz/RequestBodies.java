package dev.modelfn.fuzz;

import static dev.modelfn.fuzz.HostileValues.quote;
import static dev.modelfn.fuzz.Template.field;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.modelfn.fuzz.BodyMutator.Body;
import dev.modelfn.fuzz.Template.Field;
import dev.modelfn.fuzz.Template.Kind;

/**
 * Valid-looking requests of each function, and hostile bodies made from them. Names are those of models
 * no store holds, and datasets are files that do not exist, wherever a mutation could leave the rest of a
 * request valid: so no hostile request can train, promote, roll back, delete or reload a stored model.
 */
final class RequestBodies {

    static final List<String> IRIS = List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm");
    static final List<String> DIABETES = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");

    /** The template a body was made from, which a wrong Content-Length cuts or stretches. */
    record Made(Template template, Body body) {
    }

    private final Random random;
    private final HostileValues values;
    private final BodyMutator mutator;

    RequestBodies(Random random) {
        this.random = random;
        this.values = new HostileValues(random);
        this.mutator = new BodyMutator(random, values);
    }

    HostileValues values() {
        return values;
    }

    /** A predict body with a defect in the request or in one of its rows. */
    Made predict() {
        boolean iris = random.nextInt(4) > 0;
        List<Template> rows = new ArrayList<>();
        for (int n = random.nextBoolean() ? 1 : 2 + random.nextInt(4); n > 0; n--) {
            rows.add(row(iris ? IRIS : DIABETES));
        }
        boolean batch = rows.size() > 1 || random.nextBoolean();
        if (random.nextInt(3) == 0) {
            int bad = random.nextInt(rows.size());
            Body row = mutator.mutate(rows.get(bad), false);
            Template outer = predictTemplate(iris, batch, rows, bad, row.text());
            return new Made(predictTemplate(iris, batch, rows, -1, null), Body.of("row:" + row.mutation(), outer.json()));
        }
        Template valid = predictTemplate(iris, batch, rows, -1, null);
        if (random.nextInt(12) == 0) {
            Template pinned = valid.plus(1, "version", quote(values.name()));
            return new Made(valid, Body.of("hostile-version", pinned.json()));
        }
        return new Made(valid, mutator.mutate(valid, false));
    }

    private Template row(List<String> features) {
        List<Field> fields = new ArrayList<>();
        for (String feature : features) {
            fields.add(field(feature, Kind.NUMBER, String.valueOf(Math.round(random.nextGaussian() * 300) / 100.0), true));
        }
        return new Template(fields);
    }

    private static Template predictTemplate(boolean iris, boolean batch, List<Template> rows, int bad, String badRow) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            texts.add(i == bad ? badRow : rows.get(i).json());
        }
        Field model = field("model", Kind.NAME, quote(iris ? "iris" : "diabetes"), true);
        Field data = batch ? field("rows", Kind.ARRAY, "[" + String.join(",", texts) + "]", true)
                : field("features", Kind.OBJECT, texts.get(0), true);
        return Template.of(model, data);
    }

    /**
     * A body of a lifecycle function (or of a model.promoted event) naming a model that is not stored.
     *
     * @param modelRequired whether the function refuses a request without a model; models and reload answer
     *                      every model then, so their model is never removed and their body never blank
     */
    Made lifecycle(boolean modelRequired) {
        Template valid = Template.of(field("model", Kind.NAME, quote(values.ghost()), modelRequired),
                field("version", Kind.NAME, quote("20990101T000000000Z-" + Integer.toHexString(0x100000 + random.nextInt(0xeffff))), false));
        if (random.nextBoolean()) {
            valid = valid.without(1);
        }
        return new Made(valid, mutator.mutate(valid, !modelRequired));
    }

    /** A train body whose dataset does not exist, with a defect on top: it can never train. */
    Made train() {
        Template trainer = Template.of(field("objective", Kind.STRING, quote(values.pick("logistic", "hinge", "squared")), false),
                field("optimizer", Kind.STRING, quote(values.pick("adagrad", "sgd", "rmsprop", "adam")), false),
                field("learningRate", Kind.NUMBER, "0.5", false), field("epochs", Kind.NUMBER, "3", false),
                field("seed", Kind.NUMBER, "42", false));
        Template data = Template.of(field("uri", Kind.STRING, quote("file:missing-" + random.nextInt(1000) + ".csv"), true));
        Template valid = Template.of(field("model", Kind.NAME, quote(values.ghost()), true),
                field("task", Kind.STRING, quote(values.pick("classification", "regression")), true),
                field("target", Kind.STRING, quote("species"), true),
                field("data", Kind.OBJECT, data.json(), true),
                field("trainer", Kind.OBJECT, trainer.json(), false),
                field("standardize", Kind.BOOLEAN, "true", false),
                field("holdout", Kind.NUMBER, "0.2", false),
                field("promote", Kind.BOOLEAN, "false", false));
        return switch (random.nextInt(6)) {
            case 0 -> nested(valid, 4, trainer, "trainer");
            case 1 -> new Made(valid, Body.of("hostile-uri", valid.with(3, "{\"uri\":" + quote(values.pick(
                    "file:../missing.csv", "file:/etc/missing", "file:..\\missing.csv", "file:%2e%2e/missing.csv",
                    "file:missing\u0000.csv", "file:///missing.csv", "ftp://127.0.0.1:1/missing.csv",
                    "http://127.0.0.1:1/missing.csv", "", "file:", "missing.csv", "file:" + values.oddString(12) + "missing"))
                    + "}").json()));
            default -> new Made(valid, mutator.mutate(valid, false));
        };
    }

    private Made nested(Template outer, int index, Template inner, String name) {
        Body body = mutator.mutate(inner, false);
        return new Made(outer, Body.of(name + ":" + body.mutation(), outer.with(index, body.text()).json()));
    }
}
