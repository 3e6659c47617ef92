package org.bantin.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import com.luciad.imageio.webp.WebPImageReaderSpi;

class ImageRenditionsTest {

    private static final long MAX_PIXELS = 50_000_000;
    private static final int RED = 0xFF0000;
    private static final int BLUE = 0x0000FF;

    private final ImageRenditions renditions = new ImageRenditions(MAX_PIXELS);

    @TempDir
    Path directory;

    @Test
    void everyRenditionIsNamedSizedAndDecodable() throws Exception {
        Processed processed = process(MediaSamples.jpeg(1800, 1200), DetectedType.JPEG, FocalPoint.CENTRE);

        assertEquals(1800, processed.width());
        assertEquals(1200, processed.height());
        Map<String, Rendition> byName = byName(processed);
        assertEquals(List.of("full", "w1600", "w1600-webp", "w1024", "w1024-webp", "w640", "w640-webp", "w320",
                "w320-webp", "og"), List.copyOf(byName.keySet()));
        assertSize(byName.get("full"), 1800, 1200, "image/jpeg", "jpg");
        assertSize(byName.get("w1600"), 1600, 1067, "image/jpeg", "jpg");
        assertSize(byName.get("w1024-webp"), 1024, 683, "image/webp", "webp");
        assertSize(byName.get("w320"), 320, 213, "image/jpeg", "jpg");
        assertSize(byName.get("og"), 1200, 630, "image/jpeg", "jpg");
    }

    @Test
    void pngGifAndWebpUploadsAreDecoded() throws Exception {
        for (var upload : Map.of(DetectedType.PNG, MediaSamples.png(700, 350), DetectedType.GIF,
                MediaSamples.gif(700, 350), DetectedType.WEBP, MediaSamples.webp(700, 350)).entrySet()) {
            Processed processed = process(upload.getValue(), upload.getKey(), FocalPoint.CENTRE);
            Rendition full = byName(processed).get("full");
            assertSize(full, 700, 350, "image/jpeg", "jpg");
            // the dark red block of the sample's top-left quarter survives every decoder
            assertColour(0x961414, decode(full).getRGB(20, 20), 40);
        }
    }

    @Test
    void locationAndAllOtherMetadataAreRemovedFromEveryRendition() throws Exception {
        byte[] upload = MediaSamples.jpegWithGps(2000, 1500);
        assertNotNull(metadata(upload).getFirstDirectoryOfType(GpsDirectory.class), "the sample carries GPS");

        Processed processed = process(upload, DetectedType.JPEG, FocalPoint.CENTRE);

        assertEquals(10, processed.renditions().size());
        for (Rendition rendition : processed.renditions()) {
            Metadata metadata = metadata(rendition.bytes());
            for (var directory : List.of(GpsDirectory.class, ExifIFD0Directory.class, ExifSubIFDDirectory.class,
                    XmpDirectory.class, IccDirectory.class)) {
                assertFalse(metadata.containsDirectoryOfType(directory), rendition.name() + " has " + directory);
            }
            assertFalse(contains(rendition.bytes(), "Exif\0\0"), rendition.name() + " carries an EXIF segment");
        }
    }

    /**
     * The stored top-left block, wherever each orientation puts it (6: the camera was turned a quarter clockwise, the
     * block ends up top right); 5–8 also swap width and height.
     */
    @ParameterizedTest
    @CsvSource({"1, 40, 20, 1, 1", "2, 40, 20, 38, 1", "3, 40, 20, 38, 18", "4, 40, 20, 1, 18", "5, 20, 40, 1, 1",
            "6, 20, 40, 18, 1", "7, 20, 40, 18, 38", "8, 20, 40, 1, 38"})
    void everyExifOrientationIsApplied(int orientation, int width, int height, int redX, int redY) throws Exception {
        Processed processed = process(MediaSamples.jpegWithOrientation(40, 20, orientation), DetectedType.JPEG,
                FocalPoint.CENTRE);

        assertEquals(width, processed.width());
        assertEquals(height, processed.height());
        BufferedImage upright = decode(byName(processed).get("full"));
        assertEquals(width, upright.getWidth());
        assertEquals(height, upright.getHeight());
        assertColour(0x961414, upright.getRGB(redX, redY), 60);
        assertFalse(isClose(0x961414, upright.getRGB(width - 1 - redX, height - 1 - redY), 60),
                "the opposite corner is not red");
    }

