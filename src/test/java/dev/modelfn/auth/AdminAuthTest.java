package dev.modelfn.auth;

import static dev.modelfn.events.TestEvents.ce;
import static dev.modelfn.events.TestEvents.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.auth.Tokens.Kind;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every admin function, over plain HTTP and as a CloudEvent, with no token and four kinds of token. */
@QuarkusTest
@TestProfile(AdminAuthTest.Secured.class)
class AdminAuthTest {

    public static class Secured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.devservices.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(JwtKeysResource.class), new TestResourceEntry(StoreFolderResource.class));
        }
    }

    /** A call an admin may make, and what the function itself answers once the gate lets it through. */
    record Call(String function, String body, int status, String problem) {
        @Override
        public String toString() {
            return function;
        }
    }

    static final List<Call> HTTP_CALLS = List.of(
            new Call("train", trainRequest("auth-http"), 200, null),
            new Call("promote", "{\"model\":\"iris\",\"version\":\"20200101T000000000Z-000000\"}", 404, "unknown-version"),
            new Call("rollback", "{\"model\":\"iris\"}", 409, "nothing-to-roll-back"),
            new Call("reload", "{\"model\":\"iris\"}", 200, null),
            new Call("delete", "{\"model\":\"iris\",\"version\":\"20200101T000000000Z-000000\"}", 404, "unknown-version"));

    static final List<Call> EVENTS = List.of(
            new Call("modelfn.train", trainRequest("auth-event"), 200, null),
            new Call("modelfn.model.promoted", "{\"model\":\"iris\",\"version\":\"" + irisVersion() + "\"}", 204, null));

    static Stream<Arguments> httpCalls() {
        return HTTP_CALLS.stream().flatMap(call -> Stream.of(Kind.values()).map(kind -> Arguments.of(call, kind)));
    }

    static Stream<Arguments> events() {
        return EVENTS.stream().flatMap(call -> Stream.of(Kind.values())
                .flatMap(kind -> Stream.of(Arguments.of(call, kind, true), Arguments.of(call, kind, false))));
    }

    @Test
    void healthSaysAdminFunctionsNeedAToken() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'auth' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'auth' }.data.adminOpen", equalTo(false))
                .body("checks.find { it.name == 'auth' }.data.admin", equalTo("bearer token with group modelfn-admin"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("httpCalls")
    void adminFunctionOverHttpNeedsAnAdminToken(Call call, Kind kind) {
        Response response = withToken(given(), kind).contentType("application/json").body(call.body())
                .post("/" + call.function());
        expect(response, kind, call);
    }

    @ParameterizedTest(name = "{0} with {1}, binary {2}")
    @MethodSource("events")
    void adminEventNeedsAnAdminToken(Call call, Kind kind, boolean binary) {
        Response response = binary
                ? withToken(ce(call.function(), "auth-" + kind), kind).contentType("application/json").body(call.body()).post("/")
                : withToken(given(), kind).contentType("application/cloudevents+json")
                        .body(event(call.function(), "auth-" + kind, call.body())).post("/");
        expect(response, kind, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.modelfn.auth.AdminAuthTest#eventFunctionPaths")
    void eventFunctionsAndOtherSpellingsOfAdminPathsNeedAnAdminTokenToo(String path) {
        given().contentType("application/json").body("{\"model\":\"iris\"}").post(path)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:missing-token"));
    }

    static Stream<String> eventFunctionPaths() {
        return Stream.of("/trainEvent", "/modelPromotedEvent", "/train/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.modelfn.auth.AdminAuthTest#openCalls")
    void predictAndModelsStayOpenAndIgnoreTokens(String path) {
        given().header("Authorization", "Bearer not-a-token").contentType("application/json")
                .body("{\"model\":\"iris\",\"features\":{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,"
                        + "\"petal_length_cm\":1.4,\"petal_width_cm\":0.2}}")
                .post(path).then().statusCode(200);
    }

    static Stream<String> openCalls() {
        return Stream.of("/predict", "/models");
    }

    @Test
    void aPredictTypeHeaderCannotHideAStructuredTrainEvent() {
        given().header("ce-type", "modelfn.predict").contentType("application/cloudevents+json")
                .body(event("modelfn.train", "hidden", trainRequest("auth-hidden"))).post("/")
                .then().statusCode(401).body("type", equalTo("urn:modelfn:problem:missing-token"));
    }

    private static RequestSpecification withToken(RequestSpecification request, Kind kind) {
        String header = Tokens.header(kind, Access.ADMIN_GROUP);
        return header == null ? request : request.header("Authorization", header);
    }

    private static void expect(Response response, Kind kind, Call call) {
        if (!Tokens.refused(response, kind)) {
            response.then().statusCode(call.status());
            if (call.problem() != null) {
                response.then().body("type", equalTo("urn:modelfn:problem:" + call.problem()));
            }
        }
    }

    private static String trainRequest(String model) {
        try {
            String csv = Files.readString(Path.of("src/test/resources/data/iris.csv"));
            return new ObjectMapper().writeValueAsString(Map.of("model", model, "task", "classification",
                    "target", "species", "data", Map.of("csv", csv), "trainer", Map.of("epochs", 2)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String irisVersion() {
        try {
            return Files.readString(Path.of("models/iris/current")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
