package org.bantin.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/** Which accepted type an upload is, decided from its bytes only: names and declared types are the sender's claims. */
public final class FileTypes {

    static final String ACCEPTED = "accepted: JPEG, PNG, WebP, GIF, PDF, DOCX, XLSX, ODT and ZIP";

    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry TYPES = MAGIC.getMediaTypeRegistry();
    private static final Map<MediaType, DetectedType> SINGLE_FORMATS = Map.of(MediaType.image("jpeg"),
            DetectedType.JPEG, MediaType.image("png"), DetectedType.PNG, MediaType.image("webp"), DetectedType.WEBP,
            MediaType.image("gif"), DetectedType.GIF, MediaType.application("pdf"), DetectedType.PDF);
    /** Refused families, most specific first, with the reason an editor reads. */
    private static final List<Map.Entry<MediaType, String>> REFUSED = List.of(
            Map.entry(MediaType.image("svg+xml"), "SVG images are not accepted: they can carry script"),
            Map.entry(MediaType.image("heic"), "HEIC photos are not accepted: export them as JPEG"),
            Map.entry(MediaType.image("heif"), "HEIC photos are not accepted: export them as JPEG"),
            Map.entry(MediaType.application("x-tika-msoffice"),
                    "Old Office files (.doc, .xls) are not accepted: save them as DOCX or XLSX"),
            Map.entry(MediaType.text("html"), "HTML files are not accepted"),
            Map.entry(MediaType.application("xhtml+xml"), "HTML files are not accepted"),
            Map.entry(MediaType.application("xml"), "XML files are not accepted"),
            Map.entry(MediaType.application("x-elf"), "Programs (executable files) are not accepted"),
            Map.entry(MediaType.application("x-msdownload"), "Programs (executable files) are not accepted"),
            Map.entry(MediaType.application("x-mach-o"), "Programs (executable files) are not accepted"),
            Map.entry(MediaType.application("java-vm"), "Programs (executable files) are not accepted"),
            Map.entry(MediaType.application("x-sh"), "Scripts are not accepted"),
            Map.entry(MediaType.text("plain"), "Text files are not accepted"));

    /** Browsers that second-guess a declared type sniff markup near the start; some parsers read from the end. */
    private static final int MARKUP_WINDOW = 8 * 1024;
    private static final List<String> MARKUP = List.of("<script", "<html", "<svg", "<!doctype html");
    /** A ZIP's end-of-central-directory record: 22 bytes plus a comment of at most 65535 bytes, at the very end. */
    private static final int END_OF_ZIP = 22;
    private static final int END_OF_ZIP_SEARCH = END_OF_ZIP + 0xFFFF;
    private static final int END_OF_ZIP_SIGNATURE = 0x06054b50;

    private FileTypes() {
    }

