package dev.modelfn.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQS event payloads as Lambda receives them from an event source mapping. */
final class SqsEvents {

    private SqsEvents() {
    }

    /** One record per entry: message id to body, in order. */
    static Map<String, Object> batch(Map<String, String> bodies) {
        List<Map<String, Object>> records = new ArrayList<>();
        bodies.forEach((id, body) -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("messageId", id);
            record.put("receiptHandle", "handle-" + id);
            record.put("body", body);
            record.put("attributes", Map.of("ApproximateReceiveCount", "1"));
            record.put("messageAttributes", Map.of());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", "arn:aws:sqs:eu-west-1:123456789012:modelfn-requests");
            record.put("awsRegion", "eu-west-1");
            records.add(record);
        });
        return Map.of("Records", records);
    }
}
