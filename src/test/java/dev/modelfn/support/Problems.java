package dev.modelfn.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.restassured.response.ValidatableResponse;

/** Posts a body and checks it is refused with the given status and problem type. */
public final class Problems {

    private Problems() {
    }

    public static ValidatableResponse expectProblem(String path, String body, int status, String type) {
        return given().body(body).contentType("application/json")
                .when().post(path)
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modelfn:problem:" + type))
                .body("status", equalTo(status))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()));
    }
}