    /** The file's type; refused when it is not one of the accepted types, or when it is also another type. */
    public static DetectedType detect(Path file) throws UnsupportedMediaType {
        try {
            if (Files.size(file) == 0) {
                throw new UnsupportedMediaType("The file is empty");
            }
            MediaType magic = magicType(file);
            if (TYPES.isInstanceOf(magic, MediaType.APPLICATION_ZIP)) {
                return insideZip(file);
            }
            DetectedType type = SINGLE_FORMATS.get(magic);
            if (type == null) {
                throw new UnsupportedMediaType(refusal(magic, file));
            }
            refusePolyglot(file, type);
            return type;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MediaType magicType(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            // No file name in the metadata: Tika would otherwise trust the extension when magic is unsure.
            return TYPES.normalize(MAGIC.detect(in, new Metadata()));
        }
    }

    private static String refusal(MediaType magic, Path file) throws IOException {
        // a script is only text to magic detection; its #! line is what makes it run
        if (startsWith(file, "#!")) {
            return "Scripts are not accepted";
        }
        for (Map.Entry<MediaType, String> family : REFUSED) {
            if (TYPES.isInstanceOf(magic, family.getKey())) {
                return family.getValue();
            }
        }
        if (magic.equals(MediaType.OCTET_STREAM)) {
            return "The file's type could not be recognised; " + ACCEPTED;
        }
        return "Files of type " + magic.getBaseType() + " are not accepted; " + ACCEPTED;
    }

    /**
     * A file that is also another type is refused: whoever opens it with the other program (a browser sniffing HTML,
     * a ZIP reader finding an archive at the end, as in GIFAR) runs what the accepted type hid.
     */
    private static void refusePolyglot(Path file, DetectedType type) throws IOException, UnsupportedMediaType {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            byte[] head = read(in, 0, (int) Math.min(size, MARKUP_WINDOW));
            byte[] tail = read(in, Math.max(0, size - END_OF_ZIP_SEARCH), (int) Math.min(size, END_OF_ZIP_SEARCH));
            if (endsWithZipDirectory(tail)) {
                throw new UnsupportedMediaType("The " + type.extension().toUpperCase(Locale.ROOT)
                        + " file also carries a ZIP archive; save it again without the attachment");
            }
            byte[] tailWindow = read(in, Math.max(0, size - MARKUP_WINDOW), (int) Math.min(size, MARKUP_WINDOW));
            if (hasMarkup(head) || hasMarkup(tailWindow)) {
                throw new UnsupportedMediaType("The " + type.extension().toUpperCase(Locale.ROOT)
                        + " file also carries HTML or script; save it again from the original program");
            }
        }
    }

    /** True when a ZIP directory record ends exactly at the end of the file, as ZIP readers require. */
    private static boolean endsWithZipDirectory(byte[] tail) {
        ByteBuffer bytes = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = tail.length - END_OF_ZIP; at >= 0; at--) {
            if (bytes.getInt(at) == END_OF_ZIP_SIGNATURE
                    && at + END_OF_ZIP + Short.toUnsignedInt(bytes.getShort(at + 20)) == tail.length) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMarkup(byte[] window) {
        String text = new String(window, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return MARKUP.stream().anyMatch(text::contains);
    }

    /** Office documents are ZIPs; their entries say which. Entries are never extracted, so their content is not judged. */
    private static DetectedType insideZip(Path file) throws UnsupportedMediaType {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            // Bytes in front of the first entry are another file (an executable, an image) wearing the archive.
            if (zip.getFirstLocalFileHeaderOffset() > 0) {
                throw new UnsupportedMediaType("The ZIP archive has another file in front of it");
            }
            Set<String> names = new HashSet<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                names.add(entry.getName());
            }
            if (names.contains("[Content_Types].xml") && names.contains("word/document.xml")) {
                return DetectedType.DOCX;
            }
            if (names.contains("[Content_Types].xml") && names.contains("xl/workbook.xml")) {
                return DetectedType.XLSX;
            }
            return isOpenDocumentText(zip) ? DetectedType.ODT : DetectedType.ZIP;
        } catch (IOException e) {
            throw new UnsupportedMediaType("The ZIP archive is damaged and cannot be read");
        }
    }

    /** OpenDocument names its type in a first entry `mimetype`, stored uncompressed. */
    private static boolean isOpenDocumentText(ZipFile zip) throws IOException {
        var entries = zip.getEntriesInPhysicalOrder();
        if (!entries.hasMoreElements()) {
            return false;
        }
        ZipArchiveEntry first = entries.nextElement();
        if (!first.getName().equals("mimetype")) {
            return false;
        }
        try (InputStream in = zip.getInputStream(first)) {
            String declared = new String(in.readNBytes(100), StandardCharsets.US_ASCII).trim();
            return declared.equals(DetectedType.ODT.contentType());
        }
    }

    private static boolean startsWith(Path file, String prefix) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(prefix.length()), StandardCharsets.ISO_8859_1).equals(prefix);
        }
    }

    private static byte[] read(RandomAccessFile in, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.seek(offset);
        in.readFully(bytes);
        return bytes;
    }
}
