package dev.modelfn.events;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** CloudEvents as a Broker would post them, in binary and structured mode. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A binary-mode event's attribute headers, to which a test adds the data. */
    public static RequestSpecification ce(String type, String id) {
        return given().header("ce-id", id).header("ce-specversion", "1.0").header("ce-type", type)
                .header("ce-source", "/tests");
    }

    static Response binary(String type, String id, String data) {
        return ce(type, id).contentType("application/json").body(data).post("/");
    }

    static Response structured(Map<String, Object> event) {
        return given().contentType("application/cloudevents+json").body(event).post("/");
    }

    /** A structured-mode event with JSON data, as a mutable map so a test can take attributes out. */
    public static Map<String, Object> event(String type, String id, String data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/tests");
        event.put("type", type);
        event.put("datacontenttype", "application/json");
        event.put("data", new JsonPath(data).getMap("$"));
        return event;
    }
}
