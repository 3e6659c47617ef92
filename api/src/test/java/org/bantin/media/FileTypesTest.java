package org.bantin.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTypesTest {

    @TempDir
    Path directory;

    @Test
    void jpegIsAnImage() throws Exception {
        assertEquals(new DetectedType(MediaKind.IMAGE, "image/jpeg", "jpg"), detect(MediaSamples.jpeg(64, 48)));
    }

    @Test
    void pngIsAnImage() throws Exception {
        assertEquals(new DetectedType(MediaKind.IMAGE, "image/png", "png"), detect(MediaSamples.png(64, 48)));
    }

    @Test
    void webpIsAnImage() throws Exception {
        assertEquals(new DetectedType(MediaKind.IMAGE, "image/webp", "webp"), detect(MediaSamples.webp(64, 48)));
    }

    @Test
    void gifIsAnImage() throws Exception {
        assertEquals(new DetectedType(MediaKind.IMAGE, "image/gif", "gif"), detect(MediaSamples.gif(64, 48)));
    }

    @Test
    void pdfIsADocument() throws Exception {
        assertEquals(new DetectedType(MediaKind.DOCUMENT, "application/pdf", "pdf"), detect(MediaSamples.pdf()));
    }

    @Test
    void docxIsToldByItsEntries() throws Exception {
        assertEquals(new DetectedType(MediaKind.DOCUMENT,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
                detect(MediaSamples.docx()));
    }

    @Test
    void xlsxIsToldByItsEntries() throws Exception {
        assertEquals(new DetectedType(MediaKind.DOCUMENT,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
                detect(MediaSamples.xlsx()));
    }

    @Test
    void odtIsToldByItsMimetypeEntry() throws Exception {
        assertEquals(new DetectedType(MediaKind.DOCUMENT, "application/vnd.oasis.opendocument.text", "odt"),
                detect(MediaSamples.odt()));
    }

    @Test
    void anyOtherZipIsAPlainArchive() throws Exception {
        assertEquals(new DetectedType(MediaKind.DOCUMENT, "application/zip", "zip"), detect(MediaSamples.zip()));
    }

    @Test
    void zipHoldingProgramsAndPagesIsStillAnArchive() throws Exception {
        byte[] zip = MediaSamples.zip(Map.of("setup.exe", "MZ", "index.html", "<html><script></script>"));
        assertEquals(DetectedType.ZIP, detect(zip));
    }

    @Test
    void svgWithScriptIsRefused() {
        assertRefused(MediaSamples.svgWithScript(), "upload.svg", "SVG images are not accepted");
    }

    @Test
    void htmlIsRefused() {
        assertRefused(MediaSamples.html(), "page.html", "HTML files are not accepted");
    }

    @Test
    void linuxProgramIsRefused() {
        assertRefused(MediaSamples.elfExecutable(), "photo.jpg", "Programs (executable files) are not accepted");
    }

    @Test
    void windowsProgramNamedAsAPhotoIsRefused() {
        assertRefused(MediaSamples.windowsExecutable(), "photo.jpg", "Programs (executable files) are not accepted");
    }

    @Test
    void shellScriptIsRefused() {
        assertRefused(MediaSamples.shellScript(), "notes.txt", "Scripts are not accepted");
    }

    @Test
    void plainTextIsRefused() {
        assertRefused(MediaSamples.text(), "notes.txt", "Text files are not accepted");
    }

    @Test
    void iphoneHeicPhotoIsRefusedWithAHint() {
        byte[] heic = Arrays.copyOf(new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 64);
        assertRefused(heic, "IMG_0001.HEIC", "HEIC photos are not accepted: export them as JPEG");
    }

    @Test
    void oldOfficeDocumentIsRefusedWithAHint() {
        byte[] ole2 = Arrays.copyOf(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
                0x1A, (byte) 0xE1}, 1024);
        assertRefused(ole2, "bao-cao.doc", "Old Office files (.doc, .xls) are not accepted");
    }

    @Test
    void unknownBytesAreRefused() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = 0x01;
        assertRefused(noise, "data.bin", "could not be recognised");
    }

    @Test
    void emptyFileIsRefused() {
        assertRefused(new byte[0], "photo.jpg", "The file is empty");
    }

    @Test
    void jpegCarryingAZipIsRefused() {
        assertRefused(MediaSamples.jpegZipPolyglot(), "photo.jpg", "The JPG file also carries a ZIP archive");
    }

    @Test
    void gifCarryingAJavaArchiveIsRefused() {
        assertRefused(MediaSamples.gifZipPolyglot(), "photo.gif", "The GIF file also carries a ZIP archive");
    }

    @Test
    void pdfCarryingHtmlIsRefused() {
        assertRefused(MediaSamples.pdfWithHtml(), "report.pdf", "The PDF file also carries HTML or script");
    }

    @Test
    void pngWithScriptAtItsEndIsRefused() {
        byte[] png = MediaSamples.png(64, 48);
        byte[] tagged = Arrays.copyOf(png, png.length + 30);
        System.arraycopy("<SCRIPT>alert(1)</SCRIPT>".getBytes(), 0, tagged, png.length, 25);
        assertRefused(tagged, "photo.png", "The PNG file also carries HTML or script");
    }

    @Test
    void zipWithAnotherFileInFrontIsRefused() {
        byte[] front = MediaSamples.zip();
        byte[] behind = MediaSamples.docx();
        byte[] both = Arrays.copyOf(front, front.length + behind.length);
        System.arraycopy(behind, 0, both, front.length, behind.length);
        assertRefused(both, "report.docx", "The ZIP archive has another file in front of it");
    }

    @Test
    void damagedZipIsRefused() {
        byte[] zip = MediaSamples.zip();
        assertRefused(Arrays.copyOf(zip, zip.length - 30), "archive.zip", "The ZIP archive is damaged");
    }

    private DetectedType detect(byte[] bytes) throws Exception {
        return FileTypes.detect(write(bytes, "upload.bin"));
    }

    /** The file name is the sender's claim: it is written to disk but never consulted. */
    private void assertRefused(byte[] bytes, String name, String reason) {
        UnsupportedMediaType refused = assertThrows(UnsupportedMediaType.class,
                () -> FileTypes.detect(write(bytes, name)));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    private Path write(byte[] bytes, String name) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }
}
