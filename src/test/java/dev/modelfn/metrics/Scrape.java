package dev.modelfn.metrics;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of /q/metrics: the value of a series by its Prometheus name and tags. */
final class Scrape {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_]+)=\"([^\"]*)\"");

    private final String text;

    private Scrape(String text) {
        this.text = text;
    }

    static Scrape now() {
        return new Scrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The value of the series {@code name} with exactly {@code tags} (in any order), or 0 when it is not exported. */
    double value(String name, String... tags) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < tags.length; i += 2) {
            wanted.put(tags[i], tags[i + 1]);
        }
        for (String line : text.split("\n")) {
            int brace = line.indexOf('{');
            int close = line.lastIndexOf('}');
            if (brace > 0 && close > brace && line.substring(0, brace).equals(name)
                    && labels(line.substring(brace + 1, close)).equals(wanted)) {
                return Double.parseDouble(line.substring(close + 1).trim());
            }
        }
        return 0;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }

    String text() {
        return text;
    }
}
