package org.bantin.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPReadParam;
import com.luciad.imageio.webp.WebPWriteParam;

/** Re-encodes an uploaded image into its renditions: oriented upright, without metadata, never enlarged. */
final class ImageRenditions {

    static final int FULL_SIZE = 2560;
    static final int[] WIDTHS = {1600, 1024, 640, 320};
    static final int OG_WIDTH = 1200;
    static final int OG_HEIGHT = 630;
    private static final float JPEG_QUALITY = 0.85f;
    private static final float WEBP_QUALITY = 0.8f;
    // WebP goes through its own providers, not ImageIO's registry, whose plug-in scan depends on the class loader
    // that first touched it (Quarkus's dev and test modes load the application in loaders of their own).
    private static final WebPImageReaderSpi WEBP_READER = new WebPImageReaderSpi();
    private static final WebPImageWriterSpi WEBP_WRITER = new WebPImageWriterSpi();

    private final long maxPixels;

    ImageRenditions(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /**
     * Decodes (bounded memory: subsampled decode), applies EXIF orientation, and encodes renditions. A GIF gives its
     * first frame: animation is not kept.
     */
    Processed process(Path file, DetectedType type, FocalPoint focal) throws ImageTooLarge, UnreadableImage {
        // the decoded raster, the largest object, is unreachable as soon as the full rendition exists
        BufferedImage full = orient(fitWithin(decode(file, type), FULL_SIZE), orientation(file, type));
        List<Rendition> renditions = new ArrayList<>();
        renditions.add(flat("full", full));
        BufferedImage larger = full;
        for (int width : WIDTHS) {
            if (width < full.getWidth()) {
                larger = scale(larger, width, scaledHeight(full, width), full.getType());
                renditions.add(flat("w" + width, larger));
                renditions.add(webp("w" + width + "-webp", larger));
            }
        }
        renditions.add(og(full, focal));
        return new Processed(full.getWidth(), full.getHeight(), List.copyOf(renditions));
    }

    /** Only the focal-point crops again, from a stored full-size rendition (after a focal point edit). */
    List<Rendition> crops(Path fullRendition, FocalPoint focal) throws UnreadableImage {
        try {
            return List.of(og(fitWithin(decode(fullRendition, null), FULL_SIZE), focal));
        } catch (ImageTooLarge e) {
            throw new UnreadableImage("The stored image is larger than any rendition", e);
        }
    }

    /**
     * Reads the size from the header first: a few kilobytes can declare billions of pixels. Then decodes every n-th
     * pixel of every n-th row, n chosen so the raster stays at least FULL_SIZE on its long side (so the last step is a
     * filtered downscale, not dropped pixels) and below twice that: memory stays near 4 × (2 × 2560)² bytes whatever
     * the upload's size.
     */
    private BufferedImage decode(Path file, DetectedType type) throws ImageTooLarge, UnreadableImage {
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(in, type);
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new UnreadableImage("The image declares no pixels", null);
                }
                if ((long) width * height > maxPixels) {
                    throw new ImageTooLarge(width, height, maxPixels);
                }
                int step = Math.max(1, Math.max(width, height) / FULL_SIZE);
                ImageReadParam param = reader.getDefaultReadParam();
                if (param instanceof WebPReadParam webp && step > 1) {
                    // libwebp scales while decoding (filtered), instead of skipping pixels
                    webp.setUseScaling(true);
                    webp.setScaledWidth(Math.max(1, width / step));
                    webp.setScaledHeight(Math.max(1, height / step));
                } else {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImage("The image cannot be read: it is damaged or incomplete", e);
        }
    }

    /** The reader for the detected type; without one (a stored JPEG or PNG rendition), the one that knows the bytes. */
    private static ImageReader readerFor(ImageInputStream in, DetectedType type) throws IOException {
        if (type == DetectedType.WEBP) {
            return WEBP_READER.createReaderInstance();
        }
        Iterator<ImageReader> readers = type == null
                ? ImageIO.getImageReaders(in)
                : ImageIO.getImageReadersByMIMEType(type.contentType());
        if (!readers.hasNext()) {
            throw new IOException("No image reader for these bytes");
        }
        return readers.next();
    }

