package org.bantin.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.MultiPartSpecification;

@QuarkusTest
class MediaApiTest extends ApiTest {

    static final String MEDIA = "/api/v1/admin/media";
    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    static final String HOI_NGHI = "Đồng chí Chủ tịch UBND tỉnh chủ trì hội nghị sơ kết công tác cải cách hành chính";

    /** Uploads a file as multipart/form-data with an alt text; returns the response. */
    static Response uploadForm(String fileName, byte[] bytes, String partType, String alt) {
        var request = multipartAs(ADMIN_TOKEN).multiPart("file", fileName, bytes, partType);
        if (alt != null) {
            request.multiPart(field("alt", alt))
                    .multiPart(field("caption", "Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị."));
        }
        return request.post(MEDIA);
    }

    /** A text field of a form, in UTF-8 as browsers send it. */
    static MultiPartSpecification field(String name, String value) {
        return new MultiPartSpecBuilder(value).controlName(name).charset(StandardCharsets.UTF_8).build();
    }

    /** A photo no other test uploads: identical uploads share their stored files. */
    static JsonPath uploadedImage(String alt) {
        return uploadForm("hoi-nghi.jpg", uniqueJpeg(1800, 1200), "image/jpeg", alt).then().statusCode(201)
                .extract().jsonPath();
    }

