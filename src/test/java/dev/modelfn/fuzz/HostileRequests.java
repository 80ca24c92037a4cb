package dev.modelfn.fuzz;

import static dev.modelfn.fuzz.HostileValues.quote;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import dev.modelfn.fuzz.BodyMutator.Body;
import dev.modelfn.fuzz.RequestBodies.Made;

/**
 * The hostile requests of one function, from one seed: hostile bodies, sometimes under a wrong Content-Type,
 * a wrong Content-Length, or over the size limits.
 */
final class HostileRequests {

    /** Every function the fuzzer attacks, as the test names them. */
    static final List<String> FUNCTIONS = List.of("predict", "predict-get", "models", "describe", "promote",
            "rollback", "reload", "delete", "train", "event-binary", "event-structured");

    private static final List<String> EVENT_TYPES = List.of("modelfn.predict", "modelfn.train", "modelfn.model.promoted");
    private static final String ROW = "{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}";
    /** Over the 10M body limit, and over the predict row limit: built once, they are costly. */
    private static final byte[] TOO_LARGE = ("{\"model\":\"iris\",\"rows\":["
            + String.join(",", Collections.nCopies(10 * 1024 * 1024 / ROW.length() + 10, ROW)) + "]}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOO_MANY_ROWS = ("{\"model\":\"iris\",\"rows\":["
            + String.join(",", Collections.nCopies(10_001, ROW)) + "]}").getBytes(StandardCharsets.UTF_8);

    private final String function;
    private final Random random;
    private final RequestBodies bodies;
    private final HostileValues values;

    HostileRequests(String function, long seed) {
        this.function = function;
        this.random = new Random(seed ^ function.hashCode());
        this.bodies = new RequestBodies(random);
        this.values = bodies.values();
    }

    HostileRequest next() {
        int roll = random.nextInt(1000);
        if (roll < 3 && !function.equals("predict-get")) {
            return HostileRequest.post(function, "body-too-large", path(), "application/json", TOO_LARGE);
        }
        if (roll < 8 && function.equals("predict")) {
            return HostileRequest.post(function, "too-many-rows", "/predict", "application/json", TOO_MANY_ROWS);
        }
        return switch (function) {
            case "predict" -> post(bodies.predict());
            case "predict-get" -> get("/predict");
            case "models", "reload" -> random.nextInt(5) == 0 ? get(path()) : post(bodies.lifecycle(false));
            case "describe", "promote", "rollback", "delete" -> random.nextInt(5) == 0 ? get(path()) : post(bodies.lifecycle(true));
            case "train" -> post(bodies.train());
            case "event-binary" -> binaryEvent();
            case "event-structured" -> structuredEvent();
            default -> throw new IllegalArgumentException(function);
        };
    }

    private String path() {
        return function.startsWith("event") ? "/" : "/" + function;
    }

    private HostileRequest post(Made made) {
        int roll = random.nextInt(100);
        if (roll < 3) {
            // declared longer than sent, then the sender stops: the body ends early
            byte[] valid = made.template().json().getBytes(StandardCharsets.UTF_8);
            return HostileRequest.post(function, "truncated-stream", path(), "application/json", valid)
                    .withContentLength(valid.length + 1 + random.nextInt(1000), true);
        }
        if (roll < 6) {
            // declared shorter than sent: the body read is a cut object, and the rest looks like the next request
            byte[] valid = made.template().json().getBytes(StandardCharsets.UTF_8);
            return HostileRequest.post(function, "short-content-length", path(), "application/json", valid)
                    .withContentLength(1 + random.nextInt(valid.length - 1), false);
        }
        Body body = made.body();
        String contentType = roll < 20 ? contentType() : "application/json";
        return HostileRequest.post(function, body.mutation() + (roll < 20 ? "+content-type" : ""), path(), contentType,
                body.bytes());
    }

    private String contentType() {
        return values.pick(null, "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "application/json; charset=utf-16",
                "application/cloudevents-batch+json", "application/cloudevents+json", "garbage", "*/*", "");
    }

    private HostileRequest get(String path) {
        List<String> params = new ArrayList<>();
        params.add("model=" + encode(values.name()));
        for (int n = random.nextInt(4); n > 0; n--) {
            params.add(switch (random.nextInt(5)) {
                case 0 -> "version=" + encode(values.name());
                case 1 -> "features." + encode(values.pick(RequestBodies.IRIS.get(0), values.oddString(5))) + "="
                        + encode(values.pick("5.1", "NaN", "x", "1e999", values.oddString(8)));
                case 2 -> encode(values.oddString(1 + random.nextInt(8))) + "=" + encode(values.oddString(8));
                case 3 -> "model=" + encode(values.ghost());
                // well-formed HTTP: a request line with raw spaces, quotes or brackets never reaches a function.
                // Left out: an escape that is no hex ("%zz"), which Vert.x answers with a bare 400 before any route
                default -> values.pick("%25", "%C0%AF", "%00", "version=%E9", "=", "&&", "features=%7B%7D",
                        "rows=1", "model%5B%5D=x", "model.x=1", "a%5Bb%5D=1", "features%5B0%5D=1");
            });
        }
        Collections.shuffle(params.subList(1, params.size()), random);
        HostileRequest request = HostileRequest.get(function, "query", path + "?" + String.join("&", params));
        return random.nextInt(10) == 0 ? request.withHeader("Content-Type", values.pick("text/plain", "application/json")) : request;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Made eventData(String type) {
        return switch (type) {
            case "modelfn.predict" -> bodies.predict();
            case "modelfn.train" -> bodies.train();
            default -> bodies.lifecycle(true);
        };
    }

    private HostileRequest binaryEvent() {
        String type = EVENT_TYPES.get(random.nextInt(EVENT_TYPES.size()));
        HostileRequest request = post(eventData(type))
                .withHeader("ce-id", "fuzz-" + random.nextInt(1_000_000))
                .withHeader("ce-specversion", "1.0")
                .withHeader("ce-source", "/fuzz")
                .withHeader("ce-type", type);
        if (random.nextInt(4) == 0) {
            String attribute = values.pick("ce-specversion", "ce-source", "ce-type", "ce-id");
            request = request.withHeader(attribute, values.pick("", " ", "0.3", "2.0", "modelfn.unknown",
                    "modelfn.predict ", values.oddString(10).replaceAll("[\\r\\n\\u0000-\\u001f\\u007f]", "?")));
        }
        return request;
    }

    private HostileRequest structuredEvent() {
        String type = EVENT_TYPES.get(random.nextInt(EVENT_TYPES.size()));
        Made data = eventData(type);
        Template envelope = Template.of(Template.field("specversion", Template.Kind.STRING, quote("1.0"), true),
                Template.field("id", Template.Kind.STRING, quote("fuzz-" + random.nextInt(1_000_000)), true),
                Template.field("source", Template.Kind.STRING, quote("/fuzz"), true),
                Template.field("type", Template.Kind.STRING, quote(type), true),
                Template.field("datacontenttype", Template.Kind.STRING, quote("application/json"), false),
                Template.field("data", Template.Kind.OBJECT, data.body().text(), true));
        Body body = random.nextInt(3) == 0 ? new BodyMutator(random, values).mutate(envelope, false)
                : Body.of("data:" + data.body().mutation(), envelope.json());
        return HostileRequest.post(function, body.mutation(), "/", "application/cloudevents+json", body.bytes());
    }
}
