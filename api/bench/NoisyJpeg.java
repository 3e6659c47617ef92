import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a photo-like JPEG for api/bench/media: smooth colour fields (bilinear value noise on a
 * 64-pixel grid) under a film grain (Gaussian, GRAIN levels, default 5), so that it compresses
 * like a camera's picture rather than like a flat or a random image: at 6000x4000 and quality 0.92,
 * about 6 MB. No library beyond the JDK. Usage: java NoisyJpeg.java WIDTH HEIGHT QUALITY SEED OUT.jpg [GRAIN]
 */
public class NoisyJpeg {

    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        float quality = Float.parseFloat(args[2]);
        Random random = new Random(Long.parseLong(args[3]));
        double grain = args.length > 5 ? Double.parseDouble(args[5]) : 5;
        int cell = 64;
        int gw = width / cell + 2;
        int gh = height / cell + 2;
        float[][][] grid = new float[3][gh][gw];
        for (float[][] channel : grid) {
            for (float[] row : channel) {
                for (int x = 0; x < gw; x++) {
                    row[x] = random.nextFloat() * 255;
                }
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] line = new int[width];
        for (int y = 0; y < height; y++) {
            int gy = y / cell;
            float fy = (y % cell) / (float) cell;
            for (int x = 0; x < width; x++) {
                int gx = x / cell;
                float fx = (x % cell) / (float) cell;
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    float[][] g = grid[c];
                    float top = g[gy][gx] + (g[gy][gx + 1] - g[gy][gx]) * fx;
                    float bottom = g[gy + 1][gx] + (g[gy + 1][gx + 1] - g[gy + 1][gx]) * fx;
                    double v = top + (bottom - top) * fy + random.nextGaussian() * grain;
                    rgb = rgb << 8 | (int) Math.max(0, Math.min(255, v));
                }
                line[x] = rgb;
            }
            image.setRGB(0, y, width, 1, line, 0, width);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(args[4]))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
    }
}
