package dev.modelfn.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.filter.Filter;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Calls checked against the OpenAPI document that the running application serves at /q/openapi. Call paths are
 * written as the document's templates with RestAssured path parameters ({@code get("/v2/models/{model}", "iris")}),
 * so that each call is recorded under the path and method of the document it exercises.
 */
public final class OpenApiCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** "METHOD /path/{template}" of every call made through {@link #valid()} or {@link #wrong()}. */
    private static final Set<String> CALLED = ConcurrentHashMap.newKeySet();
    /** "METHOD /path/{template} status" of every answer to such a call. */
    private static final Set<String> ANSWERED = ConcurrentHashMap.newKeySet();

    private static volatile Validation validation;

    private record Validation(JsonNode document, OpenApiValidationFilter strict, OpenApiValidationFilter lenientRequest,
            OpenApiValidationFilter securityOnly) {
    }

    private enum RequestChecks {
        /** Everything but the security requirement (the contract tests mostly run with token checks off). */
        ALL_BUT_SECURITY,
        /** None. */
        NONE,
        /** Only that the request carries what the operation's security requirement names. */
        ONLY_SECURITY
    }

    private OpenApiCalls() {
    }

    /** The document as the application serves it (read once: every test application serves the same one). */
    public static JsonNode document() {
        return validation().document();
    }

    /** A request the document allows: the request and its answer are checked. */
    public static RequestSpecification valid() {
        return given().filter(recorder()).filter(validation().strict());
    }

    /** A request that is deliberately wrong (malformed, or outside the document's schemas): only the answer is checked. */
    public static RequestSpecification wrong() {
        return given().filter(recorder()).filter(validation().lenientRequest());
    }

    /**
     * A request with a bearer token for a function that may need one: the document's security requirement must
     * be met; the rest of the request is not checked (the call only has to get past the token check).
     */
    public static RequestSpecification authorized() {
        return given().filter(recorder()).filter(validation().securityOnly());
    }

    /** The path and method of every call so far, as "GET /v2/models/{model}". */
    public static Set<String> called() {
        return Set.copyOf(CALLED);
    }

    /** The path, method and status of every answer so far, as "GET /v2/models/{model} 404". */
    public static Set<String> answered() {
        return Set.copyOf(ANSWERED);
    }

    /** An answer of a function: a problem of this kind. */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String kind) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:" + kind)).body("status", equalTo(status));
    }

    /** An answer under /v2: the Open Inference Protocol's error object and nothing else. */
    public static ValidatableResponse v2Error(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/json").body("keySet()", equalTo(Set.of("error")));
    }

    private static Validation validation() {
        if (validation == null) {
            String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString();
            try {
                validation = new Validation(JSON.readTree(document), filter(document, RequestChecks.ALL_BUT_SECURITY),
                        filter(document, RequestChecks.NONE), filter(document, RequestChecks.ONLY_SECURITY));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validation;
    }

    private static OpenApiValidationFilter filter(String document, RequestChecks checks) {
        LevelResolver.Builder levels = LevelResolver.create();
        switch (checks) {
            case ALL_BUT_SECURITY -> levels.withLevel("validation.request.security", ValidationReport.Level.IGNORE);
            case NONE -> levels.withLevel("validation.request", ValidationReport.Level.IGNORE);
            case ONLY_SECURITY -> levels.withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.security", ValidationReport.Level.ERROR);
        }
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(levels.build()).build());
    }

    private static Filter recorder() {
        return (request, response, context) -> {
            String operation = request.getMethod() + " " + request.getUserDefinedPath();
            CALLED.add(operation);
            var answer = context.next(request, response);
            ANSWERED.add(operation + " " + answer.statusCode());
            return answer;
        };
    }
}