    @Test
    void pngOrientationIsAppliedToo() throws Exception {
        Processed processed = process(MediaSamples.pngWithOrientation(40, 20, 6), DetectedType.PNG,
                FocalPoint.CENTRE);

        BufferedImage upright = decode(byName(processed).get("full"));
        assertEquals(20, upright.getWidth());
        assertEquals(40, upright.getHeight());
        assertColour(0x961414, upright.getRGB(18, 1), 60);
    }

    @Test
    void imagesAreNeverEnlarged() throws Exception {
        Processed processed = process(MediaSamples.jpeg(700, 500), DetectedType.JPEG, FocalPoint.CENTRE);

        assertEquals(List.of("full", "w640", "w640-webp", "w320", "w320-webp", "og"),
                List.copyOf(byName(processed).keySet()));
        assertSize(byName(processed).get("full"), 700, 500, "image/jpeg", "jpg");
        // smaller than 1200 × 630: the largest 1200:630 box at the image's own size
        assertSize(byName(processed).get("og"), 700, 368, "image/jpeg", "jpg");
    }

    @Test
    void largeImagesAreDecodedSubsampledAndCappedAt2560() throws Exception {
        Processed processed = process(MediaSamples.jpeg(6000, 3000), DetectedType.JPEG, FocalPoint.CENTRE);

        assertEquals(2560, processed.width());
        assertEquals(1280, processed.height());
        BufferedImage full = decode(byName(processed).get("full"));
        assertEquals(2560, full.getWidth());
        assertColour(0x961414, full.getRGB(100, 100), 40);
    }

    @Test
    void largeWebpIsScaledWhileDecoding() throws Exception {
        Processed processed = process(MediaSamples.webp(5200, 1300), DetectedType.WEBP, FocalPoint.CENTRE);

        assertEquals(2560, processed.width());
        assertEquals(640, processed.height());
        assertColour(0x961414, decode(byName(processed).get("full")).getRGB(100, 100), 40);
    }

    @Test
    void onePixelImageStillHasItsFullAndOpenGraphRenditions() throws Exception {
        Processed processed = process(MediaSamples.png(1, 1), DetectedType.PNG, FocalPoint.CENTRE);

        assertEquals(List.of("full", "og"), List.copyOf(byName(processed).keySet()));
        assertSize(byName(processed).get("og"), 1, 1, "image/jpeg", "jpg");
    }

    @Test
    void transparentImagesBecomePngAndWebpWithTheirTransparency() throws Exception {
        Processed processed = process(MediaSamples.pngWithAlpha(800, 400), DetectedType.PNG, FocalPoint.CENTRE);

        Map<String, Rendition> byName = byName(processed);
        assertSize(byName.get("full"), 800, 400, "image/png", "png");
        assertSize(byName.get("w640"), 640, 320, "image/png", "png");
        assertEquals(0, decode(byName.get("full")).getRGB(10, 200) >>> 24, "left half stays see-through");
        assertEquals(0xFF, decode(byName.get("full")).getRGB(790, 200) >>> 24);
        BufferedImage webp = decodeWebp(byName.get("w640-webp"));
        assertTrue(webp.getRGB(10, 160) >>> 24 < 0x10, "the WebP keeps the transparency");
        // Open Graph previews are JPEG: transparency is shown on white
        assertSize(byName.get("og"), 762, 400, "image/jpeg", "jpg");
        assertColour(0xFFFFFF, decode(byName.get("og")).getRGB(5, 200), 8);
    }

    @Test
    void opaquePngWithAnAlphaChannelBecomesJpeg() throws Exception {
        BufferedImage opaque = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = opaque.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 400, 300);
        g.dispose();

        Processed processed = process(MediaSamples.encode(opaque, "png"), DetectedType.PNG, FocalPoint.CENTRE);