    /** The EXIF orientation (1 = upright); cameras store pixels as the sensor saw them and say how to turn them. */
    private static int orientation(Path file, DetectedType type) {
        if (type == DetectedType.GIF) {
            return 1;
        }
        try {
            var exif = ImageMetadataReader.readMetadata(file.toFile()).getFirstDirectoryOfType(ExifIFD0Directory.class);
            return exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
                    ? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION)
                    : 1;
        } catch (ImageProcessingException | MetadataException | IOException e) {
            // Unreadable metadata does not make the pixels unreadable: show them as stored.
            return 1;
        }
    }

    /** The image as 32-bit pixels (RGB, or ARGB when it really has transparency), at most size on its long side. */
    private static BufferedImage fitWithin(BufferedImage image, int size) {
        double ratio = Math.min(1, (double) size / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * ratio));
        int height = Math.max(1, (int) Math.round(image.getHeight() * ratio));
        if (!image.getColorModel().hasAlpha()) {
            return scale(image, width, height, BufferedImage.TYPE_INT_RGB);
        }
        BufferedImage withAlpha = scale(image, width, height, BufferedImage.TYPE_INT_ARGB);
        // many PNGs carry an alpha channel that is opaque everywhere: those are photos, better as JPEG
        for (int pixel : ((DataBufferInt) withAlpha.getRaster().getDataBuffer()).getData()) {
            if (pixel >>> 24 != 0xFF) {
                return withAlpha;
            }
        }
        return draw(withAlpha, width, height, BufferedImage.TYPE_INT_RGB);
    }

    /**
     * Halves while the image is at least twice too large (a bilinear half averages each 2 × 2 block), then one bilinear
     * step: close to area averaging, at a fraction of its cost.
     */
    static BufferedImage scale(BufferedImage source, int width, int height, int type) {
        BufferedImage current = source;
        int currentWidth = source.getWidth();
        int currentHeight = source.getHeight();
        do {
            currentWidth = Math.max(width, currentWidth / 2);
            currentHeight = Math.max(height, currentHeight / 2);
            current = draw(current, currentWidth, currentHeight, type);
        } while (currentWidth != width || currentHeight != height);
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (type == BufferedImage.TYPE_INT_RGB && source.getColorModel().hasAlpha()) {
                // formats without transparency show see-through pixels on white, as the page around them
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            } else {
                g.setComposite(AlphaComposite.Src);
            }
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Turns the pixels as EXIF orientation 2–8 says (mirror and/or quarter turns). */
    private static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        boolean turned = orientation >= 5;
        BufferedImage target = new BufferedImage(turned ? height : width, turned ? width : height, image.getType());
        int[] from = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        int targetWidth = target.getWidth();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int tx = switch (orientation) {
                    case 2, 3 -> width - 1 - x;
                    case 4 -> x;
                    case 5, 8 -> y;
                    default -> height - 1 - y; // 6: quarter turn clockwise; 7: transverse
                };
                int ty = switch (orientation) {
                    case 2 -> y;
                    case 3, 4 -> height - 1 - y;
                    case 5, 6 -> x;
                    default -> width - 1 - x; // 7, 8
                };
                to[ty * targetWidth + tx] = from[y * width + x];
            }
        }
        return target;
    }

    /** Link previews (Open Graph): the largest 1200:630 box around the focal point, scaled down to 1200 × 630. */
    private static Rendition og(BufferedImage full, FocalPoint focal) {
        int width = full.getWidth();
        int height = full.getHeight();
        double aspect = (double) OG_WIDTH / OG_HEIGHT;
        int boxWidth = (int) Math.min(width, Math.round(height * aspect));
        int boxHeight = (int) Math.min(height, Math.round(boxWidth / aspect));
        int left = clamp((int) Math.round(focal.x() * width - boxWidth / 2.0), width - boxWidth);
        int top = clamp((int) Math.round(focal.y() * height - boxHeight / 2.0), height - boxHeight);
        BufferedImage box = full.getSubimage(left, top, boxWidth, boxHeight);
        boolean larger = boxWidth > OG_WIDTH;
        BufferedImage crop = scale(box, larger ? OG_WIDTH : boxWidth, larger ? OG_HEIGHT : boxHeight,
                BufferedImage.TYPE_INT_RGB);
        return new Rendition("og", crop.getWidth(), crop.getHeight(), "image/jpeg", "jpg", jpeg(crop));
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }

    private static int scaledHeight(BufferedImage image, int width) {
        return Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
    }

    /** JPEG, or PNG when the image has transparency (JPEG has none). */
    private static Rendition flat(String name, BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return new Rendition(name, image.getWidth(), image.getHeight(), "image/png", "png", png(image));
        }
        return new Rendition(name, image.getWidth(), image.getHeight(), "image/jpeg", "jpg", jpeg(image));
    }

    private static Rendition webp(String name, BufferedImage image) {
        ImageWriter writer;
        try {
            writer = WEBP_WRITER.createWriterInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WebPWriteParam param = (WebPWriteParam) writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(CompressionType.Lossy);
        param.setCompressionQuality(WEBP_QUALITY);
        return new Rendition(name, image.getWidth(), image.getHeight(), "image/webp", "webp",
                encode(writer, image, param));
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        JPEGImageWriteParam param = new JPEGImageWriteParam(Locale.ROOT);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        // Huffman tables made for the image: about 8% fewer bytes for every reader, for a few milliseconds once
        param.setOptimizeHuffmanTables(true);
        return encode(writer, image, param);
    }

    private static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        return encode(writer, image, writer.getDefaultWriteParam());
    }

    /** Writes pixels only: no metadata object is passed, so no EXIF, XMP, ICC profile or comment is written. */
    private static byte[] encode(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
