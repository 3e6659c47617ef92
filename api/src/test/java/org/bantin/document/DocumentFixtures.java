package org.bantin.document;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bantin.support.ApiTest;

/** Documents as editors write them, each test's own issuer keeping its lists apart from other tests'. */
abstract class DocumentFixtures extends ApiTest {

    static final String ADMIN_DOCUMENTS = "/api/v1/admin/documents";
    static final String DOCUMENTS = "/api/v1/documents";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    final String issuer = "UBND tỉnh Ninh Bình " + System.nanoTime();

    Map<String, Object> document(String number, String summary) {
        Map<String, Object> document = new HashMap<>();
        document.put("number", number);
        document.put("type", "Quyết định");
        document.put("issuer", issuer);
        document.put("signer", Map.of("name", "Phạm Quang Ngọc", "position", "Chủ tịch"));
        document.put("field", "Cải cách hành chính");
        document.put("issuedAt", "2024-05-15");
        document.put("effectiveAt", "2024-06-01");
        document.put("summary", summary);
        return document;
    }

    long create(Map<String, Object> document) {
        return admin().body(document).post(ADMIN_DOCUMENTS).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    long createPublished(Map<String, Object> document) {
        long id = create(document);
        admin().post(ADMIN_DOCUMENTS + "/" + id + "/publish").then().statusCode(200);
        return id;
    }

    String slugOf(long id) {
        return admin().get(ADMIN_DOCUMENTS + "/" + id).then().statusCode(200).extract().path("slug");
    }

    /** The numbers of this test's published documents that the list finds with these extra parameters. */
    List<String> numbersFound(Map<String, ?> parameters) {
        Map<String, Object> query = new HashMap<>(parameters);
        query.put("issuer", issuer);
        return api().queryParams(query).get(DOCUMENTS).then().statusCode(200).extract().jsonPath()
                .getList("items.number");
    }
}