    static byte[] uniqueJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        return MediaSamples.encode(image, "jpeg");
    }

    private static byte[] sample(String name) {
        return switch (name) {
            case "jpeg" -> MediaSamples.jpeg(1200, 800);
            case "png" -> MediaSamples.png(640, 480);
            case "webp" -> MediaSamples.webp(640, 480);
            case "gif" -> MediaSamples.gif(320, 240);
            case "pdf" -> MediaSamples.pdf();
            case "docx" -> MediaSamples.docx();
            case "xlsx" -> MediaSamples.xlsx();
            case "odt" -> MediaSamples.odt();
            case "zip" -> MediaSamples.zip();
            case "svgWithScript" -> MediaSamples.svgWithScript();
            case "html" -> MediaSamples.html();
            case "elfExecutable" -> MediaSamples.elfExecutable();
            case "windowsExecutable" -> MediaSamples.windowsExecutable();
            case "jpegZipPolyglot" -> MediaSamples.jpegZipPolyglot();
            case "text" -> MediaSamples.text();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private long mediaRows() {
        return count("SELECT count(*) FROM media");
    }

    @Test
    void anImageUploadedAsAFormGetsItsRenditions() {
        Response response = uploadForm("Hội nghị sơ kết.jpg", uniqueJpeg(1800, 1200), "image/jpeg", HOI_NGHI);
        response.then().statusCode(201)
                .header("Location", containsString("/api/v1/admin/media/"))
                .header("ETag", equalTo("\"0\""))
                .body("kind", equalTo("image"))
                .body("fileName", equalTo("Hội nghị sơ kết.jpg"))
                .body("contentType", equalTo("image/jpeg"))
                .body("url", startsWith("/api/v1/media/files/"))
                .body("width", equalTo(1800)).body("height", equalTo(1200))
                .body("alt", equalTo(HOI_NGHI))
                .body("focalPoint.x", equalTo(0.5f))
                .body("renditions.name", equalTo(List.of("w320", "w320-webp", "w640", "w640-webp", "w1024", "w1024-webp",
                        "w1600", "w1600-webp", "og")))
                .body("renditions.find { it.name == 'w640-webp' }.contentType", equalTo("image/webp"))
                .body("renditions.find { it.name == 'w640' }.width", equalTo(640))
                .body("renditions.find { it.name == 'w640' }.height", equalTo(427))
                .body("renditions.find { it.name == 'og' }.width", equalTo(1200))
                .body("renditions.find { it.name == 'og' }.height", equalTo(630))
                .body("usedBy", hasSize(0));
        JsonPath media = response.jsonPath();
        String sha256 = media.getString("sha256");
        assertEquals(64, sha256.length());
        assertTrue(media.getString("url").endsWith(".jpg"), "the url names a JPEG");
        // The url's name is the SHA-256 of the file there (a re-encoding), never the upload's.
        assertNotEquals(sha256 + ".jpg", media.getString("url").substring("/api/v1/media/files/".length()));
        given().get(media.getString("url")).then().statusCode(200).contentType("image/jpeg");
    }

    @Test
    void noFileServedOfAPhotoTellsWhereItWasTaken() throws Exception {
        byte[] upload = MediaSamples.jpegWithGps(1700, 1100);
        assertTrue(ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload), upload.length)
                .containsDirectoryOfType(GpsDirectory.class), "the upload carries its GPS position");
        JsonPath media = admin().contentType("image/jpeg").body(upload).queryParam("alt", "Ảnh có toạ độ").post(MEDIA)
                .then().statusCode(201).extract().jsonPath();
        List<String> urls = new ArrayList<>(media.getList("renditions.url", String.class));
        urls.add(media.getString("url"));
        assertEquals(10, urls.size());
        for (String url : urls) {
            byte[] served = given().get(url).then().statusCode(200).extract().asByteArray();
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(served), served.length);
            for (var directory : List.of(GpsDirectory.class, ExifIFD0Directory.class, ExifSubIFDDirectory.class,
                    XmpDirectory.class)) {
                assertFalse(metadata.containsDirectoryOfType(directory), url + " has " + directory.getSimpleName());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "photo.jpg, jpeg, image/jpeg, image",
            "photo.png, png, image/png, image",
            "photo.webp, webp, image/webp, image",
            "photo.gif, gif, image/gif, image",
            "quyet-dinh.pdf, pdf, application/pdf, document",
            "mau-don.docx, docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document, document",
            "bieu-mau.xlsx, xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, document",
            "du-thao.odt, odt, application/vnd.oasis.opendocument.text, document",
            "ho-so.zip, zip, application/zip, document"})
    void everyAcceptedTypeIsStoredAsItsBytesSay(String fileName, String sample, String contentType, String kind) {
        byte[] bytes = sample(sample);
        // Sent raw, declared by its own type; images come back as JPEG or PNG renditions.
        JsonPath media = admin().contentType(contentType).body(bytes).queryParam("fileName", fileName)
                .queryParam("alt", "Ảnh minh họa").post(MEDIA).then().statusCode(201)
                .body("kind", equalTo(kind)).body("fileName", equalTo(fileName)).extract().jsonPath();
        if (kind.equals("document")) {
            assertEquals(contentType, media.getString("contentType"));
            assertEquals(bytes.length, media.getLong("bytes"));
            assertEquals(null, media.getString("width"));
        } else {
            assertTrue(List.of("image/jpeg", "image/png").contains(media.getString("contentType")),
                    media.getString("contentType"));
            assertEquals("Ảnh minh họa", media.getString("alt"));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "so-do.svg, svgWithScript, image/svg+xml",
            "trang.html, html, text/html",
            "anh.jpg, elfExecutable, image/jpeg",
            "anh.jpg, windowsExecutable, image/jpeg",
            "anh.jpg, jpegZipPolyglot, image/jpeg",
            "ghi-chu.txt, text, text/plain"})
    void refusedTypesAre415AndStoreNothing(String fileName, String sample, String declared) {
        long rows = mediaRows();
        long files = count("SELECT count(*) FROM media_files");
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("multipart/form-data")
                .multiPart("file", fileName, sample(sample), declared).post(MEDIA)
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:bantin:problem:unsupported-media-type"));
        assertEquals(rows, mediaRows());
        assertEquals(files, count("SELECT count(*) FROM media_files"));
    }

    @Test
    void aDocumentDownloadsUnderTheExtensionOfItsType() {
        // A right-to-left override and a harmful extension: the name keeps neither.
        byte[] unique = (new String(MediaSamples.pdf(), StandardCharsets.ISO_8859_1) + "% " + System.nanoTime() + "\n")
                .getBytes(StandardCharsets.ISO_8859_1); // identical files share their address and download name
        JsonPath pdf = admin().contentType("application/pdf").body(unique)
                .queryParam("fileName", "bao-cao\u202Efdp.hta").post(MEDIA).then().statusCode(201)
                .body("fileName", equalTo("bao-caofdp.pdf")).extract().jsonPath();
        admin().contentType(MERGE_PATCH).body(Map.of("fileName", "Kế hoạch.html")).patch(MEDIA + "/" + pdf.getLong("id"))
                .then().statusCode(200).body("fileName", equalTo("Kế hoạch.pdf"));
        given().get(pdf.getString("url")).then().statusCode(200)
                .header("Content-Disposition", containsString("K%E1%BA%BF%20ho%E1%BA%A1ch.pdf"));
    }

    @Test
    void aFileDeclaredAsAnotherTypeIsRefused() {
        long rows = mediaRows();
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("image/jpeg")
                .body(MediaSamples.png(40, 30)).post(MEDIA)
                .then().statusCode(415).body("detail", containsString("image/png"));
        assertEquals(rows, mediaRows());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        long rows = mediaRows();
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("image/png")
                .body(MediaSamples.pngBomb(100_000, 100_000)).post(MEDIA)
                .then().statusCode(422).body("type", equalTo("urn:bantin:problem:image-too-large"))
                .body("detail", containsString("100000"));
        assertEquals(rows, mediaRows());
    }

    @Test
    void theLibraryIsSearchedWithoutTonesAndFilteredByKind() {
        String marker = "Trang An " + System.nanoTime();
        String alt = "Thuyền trên sông Tràng An " + marker.substring(9);
        long image = uploadForm("trang-an.jpg", MediaSamples.jpeg(400, 300), "image/jpeg", alt).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long pdf = admin().contentType("application/pdf").body(MediaSamples.pdf())
                .queryParam("fileName", "Kế hoạch Tràng An " + marker.substring(9) + ".pdf").post(MEDIA)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String words = "trang an " + marker.substring(9);
        admin().queryParam("q", words).get(MEDIA).then().statusCode(200)
                .body("items.id", equalTo(List.of((int) pdf, (int) image))).body("total", equalTo(2));
        admin().queryParam("q", words).queryParam("kind", "image").get(MEDIA).then().statusCode(200)
                .body("items.id", equalTo(List.of((int) image)));
        admin().queryParam("q", words).queryParam("limit", 1).queryParam("page", 2).get(MEDIA).then().statusCode(200)
                .body("items.id", equalTo(List.of((int) image))).body("total", equalTo(2));
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("kind", "video").get(MEDIA)
                .then().statusCode(400);
    }

    @Test
    void editorsDescribeMediaAndMoveItsFocalPoint() {
        JsonPath media = uploadedImage(null);
        long id = media.getLong("id");
        String og = media.getString("renditions.find { it.name == 'og' }.url");
        admin().contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body(Map.of("alt", HOI_NGHI, "credit", "Phòng Thông tin – Báo chí", "focalPoint",
                        Map.of("x", 0.1, "y", 0.9)))
                .patch(MEDIA + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("alt", equalTo(HOI_NGHI)).body("credit", equalTo("Phòng Thông tin – Báo chí"))
                .body("focalPoint.x", equalTo(0.1f)).body("focalPoint.y", equalTo(0.9f))
                .body("renditions.find { it.name == 'og' }.url", not(equalTo(og)));
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"").body(Map.of("caption", "Cũ")).patch(MEDIA + "/" + id).then().statusCode(412);
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(MERGE_PATCH)
                .body(Map.of("focalPoint", Map.of("x", 1.5, "y", 0.5))).patch(MEDIA + "/" + id).then().statusCode(422);
    }

    private String newCategory() {
        String name = "Chuyên mục ảnh " + System.nanoTime();
        return admin().body(Map.of("name", name)).post("/api/v1/admin/categories").then().statusCode(201)
                .extract().path("slug");
    }

    private long articleShowing(long mediaId, String title) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("category", newCategory());
        article.put("body", "<p>Toàn cảnh hội nghị.</p><img data-media-id=\"" + mediaId + "\">");
        article.put("coverImage", Map.of("mediaId", mediaId));
        return admin().body(article).post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void mediaThatAnArticleShowsCannotBeDeleted() {
        long media = uploadedImage(HOI_NGHI).getLong("id");
        String title = "Hội nghị sơ kết " + System.nanoTime();
        long article = articleShowing(media, title);
        admin().get(MEDIA + "/" + media).then().statusCode(200).body("usedBy.id", equalTo(List.of((int) article)));
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).delete(MEDIA + "/" + media)
                .then().statusCode(409).body("detail", containsString(article + " (“" + title + "”)"));
        assertEquals(1, count("SELECT count(*) FROM media WHERE id = " + media));

        admin().delete("/api/v1/admin/articles/" + article).then().statusCode(204);
        long files = count("SELECT count(*) FROM media_files");
        admin().delete(MEDIA + "/" + media).then().statusCode(204);
        assertEquals(0, count("SELECT count(*) FROM media WHERE id = " + media));
        assertTrue(count("SELECT count(*) FROM media_files") < files, "its files are gone");
        admin().get(MEDIA + "/" + media).then().statusCode(404);
    }

    @Test
    void anImageNeedsItsAltTextBeforeTheArticleIsPublished() {
        JsonPath media = uploadedImage(null);
        long id = media.getLong("id");
        long article = articleShowing(id, "Bài có ảnh chưa mô tả " + System.nanoTime());
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json")
                .post("/api/v1/admin/articles/" + article + "/publish")
                .then().statusCode(422).body("detail", containsString(id + " (hoi-nghi.jpg)"));
        admin().get("/api/v1/admin/articles/" + article).then().body("state", equalTo("draft"));

        admin().contentType(MERGE_PATCH)
                .body(Map.of("alt", HOI_NGHI, "caption", "Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị."))
                .patch(MEDIA + "/" + id).then().statusCode(200);
        String slug = admin().post("/api/v1/admin/articles/" + article + "/publish").then().statusCode(200)
                .extract().path("slug");
        // Published, its images keep their alt text.
        HashMap<String, Object> clear = new HashMap<>();
        clear.put("alt", null);
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(MERGE_PATCH)
                .body(clear).patch(MEDIA + "/" + id).then().statusCode(422)
                .body("detail", containsString("published articles show this image"));

        // A change that takes in an image without alt text waits as a pending version, and cannot be published either.
        long bare = uploadedImage(null).getLong("id");
        admin().contentType(MERGE_PATCH).body(Map.of("body", "<p>Ảnh mới.</p><img data-media-id=\"" + bare + "\">"))
                .patch("/api/v1/admin/articles/" + article).then().statusCode(200).body("pending.state", equalTo("draft"));
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json")
                .post("/api/v1/admin/articles/" + article + "/publish")
                .then().statusCode(422).body("detail", containsString(bare + " (hoi-nghi.jpg)"));
        admin().get(MEDIA + "/" + bare).then().body("usedBy", hasSize(1));
        api().get("/api/v1/articles/" + slug).then().statusCode(200).body("body", not(containsString("Ảnh mới")));

        // Readers get the picture: widths, size, alt text and caption.
        api().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("coverImage.mediaId", equalTo((int) id))
                .body("coverImage.url", equalTo(media.getString("url")))
                .body("coverImage.width", equalTo(1800))
                .body("coverImage.alt", equalTo(HOI_NGHI))
                .body("coverImage.srcset", containsString(" 320w, "))
                .body("coverImage.webpSrcset", containsString(".webp 320w"))
                .body("coverImage.ogImage", equalTo(media.getString("renditions.find { it.name == 'og' }.url")))
                .body("body", containsString("<figure><picture><source type=\"image/webp\" srcset=\""))
                .body("body", containsString("width=\"1800\" height=\"1200\" alt=\"" + HOI_NGHI + "\" loading=\"lazy\""))
                .body("body", containsString(
                        "<figcaption>Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị.</figcaption>"));
    }

    @Test
    void aLibraryUrlInABodyCountsAsItsMedia() {
        JsonPath media = uploadedImage(HOI_NGHI);
        long id = media.getLong("id");
        Map<String, Object> article = new HashMap<>();
        article.put("title", "Bài dán địa chỉ ảnh " + System.nanoTime());
        article.put("category", newCategory());
        article.put("body", "<figure><img src=\"" + media.getString("renditions.find { it.name == 'w640' }.url")
                + "\" alt=\"Ảnh riêng của bài\"><figcaption>Chú thích riêng</figcaption></figure>");
        admin().body(article).post("/api/v1/admin/articles").then().statusCode(201)
                .body("body", containsString("data-media-id=\"" + id + "\""))
                .body("coverImage", nullValue());
        admin().get(MEDIA + "/" + id).then().body("usedBy", hasSize(1));
        article.put("body", "<img data-media-id=\"999999999\" alt=\"x\">");
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json").body(article)
                .post("/api/v1/admin/articles").then().statusCode(422).body("detail", containsString("999999999"));
    }

    @Test
    void authorsUploadButChangeOnlyTheirOwnMedia() {
        String author = tokenWithRole("author");
        long own = multipartAs(author).multiPart("file", "cua-toi.png", MediaSamples.png(64, 48), "image/png").post(MEDIA)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long others = uploadedImage(HOI_NGHI).getLong("id");
        as(author).contentType(MERGE_PATCH).body(Map.of("alt", "Ảnh của tôi"))
                .patch(MEDIA + "/" + own).then().statusCode(200);
        badRequest().header("Authorization", "Bearer " + author).delete(MEDIA + "/" + others).then().statusCode(403);
        as(author).get(MEDIA).then().statusCode(200).body("items.id", hasItems((int) own, (int) others));
        badRequest().contentType("image/png").body(MediaSamples.png(8, 8)).post(MEDIA).then().statusCode(401);
    }
}