        assertSize(byName(processed).get("full"), 400, 300, "image/jpeg", "jpg");
    }

    @Test
    void decompressionBombIsRefusedFromItsHeaderBeforeAnyPixelIsDecoded() throws Exception {
        byte[] bomb = MediaSamples.pngBomb(100_000, 100_000);
        assertTrue(bomb.length < 1024, "a few hundred bytes declare ten billion pixels");
        Path file = write(bomb);

        // decoding would need 40 GB: only reading the header returns at once without running out of memory
        ImageTooLarge refused = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(ImageTooLarge.class,
                        () -> renditions.process(file, DetectedType.PNG, FocalPoint.CENTRE)));
        assertTrue(refused.getMessage().contains("100000 × 100000"), refused.getMessage());
    }

    @Test
    void imagesWithinTheLimitButLargerThanRenditionsAreAccepted() throws Exception {
        Processed processed = new ImageRenditions(3000L * 2000).process(write(MediaSamples.jpeg(3000, 2000)),
                DetectedType.JPEG, FocalPoint.CENTRE);
        assertEquals(2560, processed.width());
        assertThrows(ImageTooLarge.class, () -> new ImageRenditions(3000L * 2000 - 1)
                .process(write(MediaSamples.jpeg(3000, 2000)), DetectedType.JPEG, FocalPoint.CENTRE));
    }

    @Test
    void damagedImageIsUnreadable() throws Exception {
        byte[] jpeg = MediaSamples.jpeg(200, 100);
        byte[] damaged = Arrays.copyOf(jpeg, 40);

        assertThrows(UnreadableImage.class, () -> process(damaged, DetectedType.JPEG, FocalPoint.CENTRE));
    }

    @Test
    void focalPointChoosesWhatTheOpenGraphCropKeeps() throws Exception {
        byte[] upload = MediaSamples.encode(halves(2560, 800), "png");

        Rendition left = byName(process(upload, DetectedType.PNG, new FocalPoint(0.1, 0.5))).get("og");
        Rendition right = byName(process(upload, DetectedType.PNG, new FocalPoint(0.9, 0.5))).get("og");

        assertSize(left, 1200, 630, "image/jpeg", "jpg");
        assertColour(RED, decode(left).getRGB(600, 315), 40);
        assertColour(BLUE, decode(right).getRGB(600, 315), 40);
    }

    @Test
    void cropsAreRemadeFromTheStoredFullRendition() throws Exception {
        Processed processed = process(MediaSamples.encode(halves(2560, 800), "png"), DetectedType.PNG,
                new FocalPoint(0.1, 0.5));
        assertColour(RED, decode(byName(processed).get("og")).getRGB(600, 315), 40);
        Path full = Files.write(directory.resolve("full.jpg"), byName(processed).get("full").bytes());

        List<Rendition> crops = renditions.crops(full, new FocalPoint(0.9, 0.5));

        assertEquals(1, crops.size());
        assertSize(crops.get(0), 1200, 630, "image/jpeg", "jpg");
        assertColour(BLUE, decode(crops.get(0)).getRGB(600, 315), 40);
    }

    /** Red on the left, blue on the right. */
    private static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(RED));
        g.fillRect(0, 0, width / 2, height);
        g.setColor(new Color(BLUE));
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    private Processed process(byte[] bytes, DetectedType type, FocalPoint focal) throws Exception {
        return renditions.process(write(bytes), type, focal);
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(directory, "upload", ".bin"), bytes);
    }

    private static Map<String, Rendition> byName(Processed processed) {
        return processed.renditions().stream().collect(Collectors.toMap(Rendition::name, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }

    private static void assertSize(Rendition rendition, int width, int height, String contentType,
            String extension) throws IOException {
        assertEquals(width, rendition.width(), rendition.name());
        assertEquals(height, rendition.height(), rendition.name());
        assertEquals(contentType, rendition.contentType(), rendition.name());
        assertEquals(extension, rendition.extension(), rendition.name());
        BufferedImage image = contentType.equals("image/webp") ? decodeWebp(rendition) : decode(rendition);
        assertEquals(width, image.getWidth(), rendition.name() + " as encoded");
        assertEquals(height, image.getHeight(), rendition.name() + " as encoded");
    }

    private static BufferedImage decode(Rendition rendition) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(rendition.bytes()));
    }

    private static BufferedImage decodeWebp(Rendition rendition) throws IOException {
        var reader = new WebPImageReaderSpi().createReaderInstance();
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(rendition.bytes()))) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    private static Metadata metadata(byte[] bytes) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
    }

    private static boolean contains(byte[] bytes, String marker) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(marker);
    }

    private static void assertColour(int expected, int actual, int tolerance) {
        assertTrue(isClose(expected, actual, tolerance),
                String.format("expected colour %06x, found %06x", expected, actual & 0xFFFFFF));
    }

    private static boolean isClose(int expected, int actual, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((expected >> shift & 0xFF) - (actual >> shift & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
